/**
 * Atomic file replacement: write a temp file in the same folder, fsync it,
 * rename it over the target, fsync the folder. A crash or a failure at any
 * step leaves either the old file or the new one, never a torn mix.
 */
import { promises as fsp, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The file-system calls atomic writing needs; replaceable in tests to inject faults. */
export interface AtomicWriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
  stat: typeof fsp.stat;
  realpath: typeof fsp.realpath;
  chmod: typeof fsp.chmod;
}

export const nodeFs: AtomicWriteFs = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  stat: fsp.stat,
  realpath: fsp.realpath,
  chmod: fsp.chmod,
};

/** Follows symlinks so a save replaces the link's target, not the link itself. */
async function resolveTarget(fs: AtomicWriteFs, file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path.resolve(file);
    throw error;
  }
}

export async function writeFileAtomic(file: string, data: Uint8Array, fs: AtomicWriteFs = nodeFs): Promise<void> {
  const target = await resolveTarget(fs, file);
  const dir = path.dirname(target);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(target)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temp = path.join(dir, `.${path.basename(target)}.byline-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, mode ?? 0o666);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, dir);
}

/** Makes the rename itself durable. Not possible on Windows; harmless to skip there. */
async function syncDirectory(fs: AtomicWriteFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: Awaited<ReturnType<typeof fsp.open>> | undefined;
  try {
    handle = await fs.open(dir, fsConstants.O_RDONLY);
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the data itself is already synced.
  } finally {
    await handle?.close();
  }
}
