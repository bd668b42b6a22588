/**
 * The File menu the page draws in the Chromium shell (it has no menu bar):
 * every item of Electron's File menu, each run end to end from the menu in
 * the headed window — files written and read back (the PDF with pdftotext),
 * the clipboard read, a killed session's text recovered, the app ended.
 * Screenshots in test-artifacts/file-menu-*.png.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDir } from './harness';
import { journalEntries, killHard, profile, typeAtEnd, waitForExit } from './files-support';
import { startHeadedApp, type HeadedApp } from './real-input';
import { isNewPieceTemplate } from '../../renderer/markdown/piece-header';
import { axeViolations } from './axe';
import { fileMenuSections } from '../../renderer/ui/file-menu';

const ORIGINAL = '# Close the library on Sundays?\n\nThen don’t call it a public library.\n';

/** The editor's text (CodeMirror's document, reached from its DOM as `EditorView.findFromDOM` does). */
function editorText(app: HeadedApp): Promise<string> {
  return app.page.evaluate(() => (document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: { state: { doc: { toString(): string } } } } } }).cmTile.root.view.state.doc.toString());
}

/** File → (item), with the mouse, once the app takes file commands again. */
async function fromFileMenu(app: HeadedApp, command: string): Promise<void> {
  await app.page.waitForSelector('html:not([data-file-command])', { state: 'attached', timeout: 10_000 });
  await app.page.click('#menu-file-button');
  const item = app.page.locator(`#menu-file [data-menu-command="${command}"]`);
  if (command === 'app:quit' || command === 'window:close') {
    // The click may end the page before Playwright hears back from it: click, and don't wait on the page.
    await item.waitFor();
    const box = (await item.boundingBox())!;
    await app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2).catch((error: Error) => {
      if (!/closed/i.test(error.message)) throw error;
    });
    return;
  }
  await item.click();
}

/** Answers the app's path dialog with `file`. */
async function choosePath(app: HeadedApp, file: string): Promise<void> {
  const input = app.page.locator('dialog[open] input.path-input');
  await input.waitFor();
  await input.fill(file);
  await input.press('Enter');
}

const dialog = (app: HeadedApp) => app.page.locator('dialog[open]');


describe('the File menu (e2e, headed Chromium shell)', () => {
  let app: HeadedApp;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await tempDir('file-menu');
    file = path.join(dir, 'column.md');
    await writeFile(file, ORIGINAL);
    app = await startHeadedApp({ files: [file] });
    // Leave the answer to any page dialog to the shell (Playwright would otherwise accept one nobody listens for).
    app.page.on('dialog', () => undefined);
    await app.page.waitForFunction(() => document.title === 'column.md — Byline');
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('is first in the toolbar and lists Electron’s File menu, each item with its shortcut', async () => {
    const items = app.page.locator('#menu-file .toolbar-menu-item');
    await app.page.click('#menu-file-button');
    // What the page draws is the menu's own data (checked against Electron's File menu in test/unit/chromium-shell/file-menu.test.ts).
    const expected = fileMenuSections({ isMac: false, recentFiles: async () => [], openRecent: () => undefined, clearRecent: () => undefined })
      .flat()
      .map((entry) => [entry.label, entry.keys ?? '']);
    expect(expected).toHaveLength(14);
    expect(await items.evaluateAll((nodes) => nodes.map((n) => [n.querySelector('.toolbar-menu-label')!.textContent, n.querySelector('kbd')?.textContent ?? '']))).toEqual(expected);
    expect(await app.page.locator('.toolbar > *').first().getAttribute('class')).toContain('file-menu');
    // Each item on one line, the whole list inside the window.
    expect(await items.evaluateAll((nodes) => nodes.filter((n) => n.getClientRects()[0]!.height > 40).length)).toBe(0);
    const list = (await app.page.locator('#menu-file').boundingBox())!;
    expect(list.x + list.width).toBeLessThanOrEqual(await app.page.evaluate(() => innerWidth));
    await app.screenshot('file-menu-open');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.isVisible('#menu-file')).toBe(false);
  });

  it('saves, reverts, saves as, makes a new document, opens and closes documents', async () => {
    await typeAtEnd(app, 'Added from the keyboard.');
    await fromFileMenu(app, 'file:save');
    const saved = `${ORIGINAL}Added from the keyboard.`;
    await expect.poll(() => readFile(file, 'utf8')).toBe(saved);
    await expect.poll(() => app.page.title()).toBe('column.md — Byline');

    await typeAtEnd(app, ' Then regretted.');
    await fromFileMenu(app, 'file:revert');
    await expect.poll(() => dialog(app).textContent()).toContain('Revert to the saved version?');
    await dialog(app).getByRole('button', { name: 'Revert', exact: true }).click();
    await expect.poll(() => editorText(app)).toBe(saved);
    await expect.poll(() => app.page.title()).toBe('column.md — Byline');

    const copy = path.join(dir, 'copy.md');
    await fromFileMenu(app, 'file:save-as');
    await choosePath(app, copy);
    await expect.poll(() => (existsSync(copy) ? readFile(copy, 'utf8') : '')).toBe(saved);
    await expect.poll(() => app.page.title()).toBe('copy.md — Byline');

    await typeAtEnd(app, ' Unsaved.');
    await fromFileMenu(app, 'file:new');
    await expect.poll(() => dialog(app).textContent()).toContain('Save changes?');
    await dialog(app).getByRole('button', { name: "Don't Save" }).click();
    await expect.poll(() => app.page.title()).toBe('Untitled — Byline');
    expect(isNewPieceTemplate(await editorText(app))).toBe(true);

    await fromFileMenu(app, 'file:open');
    await choosePath(app, file);
    await expect.poll(() => app.page.title()).toBe('column.md — Byline');
    expect(await editorText(app)).toBe(saved);

    await fromFileMenu(app, 'file:close');
    await expect.poll(() => app.page.title()).toBe('Untitled — Byline');
    expect(await editorText(app)).toBe(''); // Close leaves an empty page, not a new piece
  });

  it('opens a recent file from Open Recent, and Clear Menu empties it', async () => {
    await app.page.click('#menu-file-button');
    await app.page.hover('#menu-file [data-menu-command="file:open-recent"]');
    const submenu = app.page.locator('.toolbar-submenu');
    await expect
      .poll(() => submenu.locator('.toolbar-menu-item').allTextContents())
      .toEqual([`column.md — ${dir}`, `copy.md — ${dir}`, 'Clear Menu']);
    expect(await app.page.getAttribute('#menu-file [data-menu-command="file:open-recent"]', 'aria-expanded')).toBe('true');
    await app.screenshot('file-menu-open-recent');
    expect(await axeViolations(app.page)).toEqual([]);
    await submenu.getByText(`copy.md — ${dir}`).click();
    await expect.poll(() => app.page.title()).toBe('copy.md — Byline');
    await expect.poll(() => app.page.isVisible('#menu-file')).toBe(false);

    await app.page.click('#menu-file-button');
    await app.page.click('#menu-file [data-menu-command="file:open-recent"]');
    await submenu.getByText('Clear Menu').click();
    await expect.poll(async () => (JSON.parse(await readFile(path.join(app.userData, 'settings.json'), 'utf8')) as { recentFiles: string[] }).recentFiles).toEqual([]);
    await app.page.click('#menu-file-button');
    await app.page.click('#menu-file [data-menu-command="file:open-recent"]');
    await expect.poll(() => submenu.locator('.toolbar-menu-item').allTextContents()).toEqual(['No Recent Files', 'Clear Menu']);
    expect(await submenu.locator('[aria-disabled="true"]').count()).toBe(2);
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.isVisible('#menu-file')).toBe(false);
  });

  it('exports HTML, PDF and plain text', async () => {
    const exported = async (command: string, name: string) => {
      await fromFileMenu(app, command);
      if (command === 'file:export-pdf') {
        const settings = dialog(app);
        await expect.poll(() => settings.getAttribute('class')).toContain('export-dialog');
        await app.screenshot('file-menu-pdf-settings');
        await settings.getByRole('button', { name: 'Continue…' }).click();
      }
      await choosePath(app, path.join(dir, name));
      await expect.poll(() => dialog(app).textContent(), { timeout: 45_000 }).toContain(`Saved “${name}”`);
      await dialog(app).getByRole('button', { name: 'OK' }).click();
      return path.join(dir, name);
    };
    const html = await readFile(await exported('file:export-html', 'copy.html'), 'utf8');
    expect(html).toContain('<article');
    expect(html).toContain('Then don’t call it a public library.');
    const text = await readFile(await exported('file:export-txt', 'copy.txt'), 'utf8');
    expect(text).toContain('Close the library on Sundays?');
    expect(text).toContain('Added from the keyboard.');
    const pdf = await exported('file:export-pdf', 'copy.pdf');
    const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Close the library on Sundays?');
    expect(pdfText).toContain('Added from the keyboard.');
  });

  it('copies the article as rich text', async () => {
    await app.browser.contexts()[0]!.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://byline.invalid' });
    await fromFileMenu(app, 'edit:copy-rich-text');
    await expect.poll(() => app.page.locator('#status-message').textContent()).toContain('Copied as rich text');
    const clip = await app.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    expect(clip.html).toContain('Then don’t call it a public library.');
    expect(clip.text.split('\n')[0]).toBe('Close the library on Sundays?');
  });

  it('opens the menu with Alt+F and F10 and walks it with the arrows (real keys)', async () => {
    await app.key('alt+f');
    await expect.poll(() => app.page.isVisible('#menu-file')).toBe(true);
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.textContent)).toBe('NewCtrl+N');
    await app.key('Down', 'Down', 'Right');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.closest('.toolbar-submenu') !== null)).toBe(true);
    await app.key('Left');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-menu-command'))).toBe('file:open-recent');
    expect(await app.page.locator('.toolbar-submenu').count()).toBe(0);
    await app.key('Escape');
    await expect.poll(() => app.page.isVisible('#menu-file')).toBe(false);
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('menu-file-button');
    await app.key('F10');
    await expect.poll(() => app.page.isVisible('#menu-file')).toBe(true);
    await app.key('Escape');
    await expect.poll(() => app.page.isVisible('#menu-file')).toBe(false);
  });
});

describe('File → Recover Unsaved Text… (e2e, headed Chromium shell)', () => {
  it('offers back the text of a session that was killed, and restores it', async () => {
    const userData = await profile('file-menu-recover');
    const first = await startApp({ userData });
    try {
      await typeAtEnd(first, 'An op-ed the power cut nearly took');
      await expect.poll(async () => (await journalEntries(userData)).map((e) => e.text), { timeout: 10_000 }).toEqual(['An op-ed the power cut nearly took']);
    } finally {
      await killHard(first);
    }
    const app = await startHeadedApp({ userData });
    try {
      // Offered at start; put off, then asked for from the menu.
      const recovery = app.page.locator('dialog[open].recovery-dialog');
      await recovery.waitFor({ timeout: 15_000 });
      await recovery.getByRole('button', { name: 'Decide Later' }).click();
      await expect.poll(() => recovery.count()).toBe(0);
      await fromFileMenu(app, 'file:recover');
      await recovery.waitFor();
      expect(await recovery.locator('.recovery-entry-title').textContent()).toBe('An op-ed the power cut nearly took');
      await recovery.getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => editorText(app)).toBe('An op-ed the power cut nearly took');
      await expect.poll(() => app.page.title()).toBe('• Untitled — Byline');
    } finally {
      await app.stop();
    }
  });
});

describe('File → Close Window and Quit Byline (e2e, headed Chromium shell)', () => {
  it('ask about unsaved text (Cancel keeps the window), then end the app', async () => {
    const app = await startHeadedApp();
    app.page.on('dialog', () => undefined);
    try {
      await typeAtEnd(app, 'Not saved yet.');
      await fromFileMenu(app, 'app:quit');
      await expect.poll(() => dialog(app).textContent()).toContain('Save changes?');
      await dialog(app).getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => dialog(app).count()).toBe(0);
      expect(app.child.exitCode).toBeNull();

      await fromFileMenu(app, 'window:close');
      await expect.poll(() => dialog(app).textContent()).toContain('Save changes?');
      // This click ends the page: don't wait on it to answer.
      await dialog(app).getByRole('button', { name: "Don't Save" }).click({ noWaitAfter: true }).catch((error: Error) => {
        if (!/closed/i.test(error.message)) throw error;
      });
      await waitForExit(app);
      expect(app.child.exitCode).toBe(0);
    } finally {
      await app.stop();
    }
  });

  it('Quit Byline ends a window with nothing unsaved at once', async () => {
    const app = await startHeadedApp();
    try {
      await fromFileMenu(app, 'app:quit');
      await waitForExit(app);
      expect(app.child.exitCode).toBe(0);
    } finally {
      await app.stop();
    }
  });
});
