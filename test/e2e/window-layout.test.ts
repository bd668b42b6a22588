/**
 * The app's window as a writer sees it: the Chromium shell headed on a
 * virtual display, real mouse and keys (xdotool), screenshots of the whole
 * screen in test-artifacts/window-*.png. The page must fit its window exactly
 * and never scroll as a whole, whatever tooltips come and go.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitForStill } from './harness';
import { startHeadedApp, type HeadedApp } from './real-input';

const PIECE = `# A piece that scrolls

This sentence goes on and on, well past the thirty words a reader can hold in mind at once, because it keeps adding clauses, qualifications, asides and examples until nobody remembers how it started or why it mattered.

The council's own [draft budget](https://council.example.gov/budget/2024/draft) says so.
`;

let app: HeadedApp;

beforeAll(async () => {
  const dir = await tempDir('window-layout');
  const file = path.join(dir, 'piece.md');
  await writeFile(file, PIECE);
  app = await startHeadedApp({ files: [file] });
  await app.page.waitForSelector('.cm-style-long-sentences');
});

afterAll(async () => {
  await app?.stop();
});

/** The root scroller: where it is, how tall its content is, and the window's height. */
function rootScroll() {
  return app.page.evaluate(() => ({ top: document.scrollingElement!.scrollTop, height: document.scrollingElement!.scrollHeight, window: innerHeight }));
}

/** The centre of an element's first line box (a wrapped span's box centre may fall between its lines), in its frame's coordinates. */
async function centre(selector: string, inPreview = false): Promise<{ x: number; y: number }> {
  const frame = inPreview ? app.preview : app.page.mainFrame();
  const box = await frame.locator(selector).first().evaluate((node) => {
    const first = node.getClientRects()[0];
    return first ? { x: first.x, y: first.y, width: first.width, height: first.height } : null;
  });
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Real wheel notches over the toolbar; resolves once the page has seen them all and any scrolling has stopped. */
async function wheelOverToolbar(notches: number): Promise<void> {
  await app.page.evaluate(() => {
    const w = window as unknown as { wheels: number };
    w.wheels = 0;
    window.addEventListener('wheel', () => w.wheels++, { passive: true });
  });
  const title = await centre('#doc-title');
  await app.wheel(title.x, title.y, notches);
  await expect.poll(() => app.page.evaluate(() => (window as unknown as { wheels: number }).wheels)).toBeGreaterThanOrEqual(Math.abs(notches));
  await waitForStill(app.page, rootScroll);
}

/** The browser window's state as the browser reports it over CDP: normal, maximized, fullscreen. */
async function windowState(): Promise<string | undefined> {
  const cdp = await app.page.context().newCDPSession(app.page);
  try {
    const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
    return ((await cdp.send('Browser.getWindowBounds', { windowId })) as { bounds: { windowState?: string } }).bounds.windowState;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Runs a command the way the shell's menu does (a menu-command event; no user gesture). */
function menuCommand(command: string) {
  return app.page.evaluate((c) => window.dispatchEvent(new CustomEvent('byline-main-event', { detail: { type: 'menu-command', command: c } })), command);
}

/** Whatever an earlier test left: not distraction-free, not full screen. */
async function normalWindow(): Promise<void> {
  if ((await app.page.getAttribute('#app', 'data-distraction-free')) === 'true') await menuCommand('view:distraction-free');
  await app.page.evaluate(() => (document.fullscreenElement ? document.exitFullscreen() : undefined));
  await expect.poll(() => app.page.getAttribute('#app', 'data-distraction-free')).toBeNull();
}

describe('the window (e2e, headed Chromium shell, real input)', () => {
  it('never scrolls the app out of its window: the page is the window’s height, with tooltips shown and hidden', async () => {
    const { page } = app;
    await wheelOverToolbar(5);
    expect((await page.locator('.toolbar').boundingBox())!.y).toBe(0);
    const first = await rootScroll();
    expect(first.top).toBe(0);
    expect(first.height).toBe(first.window);

    // A style check's tooltip in the editor (drawn in the body, outside the editor's pane).
    const longSentence = await centre('.cm-style-long-sentences');
    await app.moveTo(longSentence.x, longSentence.y);
    await expect.poll(() => page.locator('.cm-tooltip .cm-style-tooltip').isVisible()).toBe(true);
    await app.screenshot('window-style-tooltip');
    await wheelOverToolbar(5);
    const withTooltip = await rootScroll();
    expect(withTooltip.top).toBe(0);
    expect(withTooltip.height).toBe(withTooltip.window);

    // A source marker's tooltip over the preview.
    const marker = await centre('.source-ref a', true);
    const frame = (await page.locator('#preview').boundingBox())!;
    await app.moveTo(frame.x + marker.x, frame.y + marker.y);
    await expect.poll(() => page.locator('.marker-tooltip').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.cm-tooltip .cm-style-tooltip').count()).toBe(0);
    await app.screenshot('window-marker-tooltip');
    await wheelOverToolbar(-5);
    await wheelOverToolbar(5);
    const withMarker = await rootScroll();
    expect(withMarker.top).toBe(0);
    expect(withMarker.height).toBe(withMarker.window);

    // Both hidden again.
    await app.moveTo(frame.x + 20, frame.y + frame.height - 20);
    await expect.poll(() => page.locator('.marker-tooltip').isVisible()).toBe(false);
    await wheelOverToolbar(5);
    expect(await rootScroll()).toEqual({ top: 0, height: withMarker.window, window: withMarker.window });
    expect((await page.locator('.toolbar').boundingBox())!.y).toBe(0);
    await app.screenshot('window-no-scroll');
  });

  it('goes distraction-free with Ctrl+Shift+Enter: full screen, the text filling the window; Escape, the shortcut or leaving full screen ends it', async () => {
    const { page } = app;
    const layout = () =>
      page.evaluate(() => {
        const editor = document.querySelector('.editor-pane')!.getBoundingClientRect();
        const line = [...document.querySelectorAll('.cm-line')].find((l) => (l.textContent ?? '').startsWith('This sentence'))!;
        const text = line.getBoundingClientRect();
        const hit = document.elementFromPoint(text.x + 10, text.y + text.height / 2);
        return {
          fullscreen: document.fullscreenElement === document.documentElement,
          distractionFree: document.getElementById('app')!.dataset.distractionFree === 'true',
          editor: [editor.x, editor.y, editor.width, editor.height],
          viewport: [0, 0, innerWidth, innerHeight],
          textShown: text.height > 0 && text.top >= 0 && text.bottom <= innerHeight && !!hit && line.contains(hit),
          toolbar: getComputedStyle(document.querySelector('.toolbar')!).display !== 'none',
        };
      });
    await normalWindow();
    const inside = await centre('.cm-line');
    await app.click(inside.x, inside.y);
    const normal = await waitForStill(page, layout);
    expect(await windowState()).toBe('normal');

    await app.key('ctrl+shift+Return');
    await expect.poll(async () => (await layout()).fullscreen).toBe(true);
    // The window too, not only the page inside the browser's toolbars: its viewport grows.
    await expect.poll(windowState).toBe('fullscreen');
    await expect.poll(async () => (await layout()).viewport[3]!).toBeGreaterThan(normal.viewport[3]! + 40);
    const on = await waitForStill(page, layout);
    expect(on).toMatchObject({ distractionFree: true, textShown: true, toolbar: false });
    expect(on.editor).toEqual(on.viewport);
    await app.screenshot('window-distraction-free');

    await app.key('Escape');
    await expect.poll(async () => (await layout()).distractionFree).toBe(false);
    await expect.poll(windowState).toBe('normal');
    expect(await waitForStill(page, layout)).toMatchObject({ fullscreen: false, toolbar: true, textShown: true, viewport: normal.viewport });

    await app.key('ctrl+shift+Return');
    await expect.poll(async () => (await layout()).fullscreen).toBe(true);
    await expect.poll(windowState).toBe('fullscreen');
    await app.key('ctrl+shift+Return');
    await expect.poll(async () => (await layout()).distractionFree).toBe(false);
    await expect.poll(async () => (await layout()).fullscreen).toBe(false);
    await expect.poll(windowState).toBe('normal');

    // Leaving full screen some other way (the browser, the window manager) ends distraction-free too.
    await app.key('ctrl+shift+Return');
    await expect.poll(async () => (await layout()).fullscreen).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(async () => (await layout()).distractionFree).toBe(false);
    expect((await layout()).toolbar).toBe(true);
    await expect.poll(windowState).toBe('normal');
  });

  it('leaves distraction-free with Escape even when full screen was refused', async () => {
    const { page } = app;
    await normalWindow();
    // The browser may refuse full screen (no user gesture, a policy, a window manager that won't):
    // here, as it would say so.
    await page.evaluate(() => {
      document.documentElement.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
    });
    await menuCommand('view:distraction-free');
    await expect.poll(() => page.getAttribute('#app', 'data-distraction-free')).toBe('true');
    await page.evaluate(() => delete (document.documentElement as Partial<HTMLElement>).requestFullscreen);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    const editor = (await page.locator('.editor-pane').boundingBox())!;
    expect(editor.height).toBe(await page.evaluate(() => innerHeight));
    await app.key('Escape');
    await expect.poll(() => page.getAttribute('#app', 'data-distraction-free')).toBeNull();
    expect(await page.isVisible('.toolbar')).toBe(true);
    await expect.poll(windowState).toBe('normal');
  });

  it('sizes the toolbar menus to their items: no label wraps, each menu inside the window', async () => {
    const { page } = app;
    await normalWindow();
    for (const name of ['tools', 'format', 'file']) {
      await page.click(`#menu-${name}-button`);
      const list = page.locator(`#menu-${name}`);
      await expect.poll(() => list.isVisible()).toBe(true);
      const lines = await list.locator('.toolbar-menu-item').evaluateAll((items) =>
        items.map((item) => {
          const label = item.querySelector('.toolbar-menu-label') ?? item.querySelector('span')!;
          const lineHeight = parseFloat(getComputedStyle(label).lineHeight) || 20;
          return { label: label.textContent, lines: Math.round(label.getBoundingClientRect().height / lineHeight) };
        }),
      );
      expect(lines.filter((l) => l.lines !== 1), `${name}: wrapped labels`).toEqual([]);
      const box = (await list.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(await page.evaluate(() => innerWidth));
      await app.screenshot(`window-menu-${name}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => list.isVisible()).toBe(false);
    }
  });

  it('styles the PDF settings’ selects like the app’s other controls', async () => {
    const { page } = app;
    await normalWindow();
    await menuCommand('file:export-pdf');
    const dialog = page.locator('dialog[open].export-dialog');
    await dialog.waitFor();
    const looks = await dialog.locator('select').evaluateAll((selects) =>
      selects.map((select) => {
        const style = getComputedStyle(select);
        const box = select.getBoundingClientRect();
        return { font: `${style.fontSize} ${style.fontFamily}`, radius: style.borderRadius, x: box.x, width: box.width, height: box.height };
      }),
    );
    const body = await page.evaluate(() => `${getComputedStyle(document.body).fontSize} ${getComputedStyle(document.body).fontFamily}`);
    expect(looks).toHaveLength(2);
    for (const look of looks) {
      expect(look.font).toBe(body);
      expect(look.radius).toBe('6px');
      expect(look.height).toBeGreaterThanOrEqual(30);
    }
    // One column: the two lists start at the same place and are as wide as each other.
    expect(looks[0]!.x).toBe(looks[1]!.x);
    expect(looks[0]!.width).toBe(looks[1]!.width);
    await app.screenshot('window-pdf-settings');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('says readability in words with an explanation, and colours the target bar neutral under, green on, amber over', async () => {
    const { page } = app;
    await normalWindow();
    const setText = (text: string) =>
      page.evaluate((t) => {
        type View = { state: { doc: { length: number } }; dispatch(spec: unknown): void };
        const view = (document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: View } } }).cmTile.root.view;
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
      }, text);
    const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 8 === 7 ? 'end.' : 'word')).join(' ');
    const fill = async () => {
      const bar = (await page.locator('#target-bar').boundingBox())!;
      return app.pixelAt(bar.x + 4, bar.y + bar.height / 2);
    };

    await setText(`---\ntarget: 40\n---\n\n${words(20)}`);
    await expect.poll(() => page.locator('#target-label').textContent()).toBe('20 / 40 words');
    expect(await page.locator('#readability').textContent()).toMatch(/^Readability: (grade \d+|very easy)$/);
    expect(await page.getAttribute('#readability', 'title')).toContain('Flesch–Kincaid grade level');
    expect(await page.getAttribute('#target-progress', 'title')).toBe('Target from the front matter: 40 words. 38 to 42 words is on target.');
    // Under the target: a neutral grey, not an alarm.
    await expect.poll(async () => { const [r, g, b] = await fill(); return Math.max(r, g, b) - Math.min(r, g, b) < 24 && r < 200; }, { message: 'grey under target' }).toBe(true);
    await app.screenshot('window-status-under-target');

    await setText(`---\ntarget: 40\n---\n\n${words(41)}`);
    await expect.poll(() => page.locator('#target-label').textContent()).toBe('41 / 40 words · on target');
    await expect.poll(async () => { const [r, g, b] = await fill(); return g > r + 40 && g > b + 40; }, { message: 'green on target' }).toBe(true);
    await app.screenshot('window-status-on-target');

    await setText(`---\ntarget: 40\n---\n\n${words(50)}`);
    await expect.poll(() => page.locator('#target-label').textContent()).toBe('50 / 40 words (10 over)');
    await expect.poll(async () => { const [r, g, b] = await fill(); return r > 180 && g > 120 && b < 100 && r > g; }, { message: 'amber over target' }).toBe(true);
    await app.screenshot('window-status-over-target');
  });

  it('keeps a narrow window’s toolbar and status bar inside it (the toolbar wraps), and still never scrolls', async () => {
    const { page } = app;
    await normalWindow();
    const fits = () =>
      page.evaluate(() => {
        const outside = [...document.querySelectorAll<HTMLElement>('.toolbar button, .status-bar .stat:not([hidden])')]
          .filter((node) => node.offsetParent !== null)
          .filter((node) => {
            const box = node.getBoundingClientRect();
            return box.left < 0 || box.right > innerWidth + 0.5;
          })
          .map((node) => node.textContent);
        const root = document.scrollingElement!;
        return { outside, width: root.scrollWidth, height: root.scrollHeight, window: [innerWidth, innerHeight] };
      });
    try {
      for (const width of [1024, 900]) {
        await app.resize(width, 760);
        const now = await waitForStill(page, fits);
        expect(now.outside, `${width}px: controls outside the window`).toEqual([]);
        expect([now.width, now.height]).toEqual(now.window);
        await app.screenshot(`window-narrow-${width}`);
      }
      await wheelOverToolbar(5);
      expect((await page.locator('.toolbar').boundingBox())!.y).toBe(0);
    } finally {
      await app.resize(1280, 860);
    }
  });
});
