/**
 * Keystroke latency for `npm run bench`, measured in the page.
 *
 * Every keydown's timestamp (when the browser took the key) joins a queue.
 * "Editor painted" is that keydown to the first task after the next frame
 * (a requestAnimationFrame callback, then a posted message: by then the
 * frame's style, layout and paint are done). Each preview refresh fires
 * `byline:preview-updated`; it completes every keystroke still queued, and
 * "preview painted" is the keydown to the first task after the frame that
 * follows the refresh.
 *
 * Frames: by default Chromium draws at most one frame per display refresh
 * (60 Hz here), so a measure includes up to 16.7 ms of waiting for the next
 * frame, whatever the app does. `frames: 'unthrottled'` starts the browser
 * with `--disable-frame-rate-limit`, which draws a frame as soon as there is
 * something to draw, so the figures are the work itself: what the targets
 * are about. Both runs ask for reduced motion, so a blinking caret doesn't
 * keep an unthrottled browser drawing frames in the background.
 *
 * The floor is the same measure on bare CodeMirror (floor-editor.ts) in the
 * same browser with the same switches.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { findBrowser } from '../../electron/shells/chromium/browser-lookup';
import { ROOT, startApp } from '../../test/e2e/harness';
import { typingOffset } from './documents';

export type FrameMode = 'unthrottled' | '60hz';

export interface LatencyRun {
  editor: number[];
  preview: number[];
}

export interface AppRun extends LatencyRun {
  /** Page start → the opened document drawn in the preview, ms. */
  firstPaint: number;
  /** That first refresh alone, ms. */
  firstBuild: number;
  /** Page start → every block drawn (a long document's rest is drawn in background steps), ms. */
  complete: number;
  /** JS heap after typing, after a garbage collection, MB. */
  heapMb: number;
}

const UNTHROTTLED = '--disable-frame-rate-limit';
const WORDS = 'the quick brown fox jumps over a lazy dog ';

/** Installed in the page before typing; results in `window.__bylineBench`. */
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

/** Puts the cursor at `offset` in the page's editor (found from its DOM), scrolled into view. */
function placeCursor(page: Page, offset: number, viewPath: string): Promise<void> {
  return page.evaluate(
    `(() => { const view = ${viewPath}; view.focus(); view.dispatch({ selection: { anchor: ${offset} }, scrollIntoView: true }); })()`,
  );
}

/** Types `keystrokes` characters of prose at about twelve a second, then collects the measures. */
async function typeAndMeasure(page: Page, keystrokes: number): Promise<LatencyRun> {
  await page.evaluate(INSTRUMENT);
  for (let i = 0; i < keystrokes; i++) await page.keyboard.type(WORDS[i % WORDS.length]!, { delay: 80 });
  await page.waitForTimeout(500);
  return (await page.evaluate('window.__bylineBench')) as LatencyRun;
}

/** One run of the app in the Chromium shell: open `file` (whose text is `text`), wait, type. */
export async function measureApp(file: string, text: string, keystrokes: number, frames: FrameMode): Promise<AppRun> {
  const app = await startApp({ files: [file], env: frames === 'unthrottled' ? { BYLINE_CHROMIUM_ARGS: UNTHROTTLED } : {} });
  try {
    const { page } = app;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.waitForFunction(() => document.getElementById('app')?.dataset.ready === 'true', undefined, { timeout: 120_000 });
    // The refresh that drew the opened document: the last one so far.
    const first = (await page.evaluate(() => {
      const refreshes = performance.getEntriesByName('byline:refresh');
      const last = refreshes[refreshes.length - 1];
      return last ? { end: last.startTime + last.duration, duration: last.duration } : { end: NaN, duration: NaN };
    })) as { end: number; duration: number };
    await page.waitForFunction(() => !document.getElementById('preview')?.hasAttribute('data-drawing'), undefined, { timeout: 120_000 });
    const complete = (await page.evaluate(() => performance.getEntriesByName('byline:preview-complete')[0]?.startTime ?? NaN)) as number;
    await placeCursor(page, typingOffset(text), `document.querySelector('.cm-content').cmTile.root.view`);
    // Let the first count of a long document and the preview's settling finish.
    await page.waitForTimeout(2000);
    const run = await typeAndMeasure(page, keystrokes);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    return { ...run, firstPaint: first.end, firstBuild: first.duration, complete: Number.isFinite(complete) ? complete : first.end, heapMb: heap / 1024 / 1024 };
  } finally {
    await app.stop();
  }
}

let floorScript: Promise<string> | null = null;

function floorBundle(): Promise<string> {
  floorScript ??= build({
    entryPoints: [path.join(ROOT, 'scripts/bench/floor-editor.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0]!.text);
  return floorScript;
}

/** Bare CodeMirror on `text`, typed into the same way, in the browser the shell would use. */
export async function measureFloor(text: string, keystrokes: number, frames: FrameMode): Promise<LatencyRun> {
  const choice = await findBrowser();
  if (!choice) throw new Error('no Chrome/Chromium for the floor measure');
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    headless: true,
    args: [...choice.extraArgs, '--disable-quic', '--disable-background-networking', '--no-first-run', ...(frames === 'unthrottled' ? [UNTHROTTLED] : [])],
  });
  try {
    // The app's editor pane at the shell's 1280 × 860 window, split view.
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
    await page.setContent(
      `<!doctype html><style>
        @media (prefers-reduced-motion: reduce) { .cm-cursorLayer { animation: none !important; } }
        html, body { margin: 0; height: 100%; } #editor { width: 640px; height: 820px; }
        .cm-editor { height: 100%; } .cm-scroller { font: 18px/1.65 'DejaVu Serif', serif; }
        .cm-content { max-width: 68ch; margin: 0 auto; padding: 3rem 1.5rem 40vh; }
      </style><div id="editor"></div>`,
    );
    await page.evaluate((doc) => void ((globalThis as { floorText?: string }).floorText = doc), text);
    await page.addScriptTag({ content: await floorBundle() });
    await page.waitForFunction(() => !document.getElementById('preview')?.hasAttribute('data-drawing'), undefined, { timeout: 120_000 });
    const complete = (await page.evaluate(() => performance.getEntriesByName('byline:preview-complete')[0]?.startTime ?? NaN)) as number;
    await placeCursor(page, typingOffset(text), 'window.floorView');
    await page.waitForTimeout(1000);
    return await typeAndMeasure(page, keystrokes);
  } finally {
    await browser.close();
  }
}

export interface ScrollSyncRun {
  leader: 'editor' | 'preview';
  motion: 'smooth' | 'jumps';
  /** Each sync's time in the page (find the line at the top of one pane, scroll the other), ms. */
  syncs: number[];
}

/**
 * Scroll sync in the app on `file`: the editor, then the preview, scrolled
 * smoothly (80 px a frame through the middle of the document) and by jumps
 * to 30 places spread over it; each sync times itself (scroll-sync.ts).
 */
export async function measureScrollSync(file: string): Promise<ScrollSyncRun[]> {
  const app = await startApp({ files: [file], env: { BYLINE_CHROMIUM_ARGS: UNTHROTTLED } });
  try {
    const { page } = app;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.waitForTimeout(2500);
    const runs: ScrollSyncRun[] = [];
    for (const motion of ['smooth', 'jumps'] as const) {
      for (const leader of ['editor', 'preview'] as const) {
        const syncs = (await page.evaluate(
          `(async () => {
            const scroller = document.querySelector('.cm-scroller');
            const frame = document.getElementById('preview').contentWindow;
            const leads = ${JSON.stringify(leader)} === 'editor';
            const height = leads ? scroller.scrollHeight : frame.document.documentElement.scrollHeight;
            const name = 'byline:scroll-sync:' + ${JSON.stringify(leader)};
            performance.clearMeasures(name);
            const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            const steps = ${motion === 'smooth' ? 120 : 30};
            for (let i = 0; i < steps; i++) {
              const y = ${motion === 'smooth'} ? Math.round(height * 0.45) + i * 80 : Math.round((height * (i + 0.5)) / steps);
              if (leads) scroller.scrollTop = y; else frame.scrollTo(0, y);
              await frames();
            }
            await frames();
            return performance.getEntriesByName(name).map((e) => e.duration);
          })()`,
        )) as number[];
        runs.push({ leader, motion, syncs });
      }
    }
    return runs;
  } finally {
    await app.stop();
  }
}
