/**
 * Keeps everything derived from the text current: the preview and the unsaved
 * marker (the counts are the status bar's, writing-status.ts). Bursts of
 * keystrokes are coalesced into one refresh, which runs right after the
 * editor's frame is painted (after-paint.ts), so the preview never delays
 * what the writer sees in the editor. The preview renders incrementally, told
 * which lines the transactions since the last refresh changed (editor-lines.ts),
 * so a keystroke never reads the whole document. The work is measured
 * (`performance.measure`) for `npm run bench`, and each refresh fires
 * `byline:preview-updated` on the window.
 */
import type { ViewUpdate } from '@codemirror/view';
import type { PreviewPane, PreviewResult } from '../preview/preview-pane';
import { createAfterPaint } from '../preview/after-paint';
import type { AppContext } from './app-context';
import { lineDocument, PendingLines } from './editor-lines';
import { updateWindowTitle } from './window-title';

export interface LiveRefresh {
  /** A transaction changed the text: refresh after the next frame. */
  changed(update: Pick<ViewUpdate, 'startState' | 'changes' | 'state'>): void;
  /** Asks for a refresh after the next frame. */
  schedule(): void;
  /** Refreshes now. */
  flush(): void;
  /** The pipeline's result for the text as last rendered. */
  readonly last: PreviewResult | null;
  onRendered(listener: (result: PreviewResult) => void): void;
}

export function createLiveRefresh(app: AppContext, preview: PreviewPane): LiveRefresh {
  let last: PreviewResult | null = null;
  const listeners: ((result: PreviewResult) => void)[] = [];
  const afterPaint = createAfterPaint(flush);
  const pending = new PendingLines();

  function flush(): void {
    afterPaint.cancel();
    const start = performance.now();
    const doc = app.view.state.doc;
    last = preview.update(lineDocument(doc), pending.take(doc));
    app.session.refreshDirty(doc);
    updateWindowTitle(app.session);
    for (const listener of listeners) listener(last);
    performance.measure('byline:refresh', { start, end: performance.now() });
    window.dispatchEvent(new Event('byline:preview-updated'));
  }

  return {
    changed(update) {
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
    onRendered(listener) {
      listeners.push(listener);
    },
  };
}
