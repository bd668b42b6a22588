/**
 * Splits a document into units: its top-level blocks (markdown-it block
 * tokens at level 0, including reference and footnote definitions), each
 * spanning the lines from its first line to the next unit's. The first unit
 * always starts at line 0, so units tile the document.
 *
 * After an edit only a window around it is tokenized again: from two units
 * before the first changed line (a block's end can depend on the first lines
 * of the next one, e.g. a table's delimiter row ends a paragraph) to a few
 * units after the last, and it is accepted once the new block starts meet an
 * old unit start behind the edit. From such a line on, markdown-it's block
 * parse at the top level depends only on the lines that follow, so the old
 * units there stand, moved by the number of lines the edit added.
 *
 * The one rule that looks further is front matter: `---` on line 0 opens it
 * only if a closing line follows, however far down. While the first line is
 * such a fence, an edit above its closing line (or anywhere, when it has none)
 * re-reads from line 0 and resynchronises only below the new closing line.
 */
import type { MarkdownIt, Token } from 'markdown-it';
import type { LineChange, LineDocument } from './text-lines';

export interface SplitResult {
  /** First line of each unit; `units[0]` is 0. */
  units: number[];
  /** Units [0, keptHead) are the old ones, unchanged. */
  keptHead: number;
  /** Units from `tailNew` on are the old ones from `tailOld` on, moved by `shift` lines. */
  tailNew: number;
  tailOld: number;
  shift: number;
}

/** Top-level block starts among lines [from, to), as document lines. */
export function blockStarts(md: MarkdownIt, doc: LineDocument, from: number, to: number): number[] {
  const src = withoutNul(doc.slice(from, to));
  const tokens: Token[] = [];
  // Line 0 only: a window starting later gets a blank first line, so front
  // matter (a rule for the document's first line) can't match in it.
  md.block.parse(from === 0 ? src : `\n${src}`, md, {}, tokens);
  const shift = from === 0 ? 0 : from - 1;
  const out: number[] = [];
  for (const token of tokens) {
    if (token.level === 0 && token.nesting !== -1 && token.map) out.push(token.map[0] + shift);
  }
  return out;
}

function withZero(starts: number[]): number[] {
  if (starts[0] !== 0) starts.unshift(0);
  return starts;
}

/** As markdown-it's normalize rule (a NUL reads as U+FFFD; the editor's text has no CR). */
function withoutNul(text: string): string {
  return text.includes('\0') ? text.replace(/\0/g, '\uFFFD') : text;
}

export function splitAll(md: MarkdownIt, doc: LineDocument): SplitResult {
  const units = withZero(blockStarts(md, doc, 0, doc.lines));
  return { units, keptHead: 0, tailNew: units.length, tailOld: Number.MAX_SAFE_INTEGER, shift: 0 };
}

/**
 * Units of `doc`, reusing `oldUnits` where the edit can't have changed them.
 * `change` says which lines changed (null: none); `oldFrontMatter` is
 * `frontMatterClose` of the document before the edit.
 */
export function splitAfterEdit(
  md: MarkdownIt,
  oldFrontMatter: number | null,
  oldUnits: readonly number[],
  doc: LineDocument,
  change: LineChange | null,
): SplitResult {
  if (!change) return { units: [...oldUnits], keptHead: oldUnits.length, tailNew: oldUnits.length, tailOld: oldUnits.length, shift: 0 };
  const shift = change.newTo - change.oldTo;
  const oldFm = oldFrontMatter;
  const newFm = frontMatterClose(doc);
  const reach = Math.max(oldFm === -1 ? Infinity : (oldFm ?? -1), newFm === -1 ? Infinity : (newFm ?? -1));
  const fromTop = change.from <= reach;
  const minResync = fromTop && newFm !== null && newFm >= 0 ? newFm + 1 : 0;
  // The last unit starting before the change, and one more.
  let before = -1;
  for (let lo = 0, hi = oldUnits.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (oldUnits[mid]! < change.from) (before = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  const keptHead = fromTop ? 0 : Math.max(0, before - 1);
  const from = oldUnits[keptHead] ?? 0;
  // The first old unit wholly behind the change.
  let behind = oldUnits.length;
  for (let lo = 0, hi = oldUnits.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (oldUnits[mid]! >= change.oldTo) (behind = mid), (hi = mid - 1);
    else lo = mid + 1;
  }
  const head = oldUnits.slice(0, keptHead);
  for (let extra = 2; ; extra *= 4) {
    const end = behind + extra;
    const to = end < oldUnits.length ? oldUnits[end]! + shift : doc.lines;
    const found = blockStarts(md, doc, from, to);
    const seen = new Set(found);
    for (let r = behind; r < Math.min(end, oldUnits.length); r++) {
      const at = oldUnits[r]! + shift;
      if (at < minResync || !seen.has(at)) continue;
      const middle = found.filter((line) => line < at);
      const units = withZero([...head, ...middle]);
      const tailNew = units.length;
      for (let i = r; i < oldUnits.length; i++) units.push(oldUnits[i]! + shift);
      return { units, keptHead: Math.min(keptHead, units.length), tailNew, tailOld: r, shift };
    }
    if (end >= oldUnits.length) {
      const units = withZero([...head, ...found]);
      return { units, keptHead, tailNew: units.length, tailOld: oldUnits.length, shift };
    }
  }
}

/** Front matter's closing line: null when line 0 is no `---`, -1 when nothing closes it. */
export function frontMatterClose(doc: LineDocument): number | null {
  const line = (n: number): string => doc.slice(n, n + 1).replace(/\n$/, '');
  const first = line(0);
  const start = first.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!first.startsWith('---', start) || first.slice(start + 3).trim() !== '') return null;
  for (let n = 1; n < doc.lines; n++) {
    const text = line(n);
    if ((text.startsWith('---') || text.startsWith('...')) && text.slice(3).trim() === '') return n;
  }
  return -1;
}
