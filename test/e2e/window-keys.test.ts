/**
 * The browser's own shortcuts in the Chromium shell's window, pressed on a
 * real keyboard (xdotool under Xvfb). Chrome acts on some of them before the
 * page sees the key (Ctrl+N, Ctrl+T, Ctrl+Shift+N open a window or a tab; a
 * page can't prevent that), so the shell turns the page the browser opened
 * into the app's New; a page the app's content opens is refused and never
 * taken as a command. The rest (history, downloads, print, reload, the
 * address bar…) the page keeps from the browser, so the keys stay in the app.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frames, tempDir } from './harness';
import { startHeadedApp, type HeadedApp } from './real-input';
import { isNewPieceTemplate } from '../../renderer/markdown/piece-header';

let app: HeadedApp;
/**
 * Every page the browser opened since start, seen the moment it exists (CDP target discovery, as the
 * shell does: the shell closes them before playwright-core would report them).
 */
const opened: string[] = [];
let baselineWindows = 0;

beforeAll(async () => {
  const dir = await tempDir('window-keys');
  const file = path.join(dir, 'column.md');
  await writeFile(file, 'A column about the library.\n');
  app = await startHeadedApp({ files: [file] });
  const cdp = await app.page.context().newCDPSession(app.page);
  const own = ((await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } }).targetInfo.targetId;
  cdp.on('Target.targetCreated', ({ targetInfo }: { targetInfo: { targetId: string; type: string; url: string } }) => {
    if (targetInfo.type === 'page' && targetInfo.targetId !== own) opened.push(targetInfo.url);
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  baselineWindows = (await app.visibleWindows()).length;
  await app.page.waitForFunction(() => document.title === 'column.md — Byline');
});

afterAll(async () => {
  await app?.stop();
});

/** The editor's text (CodeMirror's document, reached from its DOM as `EditorView.findFromDOM` does). */
const editorText = () =>
  app.page.evaluate(() => (document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: { state: { doc: { toString(): string } } } } } }).cmTile.root.view.state.doc.toString());
const openDialog = () => app.page.locator('dialog[open]');

/** A real click at the end of the text, so the keyboard is in the editor. */
async function clickIntoText(): Promise<void> {
  const box = await app.page.locator('.cm-line').last().evaluate((node) => {
    const r = node.getBoundingClientRect();
    return { x: r.right - 4, y: r.top + r.height / 2 };
  });
  await app.click(box.x, box.y);
  await app.key('ctrl+End');
}

/** The app is the only page and the only window again. */
async function onlyTheAppWindow(): Promise<void> {
  await expect.poll(() => app.browser.contexts()[0]!.pages().map((p) => p.url())).toEqual(['https://byline.invalid/']);
  await expect.poll(async () => (await app.visibleWindows()).length).toBe(baselineWindows);
}

async function expectNewDocumentFrom(key: string): Promise<void> {
  await clickIntoText();
  await app.type(' Unsaved words.');
  await expect.poll(() => app.page.title()).toMatch(/^• /);
  const before = opened.length;
  await app.key(key);
  // New asks first, since the text is unsaved.
  await expect.poll(() => openDialog().textContent()).toContain('Save changes?');
  await openDialog().getByRole('button', { name: "Don't Save" }).click();
  await expect.poll(() => app.page.title()).toBe('Untitled — Byline');
  expect(isNewPieceTemplate(await editorText())).toBe(true);
  expect(opened.length).toBeGreaterThan(before);
  await onlyTheAppWindow();
  // The keyboard is back in the app's (new) document, in the headline.
  await app.type('Fresh start');
  await expect.poll(editorText).toMatch(/^---\ntitle: "Fresh start"\n/);
}

describe('browser shortcuts on a real keyboard (e2e, headed Chromium shell)', { timeout: 180_000 }, () => {
  it('Ctrl+N makes a new document in the window, and no other window stays open', async () => {
    await expectNewDocumentFrom('ctrl+n');
  });

  it('Ctrl+T and Ctrl+Shift+N (a new tab, a private window) make a new document too', async () => {
    await expectNewDocumentFrom('ctrl+t');
    await expectNewDocumentFrom('ctrl+shift+n');
  });

  it('refuses windows the page’s own content opens, and never takes one for a command', async () => {
    await clickIntoText();
    await app.type(' Kept.');
    const title = await app.page.title();
    const text = await editorText();
    // (The browser may refuse some outright: window.open then gives null, or "noopener" hides the answer.)
    const windows = await app.page.evaluate(() => {
      const made = [
        window.open('about:blank'),
        window.open('chrome://newtab/'),
        window.open('https://example.com/'),
        window.open('chrome://new-tab-page-third-party/', '_blank', 'noopener'),
      ];
      const link = document.createElement('a');
      link.href = 'chrome://new-tab-page/';
      link.target = '_blank';
      document.body.append(link);
      link.click();
      link.remove();
      const live = made.filter((w): w is Window => w !== null);
      (window as unknown as { made: Window[] }).made = live;
      return live.length;
    });
    expect(windows).toBeGreaterThanOrEqual(2);
    // The shell closes each one.
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { made: Window[] }).made.every((w) => w.closed))).toBe(true);
    await onlyTheAppWindow();
    // Whatever the shell was going to do with them, it has done: a trip through it and a few frames.
    expect(await app.page.evaluate(() => (window as unknown as { __bylineInvoke(c: string, p: null): Promise<{ ok: boolean }> }).__bylineInvoke('settings:read', null).then((r) => r.ok))).toBe(true);
    await frames(app.page, 5);
    expect(await openDialog().count()).toBe(0);
    expect(await app.page.title()).toBe(title);
    expect(await editorText()).toBe(text);
  });

  it('keeps the browser’s other shortcuts from leaving the app: history, downloads, print, reload, the address bar…', async () => {
    await app.page.evaluate(() => {
      const w = window as unknown as { notReloaded: boolean; shiftKeys: number };
      w.notReloaded = true;
      w.shiftKeys = 0;
      window.addEventListener('keydown', (event) => event.code === 'ShiftRight' && w.shiftKeys++, true);
    });
    const shiftKeys = () => app.page.evaluate(() => (window as unknown as { shiftKeys: number }).shiftKeys);
    const everywhere = [
      'ctrl+h', 'ctrl+j', 'ctrl+shift+o', 'ctrl+shift+b', 'ctrl+shift+a', 'ctrl+shift+Delete', 'ctrl+u', 'ctrl+p', 'ctrl+d', 'ctrl+l', 'ctrl+e',
      'alt+d', 'F6', 'F5', 'ctrl+r', 'ctrl+shift+r', 'alt+Home', 'F1', 'F7', 'alt+e',
    ];
    // Keys the editor has uses for (moving by word) leave the app only from outside it.
    const outsideTheEditor = [...everywhere, 'alt+Left', 'alt+Right'];
    for (const [where, keys] of [['editor', everywhere], ['page', outsideTheEditor]] as const) {
      for (const key of keys) {
        if (where === 'editor') await clickIntoText();
        else {
          const title = (await app.page.locator('#doc-title').boundingBox())!;
          await app.click(title.x + title.width / 2, title.y + title.height / 2);
        }
        const before = { opened: opened.length, shiftKeys: await shiftKeys() };
        await app.key(key);
        // The next key still reaches the page: nothing took the keyboard (address bar, a menu, print preview).
        await app.key('Shift_R');
        await expect.poll(shiftKeys, { message: `after ${key} (${where})` }).toBe(before.shiftKeys + 1);
        expect(opened.length, `${key} (${where}) opened a page`).toBe(before.opened);
        expect(await app.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), `${key} (${where}) reloaded the app`).toBe(true);
        expect(app.page.url()).toBe('https://byline.invalid/');
      }
    }
    await onlyTheAppWindow();
    await app.screenshot('window-keys-after-browser-shortcuts');
  });

  it('Ctrl+Q and Ctrl+W ask about unsaved text before the window goes; Cancel keeps it', async () => {
    // Ctrl+W's beforeunload dialog reaches this client too, and Playwright accepts (leaves) one nobody
    // listens for: listen, and leave the answer to the shell, as a writer's window has it.
    app.page.on('dialog', () => undefined);
    for (const key of ['ctrl+q', 'ctrl+w']) {
      await clickIntoText();
      await app.type(' More.');
      await app.key(key);
      await expect.poll(() => openDialog().textContent(), { message: key }).toContain('Save changes?');
      await openDialog().getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => openDialog().count()).toBe(0);
      expect(app.child.exitCode).toBeNull();
      expect(app.page.isClosed()).toBe(false);
    }
  });
});
