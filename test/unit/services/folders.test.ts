/**
 * The folders service behind the page's own file dialog: a folder's
 * subfolders and Markdown files (names and kinds only, never contents), and
 * new folders, with every failure a sentence.
 */
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFolder, firstExistingFolder, listFolder, MAX_FOLDER_ENTRIES } from '../../../electron/services/folders';

async function folder() {
  return mkdtemp(path.join(os.tmpdir(), 'byline-folders-'));
}

/** A file-system error as Node raises it (injected: these tests may run as root, whom permissions don't stop). */
const errno = (code: string) => Object.assign(new Error(code), { code });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('listing a folder', () => {
  it('gives subfolders and Markdown files by name, no hidden entries, no other files, no contents', async () => {
    const dir = await folder();
    await mkdir(path.join(dir, 'archive'));
    await mkdir(path.join(dir, 'Zeta'));
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, 'piece 10.md'), '# Secret contents');
    await writeFile(path.join(dir, 'piece 9.markdown'), 'x');
    await writeFile(path.join(dir, 'notes.TXT'), 'x');
    await writeFile(path.join(dir, 'photo.jpg'), 'x');
    await writeFile(path.join(dir, '.hidden.md'), 'x');
    await symlink(path.join(dir, 'archive'), path.join(dir, 'linked'));
    await symlink(path.join(dir, 'gone'), path.join(dir, 'dangling.md'));
    const result = await listFolder(path.join(dir, 'archive', '..'));
    expect(result).toEqual({
      ok: true,
      value: {
        folder: dir,
        parent: path.dirname(dir),
        truncated: false,
        entries: [
          { name: 'archive', kind: 'folder' },
          { name: 'linked', kind: 'folder' },
          { name: 'notes.TXT', kind: 'file' },
          { name: 'piece 9.markdown', kind: 'file' },
          { name: 'piece 10.md', kind: 'file' },
          { name: 'Zeta', kind: 'folder' },
        ],
      },
    });
    expect(JSON.stringify(result)).not.toContain('Secret');
  });

  it('lists the root, which has no parent', async () => {
    const result = await listFolder('/');
    expect(result.ok && result.value.parent).toBeNull();
  });

  it('says when the path is a file, missing, or unreadable', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'piece.md'), 'x');
    expect(await listFolder(path.join(dir, 'piece.md'))).toEqual({
      ok: false,
      error: { code: 'NOT_A_FOLDER', message: '“piece.md” is a file, not a folder.' },
    });
    expect(await listFolder(path.join(dir, 'missing'))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: `There is no folder “${path.join(dir, 'missing')}”.` },
    });
    expect(await listFolder(path.join(dir, 'piece.md', 'below'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await mkdir(path.join(dir, 'locked'));
    vi.spyOn(fsp, 'readdir').mockRejectedValueOnce(errno('EACCES'));
    expect(await listFolder(path.join(dir, 'locked'))).toEqual({
      ok: false,
      error: { code: 'ACCESS_DENIED', message: 'Byline can’t look inside “locked”: you don’t have permission to open it.' },
    });
  });

  it('stops at MAX_FOLDER_ENTRIES and says so', async () => {
    const dir = await folder();
    await Promise.all(Array.from({ length: MAX_FOLDER_ENTRIES + 5 }, (_, i) => writeFile(path.join(dir, `p${i}.md`), '')));
    const result = await listFolder(dir);
    expect(result.ok && result.value.entries.length).toBe(MAX_FOLDER_ENTRIES);
    expect(result.ok && result.value.truncated).toBe(true);
  });
});

describe('creating a folder', () => {
  it('creates it with any missing parents and answers its full path', async () => {
    const dir = await folder();
    const target = path.join(dir, 'pieces', '2026', 'june');
    expect(await createFolder(`${target}/`)).toEqual({ ok: true, value: { folder: target } });
    expect((await listFolder(target)).ok).toBe(true);
  });

  it('refuses an existing folder or file, a file on the way, and a folder it may not write in', async () => {
    const dir = await folder();
    await mkdir(path.join(dir, 'Columns'));
    await writeFile(path.join(dir, 'piece.md'), 'x');
    expect(await createFolder(path.join(dir, 'Columns'))).toEqual({
      ok: false,
      error: { code: 'ALREADY_EXISTS', message: 'There is already a folder named “Columns” here.' },
    });
    expect(await createFolder(path.join(dir, 'piece.md'))).toEqual({
      ok: false,
      error: { code: 'ALREADY_EXISTS', message: 'There is already a file named “piece.md” here.' },
    });
    expect(await createFolder(path.join(dir, 'piece.md', 'inside'))).toEqual({
      ok: false,
      error: { code: 'NOT_A_FOLDER', message: 'Can’t create “inside”: part of its path is a file, not a folder.' },
    });
    expect(await createFolder('/')).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(await createFolder(path.join(dir, 'x'.repeat(300)))).toMatchObject({ ok: false, error: { message: expect.stringContaining('the name is too long') } });
    vi.spyOn(fsp, 'mkdir').mockRejectedValueOnce(errno('EACCES'));
    expect(await createFolder(path.join(dir, 'locked', 'new'))).toEqual({
      ok: false,
      error: { code: 'ACCESS_DENIED', message: 'Can’t create “new”: you don’t have permission to create folders in “locked”.' },
    });
    vi.spyOn(fsp, 'mkdir').mockRejectedValueOnce(errno('EROFS'));
    expect(await createFolder(path.join(dir, 'new'))).toEqual({ ok: false, error: { code: 'READ_ONLY', message: 'Can’t create “new”: the disk is read-only.' } });
  });
});

describe('the first folder that exists', () => {
  it('skips missing folders and files, and answers null when none is left', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'piece.md'), 'x');
    expect(await firstExistingFolder([path.join(dir, 'gone'), path.join(dir, 'piece.md'), 'relative', dir])).toBe(dir);
    expect(await firstExistingFolder([path.join(dir, 'gone')])).toBeNull();
  });
});
