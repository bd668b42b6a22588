/**
 * Splits prose into sentences, as offsets into the text, for the style checks
 * and the readability grade. A sentence ends at `.`, `!`, `?` or `…` (with any
 * closing quotes or brackets) followed by a space and a capital, a digit or an
 * opening quote — not after a known abbreviation ("Dr.", "e.g.") or an
 * initial ("J. K."). Pure: no DOM, no CodeMirror.
 */
import abbreviationList from '../../assets/style-checks/abbreviations.json';

export interface TextRange {
  from: number;
  to: number;
}

const ABBREVIATIONS = new Set(abbreviationList.words);
const END = /[.!?…]+["'”’»)\]]*(?=\s|$)/g;
const WORD_BEFORE = /([\p{L}.]+)\.$/u;
const STARTS_SENTENCE = /^\s+["'“‘«(\[]*[\p{Lu}\p{N}]/u;

function isSentenceEnd(text: string, end: number, mark: string): boolean {
  if (end >= text.length || !/\S/.test(text.slice(end))) return true;
  if (!STARTS_SENTENCE.test(text.slice(end, end + 8))) return false;
  if (!mark.startsWith('.') || mark.startsWith('..')) return true;
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, end - mark.length - 12), end - mark.length + 1));
  if (!before) return true;
  const word = before[1]!.toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  return !/^\p{Lu}$/u.test(before[1]!); // an initial: "J. K. Rowling"
}

/** The sentences of a piece of prose, trimmed, in order. */
export function splitSentences(text: string): TextRange[] {
  const sentences: TextRange[] = [];
  let start = 0;
  const push = (to: number) => {
    let from = start;
    while (from < to && /\s/.test(text[from]!)) from++;
    let end = to;
    while (end > from && /\s/.test(text[end - 1]!)) end--;
    if (end > from) sentences.push({ from, to: end });
  };
  for (const match of text.matchAll(END)) {
    const end = match.index + match[0].length;
    if (!isSentenceEnd(text, end, match[0])) continue;
    push(end);
    start = end;
  }
  push(text.length);
  return sentences;
}
