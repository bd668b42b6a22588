/**
 * Small checks for untrusted data shared by request validation and by files
 * Byline reads back (the journal): each returns a clean copy or says no.
 */
import path from 'node:path';
import type { TextFormatInput } from '../contract';

export const MAX_PATH_CHARS = 4096;
export const MAX_NAME_CHARS = 255;
/** A journal entry or buffer id: page-generated, safe as part of a file name. */
export const ENTRY_ID = /^[A-Za-z0-9-]{8,64}$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPath(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_CHARS && !value.includes('\0');
}

export function isAbsolutePath(value: unknown): value is string {
  return isPath(value) && path.isAbsolute(value);
}

export function isEntryId(value: unknown): value is string {
  return typeof value === 'string' && ENTRY_ID.test(value);
}

/** A copy of a well-formed format (unknown keys dropped), or null. */
export function checkFormat(value: unknown): TextFormatInput | null {
  if (!isRecord(value) || (value.eol !== 'lf' && value.eol !== 'crlf') || typeof value.bom !== 'boolean') return null;
  const encoding = value.encoding;
  if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf-16le' && encoding !== 'utf-16be') return null;
  if (value.lossy !== undefined && typeof value.lossy !== 'boolean') return null;
  const format: TextFormatInput = { eol: value.eol, bom: value.bom };
  if (encoding !== undefined) format.encoding = encoding;
  if (value.lossy === true) format.lossy = true;
  return format;
}
