/**
 * Source chips in the real app, as a writer meets them: a link whose target
 * runs onto the next line (typed with Ctrl+K and Enter, or in a file) stays
 * as typed and the editor keeps working; and the chips follow the document,
 * so opening the same file again, reverting, or restoring it from the crash
 * journal shows them as before.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, tempDir, waitForStill, type RunningApp } from './harness';
import { answer, journalEntries, pressFileShortcut, profile, sendMenuCommand, typeAtEnd, waitForExit } from './files-support';
import { collectProblems, editorState, openInApp, screenshot } from './editor-support';

const PIECE = [
  '# Shorter hours',
  '',
  'The council cut [library hours](https://council.example.gov/report) last year.',
  '',
  'Its own [annual survey](https://example.org/stats) says readers noticed.',
  '',
  'A [local paper](https://news.example.com/a/b "Riverton Post") agreed.',
  '',
].join('\n');

/** The chips drawn, by number. */
async function chips(page: Page): Promise<number[]> {
  return (await page.locator('.cm-link-chip').allTextContents()).map(Number);
}

/** Each drawn editor line's text. */
async function drawnLines(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.cm-content > .cm-line'), (line) => line.textContent ?? ''));
}

describe('a link whose target runs onto the next line', () => {
  let app: RunningApp;
  let dir: string;
  let problems: string[];

  beforeAll(async () => {
    dir = await tempDir('broken-link');
    app = await startApp({ userData: await profile('broken-link-profile') });
    await app.page.waitForSelector('#app[data-ready="true"]');
    problems = collectProblems(app);
  });
  afterAll(async () => app?.stop());

  it('opens as typed, beside chips for the other links, and the editor keeps matching the file (Ctrl+End, typing, saving)', async () => {
    const file = path.join(dir, 'two-lines.md');
    await writeFile(file, 'See the [annual survey](https://example.org/stats\n) and [the report](https://council.example.gov/report).\n');
    await openInApp(app, file);
    // The second link folds into its chip; the first, broken across lines, stays as typed.
    await expect.poll(() => chips(app.page)).toEqual([2]);
    expect(await drawnLines(app.page)).toEqual(['See the [annual survey](https://example.org/stats', ') and [the report]2.', '']);
    await screenshot(app.page, 'editor-link-broken-across-lines');

    await app.page.click('.cm-content');
    await app.page.keyboard.press('Control+End');
    await app.page.keyboard.type('c');
    const expected = 'See the [annual survey](https://example.org/stats\n) and [the report](https://council.example.gov/report).\nc';
    expect((await editorState(app.page)).doc).toBe(expected);
    expect(await waitForStill(app.page, () => drawnLines(app.page))).toEqual(expected.split('\n').map((l) => l.replace('(https://council.example.gov/report)', '2')));
    await pressFileShortcut(app, 'Control+S');
    await expect.poll(() => readFile(file, 'utf8')).toBe(expected);
    expect(problems).toEqual([]);
  });

  it('typed with Ctrl+K, a URL and Enter: the caret stays where it is and what follows lands there', async () => {
    const { page } = app;
    await pressFileShortcut(app, 'Control+N');
    await expect.poll(() => page.title()).toBe('Untitled — Byline');
    await page.click('.cm-content');
    // New starts from the piece header; this test wants an empty page.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('Read the annual survey');
    for (let i = 0; i < 'annual survey'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.type('https://example.org/stats');
    await page.keyboard.press('Enter');
    // The render that numbers the link comes after the paint: let it land before typing on.
    await waitForStill(page, () => drawnLines(page));
    await page.keyboard.type('carefully.');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Then more.');
    const expected = 'Read the [annual survey](https://example.org/stats\ncarefully.) Then more.';
    expect((await editorState(page)).doc).toBe(expected);
    expect(await waitForStill(page, () => drawnLines(page))).toEqual(expected.split('\n'));
    expect(problems).toEqual([]);
  });
});

describe('chips follow the document', () => {
  let app: RunningApp;
  let file: string;
  let userData: string;

  beforeAll(async () => {
    file = path.join(await tempDir('chips-again'), 'shorter-hours.md');
    await writeFile(file, PIECE);
    userData = await profile('chips-again-profile');
    app = await startApp({ files: [file], userData });
    await app.page.waitForSelector('#app[data-ready="true"]');
  });
  afterAll(async () => app?.stop());

  it('shows them on open', async () => {
    await expect.poll(() => chips(app.page)).toEqual([1, 2, 3]);
    await screenshot(app.page, 'editor-link-chips');
  });

  it('shows them again when the same file is opened again', async () => {
    await openInApp(app, file);
    await expect.poll(() => chips(app.page)).toEqual([1, 2, 3]);
  });

  it('shows them again after Revert to Saved', async () => {
    await typeAtEnd(app, 'An edit to throw away.');
    await expect.poll(() => app.page.title()).toBe('• shorter-hours.md — Byline');
    await sendMenuCommand(app, 'file:revert');
    await answer(app, 'Revert');
    await expect.poll(() => app.page.title()).toBe('shorter-hours.md — Byline');
    expect((await editorState(app.page)).doc).toBe(PIECE);
    await app.page.keyboard.press('Control+Home');
    await expect.poll(() => chips(app.page)).toEqual([1, 2, 3]);
  });

  it('shows them on a buffer restored from the crash journal over the same file', async () => {
    await typeAtEnd(app, 'Typed, then the app was stopped.');
    await expect.poll(async () => (await journalEntries(userData)).map((e) => e.text), { timeout: 10_000 }).toContain(`${PIECE}Typed, then the app was stopped.`);
    app.child.kill('SIGTERM');
    await waitForExit(app);
    await app.stop();

    // The file opens first (its chips drawn), then the recovery dialog offers the unsaved buffer.
    app = await startApp({ files: [file], userData });
    const dialog = app.page.locator('dialog[open].recovery-dialog');
    await dialog.waitFor({ timeout: 15_000 });
    await expect.poll(() => chips(app.page)).toEqual([1, 2, 3]);
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => app.page.title()).toBe('• shorter-hours.md — Byline');
    expect((await editorState(app.page)).doc).toBe(`${PIECE}Typed, then the app was stopped.`);
    await app.page.keyboard.press('Control+Home');
    await expect.poll(() => chips(app.page)).toEqual([1, 2, 3]);
  });
});

describe('the front matter error mark follows the document too', () => {
  it('is shown again when the same broken file is opened again', async () => {
    const file = path.join(await tempDir('yaml-again'), 'broken.md');
    await writeFile(file, '---\ntitle: "Unclosed\nauthor: [a, b\n---\n\nThe body still renders.\n');
    const app = await startApp({ files: [file], userData: await profile('yaml-again-profile') });
    try {
      const marked = app.page.locator('.cm-front-matter-error');
      await expect.poll(() => marked.count()).toBe(1);
      await openInApp(app, file);
      await expect.poll(() => app.page.locator('.cm-front-matter-message').count()).toBe(1);
      expect(await marked.count()).toBe(1);
    } finally {
      await app.stop();
    }
  });
});
