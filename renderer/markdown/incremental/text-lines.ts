/**
 * Line arithmetic for the incremental renderer: a document as numbered lines
 * (`LineDocument`, which the editor's own text can provide without being
 * copied into one string), where each line of a string starts, and which
 * lines an edit changed (found by comparing the old and new text, for callers
 * that don't report their edits).
 */

/**
 * A document as lines (0-based). A trailing newline starts an empty last
 * line, as in `lineStarts`.
 */
export interface LineDocument {
  readonly lines: number;
  /** Lines [from, to): from the start of `from` to the start of `to`, or to the end. */
  slice(from: number, to: number): string;
}

/** A string as a LineDocument (it keeps the text and its line starts). */
export interface StringLines extends LineDocument {
  readonly text: string;
  readonly starts: readonly number[];
}

export function stringLines(text: string): StringLines {
  const starts = lineStarts(text);
  return { text, starts, lines: starts.length, slice: (from, to) => sliceLines(text, starts, from, to) };
}

/** Offsets where each line starts (line 0 at 0); a trailing newline starts an empty last line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The line containing `offset` (binary search in `starts`). */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text of lines [from, to): from the start of `from` to the start of `to` (or the end). */
export function sliceLines(text: string, starts: readonly number[], from: number, to: number): string {
  return text.slice(starts[from] ?? text.length, to < starts.length ? starts[to] : text.length);
}

const CHUNK = 256;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  // Whole chunks first (native string compare), then character by character.
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * The lines an edit touched: old lines [from, oldTo) became new lines
 * [from, newTo); every line from `oldTo` on is unchanged and moved by
 * `newTo - oldTo`. Null when the texts are equal.
 */
export interface LineChange {
  from: number;
  oldTo: number;
  newTo: number;
}

export function changedLines(oldText: string, oldStarts: readonly number[], newText: string, newStarts: readonly number[]): LineChange | null {
  if (oldText === newText) return null;
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - prefix);
  const from = lineAt(oldStarts, prefix);
  // Lines that start inside the common suffix are unchanged.
  const oldTo = lineAt(oldStarts, oldText.length - suffix) + 1;
  const newTo = lineAt(newStarts, newText.length - suffix) + 1;
  return { from, oldTo: Math.min(oldTo, oldStarts.length), newTo: Math.min(newTo, newStarts.length) };
}
