/**
 * Keeps everything derived from the text current: the preview, the word count
 * and the unsaved marker. Bursts of keystrokes are coalesced into one refresh
 * per frame; the work is measured (`performance.measure`) for `npm run bench`.
 */
import { countWords } from '../markdown';
import type { RenderResult } from '../markdown';
import type { PreviewPane } from '../preview/preview-pane';
import type { StatusBar } from '../ui/status-bar';
import type { AppContext } from './app-context';
import { updateWindowTitle } from './window-title';

export interface LiveRefresh {
  /** Asks for a refresh before the next frame. */
  schedule(): void;
  /** Refreshes now. */
  flush(): void;
  /** The pipeline's result for the text as last rendered. */
  readonly last: RenderResult | null;
  onRendered(listener: (result: RenderResult) => void): void;
}

export function createLiveRefresh(app: AppContext, preview: PreviewPane, statusBar: StatusBar): LiveRefresh {
  let frame = 0;
  let last: RenderResult | null = null;
  const listeners: ((result: RenderResult) => void)[] = [];

  function flush(): void {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    const start = performance.now();
    const text = app.view.state.doc.toString();
    last = preview.update(text);
    statusBar.setWordCount(countWords(text));
    app.session.refreshDirty(app.view.state.doc);
    updateWindowTitle(app.session);
    for (const listener of listeners) listener(last);
    performance.measure('byline:refresh', { start, end: performance.now() });
  }

  return {
    schedule() {
      if (!frame) frame = requestAnimationFrame(flush);
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
