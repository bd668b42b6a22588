/**
 * Word wrapping for the plain-text export: lines of at most `width`
 * characters (counted in code points), with an indent on the first line and
 * another on the rest. Words are never split, so a long URL gets a line of
 * its own and stays clickable in a mail client. `\n` in the text is a hard
 * line break.
 */
export const TEXT_WIDTH = 72;

const length = (text: string): number => [...text].length;

export function wrapText(text: string, options: { width?: number; first?: string; rest?: string } = {}): string[] {
  const width = options.width ?? TEXT_WIDTH;
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
