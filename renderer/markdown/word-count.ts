/**
 * Counts what a reader reads: the body of a Markdown document as plain text.
 *
 * The rule (also in the README, "Counting words"):
 * - the front matter is not counted, nor link and image targets, reference
 *   definitions, footnote markers (`[^label]`), HTML tags, bare URLs, code
 *   fence lines, or Markdown punctuation (`#`, `>`, list markers, `*`, `_`,
 *   `~~`, backticks, brackets, table pipes, rules);
 * - image alt text is not counted (it is not read in the running text);
 *   footnote text is (it is printed with the piece);
 * - a **word** is a run of letters or digits, apostrophes and inner hyphens
 *   included ("don't", "one-year"; "2024–25" is two words);
 * - **characters** are the characters of that plain text, one space between
 *   words and none between paragraphs (code points, so "é" is one).
 *
 * A document is counted block by block: its top-level blocks as the pipeline
 * splits them (the incremental renderer's units), each counted on its own and
 * the counts added up. So the editor keeps a count per block and recounts
 * only the block being typed in, and its total is always this function's.
 *
 * No DOM or Node: the page, the drafts library and the CLI share it.
 */
import { resolveConfig } from './render';
import { createIncrementalInstance } from './incremental/incremental-instance';
import { stringLines } from './incremental/text-lines';
import { frontMatterClose, splitAll } from './incremental/unit-split';

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const IMAGE = /!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?/g;
const LINK_TARGET = /\]\([^)\n]*\)/g;
const REFERENCE_LINK = /\]\[[^\]\n]*\]/g;
const REFERENCE_DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*$/gm;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\n]+\]:/gm;
const FOOTNOTE_REF = /\[\^[^\]\n]+\]/g;
const CODE_FENCE = /^ {0,3}(?:`{3,}|~{3,}).*$/gm;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const HTML_TAG = /<[^>\n]+>/g;
const BARE_URL = /\b(?:https?:\/\/|mailto:|www\.)\S+/gi;
const LINE_MARKS = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?/gm;
const RULE_OR_TABLE_RULE = /^[ \t]*(?:(?:[-*_][ \t]*){3,}|\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?|=+|-+)[ \t]*$/gm;
const INLINE_MARKS = /\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|~~|`+|\^\[|[[\]|]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
const BLANK_LINE = /\n[ \t]*\n/;

export interface TextCounts {
  words: number;
  characters: number;
}

export function stripFrontMatter(markdown: string): string {
  return markdown.replace(FRONT_MATTER, '');
}

/**
 * The plain text a reader reads, one string per block (paragraph, heading,
 * quote, list…), whitespace collapsed. Pass `frontMatter: false` for a piece
 * of a document (a selection) that can't start with front matter.
 */
export function readableBlocks(markdown: string, options: { frontMatter?: boolean } = {}): string[] {
  const source = (options.frontMatter === false ? markdown : stripFrontMatter(markdown)).replace(/\r\n?/g, '\n');
  const text = source
    .replace(HTML_COMMENT, ' ')
    .replace(CODE_FENCE, '')
    .replace(IMAGE, ' ')
    .replace(LINK_TARGET, ']')
    .replace(REFERENCE_LINK, ']')
    .replace(REFERENCE_DEFINITION, '')
    .replace(FOOTNOTE_DEFINITION, '')
    .replace(FOOTNOTE_REF, '')
    .replace(HTML_TAG, ' ')
    .replace(BARE_URL, ' ')
    .replace(RULE_OR_TABLE_RULE, '')
    .replace(LINE_MARKS, '')
    .replace(INLINE_MARKS, '');
  const blocks: string[] = [];
  for (const block of text.split(BLANK_LINE)) {
    const clean = block.replace(/\s+/g, ' ').trim();
    if (clean) blocks.push(clean);
  }
  return blocks;
}

/** Code points, so an emoji or an accented letter counts once. */
function codePoints(text: string): number {
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) surrogates++;
  }
  return text.length - surrogates;
}

export function countWordsInText(plain: string): number {
  let count = 0;
  for (const _ of plain.matchAll(WORD)) count++;
  return count;
}

/** Words and characters of blocks from `readableBlocks`. */
export function countBlocks(blocks: readonly string[]): TextCounts {
  let words = 0;
  let characters = 0;
  for (const block of blocks) {
    words += countWordsInText(block);
    characters += codePoints(block);
  }
  return { words, characters };
}

/** The readable blocks of one top-level block of a document (never front matter: the caller skips that). */
export function unitBlocks(unitText: string): string[] {
  return readableBlocks(unitText, { frontMatter: false });
}

let splitter: ReturnType<typeof createIncrementalInstance> | null = null;

/**
 * The document's top-level blocks as the pipeline splits them, without the
 * front matter (unless `frontMatter: false`: a selection can't have any).
 */
export function countedUnits(markdown: string, options: { frontMatter?: boolean } = {}): string[] {
  splitter ??= createIncrementalInstance(resolveConfig({}));
  const doc = stringLines(markdown.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'));
  const { units } = splitAll(splitter, doc);
  const texts: string[] = [];
  const skipFirst = options.frontMatter !== false && (frontMatterClose(doc) ?? -1) >= 0;
  for (let i = skipFirst ? 1 : 0; i < units.length; i++) texts.push(doc.slice(units[i]!, units[i + 1] ?? doc.lines));
  return texts;
}

/** Words and characters of a document's body (or of a selection, with `frontMatter: false`). */
export function countText(markdown: string, options: { frontMatter?: boolean } = {}): TextCounts {
  const total = { words: 0, characters: 0 };
  for (const unit of countedUnits(markdown, options)) {
    const counts = countBlocks(unitBlocks(unit));
    total.words += counts.words;
    total.characters += counts.characters;
  }
  return total;
}

export function countWords(markdown: string): number {
  return countText(markdown).words;
}
