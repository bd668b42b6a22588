/**
 * The single span an editor change set touched: what the crash journal sends
 * instead of the whole buffer. Read from CodeMirror's change set (the ranges
 * the edits replaced), so it costs as much as the edit, not as much as the
 * document: no copy of a book-length text, no comparison of two of them.
 * The span never splits a surrogate pair, so `insert` is always well-formed
 * UTF-16 whatever the transport does with lone surrogates.
 */
import type { ChangeSet, Text } from '@codemirror/state';

export interface TextSpanChange {
  /** Start of the replaced span in the text before (UTF-16 offset). */
  from: number;
  /** End of the replaced span in the text before. */
  to: number;
  /** What replaces it. */
  insert: string;
}

/** The span of `before` that `changes` replaced, and its text in `after` (the document the changes produce). */
export function changeSpan(changes: ChangeSet, after: Text): TextSpanChange {
  let fromA = -1;
  let toA = 0;
  let fromB = 0;
  let toB = 0;
  changes.iterChangedRanges((a0, a1, b0, b1) => {
    if (fromA < 0) {
      fromA = a0;
      fromB = b0;
    }
    toA = a1;
    toB = b1;
  });
  if (fromA < 0) return { from: after.length, to: after.length, insert: '' };
  // Text before and after the span is the same in both documents, so widening both sides by one keeps them aligned.
  if (fromB > 0 && isHighSurrogate(after.sliceString(fromB - 1, fromB))) {
    fromA--;
    fromB--;
  }
  if (toB < after.length && isLowSurrogate(after.sliceString(toB, toB + 1))) {
    toA++;
    toB++;
  }
  return { from: fromA, to: toA, insert: after.sliceString(fromB, toB) };
}

function isHighSurrogate(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0xdc00 && code <= 0xdfff;
}
