/**
 * `npm run bench`: prints figures, never fails, asserts nothing. Tables:
 *  1. the pipeline in Node: `render()` of the whole document beside plain
 *     markdown-it (typographer + footnotes) on the same text, with the ratio,
 *     and the incremental renderer's cost for a keystroke and for a new line,
 *     fed the way the editor feeds it (CodeMirror's text and the changed lines);
 *  2. keystroke → editor painted and keystroke → preview painted (p50, p95)
 *     in the real Chromium shell, typed at a realistic pace into 1k-, 10k- and
 *     100k-word documents, with unthrottled frames (the work itself; see
 *     bench/latency.ts), beside bare CodeMirror on the same text (the floor)
 *     and plain markdown-it's full render of it;
 *  3. the same at the browser's 60 Hz frame clock (what a writer's screen
 *     adds), one run each;
 *  4. opening: first paint of each document, its first refresh, the JS heap;
 *  5. scroll sync on the 100k-word document, led by either pane;
 *  6. export times (bench/export-timings.ts);
 *  7. the pipeline's complexity: render() time at 1k and 10k repeats of each
 *     hostile shape (npm test checks the same with counted work, not time).
 * Each latency document runs `BENCH_RUNS` times (default 2) of
 * `BENCH_KEYSTROKES` keys (default 200); the spread between runs' p95s says
 * how noisy the machine was. `BENCH_ONLY=pipeline|complexity|latency|scroll|export` runs one part.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Text } from '@codemirror/state';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { render, countWords } from '../renderer/markdown';
import { createIncrementalRenderer } from '../renderer/markdown/incremental/incremental-renderer';
import { lineDocument } from '../renderer/app/editor-lines';
import { tempDir } from '../test/e2e/harness';
import { benchDocument, typingOffset } from './bench/documents';
import { measureApp, measureFloor, measureScrollSync, type AppRun, type FrameMode, type LatencyRun } from './bench/latency';
import { exportBenchRows } from './bench/export-timings';
import { buildShape, SHAPES } from '../test/hostile/shapes';

const plain = new MarkdownIt({ html: true, typographer: true }).use(footnote);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const ONLY = process.env.BENCH_ONLY ?? '';

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Median of `fn`'s time over as many runs as fit in the budget (5 to 200), after 3 warm-ups. */
function time(fn: () => void, budgetMs: number): { median: number; p95: number; runs: number } {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 5 || (performance.now() - start < budgetMs && samples.length < 200)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: percentile(samples, 50), p95: percentile(samples, 95), runs: samples.length };
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);
const ms = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The incremental renderer as the editor drives it: one character typed, or one Enter, at the bench's typing spot. */
function incrementalEdits(text: string, budgetMs: number): { key: number; keyP95: number; enter: number } {
  const renderer = createIncrementalRenderer({ sourceLines: true });
  let doc = Text.of(text.split('\n'));
  renderer.edit(lineDocument(doc), 'all');
  let at = typingOffset(text);
  const type = (insert: string[]): void => {
    const line = doc.lineAt(at).number - 1;
    doc = doc.replace(at, at, Text.of(insert));
    at += insert.join('\n').length;
    renderer.edit(lineDocument(doc), { from: line, oldTo: line + 1, newTo: line + insert.length });
  };
  const key = time(() => type(['x']), budgetMs);
  const enter = time(() => type(['', '']), budgetMs / 2);
  return { key: key.median, keyP95: key.p95, enter: enter.median };
}

const SIZES = [
  { copies: 2, label: '1k' },
  { copies: 20, label: '10k' },
  { copies: 200, label: '100k' },
];

function pipelineTable(): void {
  console.log('\nPipeline in Node: render() of the whole text vs plain markdown-it (typographer + footnotes); incremental update as the editor feeds it, ms');
  console.log(`${pad('words', 8)} ${pad('byline', 8)} ${pad('plain', 8)} ${pad('ratio', 7)} ${pad('key p50', 8)} ${pad('key p95', 8)} ${pad('Enter', 7)} ${pad('runs', 5)}`);
  for (const { copies } of [{ copies: 1 }, ...SIZES]) {
    const text = benchDocument(copies);
    const budget = copies >= 200 ? 4000 : 1500;
    const ours = time(() => render(text), budget);
    const base = time(() => plain.render(text, {}), budget);
    const edit = incrementalEdits(text, budget);
    console.log(
      `${pad(countWords(text), 8)} ${pad(ms(ours.median, 2), 8)} ${pad(ms(base.median, 2), 8)} ${pad((ours.median / base.median).toFixed(2) + '×', 7)} ${pad(ms(edit.key, 3), 8)} ${pad(ms(edit.keyP95, 3), 8)} ${pad(ms(edit.enter, 3), 7)} ${pad(ours.runs, 5)}`,
    );
  }
}

/** Best-of-`runs` time of `render()` on `text`, ms. */
function bestTime(text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    render(text, { sourceLines: true });
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The timed twin of npm test's rule-call check: how render()'s time grows with 10× the input, per hostile shape. */
function complexityTable(): void {
  console.log('\nPipeline complexity in Node: render() of each hostile shape at 1,000 and 10,000 repeats, best of 7 and 3 runs, ms (linear ≈ 10×)');
  console.log(`${'shape'.padEnd(24)} ${pad('1k', 8)} ${pad('10k', 9)} ${pad('ratio', 7)}`);
  for (const name of Object.keys(SHAPES)) {
    const small = buildShape(name, 1000);
    const large = buildShape(name, 10_000);
    bestTime(small, 3); // warm-up
    const smallMs = bestTime(small, 7);
    const largeMs = bestTime(large, 3);
    console.log(`${name.padEnd(24)} ${pad(ms(smallMs, 2), 8)} ${pad(ms(largeMs, 2), 9)} ${pad((largeMs / Math.max(smallMs, 0.01)).toFixed(1) + '×', 7)}`);
  }
}

interface SizeResult {
  words: number;
  runs: AppRun[];
  floor: LatencyRun[];
  baseline: number;
}

async function measureSize(dir: string, copies: number, frames: FrameMode, runs: number): Promise<SizeResult> {
  const text = benchDocument(copies);
  const file = path.join(dir, `doc-${copies}.md`);
  await writeFile(file, text);
  const result: SizeResult = { words: countWords(text), runs: [], floor: [], baseline: time(() => plain.render(text, {}), 1500).median };
  for (let run = 0; run < runs; run++) {
    result.runs.push(await measureApp(file, text, KEYSTROKES, frames));
    result.floor.push(await measureFloor(text, KEYSTROKES, frames));
  }
  return result;
}

function latencyRow(r: SizeResult): string {
  const editor = r.runs.flatMap((run) => run.editor);
  const preview = r.runs.flatMap((run) => run.preview);
  const floor = r.floor.flatMap((run) => run.editor);
  const p95s = r.runs.map((run) => percentile(run.preview, 95));
  const spread = `${ms(Math.min(...p95s))}–${ms(Math.max(...p95s))}`;
  return `${pad(r.words, 8)} ${pad(ms(percentile(editor, 50)), 7)} ${pad(ms(percentile(editor, 95)), 7)} ${pad(ms(percentile(preview, 50)), 8)} ${pad(ms(percentile(preview, 95)), 8)} ${pad(spread, 12)} ${pad(ms(percentile(floor, 50)), 7)} ${pad(ms(percentile(floor, 95)), 7)} ${pad(ms(r.baseline), 8)} ${pad(preview.length, 5)}`;
}

const LATENCY_HEADER = `${pad('words', 8)} ${pad('editor', 7)} ${pad('p95', 7)} ${pad('preview', 8)} ${pad('p95', 8)} ${pad('p95 spread', 12)} ${pad('floor', 7)} ${pad('p95', 7)} ${pad('md-it', 8)} ${pad('n', 5)}`;

async function latencyTables(): Promise<void> {
  const dir = await tempDir('bench');
  console.log(`\nKeystroke latency in the Chromium shell, unthrottled frames (the work itself): ${KEYSTROKES} keys at ~12/s, ${RUNS} runs a document, ms (p50, then p95)`);
  console.log(LATENCY_HEADER);
  const unthrottled: SizeResult[] = [];
  for (const { copies } of SIZES) {
    const result = await measureSize(dir, copies, 'unthrottled', RUNS);
    unthrottled.push(result);
    console.log(latencyRow(result));
  }
  console.log('(editor: keydown → the frame showing it painted; preview: keydown → the frame showing the preview updated;');
  console.log(' p95 spread: lowest–highest preview p95 among the runs; floor: bare CodeMirror 6 with Markdown, same browser, same text;');
  console.log(' md-it: plain markdown-it rendering the whole document once, in Node)');

  console.log(`\nThe same at the browser's 60 Hz frame clock (adds the wait for the next frame; 1 run a document), ms`);
  console.log(LATENCY_HEADER);
  for (const { copies } of SIZES) console.log(latencyRow(await measureSize(dir, copies, '60hz', 1)));

  console.log('\nOpening a document (unthrottled runs, the last of each)');
  console.log(`${pad('words', 8)} ${pad('first paint', 12)} ${pad('build', 7)} ${pad('all drawn', 10)} ${pad('heap MB', 8)}`);
  for (const r of unthrottled) {
    const last = r.runs[r.runs.length - 1]!;
    console.log(`${pad(r.words, 8)} ${pad(ms(last.firstPaint, 0), 12)} ${pad(ms(last.firstBuild, 0), 7)} ${pad(ms(last.complete, 0), 10)} ${pad(ms(last.heapMb), 8)}`);
  }
  console.log('(first paint: page start → the top of the opened document drawn in the preview; build: that first refresh;');
  console.log(' all drawn: page start → its last block drawn (the rest goes in background steps); heap: JS heap after typing, after a GC)');
}

async function scrollTable(): Promise<void> {
  const biggest = SIZES[SIZES.length - 1]!;
  const text = benchDocument(biggest.copies);
  const file = path.join(await tempDir('bench-scroll'), `doc-${biggest.copies}.md`);
  await writeFile(file, text);
  console.log(`\nScroll sync on the ${countWords(text)}-word document: the page's work per sync (one per frame), ms`);
  console.log(`${pad('leader', 8)} ${pad('motion', 7)} ${pad('p50', 6)} ${pad('p95', 6)} ${pad('max', 6)} ${pad('n', 5)}`);
  for (const run of await measureScrollSync(file)) {
    console.log(`${pad(run.leader, 8)} ${pad(run.motion, 7)} ${pad(ms(percentile(run.syncs, 50), 2), 6)} ${pad(ms(percentile(run.syncs, 95), 2), 6)} ${pad(ms(Math.max(...run.syncs), 2), 6)} ${pad(run.syncs.length, 5)}`);
  }
  console.log('(smooth: 80 px a frame through the middle; jumps: 30 places spread over the document, each met for the first time)');
}

async function main(): Promise<void> {
  if (!ONLY || ONLY === 'pipeline') pipelineTable();
  if (!ONLY || ONLY === 'complexity') complexityTable();
  if (!ONLY || ONLY === 'latency') await latencyTables();
  if (!ONLY || ONLY === 'scroll') await scrollTable();
  if (!ONLY || ONLY === 'export') for (const row of await exportBenchRows()) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
