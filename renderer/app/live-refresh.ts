/**
 * Keeps everything derived from the text current: the preview and the unsaved
 * marker (the counts are the status bar's, writing-status.ts). Bursts of
 * keystrokes are coalesced into one refresh, which runs right after the
 * editor's frame is painted (after-paint.ts), so the preview never delays
 * what the writer sees in the editor. The preview renders incrementally, told
 * which lines the transactions since the last refresh changed (editor-lines.ts),
 * so a keystroke never reads the whole document. A newly opened long document
 * is drawn from the top, the rest in background tasks (background-task.ts),
 * shorter steps while the writer types. The work is measured
 * (`performance.measure`) for `npm run bench`, and each refresh fires
 * `byline:preview-updated` on the window.
 */
import type { ViewUpdate } from '@codemirror/view';
import type { PreviewPane, PreviewResult } from '../preview/preview-pane';
import { createAfterPaint } from '../preview/after-paint';
import { runInBackground } from '../preview/background-task';
import type { AppContext } from './app-context';
import { lineDocument, PendingLines } from './editor-lines';
import { updateWindowTitle } from './window-title';

/**
 * A fill step's time. While the writer types, a step is short, since a key
 * arriving during one waits for it; otherwise longer, since every step also
 * costs the browser a layout of what it drew.
 */
const TYPING_FILL_MS = 8;
const IDLE_FILL_MS = 40;
/** How long after a keystroke the writer counts as typing. */
const TYPING_PAUSE_MS = 1000;

export interface LiveRefresh {
  /** A transaction changed the text: refresh after the next frame. */
  changed(update: Pick<ViewUpdate, 'startState' | 'changes' | 'state'>): void;
  /** Asks for a refresh after the next frame. */
  schedule(): void;
  /** Refreshes now. */
  flush(): void;
  /** The pipeline's result for the text as last rendered. */
  readonly last: PreviewResult | null;
  /** Whether that render was of a new document (opened, reloaded), not an edit. */
  readonly lastWasNew: boolean;
  onRendered(listener: (result: PreviewResult) => void): void;
}

export function createLiveRefresh(app: AppContext, preview: PreviewPane): LiveRefresh {
  let last: PreviewResult | null = null;
  let lastWasNew = false;
  const listeners: ((result: PreviewResult) => void)[] = [];
  const afterPaint = createAfterPaint(flush);
  const pending = new PendingLines();
  let filling = false;
  let lastChange = -Infinity;

  /** Draws the rest of a document still being drawn, a step a background task (preview-pane.ts, `fill`). */
  function fillLater(): void {
    if (filling || preview.complete) return;
    filling = true;
    runInBackground(() => {
      filling = false;
      // A refresh waiting for its frame goes first (it continues the fill).
      if (afterPaint.pending || preview.complete) return;
      const more = preview.fill(performance.now() - lastChange < TYPING_PAUSE_MS ? TYPING_FILL_MS : IDLE_FILL_MS);
      if (more) return fillLater();
      performance.mark('byline:preview-complete');
      // Once, not a step: what reads the preview's blocks (the remote images bar) looks again.
      if (last) for (const listener of listeners) listener(last);
    });
  }

  function flush(): void {
    afterPaint.cancel();
    const start = performance.now();
    const doc = app.view.state.doc;
    const change = pending.take(doc);
    lastWasNew = change === 'all';
    last = preview.update(lineDocument(doc), change);
    app.session.refreshDirty(doc);
    updateWindowTitle(app.session);
    for (const listener of listeners) listener(last);
    performance.measure('byline:refresh', { start, end: performance.now() });
    window.dispatchEvent(new Event('byline:preview-updated'));
    fillLater();
  }

  return {
    changed(update) {
      lastChange = performance.now();
      pending.add(update.startState.doc, update.changes, update.state.doc);
      afterPaint.schedule();
    },
    schedule() {
      afterPaint.schedule();
    },
    flush,
    get last() {
      return last;
    },
    get lastWasNew() {
      return lastWasNew;
    },
    onRendered(listener) {
      listeners.push(listener);
    },
  };
}
