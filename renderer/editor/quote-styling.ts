/**
 * Quote styling in the editor: every line of a blockquote gets a rule and the
 * quote voice, and an attribution (the quote's last paragraph, starting with
 * an em dash, `--` or a horizontal bar) is styled as a caption, as the preview
 * will show it. Decorates only the visible ranges, and only recomputes when
 * the document, the viewport or the syntax tree changed.
 */
import type { Extension, Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { syntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';
import { safeDecorations } from './safe-decorations';

const quoteLine = Decoration.line({ class: 'cm-quote-line' });
const attributionLine = Decoration.line({ class: 'cm-quote-line cm-attribution-line' });

/** Matches the pipeline: `—`, `--` or `―` opening the paragraph, after the `>` marks. */
export const ATTRIBUTION_START = /^(?:\s*>)*\s*(?:—|--|―)/;

/** The quote's last block if it is a paragraph and not the quote's only block. */
function closingParagraph(quote: SyntaxNode): SyntaxNode | null {
  let last: SyntaxNode | null = null;
  let blocks = 0;
  for (let child = quote.firstChild; child; child = child.nextSibling) {
    if (child.name === 'QuoteMark') continue;
    last = child;
    blocks++;
  }
  return blocks > 1 && last?.name === 'Paragraph' ? last : null;
}

function quoteLines(view: EditorView): Range<Decoration>[] {
  const lines: Range<Decoration>[] = [];
  const { state } = view;
  let lastLine = -1;
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(state).iterate({
      from,
      to,
      enter(node) {
        if (node.name !== 'Blockquote') return;
        // Only the outermost quote decorates; nested ones share its lines.
        const attribution = closingParagraph(node.node);
        const attributionFrom = attribution && ATTRIBUTION_START.test(state.doc.lineAt(attribution.from).text)
          ? state.doc.lineAt(attribution.from).number
          : Infinity;
        const first = state.doc.lineAt(Math.max(node.from, from)).number;
        const last = state.doc.lineAt(Math.min(node.to, to)).number;
        for (let n = Math.max(first, lastLine + 1); n <= last; n++) {
          const line = state.doc.line(n);
          lines.push((n >= attributionFrom ? attributionLine : quoteLine).range(line.from));
          lastLine = n;
        }
        return false;
      },
    });
  }
  return lines;
}

function buildDecorations(view: EditorView): DecorationSet {
  return safeDecorations('Quote styling', view.state, 'plugin', () => quoteLines(view));
}

const quotePlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = buildDecorations(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) {
        this.decorations = buildDecorations(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const quoteTheme = EditorView.baseTheme({
  '.cm-quote-line': {
    borderLeft: '3px solid var(--accent, #a4372a)',
    paddingLeft: '0.9em !important',
    color: 'var(--quote-ink, #4a4640)',
  },
  '.cm-attribution-line': { fontSize: '0.9em', color: 'var(--muted, #8a857c)', fontStyle: 'normal' },
});

/** Blockquote lines with a rule and quote voice; attributions styled as captions. */
export function quoteStyling(): Extension {
  return [quotePlugin, quoteTheme];
}
