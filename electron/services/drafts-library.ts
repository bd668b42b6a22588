/**
 * The drafts library: the Markdown and text files in one folder (not its
 * subfolders), each with its headline, word count and modified time; and the
 * creation of a new draft there, named after its title, never overwriting.
 * Hidden files and files above MAX_DRAFT_BYTES are left out; at most
 * MAX_DRAFTS of the most recently modified are listed.
 */
import { promises as fsp, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import type { ApiError, DocumentData, DraftEntry, Result } from '../contract';
import { countWords } from '../../renderer/markdown/word-count';
import { decodeText } from './text-format';
import { documentHeadline } from '../../renderer/markdown/headline';
import { cleanTitle, MAX_TITLE_CHARS, pieceHeader } from '../../renderer/markdown/piece-header';
import { draftFileNames } from './draft-filename';
import { LARGE_FILE_BYTES } from './document-warnings';
import { openDocument } from './files';
import { fileErrorCode } from './file-errors';

export const DRAFT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdown', '.txt'];
export const MAX_DRAFT_BYTES = LARGE_FILE_BYTES;
export const MAX_DRAFTS = 1000;
export { MAX_TITLE_CHARS };

function folderError(error: unknown, folder: string, doing: 'list' | 'create'): ApiError {
  const code = fileErrorCode(error);
  const name = path.basename(folder) || folder;
  const what = doing === 'list' ? `Can't show the drafts in “${name}”` : `Can't create a draft in “${name}”`;
  const why: Record<string, string> = {
    NOT_FOUND: 'the folder no longer exists; choose another drafts folder.',
    IS_DIRECTORY: 'a folder already has that name.',
    ACCESS_DENIED: "you don't have permission to use it.",
    READ_ONLY: 'the disk is read-only.',
    DISK_FULL: 'the disk is full.',
  };
  return { code, message: `${what}: ${why[code] ?? 'the folder could not be read.'}` };
}

export function isDraftFileName(name: string): boolean {
  return !name.startsWith('.') && DRAFT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export async function listDrafts(folder: string): Promise<Result<DraftEntry[]>> {
  const dir = path.resolve(folder);
  let names: string[];
  try {
    if (!(await fsp.stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    names = (await fsp.readdir(dir)).filter(isDraftFileName);
  } catch (error) {
    return { ok: false, error: folderError(error, dir, 'list') };
  }
  const files: { file: string; name: string; modifiedMs: number }[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat?.isFile() && stat.size <= MAX_DRAFT_BYTES) files.push({ file, name, modifiedMs: stat.mtimeMs });
  }
  files.sort((a, b) => b.modifiedMs - a.modifiedMs);
  const drafts: DraftEntry[] = [];
  for (const { file, name, modifiedMs } of files.slice(0, MAX_DRAFTS)) {
    const bytes = await fsp.readFile(file).catch(() => null);
    const decoded = bytes && decodeText(bytes);
    if (!decoded?.ok) continue;
    const fallback = path.basename(name, path.extname(name));
    drafts.push({ path: file, name, headline: documentHeadline(decoded.text) ?? fallback, words: countWords(decoded.text), modifiedMs });
  }
  return { ok: true, value: drafts };
}

/** The skeleton every new draft starts from: the same header File → New writes. */
export const draftSkeleton = pieceHeader;

export async function createDraft(folder: string, title: string, now: Date = new Date()): Promise<Result<DocumentData>> {
  const dir = path.resolve(folder);
  const data = new TextEncoder().encode(draftSkeleton(title, now));
  try {
    if (!(await fsp.stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    let attempts = 0;
    for (const name of draftFileNames(cleanTitle(title))) {
      if (++attempts > 1000) throw Object.assign(new Error('too many drafts with this name'), { code: 'EEXIST' });
      const file = path.join(dir, name);
      let handle;
      try {
        // O_EXCL: if a file of that name appears meanwhile, we take the next name instead.
        handle = await fsp.open(file, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o666);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      try {
        await handle.writeFile(data);
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => undefined);
        await fsp.unlink(file).catch(() => undefined);
        throw error;
      }
      await handle.close();
      return openDocument(file);
    }
  } catch (error) {
    return { ok: false, error: folderError(error, dir, 'create') };
  }
  return { ok: false, error: folderError(null, dir, 'create') };
}
