/**
 * Bad input, clear errors, nothing lost: each file is really on disk, opened
 * through the app's own Open dialog, and compared byte for byte afterwards.
 */
import { mkdir, open, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDir, type RunningApp } from './harness';
import { answer, pressFileShortcut, profile, typeAtEnd } from './files-support';

async function openThroughDialog(app: RunningApp, file: string): Promise<void> {
  await pressFileShortcut(app, 'Control+O');
  const input = app.page.locator('dialog[open] input.path-input');
  await input.fill(file);
  await input.press('Enter');
}

async function messageShown(app: RunningApp): Promise<string> {
  const message = app.page.locator('dialog[open] .dialog-message');
  await message.waitFor({ timeout: 10_000 });
  return (await message.textContent()) ?? '';
}

describe('bad input in the Chromium shell', () => {
  let app: RunningApp;
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('bad-input');
    app = await startApp({ userData: await profile('bad-input-profile') });
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** What a file is on disk: its bytes when small, else size and mtime (never a 65 MB deep compare). */
  async function snapshot(file: string): Promise<string> {
    const info = await stat(file).catch(() => null);
    if (!info) return 'missing';
    if (!info.isFile() || info.size > 1024 * 1024) return `${info.isFile() ? 'file' : 'other'} ${info.size} ${info.mtimeMs}`;
    return (await readFile(file)).toString('hex');
  }

  async function refused(file: string, expected: string): Promise<void> {
    const before = await snapshot(file);
    await openThroughDialog(app, file);
    expect(await messageShown(app)).toBe(expected);
    await answer(app, 'OK');
    expect(await app.page.title()).toBe('Untitled — Byline');
    expect(await snapshot(file)).toBe(before);
  }

  it('a binary file (NUL bytes) is refused with a message and left untouched', async () => {
    const file = path.join(dir, 'photo.md');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    await refused(file, 'Can’t open “photo.md”: it is not a text file.'.replace('’', "'"));
  });

  it('a folder, even one named like a file, is gone into: the dialog lists it instead of opening it', async () => {
    const folder = path.join(dir, 'drafts.md');
    await mkdir(folder);
    await openThroughDialog(app, folder);
    const input = app.page.locator('dialog[open] input.path-input');
    await expect.poll(() => input.inputValue()).toBe(`${folder}/`);
    await answer(app, 'Cancel');
    expect(await app.page.title()).toBe('Untitled — Byline');
  });

  it('a missing path is refused with a message in the dialog and nothing is created', async () => {
    const file = path.join(dir, 'nowhere.md');
    await openThroughDialog(app, file);
    const status = app.page.locator('dialog[open] .path-status');
    await expect.poll(() => status.textContent()).toBe(`There is no file or folder “nowhere.md” in ${dir}.`);
    await answer(app, 'Cancel');
    expect(await app.page.title()).toBe('Untitled — Byline');
    await expect(stat(file)).rejects.toThrow();
  });

  it('a file above the 64 MB limit is refused without being read', async () => {
    const file = path.join(dir, 'dump.md');
    const handle = await open(file, 'w');
    await handle.truncate(65 * 1024 * 1024);
    await handle.close();
    await refused(file, 'Can’t open “dump.md”: it is larger than 64 MB, too large for Byline.'.replace('’', "'"));
  });

  // An unreadable file (permission bits) can't be made for root, which CI runs as; the files
  // service's test runs that scenario as `nobody` (test/unit/services/files.test.ts), and the
  // page shows its message through the same path as the refusals above.

  it('invalid UTF-8 opens with a visible warning, and Save asks before replacing the original', async () => {
    const file = path.join(dir, 'latin1.md');
    const original = Buffer.from('Caf\xe9 au lait\n', 'latin1');
    await writeFile(file, original);
    await openThroughDialog(app, file);
    await expect.poll(() => app.page.title()).toBe('latin1.md — Byline');
    const notice = app.page.locator('#notices [data-notice="doc-warning:INVALID_UTF8"]');
    await expect.poll(() => notice.textContent()).toContain('“latin1.md” contains bytes that aren\'t valid UTF-8 text');
    expect(await notice.isVisible()).toBe(true);
    await typeAtEnd(app, 'More.');
    await pressFileShortcut(app, 'Control+S');
    expect(await messageShown(app)).toContain('Byline didn\'t save over “latin1.md”');
    await answer(app, 'Cancel');
    expect(await app.page.title()).toBe('• latin1.md — Byline');
    expect((await readFile(file)).equals(original)).toBe(true);
    // Save As keeps the original untouched.
    await pressFileShortcut(app, 'Control+S');
    await messageShown(app);
    await answer(app, 'Save As…');
    const copy = path.join(dir, 'latin1-copy.md');
    const input = app.page.locator('dialog[open] input.path-input');
    await input.fill(copy);
    await input.press('Enter');
    await expect.poll(() => app.page.title()).toBe('latin1-copy.md — Byline');
    expect(await readFile(copy, 'utf8')).toBe('Caf\uFFFD au lait\nMore.');
    expect((await readFile(file)).equals(original)).toBe(true);
  });

  it('invalid UTF-8: replacing the original happens only on the explicit choice', async () => {
    const file = path.join(dir, 'latin1-b.md');
    await writeFile(file, Buffer.from('Na\xefve\n', 'latin1'));
    await pressFileShortcut(app, 'Control+N');
    await openThroughDialog(app, file);
    await expect.poll(() => app.page.title()).toBe('latin1-b.md — Byline');
    await typeAtEnd(app, 'Fixed.');
    await pressFileShortcut(app, 'Control+S');
    await messageShown(app);
    await answer(app, 'Replace the Original');
    await expect.poll(() => readFile(file, 'utf8')).toBe('Na\uFFFDve\nFixed.');
    await expect.poll(() => app.page.title()).toBe('latin1-b.md — Byline');
    expect(await app.page.locator('#notices [data-notice="doc-warning:INVALID_UTF8"]').count()).toBe(0);
  });

  it('UTF-16 with a BOM opens, and saves back as UTF-16 with its BOM and CRLF line endings', async () => {
    const file = path.join(dir, 'utf16.md');
    const bom = Buffer.from([0xff, 0xfe]);
    await writeFile(file, Buffer.concat([bom, Buffer.from('# Título\r\n\r\nTexto\r\n', 'utf16le')]));
    await pressFileShortcut(app, 'Control+N');
    await openThroughDialog(app, file);
    await expect.poll(() => app.page.title()).toBe('utf16.md — Byline');
    expect(await app.page.locator('#notices .notice').count()).toBe(0);
    await typeAtEnd(app, 'Más.');
    await pressFileShortcut(app, 'Control+S');
    const expected = Buffer.concat([bom, Buffer.from('# Título\r\n\r\nTexto\r\nMás.', 'utf16le')]);
    await expect.poll(async () => (await readFile(file)).equals(expected)).toBe(true);
    await expect.poll(() => app.page.title()).toBe('utf16.md — Byline');
  });
});
