/**
 * The files service: open and save documents. Plain Node, no Electron; every
 * failure comes back as a `Result` with a sentence, and a failed save never
 * touches the original file.
 *
 * Limits: files above MAX_OPEN_BYTES are refused; above LARGE_FILE_BYTES
 * (document-warnings.ts) they open with a warning.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { DocumentData, Result, SavedDocument, TextFormat, TextFormatInput } from '../contract';
import { decodeText, defaultFormat, encodeText, normalizeFormat } from './text-format';
import { writeFileAtomic, type AtomicWriteFs, nodeFs } from './atomic-write';
import { fileErrorCode, lossyOverwriteError, openError, saveError } from './file-errors';
import { documentWarnings } from './document-warnings';
import { contentHash } from './content-hash';

/** Files above this size are refused: Byline edits prose, not data dumps (a long book is ~2 MB). */
export const MAX_OPEN_BYTES = 64 * 1024 * 1024;

export function newDocument(): DocumentData {
  return { path: null, name: 'Untitled', text: '', format: defaultFormat(), mtimeMs: null, warnings: [] };
}

/** A document read from disk, with the fingerprint of the bytes it came from. */
export interface ReadDocument {
  doc: DocumentData;
  hash: string;
  size: number;
}

/** Turns bytes already read into a document (or the reason they can't be one). */
export function documentFromBytes(absolute: string, bytes: Uint8Array, mtimeMs: number): Result<DocumentData> {
  const name = path.basename(absolute);
  if (bytes.length > MAX_OPEN_BYTES) return { ok: false, error: openError('TOO_LARGE', name) };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, error: openError('BINARY', name) };
  const warnings = documentWarnings(name, decoded.text, decoded.format, bytes.length);
  return { ok: true, value: { path: absolute, name, text: decoded.text, format: decoded.format, mtimeMs, warnings } };
}

export async function readDocument(file: string): Promise<Result<ReadDocument>> {
  const absolute = path.resolve(file);
  const name = path.basename(absolute);
  try {
    // Stat by path first: opening a FIFO or device would block or never end.
    const stat = await fsp.stat(absolute);
    if (stat.isDirectory()) return { ok: false, error: openError('IS_DIRECTORY', name) };
    if (!stat.isFile()) return { ok: false, error: openError('UNSUPPORTED', name) };
    if (stat.size > MAX_OPEN_BYTES) return { ok: false, error: openError('TOO_LARGE', name) };
    const handle = await fsp.open(absolute, 'r');
    let bytes: Buffer;
    let mtimeMs: number;
    try {
      const current = await handle.stat();
      if (current.size > MAX_OPEN_BYTES) return { ok: false, error: openError('TOO_LARGE', name) };
      bytes = await handle.readFile();
      mtimeMs = current.mtimeMs;
    } finally {
      await handle.close();
    }
    const doc = documentFromBytes(absolute, bytes, mtimeMs);
    if (!doc.ok) return doc;
    return { ok: true, value: { doc: doc.value, hash: contentHash(bytes), size: bytes.length } };
  } catch (error) {
    return { ok: false, error: openError(fileErrorCode(error), name) };
  }
}

export async function openDocument(file: string): Promise<Result<DocumentData>> {
  const read = await readDocument(file);
  return read.ok ? { ok: true, value: read.value.doc } : read;
}

export interface SaveOptions {
  /** Replaceable in tests to inject faults. */
  fs?: AtomicWriteFs;
  /** The writer chose to replace a file that was opened with unreadable bytes. */
  overwriteLossy?: boolean;
  /** Recreate the file's folder if it vanished (only on the writer's explicit choice). */
  createFolder?: boolean;
  /** Told the path and fingerprint just before the bytes land, so a watcher can ignore them. */
  beforeWrite?: (absolute: string, hash: string) => void;
}

/** A saved document and the fingerprint of what was written. */
export interface WrittenDocument {
  saved: SavedDocument;
  hash: string;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.stat(file);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR';
  }
}

export async function writeDocument(
  file: string,
  text: string,
  input: TextFormatInput,
  options: SaveOptions = {},
): Promise<Result<WrittenDocument>> {
  const absolute = path.resolve(file);
  const name = path.basename(absolute);
  const format = normalizeFormat(input);
  try {
    if (format.lossy && !options.overwriteLossy && (await exists(absolute))) {
      return { ok: false, error: lossyOverwriteError(name) };
    }
    if (options.createFolder) await fsp.mkdir(path.dirname(absolute), { recursive: true });
    const bytes = encodeText(text, format);
    const hash = contentHash(bytes);
    options.beforeWrite?.(absolute, hash);
    await writeFileAtomic(absolute, bytes, options.fs ?? nodeFs);
    const stat = await fsp.stat(absolute);
    const saved: TextFormat = { eol: format.eol, bom: format.bom, encoding: format.encoding };
    return { ok: true, value: { saved: { path: absolute, name, format: saved, mtimeMs: stat.mtimeMs }, hash } };
  } catch (error) {
    return { ok: false, error: saveError(fileErrorCode(error), name) };
  }
}

export async function saveDocument(
  file: string,
  text: string,
  format: TextFormatInput,
  options: SaveOptions | AtomicWriteFs = {},
): Promise<Result<SavedDocument>> {
  const opts: SaveOptions = 'rename' in options ? { fs: options } : options;
  const written = await writeDocument(file, text, format, opts);
  return written.ok ? { ok: true, value: written.value.saved } : written;
}
