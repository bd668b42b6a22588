/**
 * `npm run bench`: prints figures, never fails. Two tables:
 *  1. the pipeline's render time beside plain markdown-it (typographer +
 *     footnotes) on the same text, with the ratio, for the sample op-ed ×1,
 *     ×25 and ×250 (about 500, 12k and 125k words);
 *  2. keystroke → preview latency in the real Chromium shell (p50, p95),
 *     typed at a realistic pace into 1k-, 10k- and 100k-word documents.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { render, countWords } from '../renderer/markdown';
import { ROOT, startApp, tempDir } from '../test/e2e/harness';

const sample = readFileSync(path.join(ROOT, 'test/fixtures/sample-oped.md'), 'utf8');

/** The sample's body (no front matter) repeated, after one copy with its front matter. */
export function repeatSample(times: number): string {
  const body = sample.replace(/^---\n[\s\S]*?\n---\n/, '');
  return sample + '\n' + Array.from({ length: times - 1 }, () => body).join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function time(fn: () => void, budgetMs: number): { median: number; runs: number; spread: number } {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 5 || (performance.now() - start < budgetMs && samples.length < 200)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), runs: samples.length, spread: percentile(samples, 90) / Math.max(1e-6, percentile(samples, 10)) };
}

function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}

function pipelineTable(): void {
  const plain = new MarkdownIt({ html: true, typographer: true }).use(footnote);
  console.log('\nPipeline: Byline render() vs plain markdown-it (typographer + footnotes), median ms');
  console.log(`${pad('copies', 7)} ${pad('words', 8)} ${pad('byline', 9)} ${pad('plain', 9)} ${pad('ratio', 7)} ${pad('runs', 6)}`);
  for (const copies of [1, 25, 250]) {
    const text = repeatSample(copies);
    const ours = time(() => render(text), copies === 250 ? 4000 : 1500);
    const base = time(() => plain.render(text, {}), copies === 250 ? 4000 : 1500);
    console.log(
      `${pad(`×${copies}`, 7)} ${pad(countWords(text), 8)} ${pad(ours.median.toFixed(2), 9)} ${pad(base.median.toFixed(2), 9)} ${pad((ours.median / base.median).toFixed(2) + '×', 7)} ${pad(ours.runs, 6)}`,
    );
  }
}

/** Installed in the page: times each keystroke to the preview's change and the frame after it. */
const INSTRUMENT = `(() => {
  const frame = document.getElementById('preview');
  const article = frame.contentDocument.getElementById('document');
  const results = [];
  let pending = null;
  window.addEventListener('keydown', (e) => { pending = { start: e.timeStamp, editor: null, preview: null }; const p = pending;
    requestAnimationFrame(() => setTimeout(() => { p.editor = performance.now() - p.start; }, 0)); }, true);
  new MutationObserver(() => {
    const p = pending; if (!p || p.preview !== null) return;
    p.preview = -1;
    requestAnimationFrame(() => setTimeout(() => { p.preview = performance.now() - p.start; results.push(p); }, 0));
  }).observe(article, { childList: true, subtree: true, characterData: true });
  window.__bylineBench = results;
})()`;

async function latencyTable(keystrokes: number): Promise<void> {
  console.log(`\nKeystroke latency in the Chromium shell (${keystrokes} keystrokes at ~12/s), ms`);
  console.log(`${pad('words', 8)} ${pad('preview p50', 12)} ${pad('preview p95', 12)} ${pad('editor p50', 11)} ${pad('editor p95', 11)} ${pad('open ms', 8)}`);
  const dir = await tempDir('bench');
  for (const copies of [2, 20, 200]) {
    const file = path.join(dir, `doc-${copies}.md`);
    const text = repeatSample(copies);
    await writeFile(file, text);
    const opened = performance.now();
    const app = await startApp({ files: [file] });
    const openMs = performance.now() - opened;
    try {
      await app.page.evaluate(INSTRUMENT);
      await app.page.click('.cm-content');
      await app.page.keyboard.press('Control+Home');
      await app.page.keyboard.press('ArrowDown');
      const words = 'the quick brown fox jumps over a lazy dog ';
      for (let i = 0; i < keystrokes; i++) await app.page.keyboard.type(words[i % words.length]!, { delay: 80 });
      await app.page.waitForTimeout(300);
      const results = (await app.page.evaluate('window.__bylineBench')) as { preview: number; editor: number }[];
      const preview = results.map((r) => r.preview).filter((v) => v > 0);
      const editor = results.map((r) => r.editor).filter((v) => v > 0);
      console.log(
        `${pad(countWords(text), 8)} ${pad(percentile(preview, 50).toFixed(1), 12)} ${pad(percentile(preview, 95).toFixed(1), 12)} ${pad(percentile(editor, 50).toFixed(1), 11)} ${pad(percentile(editor, 95).toFixed(1), 11)} ${pad(openMs.toFixed(0), 8)}`,
      );
    } finally {
      await app.stop();
    }
  }
  console.log('(open ms: process start to app ready, including launching Chromium)');
}

async function main(): Promise<void> {
  pipelineTable();
  await latencyTable(Number(process.env.BENCH_KEYSTROKES ?? 200));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
