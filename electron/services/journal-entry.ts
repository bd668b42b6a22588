/**
 * One crash-journal entry: the checked shape of a `journal:write` payload, the
 * file it is stored as, and the summary the page shows when offering it back.
 * Entry files are input too (a crash or another program may have damaged
 * them), so reading one goes through the same check as a request.
 */
import type { JournalEntry, JournalPatch, JournalWrite } from '../contract';
import { checkFormat, isAbsolutePath, isEntryId, isRecord, MAX_NAME_CHARS } from './payload-checks';
import { normalizeFormat } from './text-format';

/** Longest buffer the journal keeps (characters): as much as Byline opens, with room. */
export const MAX_JOURNAL_CHARS = 64 * 1024 * 1024;
export const PREVIEW_CHARS = 300;
const FIRST_LINE_CHARS = 120;

/** What an entry file holds. */
export interface StoredEntry extends JournalWrite {
  version: 1;
  sessionId: string;
  savedAt: number;
}

/** A clean copy of a journal write, or what is wrong with it. */
export function checkJournalWrite(p: unknown): JournalWrite | string {
  if (!isRecord(p)) return 'expected { id, path, name, text, format, baseMtimeMs }';
  if (typeof p.text !== 'string' || p.text.length > MAX_JOURNAL_CHARS) return 'text must be a string of sane size';
  const about = checkBuffer(p);
  return typeof about === 'string' ? about : { ...about, text: p.text };
}

/** A clean copy of a journal patch, or what is wrong with it (whether it fits its base is the journal's check). */
export function checkJournalPatch(p: unknown): JournalPatch | string {
  if (!isRecord(p)) return 'expected { id, path, name, format, baseMtimeMs, base, from, to, insert, length }';
  const { base, from, to, insert, length } = p;
  if (!isCount(base) || base < 1) return 'base must be a revision the journal answered';
  if (!isCount(from) || !isCount(to) || from > to || to > MAX_JOURNAL_CHARS) return 'from and to must be offsets with from <= to';
  if (typeof insert !== 'string' || insert.length > MAX_JOURNAL_CHARS) return 'insert must be a string of sane size';
  if (!isCount(length) || length > MAX_JOURNAL_CHARS) return 'length must be the patched text\'s length';
  const about = checkBuffer(p);
  return typeof about === 'string' ? about : { ...about, base, from, to, insert, length };
}

/** The buffer's identity and file facts, shared by writes and patches. */
function checkBuffer(p: Record<string, unknown>): Omit<JournalWrite, 'text'> | string {
  if (!isEntryId(p.id)) return 'id must be 8 to 64 letters, digits or dashes';
  if (p.path !== null && !isAbsolutePath(p.path)) return 'path must be an absolute path or null';
  if (typeof p.name !== 'string' || p.name.length > MAX_NAME_CHARS) return 'name must be a short string';
  const format = checkFormat(p.format);
  if (!format) return 'format must be { eol: "lf" | "crlf", bom: boolean, encoding? }';
  const base = p.baseMtimeMs;
  if (base !== null && (typeof base !== 'number' || !Number.isFinite(base) || base < 0)) return 'baseMtimeMs must be a time or null';
  return { id: p.id, path: p.path, name: p.name, format, baseMtimeMs: base };
}

/** The text a patch makes of `text`, the one its base revision holds. */
export function applyJournalPatch(text: string, { from, to, insert }: Pick<JournalPatch, 'from' | 'to' | 'insert'>): string {
  return text.slice(0, from) + insert + text.slice(to);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Parses an entry file's JSON; null when it is damaged or not ours. */
export function parseStoredEntry(json: string): StoredEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== 1 || typeof value.sessionId !== 'string') return null;
  if (typeof value.savedAt !== 'number' || !Number.isFinite(value.savedAt)) return null;
  const write = checkJournalWrite(value);
  if (typeof write === 'string') return null;
  return { ...write, version: 1, sessionId: value.sessionId, savedAt: value.savedAt };
}

export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim().length > 0) ?? '';
  return line.trim().slice(0, FIRST_LINE_CHARS);
}

export function toJournalEntry(stored: StoredEntry, reason: JournalEntry['reason']): JournalEntry {
  return {
    id: stored.id,
    path: stored.path,
    name: stored.name,
    firstLine: firstLine(stored.text),
    savedAt: stored.savedAt,
    preview: stored.text.slice(0, PREVIEW_CHARS),
    text: stored.text,
    format: normalizeFormat(stored.format),
    baseMtimeMs: stored.baseMtimeMs,
    reason,
  };
}
