/**
 * Saving a new piece in the Chromium shell, whose page draws its own file
 * dialog: File → New starts from the header template with the caret in the
 * title; Save suggests a name made from the headline, in the drafts folder (or
 * the last folder used, else the home folder — never the app's own folder);
 * the dialog lists the folder's Markdown files and subfolders, completes paths
 * with Tab, walks the list with the arrow keys, opens a folder path by going
 * into it, creates folders (New Folder, and Save As into a folder that doesn't
 * exist yet) and refuses nonsense with a sentence. Screenshots go to
 * test-artifacts/save-dialog-*.png.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, ROOT, startApp, tempDir, type RunningApp } from './harness';
import { answer, pressFileShortcut } from './files-support';
import { axeViolations } from './axe';

const HEADLINE = "Kerry: If Russia Doesn't Back Down From Aleppo... We Will Sit in a Corner and Pout";

interface EditorSnapshot {
  doc: string;
  from: number;
  to: number;
}

/** The editor's text and selection, read through CodeMirror's view (found from its DOM). */
async function editor(page: Page): Promise<EditorSnapshot> {
  return page.evaluate(() => {
    type View = { state: { doc: { toString(): string }; selection: { main: { from: number; to: number } } } };
    const content = document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: View } } };
    const { state } = content.cmTile.root.view;
    return { doc: state.doc.toString(), from: state.selection.main.from, to: state.selection.main.to };
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `save-dialog-${name}.png`) });
}


async function writeProfile(settings: Record<string, unknown>): Promise<string> {
  const dir = await tempDir('save-dialog-profile');
  await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ welcomed: true, ...settings }));
  return dir;
}

const dialog = (app: RunningApp) => app.page.locator('dialog[open].path-dialog');
const pathInput = (app: RunningApp) => dialog(app).locator('input.path-input');
/** The names the dialog lists, folders with a trailing slash. */
const listed = (app: RunningApp) =>
  dialog(app)
    .locator('.path-entry')
    .evaluateAll((items) => items.map((item) => `${(item as HTMLElement).dataset.name}${(item as HTMLElement).dataset.kind === 'folder' ? '/' : ''}`));

describe('the save dialog in the Chromium shell', () => {
  let app: RunningApp;
  let dir: string;
  let drafts: string;
  let home: string;

  beforeAll(async () => {
    dir = await tempDir('save-dialog');
    drafts = path.join(dir, 'drafts');
    home = path.join(dir, 'home');
    await mkdir(path.join(drafts, 'archive'), { recursive: true });
    await mkdir(path.join(drafts, '.hidden-folder'));
    await mkdir(home);
    await writeFile(path.join(drafts, 'aleppo-notes.md'), '# Notes\n');
    await writeFile(path.join(drafts, 'close-library-sundays.md'), '# Close the Library on Sundays?\n');
    await writeFile(path.join(drafts, 'photo.jpg'), 'not a draft');
    await writeFile(path.join(drafts, '.secret.md'), 'hidden');
    app = await startApp({ userData: await writeProfile({ draftsFolder: drafts }), env: { HOME: home } });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('File → New starts from the header template New Draft writes, caret in the title, and an untouched one closes without asking', async () => {
    await pressFileShortcut(app, 'Control+N');
    await expect.poll(async () => (await editor(app.page)).doc).toMatch(/^---\ntitle: ""\nauthor: \ndate: \d{4}-\d{2}-\d{2}\n---\n\n$/);
    const { doc, from, to } = await editor(app.page);
    expect(from).toBe(to);
    expect(from).toBe(doc.indexOf('title: ""') + 'title: "'.length);
    expect(await app.page.title()).toBe('Untitled — Byline');
    // Untouched: New again (or closing) doesn't ask to save.
    await pressFileShortcut(app, 'Control+N');
    await expect.poll(() => app.page.locator('html[data-file-command]').count()).toBe(0);
    expect(await app.page.locator('dialog[open]').count()).toBe(0);
    expect(await app.page.title()).toBe('Untitled — Byline');
    // Nor does closing it (File → Close).
    await app.page.evaluate(() => window.dispatchEvent(new CustomEvent('byline-main-event', { detail: { type: 'menu-command', command: 'file:close' } })));
    await expect.poll(async () => (await editor(app.page)).doc).toBe('');
    expect(await app.page.locator('dialog[open]').count()).toBe(0);
    await pressFileShortcut(app, 'Control+N');
    await expect.poll(async () => (await editor(app.page)).doc).toContain('title: ""');
    await shot(app.page, 'new-piece');
  });

  it('a new piece with a headline: Save suggests its name in the drafts folder, lists the folder, and saves there', async () => {
    await app.page.keyboard.type(HEADLINE);
    await expect.poll(() => app.page.title()).toBe('• Untitled — Byline');
    await app.page.keyboard.press('Control+End');
    await app.page.keyboard.type('While anonymous US officials threaten, the Secretary of State sulks.');
    await pressFileShortcut(app, 'Control+S');
    await expect.poll(() => pathInput(app).inputValue()).toBe(path.join(drafts, 'kerry-russia-aleppo.md'));
    // The name without its extension is selected, ready to be typed over.
    expect(await pathInput(app).evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart!, input.selectionEnd!))).toBe('kerry-russia-aleppo');
    // Subfolders, then Markdown files; no hidden entries, no photos.
    await expect.poll(() => listed(app)).toEqual(['archive/', 'aleppo-notes.md', 'close-library-sundays.md']);
    expect(await dialog(app).locator('.path-folder').textContent()).toContain(drafts);
    await shot(app.page, 'suggested-name');
    expect(await axeViolations(app.page)).toEqual([]);
    await pathInput(app).press('Enter');
    await expect.poll(() => app.page.title()).toBe('kerry-russia-aleppo.md — Byline');
    const saved = await readFile(path.join(drafts, 'kerry-russia-aleppo.md'), 'utf8');
    expect(saved).toContain(`title: "${HEADLINE}"`);
    expect(saved).toContain('the Secretary of State sulks.');
    // Nothing landed in the app's own folder or the working directory.
    expect(existsSync(path.join(ROOT, 'kerry-russia-aleppo.md'))).toBe(false);
    expect(existsSync(path.join(ROOT, 'Untitled.md'))).toBe(false);
  });

  it('Tab completes a path like a shell, and the arrow keys walk the list', async () => {
    await pressFileShortcut(app, 'Control+O');
    const input = pathInput(app);
    await expect.poll(() => input.inputValue()).toBe(`${drafts}/`);
    await input.fill(`${dir}/dra`);
    await input.press('Tab');
    await expect.poll(() => input.inputValue()).toBe(`${drafts}/`);
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => listed(app)).toEqual(['archive/', 'aleppo-notes.md', 'close-library-sundays.md', 'kerry-russia-aleppo.md']);
    // Ambiguous: completes what the matches share, and lists only them.
    await input.press('End');
    await input.type('a');
    await input.press('Tab');
    await expect.poll(() => listed(app)).toEqual(['archive/', 'aleppo-notes.md']);
    expect(await input.inputValue()).toBe(`${drafts}/a`);
    await input.type('l');
    await input.press('Tab');
    await expect.poll(() => input.inputValue()).toBe(`${drafts}/aleppo-notes.md`);
    await shot(app.page, 'completion');
    // With no name to complete, Tab moves on as it always does (and so the key really is the browser's Tab).
    await input.fill(`${drafts}/`);
    await input.press('Tab');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(false);
    await input.focus();
    // Arrow keys: the list's options, Enter takes the active one.
    await expect.poll(() => listed(app)).toHaveLength(4);
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    await expect.poll(() => dialog(app).locator('.path-entry[aria-selected="true"]').getAttribute('data-name')).toBe('close-library-sundays.md');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await dialog(app).locator('.path-entry[aria-selected="true"]').getAttribute('id'));
    await input.press('Enter');
    await expect.poll(() => app.page.title()).toBe('close-library-sundays.md — Byline');
  });

  it('opening a folder path goes into the folder and lists it instead of failing', async () => {
    await pressFileShortcut(app, 'Control+O');
    const input = pathInput(app);
    await input.fill(path.join(drafts, 'archive'));
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(`${path.join(drafts, 'archive')}/`);
    expect(await dialog(app).count()).toBe(1);
    expect(await listed(app)).toEqual([]);
    expect(await dialog(app).locator('.path-entries').getAttribute('data-empty')).toBe('No Markdown files or folders here');
    // Up goes back to the drafts folder; a click on a folder goes into it.
    await dialog(app).getByRole('button', { name: 'Up', exact: true }).click();
    await expect.poll(() => input.inputValue()).toBe(`${drafts}/`);
    await dialog(app).locator('.path-entry[data-name="archive"]').click();
    await expect.poll(() => input.inputValue()).toBe(`${path.join(drafts, 'archive')}/`);
    await shot(app.page, 'open-folder');
    await answer(app, 'Cancel');
    expect(await app.page.title()).toBe('close-library-sundays.md — Byline');
  });

  it('Save As into a folder that does not exist offers to create it, then saves there', async () => {
    const target = path.join(dir, 'pieces', '2026', 'library.md');
    await pressFileShortcut(app, 'Control+Shift+S');
    const input = pathInput(app);
    await expect.poll(() => input.inputValue()).toBe(path.join(drafts, 'close-library-sundays.md'));
    await input.fill(target);
    await expect.poll(() => dialog(app).locator('.path-status').textContent()).toContain('There is no folder');
    await input.press('Enter');
    const confirm = app.page.locator('dialog[open]').last();
    await expect.poll(() => confirm.textContent()).toContain(`There is no folder “${path.dirname(target)}” yet. Create it and save “library.md” there?`);
    await shot(app.page, 'create-folder');
    await answer(app, 'Create Folder and Save');
    await expect.poll(() => app.page.title()).toBe('library.md — Byline');
    expect(await readFile(target, 'utf8')).toBe('# Close the Library on Sundays?\n');
    expect(await app.page.locator('dialog[open]').count()).toBe(0);
  });

  it('New Folder creates a folder in the one shown and goes into it, keeping the name', async () => {
    await pressFileShortcut(app, 'Control+Shift+S');
    const input = pathInput(app);
    await expect.poll(() => input.inputValue()).toBe(path.join(dir, 'pieces', '2026', 'library.md'));
    await dialog(app).getByRole('button', { name: 'New Folder' }).click();
    const ask = app.page.locator('dialog[open]').last();
    await ask.locator('input.new-folder-input').fill('Columns');
    await shot(app.page, 'new-folder');
    await answer(app, 'Create');
    await expect.poll(() => input.inputValue()).toBe(path.join(dir, 'pieces', '2026', 'Columns', 'library.md'));
    expect((await readdir(path.join(dir, 'pieces', '2026'))).sort()).toEqual(['Columns', 'library.md']);
    // A second folder of the same name is refused with a sentence, and nothing is lost.
    await dialog(app).getByRole('button', { name: 'Up', exact: true }).click();
    await expect.poll(() => input.inputValue()).toBe(path.join(dir, 'pieces', '2026', 'library.md'));
    await dialog(app).getByRole('button', { name: 'New Folder' }).click();
    await app.page.locator('dialog[open]').last().locator('input.new-folder-input').fill('Columns');
    await answer(app, 'Create');
    await expect.poll(() => app.page.locator('dialog[open]').last().locator('.new-folder-problem').textContent()).toContain('already a folder named “Columns”');
    await answer(app, 'Cancel');
    await answer(app, 'Cancel');
    expect(await app.page.title()).toBe('library.md — Byline');
  });

  it('a double click goes into a folder once, never into what lands under the pointer', async () => {
    await pressFileShortcut(app, 'Control+O');
    const input = pathInput(app);
    await input.fill(`${path.join(dir, 'pieces')}/`);
    await expect.poll(() => listed(app)).toEqual(['2026/']);
    // In 2026, the first entry is the folder Columns: the second click must not go into it.
    await dialog(app).locator('.path-entry[data-name="2026"]').dblclick();
    await expect.poll(() => input.inputValue()).toBe(`${path.join(dir, 'pieces', '2026')}/`);
    await expect.poll(() => listed(app)).toEqual(['Columns/', 'library.md']);
    expect(await input.inputValue()).toBe(`${path.join(dir, 'pieces', '2026')}/`);
    // A double click on a file opens it.
    await dialog(app).locator('.path-entry[data-name="library.md"]').dblclick();
    await expect.poll(() => dialog(app).count()).toBe(0);
    expect(await app.page.title()).toBe('library.md — Byline');
  });

  it('Save over an existing file asks first; a folder typed in Save is gone into, keeping the name', async () => {
    await pressFileShortcut(app, 'Control+Shift+S');
    const input = pathInput(app);
    await input.fill(path.join(drafts, 'archive'));
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(path.join(drafts, 'archive', 'library.md'));
    expect(existsSync(path.join(drafts, 'archive.md'))).toBe(false);
    await input.fill(path.join(drafts, 'aleppo-notes.md'));
    await input.press('Enter');
    await expect.poll(() => app.page.locator('dialog[open]').last().textContent()).toContain('Replace “aleppo-notes.md”?');
    await answer(app, 'Cancel');
    // Back in the path dialog, nothing written.
    expect(await dialog(app).count()).toBe(1);
    expect(await readFile(path.join(drafts, 'aleppo-notes.md'), 'utf8')).toBe('# Notes\n');
    await answer(app, 'Cancel');
  });

  it('choosing the drafts folder lists folders only, and a new folder made there can be chosen', async () => {
    await app.page.click('button[data-command="view:drafts"]');
    const sidebar = app.page.locator('#drafts-sidebar');
    await expect.poll(() => sidebar.isVisible()).toBe(true);
    await sidebar.getByRole('button', { name: 'Choose Folder…' }).click();
    const input = pathInput(app);
    await expect.poll(() => input.inputValue()).toBe(`${drafts}/`);
    await expect.poll(() => listed(app)).toEqual(['archive/']);
    await dialog(app).getByRole('button', { name: 'New Folder' }).click();
    await app.page.locator('dialog[open]').last().locator('input.new-folder-input').fill('Op-eds 2026');
    await answer(app, 'Create');
    await expect.poll(() => input.inputValue()).toBe(`${path.join(drafts, 'Op-eds 2026')}/`);
    await shot(app.page, 'drafts-folder');
    await input.press('Enter');
    await expect.poll(() => dialog(app).count()).toBe(0);
    await expect.poll(async () => JSON.parse(await readFile(path.join(app.userData, 'settings.json'), 'utf8')).draftsFolder).toBe(path.join(drafts, 'Op-eds 2026'));
    await app.page.click('button[data-command="view:drafts"]');
  });

  it('refuses nonsense paths with a sentence, and main refuses them too', async () => {
    await pressFileShortcut(app, 'Control+Shift+S');
    const input = pathInput(app);
    await input.fill('https://example.com/piece.md');
    await input.press('Enter');
    await expect.poll(() => dialog(app).locator('.path-status').textContent()).toContain('a web address');
    expect(await dialog(app).count()).toBe(1);
    await answer(app, 'Cancel');
    const invoke = (channel: string, payload: unknown) =>
      app.page.evaluate(
        ([c, p]) => (window as unknown as { __bylineInvoke(c: string, p: unknown): Promise<unknown> }).__bylineInvoke(c as string, p),
        [channel, payload] as const,
      );
    for (const bad of [{ path: 'relative/folder' }, { path: '/tmp/a\0b' }, { path: 42 }, { path: `/${'x'.repeat(5000)}` }]) {
      expect(await invoke('folder:list', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
      expect(await invoke('folder:create', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    const listing = (await invoke('folder:list', { path: drafts })) as { ok: boolean; value: { entries: unknown[] } };
    // Names and kinds only: never a file's contents.
    expect(JSON.stringify(listing)).not.toContain('# Notes');
    const notFolder = (await invoke('folder:list', { path: path.join(drafts, 'aleppo-notes.md') })) as { ok: boolean; error: { message: string } };
    expect(notFolder).toMatchObject({ ok: false, error: { code: 'NOT_A_FOLDER' } });
    expect(notFolder.error.message).toBe('“aleppo-notes.md” is a file, not a folder.');
  });
});

describe('where Save looks first', () => {
  it('without a drafts folder, in the last folder used', async () => {
    const dir = await tempDir('save-dialog-last');
    const earlier = path.join(dir, 'earlier.md');
    await writeFile(earlier, '# Earlier\n');
    const app = await startApp({ userData: await writeProfile({ recentFiles: [earlier] }), env: { HOME: await tempDir('save-dialog-elsewhere') } });
    try {
      await pressFileShortcut(app, 'Control+N');
      await expect.poll(async () => (await editor(app.page)).doc).toContain('title: ""');
      await app.page.keyboard.type('Close the Library on Sundays? Then Don’t Call It a Public Library');
      await pressFileShortcut(app, 'Control+S');
      await expect.poll(() => pathInput(app).inputValue()).toBe(path.join(dir, 'close-library-sundays.md'));
      await answer(app, 'Cancel');
    } finally {
      await app.stop();
    }
  });

  it('with neither, in the home folder — never the app’s own folder', async () => {
    const home = await tempDir('save-dialog-home');
    const app = await startApp({ userData: await writeProfile({}), env: { HOME: home } });
    try {
      await app.page.click('.cm-content');
      await app.page.keyboard.type('Zoning is destiny, and this piece has the most words of all three.');
      await pressFileShortcut(app, 'Control+S');
      await expect.poll(() => pathInput(app).inputValue()).toBe(path.join(home, 'zoning-destiny.md'));
      await pathInput(app).press('Enter');
      await expect.poll(() => app.page.title()).toBe('zoning-destiny.md — Byline');
      expect(existsSync(path.join(home, 'zoning-destiny.md'))).toBe(true);
      expect(existsSync(path.join(ROOT, 'zoning-destiny.md'))).toBe(false);
    } finally {
      await app.stop();
    }
  });
});
