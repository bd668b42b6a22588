/**
 * Folders for the page's own file dialog (the Chromium shell has no system
 * dialog): what a folder holds — its subfolders and Markdown files, by name
 * and kind only, never a file's contents — and new folders. Plain Node; every
 * failure comes back as a sentence the dialog shows as it is.
 */
import { promises as fsp, type Dirent } from 'node:fs';
import path from 'node:path';
import type { ApiError, ErrorCode, FolderEntry, FolderListing, Result } from '../contract';
import { isDraftFileName } from './drafts-library';
import { fileErrorCode } from './file-errors';

/** A folder with more entries than this is listed in part (`truncated`): the dialog filters as you type. */
export const MAX_FOLDER_ENTRIES = 2000;

/** Names as a person sorts them: case aside, "piece 9" before "piece 10". One collator (localeCompare would build one per call). */
const NAME_ORDER = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const fail = (code: ErrorCode, message: string): { ok: false; error: ApiError } => ({ ok: false, error: { code, message } });

const label = (folder: string) => path.basename(folder) || folder;

/** What an entry is, following symbolic links; null for what the dialog doesn't show. */
async function entryKind(dir: string, entry: Dirent): Promise<FolderEntry['kind'] | null> {
  if (entry.name.startsWith('.')) return null;
  let isFolder = entry.isDirectory();
  let isFile = entry.isFile();
  if (entry.isSymbolicLink()) {
    const target = await fsp.stat(path.join(dir, entry.name)).catch(() => null);
    isFolder = !!target?.isDirectory();
    isFile = !!target?.isFile();
  }
  if (isFolder) return 'folder';
  return isFile && isDraftFileName(entry.name) ? 'file' : null;
}

export async function listFolder(folder: string): Promise<Result<FolderListing>> {
  const dir = path.resolve(folder);
  let dirents: Dirent[];
  try {
    if (!(await fsp.stat(dir)).isDirectory()) return fail('NOT_A_FOLDER', `“${label(dir)}” is a file, not a folder.`);
    dirents = await fsp.readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = fileErrorCode(error);
    if (code === 'NOT_FOUND') return fail(code, `There is no folder “${dir}”.`);
    if (code === 'ACCESS_DENIED') return fail(code, `Byline can’t look inside “${label(dir)}”: you don’t have permission to open it.`);
    return fail(code, `Byline can’t look inside “${label(dir)}”: the folder could not be read.`);
  }
  const entries: FolderEntry[] = [];
  for (const dirent of dirents) {
    const kind = await entryKind(dir, dirent);
    if (kind) entries.push({ name: dirent.name, kind });
  }
  entries.sort((a, b) => NAME_ORDER.compare(a.name, b.name) || (a.name < b.name ? -1 : 1));
  const parent = path.dirname(dir);
  return {
    ok: true,
    value: { folder: dir, parent: parent === dir ? null : parent, entries: entries.slice(0, MAX_FOLDER_ENTRIES), truncated: entries.length > MAX_FOLDER_ENTRIES },
  };
}

/** Creates `folder` and any missing folders above it; refuses one that is already there. */
export async function createFolder(folder: string): Promise<Result<{ folder: string }>> {
  const dir = path.resolve(folder);
  const name = label(dir);
  const existing = await fsp.stat(dir).catch(() => null);
  if (existing) return fail('ALREADY_EXISTS', `There is already a ${existing.isDirectory() ? 'folder' : 'file'} named “${name}” here.`);
  try {
    await fsp.mkdir(dir, { recursive: true });
    return { ok: true, value: { folder: dir } };
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    const why: Record<string, [ErrorCode, string]> = {
      // mkdir -p meeting a file on the way says ENOTDIR on some systems, EEXIST on others.
      EEXIST: ['NOT_A_FOLDER', 'part of its path is a file, not a folder.'],
      ENOTDIR: ['NOT_A_FOLDER', 'part of its path is a file, not a folder.'],
      EACCES: ['ACCESS_DENIED', `you don’t have permission to create folders in “${label(path.dirname(dir))}”.`],
      EPERM: ['ACCESS_DENIED', `you don’t have permission to create folders in “${label(path.dirname(dir))}”.`],
      EROFS: ['READ_ONLY', 'the disk is read-only.'],
      ENOSPC: ['DISK_FULL', 'the disk is full.'],
      ENAMETOOLONG: ['IO', 'the name is too long.'],
      EINVAL: ['IO', 'the name has characters this disk doesn’t allow.'],
    };
    const [code, reason] = why[errno ?? ''] ?? [fileErrorCode(error), 'the folder could not be created.'];
    return fail(code, `Can’t create “${name}”: ${reason}`);
  }
}

/** The first of `candidates` that is an existing folder (full paths only), or null. */
export async function firstExistingFolder(candidates: readonly (string | null | undefined)[]): Promise<string | null> {
  for (const candidate of candidates) {
    if (!candidate || !path.isAbsolute(candidate)) continue;
    const stat = await fsp.stat(candidate).catch(() => null);
    if (stat?.isDirectory()) return path.resolve(candidate);
  }
  return null;
}
