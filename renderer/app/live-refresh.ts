/**
 * Keeps everything derived from the text current: the preview and the unsaved
 * marker (the counts are the status bar's, writing-status.ts). Bursts of keystrokes are coalesced into one refresh,
 * which runs right after the editor's frame is painted (after-paint.ts), so
 * the preview never delays what the writer sees in the editor. The preview
 * renders incrementally. The work is
 * measured (`performance.measure`) for `npm run bench`, and each refresh
 * fires `byline:preview-updated` on the window.
 */
import type { RenderResult } from '../markdown';
import type { PreviewPane } from '../preview/preview-pane';
import { createAfterPaint } from '../preview/after-paint';
import type { AppContext } from './app-context';
import { updateWindowTitle } from './window-title';

export interface LiveRefresh {
  /** Asks for a refresh after the next frame. */
  schedule(): void;
  /** Refreshes now. */
  flush(): void;
  /** The pipeline's result for the text as last rendered. */
  readonly last: RenderResult | null;
  onRendered(listener: (result: RenderResult) => void): void;
}

export function createLiveRefresh(app: AppContext, preview: PreviewPane): LiveRefresh {
  let last: RenderResult | null = null;
  const listeners: ((result: RenderResult) => void)[] = [];
  const afterPaint = createAfterPaint(flush);

  function flush(): void {
    afterPaint.cancel();
    const start = performance.now();
    const text = app.view.state.doc.toString();
    last = preview.update(text);
    app.session.refreshDirty(app.view.state.doc);
    updateWindowTitle(app.session);
    for (const listener of listeners) listener(last);
    performance.measure('byline:refresh', { start, end: performance.now() });
    window.dispatchEvent(new Event('byline:preview-updated'));
  }

  return {
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
