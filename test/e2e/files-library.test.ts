/**
 * Finding your words again: several files on the command line (none silently
 * dropped), recent files on an empty window's start screen (across runs), and
 * the drafts library (a real folder, a new draft created in it, refreshed by
 * main's folder watcher).
 */
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDir, type RunningApp } from './harness';
import { answer, pressFileShortcut, profile } from './files-support';

describe('command line, recent files and the drafts library', () => {
  let app: RunningApp;
  let userData: string;
  let dir: string;
  let drafts: string;
  const files: string[] = [];

  beforeAll(async () => {
    dir = await tempDir('library');
    drafts = path.join(dir, 'drafts');
    await import('node:fs/promises').then((fs) => fs.mkdir(drafts));
    for (const [name, text] of [
      ['one.md', '# First\n\nOne.\n'],
      ['two.md', '# Second\n\nTwo two.\n'],
      ['three.md', '# Third\n\nThree three three.\n'],
    ] as const) {
      const file = path.join(dir, name);
      await writeFile(file, text);
      files.push(file);
    }
    userData = await profile('library-profile');
    app = await startApp({ files, userData });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('opens the first of several files and offers the others, none dropped', async () => {
    expect(await app.page.title()).toBe('one.md — Byline');
    const switcher = app.page.locator('#notices [data-notice="more-files"]');
    await expect.poll(() => switcher.locator('.notice-action').allTextContents()).toEqual(['two.md', 'three.md']);
    await switcher.getByRole('button', { name: 'three.md' }).click();
    await expect.poll(() => app.page.title()).toBe('three.md — Byline');
    await expect.poll(() => switcher.locator('.notice-action').allTextContents()).toEqual(['one.md', 'two.md']);
  });

  it('an empty window lists recent files on its start screen, and one click opens one', async () => {
    await pressFileShortcut(app, 'Control+N');
    await expect.poll(() => app.page.title()).toBe('Untitled — Byline');
    const start = app.page.locator('#start-screen');
    await expect.poll(() => start.isVisible()).toBe(true);
    const listed = await start.locator('.start-recent-file').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.path));
    expect(listed).toEqual(expect.arrayContaining(files));
    await start.locator(`.start-recent-file[data-path="${files[1]}"]`).click();
    await expect.poll(() => app.page.title()).toBe('two.md — Byline');
    expect(await start.isVisible()).toBe(false);
  });

  it('the drafts library lists a folder’s drafts, sorts and filters them, and creates a new one', async () => {
    await writeFile(path.join(drafts, 'a.md'), '---\ntitle: Against the Four-Day Week\n---\n\nShort.\n');
    await writeFile(path.join(drafts, 'b.md'), '# Bring Back the Trams\n\nA few more words here.\n');
    await writeFile(path.join(drafts, 'c.md'), 'Zoning is destiny, and this piece has the most words of all three.\n');
    await utimes(path.join(drafts, 'a.md'), new Date(2024, 0, 1), new Date(2024, 0, 1));
    await utimes(path.join(drafts, 'b.md'), new Date(2024, 5, 1), new Date(2024, 5, 1));
    await app.page.click('button[data-command="view:drafts"]');
    const sidebar = app.page.locator('#drafts-sidebar');
    await expect.poll(() => sidebar.isVisible()).toBe(true);
    await sidebar.getByRole('button', { name: 'Choose Folder…' }).click();
    const input = app.page.locator('dialog[open] input.path-input');
    await input.fill(drafts);
    await input.press('Enter');
    const headlines = () => sidebar.locator('.draft-headline').allTextContents();
    await expect.poll(headlines, { timeout: 10_000 }).toEqual(['Zoning is destiny, and this piece has the most words of all three.', 'Bring Back the Trams', 'Against the Four-Day Week']);
    await sidebar.locator('.drafts-sort').selectOption('title');
    expect(await headlines()).toEqual(['Against the Four-Day Week', 'Bring Back the Trams', 'Zoning is destiny, and this piece has the most words of all three.']);
    await sidebar.locator('.drafts-filter').fill('tram');
    expect(await headlines()).toEqual(['Bring Back the Trams']);
    await sidebar.locator('.drafts-filter').fill('');
    expect(await sidebar.locator('.draft-meta').first().textContent()).toMatch(/^\d+ words? · /);
    // Remembered in settings.
    expect(JSON.parse(await readFile(path.join(userData, 'settings.json'), 'utf8')).draftsFolder).toBe(drafts);

    await sidebar.getByRole('button', { name: 'New Draft' }).click();
    await app.page.locator('dialog[open] .draft-title-input').fill('Why Libraries Matter');
    await answer(app, 'Create');
    await expect.poll(headlines, { timeout: 10_000 }).toContain('Why Libraries Matter');
    expect(await headlines()).toHaveLength(4);
    const created = (await readdir(drafts)).filter((name) => !['a.md', 'b.md', 'c.md'].includes(name));
    expect(created).toHaveLength(1);
    expect(await app.page.title()).toBe(`${created[0]} — Byline`);

    // A file added by another program appears (main's folder watcher).
    await writeFile(path.join(drafts, 'd.md'), '# Dispatch From Elsewhere\n');
    await expect.poll(headlines, { timeout: 15_000 }).toContain('Dispatch From Elsewhere');

    // A click opens a draft.
    await sidebar.locator('.draft-entry', { hasText: 'Bring Back the Trams' }).click();
    await expect.poll(() => app.page.title()).toBe('b.md — Byline');
  });

  it('remembers recent files across runs', async () => {
    await app.stop();
    app = await startApp({ userData });
    const start = app.page.locator('#start-screen');
    await expect.poll(() => start.isVisible(), { timeout: 10_000 }).toBe(true);
    const listed = await start.locator('.start-recent-file').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.path));
    expect(listed[0]).toBe(path.join(drafts, 'b.md'));
    expect(listed).toEqual(expect.arrayContaining(files));
  });
});
