/**
 * Hides Markdown from the style checks without moving anything: link
 * targets, inline code, HTML tags, bare URLs, footnote markers and the marks
 * themselves (`*`, `_`, brackets, `>` and list markers at line starts) become
 * spaces, so every offset in the masked text is the same in the original.
 */
const blank = (match: string) => match.replace(/[^\n]/g, ' ');

const RULES: ReadonlyArray<[RegExp, (match: string) => string]> = [
  [/`+[^`\n]*`+/g, blank],
  [/\]\((?:[^()\n]|\([^()\n]*\))*\)/g, (m) => ' ' + blank(m.slice(1))],
  [/\]\[[^\]\n]*\]/g, blank],
  [/\[\^[^\]\n]+\]/g, blank],
  [/<[^>\n]+>/g, blank],
  [/\b(?:https?:\/\/|mailto:|www\.)\S+/gi, blank],
  [/^[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?/gm, blank],
  [/\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|~~|!?\[|\]/gu, blank],
];

export function maskMarkdown(text: string): string {
  let masked = text;
  for (const [pattern, replace] of RULES) masked = masked.replace(pattern, replace);
  return masked;
}
