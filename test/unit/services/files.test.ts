import { promises as fsp } from 'node:fs';
import { chmod, mkdtemp, mkdir, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_OPEN_BYTES, openDocument, saveDocument, writeDocument } from '../../../electron/services/files';
import { LARGE_FILE_BYTES, LONG_LINE_CHARS } from '../../../electron/services/document-warnings';
import { contentHash } from '../../../electron/services/content-hash';
import { FAULT_STEPS, failing } from './fault-fs';

async function dir() {
  return mkdtemp(path.join(os.tmpdir(), 'byline-files-'));
}

const LF = { eol: 'lf', bom: false, encoding: 'utf-8' } as const;
const isRoot = process.getuid?.() === 0;

/**
 * Real permission bits can't be tested as root (root ignores them): then the
 * scenario runs in a child process as `nobody` (uid/gid 65534) instead of
 * being skipped. The child is bundled into one file in a folder `nobody` can
 * read, since the checkout itself may sit in a folder only root can enter.
 */
async function runWithRealPermissions(): Promise<{ open: unknown; save: unknown; after: string }> {
  const { spawnSync } = await import('node:child_process');
  const { build } = await import('esbuild');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'byline-perm-'));
  const script = path.join(folder, 'permissions-child.cjs');
  await build({ entryPoints: [path.join(__dirname, 'fixtures', 'permissions-child.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent' });
  const work = path.join(folder, 'work');
  await mkdir(work);
  const ids = isRoot ? { uid: 65534, gid: 65534 } : {};
  if (isRoot) {
    await chmod(folder, 0o755);
    await chmod(work, 0o777);
  }
  const run = spawnSync(process.execPath, [script, work], { encoding: 'utf8', cwd: folder, ...ids });
  if (run.status !== 0) throw new Error(`permissions child failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as { open: unknown; save: unknown; after: string };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('opening files', () => {
  it('opens a document and saves it back byte for byte (CRLF, BOM, no final newline)', async () => {
    const folder = await dir();
    const file = path.join(folder, 'oped.md');
    await writeFile(file, Buffer.from('\uFEFF# Title\r\n\r\nBody text', 'utf8'));
    const opened = await openDocument(file);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value).toMatchObject({
      path: file,
      name: 'oped.md',
      text: '# Title\n\nBody text',
      format: { eol: 'crlf', bom: true, encoding: 'utf-8' },
      warnings: [],
    });
    const saved = await saveDocument(file, opened.value.text + '\nMore.', opened.value.format);
    expect(saved.ok).toBe(true);
    expect((await readFile(file)).equals(Buffer.from('\uFEFF# Title\r\n\r\nBody text\r\nMore.', 'utf8'))).toBe(true);
  });

  it('opens UTF-16 LE and BE files and saves them back in the same encoding', async () => {
    const folder = await dir();
    const le = path.join(folder, 'le.md');
    const be = path.join(folder, 'be.md');
    await writeFile(le, Buffer.from('\uFEFFZürich\r\n', 'utf16le'));
    await writeFile(be, Buffer.from('\uFEFFKraków\n', 'utf16le').swap16());
    for (const [file, encoding, addition] of [[le, 'utf-16le', 'Genève'], [be, 'utf-16be', 'Łódź']] as const) {
      const opened = await openDocument(file);
      if (!opened.ok) throw new Error(opened.error.message);
      expect(opened.value.format).toMatchObject({ encoding, bom: true });
      const saved = await saveDocument(file, `${opened.value.text}${addition}\n`, opened.value.format);
      expect(saved.ok && saved.value.format.encoding).toBe(encoding);
      const reopened = await openDocument(file);
      expect(reopened.ok && reopened.value.text).toBe(`${opened.value.text}${addition}\n`);
    }
    expect((await readFile(le)).equals(Buffer.from('\uFEFFZürich\r\nGenève\r\n', 'utf16le'))).toBe(true);
  });

  it('explains missing files, folders and binary files', async () => {
    const folder = await dir();
    await writeFile(path.join(folder, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]));
    await mkdir(path.join(folder, 'sub'));
    const missing = await openDocument(path.join(folder, 'nope.md'));
    const folderResult = await openDocument(path.join(folder, 'sub'));
    const binary = await openDocument(path.join(folder, 'image.png'));
    const underAFile = await openDocument(path.join(folder, 'image.png', 'x.md'));
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(folderResult).toMatchObject({ ok: false, error: { code: 'IS_DIRECTORY' } });
    expect(binary).toMatchObject({ ok: false, error: { code: 'BINARY' } });
    expect(underAFile).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const r of [missing, folderResult, binary]) if (!r.ok) expect(r.error.message).toMatch(/^Can't open “.+”: .+\.$/);
  });

  it('opens invalid UTF-8 with a visible warning and marks it lossy', async () => {
    const folder = await dir();
    const file = path.join(folder, 'latin1.md');
    await writeFile(file, Buffer.from('Caf\xe9 cr\xe8me\n', 'latin1'));
    const opened = await openDocument(file);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.text).toBe('Caf\uFFFD cr\uFFFDme\n');
    expect(opened.value.format).toMatchObject({ encoding: 'utf-8', lossy: true });
    expect(opened.value.warnings.map((w) => w.code)).toEqual(['INVALID_UTF8']);
    expect(opened.value.warnings[0]?.message).toMatch(/“latin1\.md” contains bytes that aren't valid UTF-8/);
  });

  it('warns about large files and refuses files over the limit', async () => {
    const folder = await dir();
    const large = path.join(folder, 'large.md');
    const huge = path.join(folder, 'huge.md');
    await writeFile(large, `${'word '.repeat(20)}\n`.repeat(Math.ceil((LARGE_FILE_BYTES + 1024) / 101)));
    // A sparse file: over the limit on paper without writing 64 MB.
    const handle = await open(huge, 'w');
    await handle.truncate(MAX_OPEN_BYTES + 1);
    await handle.close();
    const opened = await openDocument(large);
    expect(opened.ok && opened.value.warnings.map((w) => w.code)).toEqual(['LARGE_FILE']);
    const refused = await openDocument(huge);
    expect(refused).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    if (!refused.ok) expect(refused.error.message).toContain('64 MB');
  });

  it('warns about over-long lines', async () => {
    const folder = await dir();
    const file = path.join(folder, 'minified.md');
    await writeFile(file, `# Short\n${'x'.repeat(LONG_LINE_CHARS + 1)}\nend\n`);
    const opened = await openDocument(file);
    expect(opened.ok && opened.value.warnings.map((w) => w.code)).toEqual(['LONG_LINES']);
    await writeFile(file, `${'x'.repeat(LONG_LINE_CHARS)}\n`.repeat(2));
    const fine = await openDocument(file);
    expect(fine.ok && fine.value.warnings).toEqual([]);
  });

  it('says so when a file is unreadable (EACCES injected: tests may run as root)', async () => {
    const folder = await dir();
    const file = path.join(folder, 'secret.md');
    await writeFile(file, 'private');
    vi.spyOn(fsp, 'open').mockRejectedValueOnce(Object.assign(new Error('EACCES: injected'), { code: 'EACCES' }));
    const result = await openDocument(file);
    expect(result).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    if (!result.ok) expect(result.error.message).toBe("Can't open “secret.md”: you don't have permission to read it.");
  });

  it('says so when a file is unreadable, and refuses to save into a read-only folder (real permission bits)', async () => {
    const result = await runWithRealPermissions();
    expect(result.open).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    expect(result.save).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    expect(result.after).toBe('keep');
  });
});

describe('saving files', () => {
  for (const step of FAULT_STEPS) {
    it(`reports a failure at ${step} in words and leaves the original as it was`, async () => {
      const folder = await dir();
      const file = path.join(folder, 'draft.md');
      await writeFile(file, 'original');
      const result = await saveDocument(file, 'new', LF, { fs: failing(step) });
      expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      if (!result.ok) expect(result.error.message).toContain('the disk is full');
      expect(await readFile(file, 'utf8')).toBe('original');
      expect(await readdir(folder)).toEqual(['draft.md']);
    });
  }

  it('reports the mtime of what it wrote and the hash of its bytes', async () => {
    const folder = await dir();
    const file = path.join(folder, 'draft.md');
    const seen: string[] = [];
    const result = await writeDocument(file, 'words\n', LF, { beforeWrite: (_p, hash) => seen.push(hash) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.saved.mtimeMs).toBe((await stat(file)).mtimeMs);
    expect(result.value.hash).toBe(contentHash(await readFile(file)));
    expect(seen).toEqual([result.value.hash]);
  });

  it('recreates a file that was deleted while open', async () => {
    const folder = await dir();
    const file = path.join(folder, 'draft.md');
    await writeFile(file, 'before');
    await rm(file);
    expect((await saveDocument(file, 'after', LF)).ok).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('after');
  });

  it('says the folder is gone, and recreates it only when asked to', async () => {
    const folder = await dir();
    const file = path.join(folder, 'gone', 'deeper', 'draft.md');
    const refused = await saveDocument(file, 'x', LF);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!refused.ok) expect(refused.error.message).toContain('its folder no longer exists');
    expect((await saveDocument(file, 'x', LF, { createFolder: true })).ok).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it('will not overwrite a lossy original unless told to, and then forgets the loss', async () => {
    const folder = await dir();
    const file = path.join(folder, 'latin1.md');
    const original = Buffer.from('Caf\xe9\n', 'latin1');
    await writeFile(file, original);
    const opened = await openDocument(file);
    if (!opened.ok) throw new Error(opened.error.message);
    const refused = await saveDocument(file, opened.value.text + 'more\n', opened.value.format);
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOSSY_OVERWRITE' } });
    expect((await readFile(file)).equals(original)).toBe(true);

    const elsewhere = path.join(folder, 'copy.md');
    const savedAs = await saveDocument(elsewhere, opened.value.text, opened.value.format);
    expect(savedAs.ok && savedAs.value.format).toEqual(LF);
    expect((await readFile(file)).equals(original)).toBe(true);

    const forced = await saveDocument(file, 'Café\n', opened.value.format, { overwriteLossy: true });
    expect(forced.ok && forced.value.format).toEqual(LF);
    expect(await readFile(file, 'utf8')).toBe('Café\n');
  });

});
