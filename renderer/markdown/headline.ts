/**
 * A document's headline, the way a writer would name the piece: its front
 * matter `title`, else its first `# ` heading, else the first words of its
 * first paragraph — with the Markdown taken out (a link keeps its text; images,
 * URLs and HTML go). The drafts library lists drafts under it (main) and Save
 * names a new piece after it (the page), so it lives here, pure, for both.
 * Front matter is parsed with the YAML core schema (no custom tags) and few
 * aliases, so a hostile file can't make listing a folder expensive.
 */
import { parse } from 'yaml';

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const ATX_H1 = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
export const MAX_HEADLINE_CHARS = 200;

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, MAX_HEADLINE_CHARS);
}

/** The front matter's title, if it has a usable one. */
export function frontMatterTitle(text: string): string | null {
  const match = FRONT_MATTER.exec(text);
  if (!match) return null;
  try {
    const data: unknown = parse(match[1] ?? '', { schema: 'core', maxAliasCount: 10, uniqueKeys: false });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    const title = (data as Record<string, unknown>).title;
    if (typeof title !== 'string' && typeof title !== 'number') return null;
    return clean(String(title)) || null;
  } catch {
    return null;
  }
}

/** A link's destination: anything up to the closing parenthesis, one level of nested parentheses allowed. */
const DESTINATION = String.raw`\((?:[^()\n]|\([^()\n]*\))*\)`;
const IMAGE = new RegExp(String.raw`!\[[^\]\n]*\](?:${DESTINATION}|\[[^\]\n]*\])?`, 'g');
const INLINE_LINK = new RegExp(String.raw`\[([^\]\n]*)\]${DESTINATION}`, 'g');

/** One line of Markdown as the words a reader sees. */
export function plainInline(line: string): string {
  return clean(
    line
      .replace(IMAGE, '')
      .replace(/\[\^[^\]\n]*\]/g, '')
      .replace(INLINE_LINK, '$1')
      .replace(/\[([^\]\n]*)\]\[[^\]\n]*\]/g, '$1')
      .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, '')
      .replace(/<\/?[a-z][^>]*>|<!--.*?-->/gi, '')
      .replace(/\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/gi, '')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
      .replace(/\*\*|__|~~|[*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, ''),
  );
}

/** The text after the block markers of a line: quote `>`, list bullets and numbers, heading `#`s. */
function blockContent(line: string): string {
  let rest = line;
  for (;;) {
    const next = rest.replace(/^ {0,3}(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+|#{1,6}(?:[ \t]+|$))/, '');
    if (next === rest) return rest;
    rest = next;
  }
}

/** Lines that carry no prose: rules, table rules, link definitions, HTML comments. */
function isFurniture(line: string): boolean {
  return /^ {0,3}(?:[-*_][ \t]*){3,}$/.test(line) || /^[\s|:-]+$/.test(line) || /^ {0,3}\[[^\]]+\]:/.test(line) || /^\s*<!--/.test(line);
}

/** The headline, or null when the document has none to give (empty, or only an untouched header). */
export function documentHeadline(text: string): string | null {
  const title = frontMatterTitle(text);
  if (title) return title;
  const lines = text.replace(FRONT_MATTER, '').split(/\r?\n/);
  let firstWords: string | null = null;
  let fence: string | null = null;
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const heading = ATX_H1.exec(line)?.[1];
    if (heading) {
      const words = plainInline(heading);
      if (words) return words;
    }
    if (firstWords === null && line.trim() && !isFurniture(line)) {
      firstWords = plainInline(blockContent(line)) || null;
    }
  }
  return firstWords;
}
