import { mkdtemp, readFile, readdir, stat, symlink, writeFile, chmod, lstat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs, writeFileAtomic, type AtomicWriteFs } from '../../../electron/services/atomic-write';
import { FAULT_STEPS, failing } from './fault-fs';

async function folderWith(name: string, content: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'byline-atomic-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return { dir, file };
}

const data = (s: string) => new TextEncoder().encode(s);

describe('atomic write', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const { dir, file } = await folderWith('draft.md', 'old');
    await writeFileAtomic(file, data('new text'));
    expect(await readFile(file, 'utf8')).toBe('new text');
    expect(await readdir(dir)).toEqual(['draft.md']);
  });

  it('creates a file that does not exist yet', async () => {
    const { dir } = await folderWith('other.md', '');
    const file = path.join(dir, 'new.md');
    await writeFileAtomic(file, data('fresh'));
    expect(await readFile(file, 'utf8')).toBe('fresh');
  });

  for (const step of FAULT_STEPS) {
    it(`keeps the original intact when ${step} fails`, async () => {
      const { dir, file } = await folderWith('draft.md', 'the original words');
      await expect(writeFileAtomic(file, data('half-written'), failing(step))).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await readFile(file, 'utf8')).toBe('the original words');
      expect(await readdir(dir)).toEqual(['draft.md']);
    });
  }

  it('still saves when the folder refuses fsync (the data itself is synced)', async () => {
    const { file } = await folderWith('draft.md', 'old');
    let opens = 0;
    const fs: AtomicWriteFs = {
      ...nodeFs,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        if (opens++ === 1) throw Object.assign(new Error('EINVAL: injected'), { code: 'EINVAL' });
        return nodeFs.open(...args);
      }) as AtomicWriteFs['open'],
    };
    await writeFileAtomic(file, data('new'), fs);
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('keeps the file mode', async () => {
    const { file } = await folderWith('draft.md', 'x');
    await chmod(file, 0o640);
    await writeFileAtomic(file, data('y'));
    expect((await stat(file)).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    const { dir, file } = await folderWith('real.md', 'old');
    const link = path.join(dir, 'link.md');
    await symlink(file, link);
    await writeFileAtomic(link, data('through the link'));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('through the link');
  });

  it('fails on a read-only folder without touching the original', async () => {
    if (process.getuid?.() === 0) {
      // Root ignores permission bits, so a real read-only folder can't be made here: inject EACCES instead.
      const { file } = await folderWith('draft.md', 'keep me');
      await expect(writeFileAtomic(file, data('x'), failing('open', 'EACCES'))).rejects.toMatchObject({ code: 'EACCES' });
      expect(await readFile(file, 'utf8')).toBe('keep me');
      return;
    }
    const { dir, file } = await folderWith('draft.md', 'keep me');
    await chmod(dir, 0o555);
    try {
      await expect(writeFileAtomic(file, data('x'))).rejects.toMatchObject({ code: 'EACCES' });
      expect(await readFile(file, 'utf8')).toBe('keep me');
    } finally {
      await chmod(dir, 0o755);
    }
  });
});
