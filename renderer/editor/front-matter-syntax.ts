/**
 * Teaches CodeMirror's Markdown parser about YAML front matter: a `---` line
 * at the very start of the document up to the next `---` (or `...`) line is
 * one `FrontMatter` block, not a rule and a setext heading. Styled as meta so
 * the editor dims it, matching the pipeline, which renders it as the header.
 */
import type { BlockContext, MarkdownConfig } from '@lezer/markdown';
import type { Input } from '@lezer/common';
import { tags } from '@lezer/highlight';

const OPEN = /^\uFEFF?---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const CLOSE_AHEAD = /\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** How far ahead to look for the closing line (front matter is small). */
const LOOKAHEAD = 256 * 1024;

/**
 * Looks ahead for the closing line without consuming input. The context's
 * input isn't in @lezer/markdown's public types, though it is a plain field;
 * if it ever goes away we fall back to treating the block as front matter.
 */
function hasClosingLine(cx: BlockContext, from: number): boolean {
  const input = (cx as unknown as { input?: Input }).input;
  if (!input || typeof input.read !== 'function') return true;
  return CLOSE_AHEAD.test(input.read(from, Math.min(input.length, LOOKAHEAD)));
}

export const frontMatterSyntax: MarkdownConfig = {
  defineNodes: [
    { name: 'FrontMatter', block: true, style: tags.meta },
    { name: 'FrontMatterMark', style: tags.processingInstruction },
  ],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || !OPEN.test(line.text)) return false;
        // Unclosed front matter is plain Markdown (a rule), as in the pipeline.
        if (!hasClosingLine(cx, line.text.length)) return false;
        const marks = [cx.elt('FrontMatterMark', 0, line.text.length)];
        while (cx.nextLine()) {
          if (CLOSE.test(line.text)) {
            marks.push(cx.elt('FrontMatterMark', cx.lineStart, cx.lineStart + line.text.length));
            cx.nextLine();
            cx.addElement(cx.elt('FrontMatter', 0, cx.prevLineEnd(), marks));
            return true;
          }
        }
        cx.addElement(cx.elt('FrontMatter', 0, cx.prevLineEnd(), marks));
        return true;
      },
    },
  ],
};
