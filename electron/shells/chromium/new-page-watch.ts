/**
 * Catches pages the browser opens the moment they exist. playwright-core
 * reports a new page only once it has loaded (the browser's New Tab page,
 * after Ctrl+N, took ~0.8 s), and all that while its window is on screen; CDP
 * target discovery sees it at once (~0.1 s), so the shell can close it and
 * answer sooner (measured: the stray window shows for ~0.6 s instead of
 * ~1.2 s; closing a window still takes the browser a moment).
 *
 * Every page but the app's is closed, except the developer tools; `onPage`
 * hears the address each new one was opened with. Resolves false when the
 * browser won't discover targets for this session (then the shell relies on
 * playwright-core's `page` event alone).
 */
import type { Page } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export async function watchNewPages(page: Page, onPage: (url: string) => void): Promise<boolean> {
  try {
    const cdp = await page.context().newCDPSession(page);
    const own = ((await cdp.send('Target.getTargetInfo')) as { targetInfo: TargetInfo }).targetInfo.targetId;
    // Discovery first reports the targets that already exist: closed like the rest, never taken for a request.
    let started = false;
    cdp.on('Target.targetCreated', (event: { targetInfo: TargetInfo }) => {
      const target = event.targetInfo;
      if (target.type !== 'page' || target.targetId === own || target.url.startsWith('devtools://')) return;
      void cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
      if (started) onPage(target.url);
    });
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    started = true;
    return true;
  } catch {
    return false;
  }
}
