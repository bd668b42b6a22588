/**
 * Full screen for the Chromium shell's window. A page's requestFullscreen
 * fills only the browser window there (driven by playwright-core, Chromium
 * keeps its tab strip and address bar around a "full screen" page), so when
 * distraction-free mode asks (`window:full-screen`), the shell puts the window
 * itself in full screen over CDP, and on the way out gives back the state it
 * had (normal or maximized). The window manager decides the rest.
 */
import type { CDPSession, Page } from 'playwright-core';

type WindowState = 'normal' | 'minimized' | 'maximized' | 'fullscreen';

export interface WindowFullScreen {
  set(fullScreen: boolean): Promise<void>;
}

export function createWindowFullScreen(page: () => Page | null): WindowFullScreen {
  let session: Promise<{ cdp: CDPSession; windowId: number }> | null = null;
  /** The state to return to; null while not made full screen by us. */
  let before: WindowState | null = null;

  function connect(current: Page) {
    session ??= (async () => {
      const cdp = await current.context().newCDPSession(current);
      const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
      return { cdp, windowId };
    })();
    session.catch(() => (session = null));
    return session;
  }

  return {
    async set(fullScreen) {
      const current = page();
      if (!current || current.isClosed()) return;
      const { cdp, windowId } = await connect(current);
      const { bounds } = (await cdp.send('Browser.getWindowBounds', { windowId })) as { bounds: { windowState?: WindowState } };
      const state = bounds.windowState ?? 'normal';
      if (fullScreen) {
        if (state === 'fullscreen') return;
        before = state === 'minimized' ? 'normal' : state;
        await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'fullscreen' } });
      } else {
        if (state !== 'fullscreen' || before === null) return;
        const back = before;
        before = null;
        await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: back } });
      }
    },
  };
}
