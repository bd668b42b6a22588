/**
 * The smallest single span that turns one text into another: what the journal
 * sends instead of the whole buffer. Common prefix and suffix are found a
 * chunk at a time (startsWith/endsWith compare natively), so two book-length
 * texts that differ by a keystroke are compared in well under a millisecond.
 * The span never splits a surrogate pair, so `insert` is always well-formed
 * UTF-16 whatever the transport does with lone surrogates.
 */

export interface TextDelta {
  /** Start of the replaced span in `before` (UTF-16 offset). */
  from: number;
  /** End of the replaced span in `before`. */
  to: number;
  /** What replaces it. */
  insert: string;
}

const FIRST_CHUNK = 4096;

export function textDelta(before: string, after: string): TextDelta {
  const most = Math.min(before.length, after.length);
  let prefix = commonPrefix(before, after, most);
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = commonSuffix(before, after, most - prefix);
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { from: prefix, to: before.length - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** Applies a delta (what the journal does with it). */
export function applyTextDelta(text: string, { from, to, insert }: TextDelta): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Length of the common prefix, at most `most`: big equal chunks first, then halving. */
function commonPrefix(a: string, b: string, most: number): number {
  let n = 0;
  for (let step = FIRST_CHUNK; step >= 1; step >>= 1) {
    while (n + step <= most && a.startsWith(b.slice(n, n + step), n)) n += step;
  }
  return n;
}

/** Length of the common suffix, at most `most`. */
function commonSuffix(a: string, b: string, most: number): number {
  let n = 0;
  for (let step = FIRST_CHUNK; step >= 1; step >>= 1) {
    while (n + step <= most && a.endsWith(b.slice(b.length - n - step, b.length - n), a.length - n)) n += step;
  }
  return n;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
