import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDocument, saveDocument } from '../../../electron/services/files';
import { nodeFs, type AtomicWriteFs } from '../../../electron/services/atomic-write';

async function dir() {
  return mkdtemp(path.join(os.tmpdir(), 'byline-files-'));
}

describe('files service', () => {
  it('opens a document and saves it back byte for byte (CRLF, BOM, no final newline)', async () => {
    const folder = await dir();
    const file = path.join(folder, 'oped.md');
    const original = Buffer.from('\uFEFF# Title\r\n\r\nBody text', 'utf8');
    await writeFile(file, original);
    const opened = await openDocument(file);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value).toMatchObject({ path: file, name: 'oped.md', text: '# Title\n\nBody text', format: { eol: 'crlf', bom: true } });
    const saved = await saveDocument(file, opened.value.text + '\nMore.', opened.value.format);
    expect(saved.ok).toBe(true);
    expect((await readFile(file)).equals(Buffer.from('\uFEFF# Title\r\n\r\nBody text\r\nMore.', 'utf8'))).toBe(true);
  });

  it('explains missing files, folders and binary files', async () => {
    const folder = await dir();
    await writeFile(path.join(folder, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]));
    await mkdir(path.join(folder, 'sub'));
    const missing = await openDocument(path.join(folder, 'nope.md'));
    const folderResult = await openDocument(path.join(folder, 'sub'));
    const binary = await openDocument(path.join(folder, 'image.png'));
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(folderResult).toMatchObject({ ok: false, error: { code: 'IS_DIRECTORY' } });
    expect(binary).toMatchObject({ ok: false, error: { code: 'BINARY' } });
    for (const r of [missing, folderResult, binary]) if (!r.ok) expect(r.error.message).toMatch(/^Can't open “.+”: .+\.$/);
  });

  it('reports a full disk in words and leaves the file as it was', async () => {
    const folder = await dir();
    const file = path.join(folder, 'draft.md');
    await writeFile(file, 'original');
    const full: AtomicWriteFs = {
      ...nodeFs,
      rename: async () => {
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
    };
    const result = await saveDocument(file, 'new', { eol: 'lf', bom: false }, full);
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    if (!result.ok) expect(result.error.message).toContain('the disk is full');
    expect(await readFile(file, 'utf8')).toBe('original');
  });

  it('says the folder is gone when saving into a deleted folder', async () => {
    const folder = await dir();
    const result = await saveDocument(path.join(folder, 'gone', 'draft.md'), 'x', { eol: 'lf', bom: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
