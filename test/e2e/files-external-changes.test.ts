/**
 * Another program changes the open file, for real (the test writes and
 * deletes it on disk): a clean buffer reloads silently and keeps the cursor;
 * a dirty one asks (Compare, Keep Mine, Load Theirs); a deleted file leaves
 * the buffer marked, and Save writes it again.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDir, type RunningApp } from './harness';
import { answer, pressFileShortcut, profile } from './files-support';

async function editorText(app: RunningApp): Promise<string> {
  return app.page.evaluate(() => Array.from(document.querySelectorAll('.cm-content .cm-line'), (line) => line.textContent).join('\n'));
}

describe('outside changes to the open file', () => {
  let app: RunningApp;
  let file: string;

  beforeAll(async () => {
    const dir = await tempDir('external');
    file = path.join(dir, 'column.md');
    await writeFile(file, 'Line one\nLine two\n');
    app = await startApp({ files: [file], userData: await profile('external-profile') });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('reloads a clean buffer silently and keeps the cursor where it was', async () => {
    await app.page.click('.cm-content');
    await app.page.keyboard.press('Control+Home');
    await app.page.keyboard.press('End');
    await writeFile(file, 'Line one\nLine two, rewritten by another program\n');
    await expect.poll(() => editorText(app), { timeout: 10_000 }).toBe('Line one\nLine two, rewritten by another program\n');
    expect(await app.page.title()).toBe('column.md — Byline');
    expect(await app.page.locator('dialog[open]').count()).toBe(0);
    // The cursor stayed at the end of the first line.
    await app.page.keyboard.type('!');
    expect(await editorText(app)).toBe('Line one!\nLine two, rewritten by another program\n');
    await pressFileShortcut(app, 'Control+S');
    await expect.poll(() => readFile(file, 'utf8')).toBe('Line one!\nLine two, rewritten by another program\n');
    await expect.poll(() => app.page.title()).toBe('column.md — Byline');
  });

  it('asks when the buffer is dirty: Compare shows both versions, Keep Mine keeps the buffer and the file as they are', async () => {
    await app.page.keyboard.press('Control+End');
    await app.page.keyboard.type('My unsaved line.');
    await writeFile(file, 'Line one!\nTheir version of line two\n');
    const dialog = app.page.locator('dialog[open]');
    await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain('Changed on disk');
    expect(await dialog.textContent()).toContain('Another program changed “column.md”');
    await answer(app, 'Compare…');
    const diff = app.page.locator('dialog[open] .compare-diff');
    await expect.poll(() => diff.textContent()).toContain('− Line two, rewritten by another program');
    expect(await diff.textContent()).toContain('+ Their version of line two');
    expect(await diff.textContent()).toContain('− My unsaved line.');
    await answer(app, 'Keep Mine');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await editorText(app)).toBe('Line one!\nLine two, rewritten by another program\nMy unsaved line.');
    expect(await app.page.title()).toBe('• column.md — Byline');
    expect(await readFile(file, 'utf8')).toBe('Line one!\nTheir version of line two\n');
  });

  it('Load Theirs replaces the buffer with the file on disk', async () => {
    await writeFile(file, 'Line one!\nTheir second version\n');
    const dialog = app.page.locator('dialog[open]');
    await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain('Changed on disk');
    await answer(app, 'Load Theirs');
    await expect.poll(() => editorText(app)).toBe('Line one!\nTheir second version\n');
    await expect.poll(() => app.page.title()).toBe('column.md — Byline');
    expect(await readFile(file, 'utf8')).toBe('Line one!\nTheir second version\n');
  });

  it('a deleted file leaves the buffer, marked as unsaved, and Save writes it again', async () => {
    await rm(file);
    await expect.poll(() => app.page.getAttribute('#app', 'data-file-missing'), { timeout: 10_000 }).toBe('true');
    expect(await app.page.locator('#notices').textContent()).toContain('“column.md” was deleted or moved on disk');
    await expect.poll(() => app.page.title()).toBe('• column.md — Byline');
    expect(await editorText(app)).toBe('Line one!\nTheir second version\n');
    await pressFileShortcut(app, 'Control+S');
    await expect.poll(() => readFile(file, 'utf8').catch(() => '')).toBe('Line one!\nTheir second version\n');
    await expect.poll(() => app.page.title()).toBe('column.md — Byline');
    expect(await app.page.getAttribute('#app', 'data-file-missing')).toBe('false');
  });
});
