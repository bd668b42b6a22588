/**
 * Word wrapping for the plain-text export: lines of at most `width`
 * characters (counted in code points), with an indent on the first line and
 * another on the rest. Words are never split, so a long URL gets a line of
 * its own and stays clickable in a mail client. `\n` in the text is a hard
 * line break. Without a width (the default) nothing is wrapped: one line
 * per paragraph, for mail clients and submission forms that wrap text
 * themselves (and break lines that arrive already broken).
 */

/** The narrowest `--wrap` that still reads: a source's number, indent and a few words. */
export const MIN_WRAP = 20;
/** The longest rule drawn under a heading when lines aren't wrapped (the classic mail width). */
export const RULE_WIDTH = 72;

const length = (text: string): number => [...text].length;

export function wrapText(text: string, options: { width?: number | null; first?: string; rest?: string } = {}): string[] {
  const width = options.width ?? Infinity;
  const first = options.first ?? '';
  const rest = options.rest ?? first;
  const lines: string[] = [];
  for (const hardLine of text.split('\n')) {
    let line = lines.length === 0 ? first : rest;
    let indentOnly = true;
    for (const word of hardLine.split(/[ \t]+/).filter(Boolean)) {
      if (!indentOnly && length(line) + 1 + length(word) > width) {
        lines.push(line);
        line = rest + word;
      } else {
        line += indentOnly ? word : ` ${word}`;
      }
      indentOnly = false;
    }
    lines.push(indentOnly ? line.trimEnd() : line);
  }
  return lines;
}
