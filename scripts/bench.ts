/**
 * `npm run bench`: prints figures, never fails. Tables:
 *  1. the pipeline's full render time beside plain markdown-it (typographer +
 *     footnotes) on the same text, with the ratio, and the incremental
 *     renderer's cost for a one-character edit, for the sample op-ed ×1, ×25
 *     and ×250 (about 500, 12k and 125k words);
 *  2. keystroke → editor painted and keystroke → preview painted (p50, p95)
 *     in the real Chromium shell, typed at a realistic pace into 1k-, 10k- and
 *     100k-word documents, beside plain markdown-it's full-render time on
 *     the same document; first paint of each document after open; JS heap;
 *  3. export times (scripts/bench-export.ts).
 *
 * How keystrokes are timed (in the page): every keydown's timestamp joins a
 * queue. "Editor painted" is the keydown to the first task after the next
 * frame (rAF, then a posted message). Each preview refresh fires
 * `byline:preview-updated`; it completes every keystroke still queued, and
 * "preview painted" is the keydown to the first task after the frame that
 * follows the refresh. A run repeats each document `BENCH_RUNS` times (default
 * 2) and reports the spread between runs' p95s, since the machine is shared.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { render, countWords } from '../renderer/markdown';
import { createIncrementalRenderer } from '../renderer/markdown/incremental/incremental-renderer';
import { ROOT, startApp, tempDir } from '../test/e2e/harness';

const sample = readFileSync(path.join(ROOT, 'test/fixtures/sample-oped.md'), 'utf8');
const plain = new MarkdownIt({ html: true, typographer: true }).use(footnote);

/** The sample's body (no front matter) repeated, after one copy with its front matter. */
export function repeatSample(times: number): string {
  const body = sample.replace(/^---\n[\s\S]*?\n---\n/, '');
  return sample + '\n' + Array.from({ length: times - 1 }, () => body).join('\n');
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function time(fn: () => void, budgetMs: number): { median: number; runs: number } {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 5 || (performance.now() - start < budgetMs && samples.length < 200)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: percentile(samples, 50), runs: samples.length };
}

function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}

/** Incremental update after typing one character in the middle of `text`, median ms. */
function incrementalEdit(text: string, budgetMs: number): number {
  const renderer = createIncrementalRenderer({ sourceLines: true });
  renderer.update(text);
  const at = text.indexOf('Sunday afternoons', Math.floor(text.length / 2));
  let current = text;
  let i = 0;
  return time(() => {
    current = current.slice(0, at + i) + 'x' + current.slice(at + i);
    i++;
    renderer.update(current);
  }, budgetMs).median;
}

function pipelineTable(): void {
  console.log('\nPipeline: Byline full render() vs plain markdown-it (typographer + footnotes), and an incremental one-character edit, median ms');
  console.log(`${pad('copies', 7)} ${pad('words', 8)} ${pad('byline', 9)} ${pad('plain', 9)} ${pad('ratio', 7)} ${pad('incr.edit', 10)} ${pad('runs', 6)}`);
  for (const copies of [1, 25, 250]) {
    const text = repeatSample(copies);
    const budget = copies === 250 ? 4000 : 1500;
    const ours = time(() => render(text), budget);
    const base = time(() => plain.render(text, {}), budget);
    const edit = incrementalEdit(text, budget);
    console.log(
      `${pad(`×${copies}`, 7)} ${pad(countWords(text), 8)} ${pad(ours.median.toFixed(2), 9)} ${pad(base.median.toFixed(2), 9)} ${pad((ours.median / base.median).toFixed(2) + '×', 7)} ${pad(edit.toFixed(2), 10)} ${pad(ours.runs, 6)}`,
    );
  }
}

/** Installed in the page: keystroke → editor painted, keystroke → preview painted. */
const INSTRUMENT = `(() => {
  const channel = new MessageChannel();
  const tasks = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  const afterNextPaint = (fn) => requestAnimationFrame(() => { tasks.push(fn); channel.port2.postMessage(null); });
  const results = { editor: [], preview: [] };
  let pending = [];
  window.addEventListener('keydown', (e) => {
    const start = e.timeStamp;
    pending.push(start);
    afterNextPaint(() => results.editor.push(performance.now() - start));
  }, true);
  window.addEventListener('byline:preview-updated', () => {
    const done = pending;
    pending = [];
    if (done.length === 0) return;
    afterNextPaint(() => { const now = performance.now(); for (const start of done) results.preview.push(now - start); });
  });
  window.__bylineBench = results;
})()`;

interface RunResult {
  editor: number[];
  preview: number[];
  firstPaint: number;
  firstBuild: number;
  heapMb: number;
}

async function benchDocument(file: string, keystrokes: number): Promise<RunResult> {
  const app = await startApp({ files: [file] });
  try {
    await app.page.waitForFunction(() => document.getElementById('app')?.dataset.ready === 'true', undefined, { timeout: 120_000 });
    // The refresh that drew the opened document: the last one so far.
    const first = (await app.page.evaluate(() => {
      const refreshes = performance.getEntriesByName('byline:refresh');
      const last = refreshes[refreshes.length - 1];
      return last ? { end: last.startTime + last.duration, duration: last.duration } : { end: NaN, duration: NaN };
    })) as { end: number; duration: number };
    await app.page.click('.cm-content');
    await app.page.keyboard.press('Control+Home');
    for (let i = 0; i < 12; i++) await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('End');
    await app.page.waitForTimeout(300);
    await app.page.evaluate(INSTRUMENT);
    const words = 'the quick brown fox jumps over a lazy dog ';
    for (let i = 0; i < keystrokes; i++) await app.page.keyboard.type(words[i % words.length]!, { delay: 80 });
    await app.page.waitForTimeout(500);
    const results = (await app.page.evaluate('window.__bylineBench')) as { preview: number[]; editor: number[] };
    const cdp = await app.page.context().newCDPSession(app.page);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    return { editor: results.editor, preview: results.preview, firstPaint: first.end, firstBuild: first.duration, heapMb: heap / 1024 / 1024 };
  } finally {
    await app.stop();
  }
}

async function latencyTable(keystrokes: number, runs: number): Promise<void> {
  console.log(`\nKeystroke latency in the Chromium shell (${keystrokes} keystrokes at ~12/s, ${runs} run(s) per document), ms`);
  console.log(
    `${pad('words', 8)} ${pad('editor p50', 11)} ${pad('editor p95', 11)} ${pad('preview p50', 12)} ${pad('preview p95', 12)} ${pad('p95 spread', 11)} ${pad('md-it full', 11)} ${pad('first paint', 12)} ${pad('build', 7)} ${pad('heap MB', 8)} ${pad('n', 5)}`,
  );
  const dir = await tempDir('bench');
  for (const copies of [2, 20, 200]) {
    const file = path.join(dir, `doc-${copies}.md`);
    const text = repeatSample(copies);
    await writeFile(file, text);
    const baseline = time(() => plain.render(text, {}), copies === 200 ? 3000 : 1000).median;
    const all: RunResult[] = [];
    for (let run = 0; run < runs; run++) all.push(await benchDocument(file, keystrokes));
    const editor = all.flatMap((r) => r.editor);
    const preview = all.flatMap((r) => r.preview);
    const p95s = all.map((r) => percentile(r.preview, 95));
    const spread = `${Math.min(...p95s).toFixed(1)}–${Math.max(...p95s).toFixed(1)}`;
    const last = all[all.length - 1]!;
    console.log(
      `${pad(countWords(text), 8)} ${pad(percentile(editor, 50).toFixed(1), 11)} ${pad(percentile(editor, 95).toFixed(1), 11)} ${pad(percentile(preview, 50).toFixed(1), 12)} ${pad(percentile(preview, 95).toFixed(1), 12)} ${pad(spread, 11)} ${pad(baseline.toFixed(1), 11)} ${pad(last.firstPaint.toFixed(0), 12)} ${pad(last.firstBuild.toFixed(0), 7)} ${pad(last.heapMb.toFixed(1), 8)} ${pad(preview.length, 5)}`,
    );
  }
  console.log('(p95 spread: lowest–highest preview p95 among the runs; md-it full: plain markdown-it rendering the whole document once, in Node;');
  console.log(' first paint: page start → the opened document drawn in the preview; build: that first refresh; heap: JS heap after typing, after a GC)');
}

async function exportTable(): Promise<void> {
  // Export timings come from scripts/bench-export.ts (owned by the export work).
  try {
    const { exportBenchRows } = (await import('./bench-export')) as { exportBenchRows?: () => Promise<string[]> };
    if (!exportBenchRows) return;
    console.log('');
    for (const row of await exportBenchRows()) console.log(row);
  } catch (error) {
    console.log(`\nExport timings unavailable: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  pipelineTable();
  await latencyTable(Number(process.env.BENCH_KEYSTROKES ?? 200), Number(process.env.BENCH_RUNS ?? 2));
  await exportTable();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
