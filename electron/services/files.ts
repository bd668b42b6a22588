/**
 * The files service: open and save documents. Plain Node, no Electron; every
 * failure comes back as a `Result` with a sentence, and a failed save never
 * touches the original file.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { DocumentData, Result, SavedDocument, TextFormat } from '../contract';
import { decodeText, defaultFormat, encodeText } from './text-format';
import { writeFileAtomic, type AtomicWriteFs, nodeFs } from './atomic-write';
import { fileErrorCode, openError, saveError } from './file-errors';

/** Files above this size are refused: Byline edits prose, not data dumps. */
export const MAX_OPEN_BYTES = 64 * 1024 * 1024;

export function newDocument(): DocumentData {
  return { path: null, name: 'Untitled', text: '', format: defaultFormat(), mtimeMs: null };
}

export async function openDocument(file: string): Promise<Result<DocumentData>> {
  const absolute = path.resolve(file);
  const name = path.basename(absolute);
  try {
    const stat = await fsp.stat(absolute);
    if (stat.isDirectory()) return { ok: false, error: openError('IS_DIRECTORY', name) };
    if (stat.size > MAX_OPEN_BYTES) return { ok: false, error: openError('TOO_LARGE', name) };
    const bytes = await fsp.readFile(absolute);
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      return { ok: false, error: openError(decoded.reason === 'binary' ? 'BINARY' : 'INVALID_ENCODING', name) };
    }
    return {
      ok: true,
      value: { path: absolute, name, text: decoded.text, format: decoded.format, mtimeMs: stat.mtimeMs },
    };
  } catch (error) {
    return { ok: false, error: openError(fileErrorCode(error), name) };
  }
}

export async function saveDocument(
  file: string,
  text: string,
  format: TextFormat,
  fs: AtomicWriteFs = nodeFs,
): Promise<Result<SavedDocument>> {
  const absolute = path.resolve(file);
  const name = path.basename(absolute);
  try {
    await writeFileAtomic(absolute, encodeText(text, format), fs);
    const stat = await fsp.stat(absolute);
    return { ok: true, value: { path: absolute, name, format, mtimeMs: stat.mtimeMs } };
  } catch (error) {
    return { ok: false, error: saveError(fileErrorCode(error), name) };
  }
}
