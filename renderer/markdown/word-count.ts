/**
 * Counts the words a reader reads: the body of a Markdown document without
 * front matter, link URLs, HTML tags or Markdown punctuation. A word is a run
 * of letters or digits (apostrophes and inner hyphens included).
 */
const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const LINK_TARGET = /\]\([^)]*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+.*$/gm;
const HTML_TAG = /<[^>\n]+>/g;
const BARE_URL = /\b(?:https?:\/\/|mailto:|www\.)\S+/gi;
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export function stripFrontMatter(markdown: string): string {
  return markdown.replace(FRONT_MATTER, '');
}

export function countWords(markdown: string): number {
  const body = stripFrontMatter(markdown)
    .replace(LINK_TARGET, ']')
    .replace(REFERENCE_DEFINITION, '')
    .replace(HTML_TAG, ' ')
    .replace(BARE_URL, ' ');
  let count = 0;
  for (const _ of body.matchAll(WORD)) count++;
  return count;
}
