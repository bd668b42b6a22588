/**
 * The editor's look: prose, not code. A readable body face at a comfortable
 * measure, soft-wrapped, with Markdown marks quieted and headings sized.
 */
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

const layout = EditorView.theme({
  '&': { fontSize: 'var(--editor-font-size, 18px)', backgroundColor: 'var(--paper)', color: 'var(--ink)' },
  // The editor alone fills its pane: CodeMirror gives its tooltip container (in the body) the same
  // theme classes, and a full-height container there made the page twice the window's height.
  '&.cm-editor': { height: '100%' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--body-font)', lineHeight: '1.65', overflow: 'auto' },
  '.cm-content': {
    maxWidth: 'var(--measure, 68ch)',
    margin: '0 auto',
    padding: '3rem 1.5rem 40vh',
    caretColor: 'var(--accent)',
  },
  // CodeMirror's wrapping breaks lines with `overflow-wrap: anywhere`, which
  // makes every relayout of a prose line several times dearer in Chromium
  // (measured: 3.7 → 1.1 ms a keystroke on the sample). Words wrap normally;
  // only URLs, the one kind of long unbreakable text in a piece, may break anywhere.
  '.cm-content.cm-lineWrapping': { wordBreak: 'normal', overflowWrap: 'break-word' },
  '.cm-md-url': { color: 'var(--muted)', fontSize: '0.85em', overflowWrap: 'anywhere' },
  '.cm-line': { padding: '0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--selection)',
  },
  '.cm-panels': { backgroundColor: 'var(--chrome)', color: 'var(--ink)', fontFamily: 'var(--ui-font)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--rule)' },
  '.cm-searchMatch': { backgroundColor: 'var(--highlight)' },
});

const markdownHighlight = HighlightStyle.define([
  { tag: t.heading1, fontSize: '1.6em', fontWeight: '700', lineHeight: '1.3' },
  { tag: t.heading2, fontSize: '1.35em', fontWeight: '700' },
  { tag: t.heading3, fontSize: '1.15em', fontWeight: '700' },
  { tag: [t.heading4, t.heading5, t.heading6], fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.link, color: 'var(--accent)' },
  { tag: t.url, class: 'cm-md-url' },
  { tag: t.quote, color: 'var(--quote-ink)', fontStyle: 'italic' },
  { tag: t.monospace, fontFamily: 'var(--mono-font)', fontSize: '0.88em' },
  { tag: [t.processingInstruction, t.meta, t.contentSeparator], color: 'var(--muted)' },
  { tag: t.comment, color: 'var(--muted)' },
]);

export function proseTheme(): Extension {
  return [layout, syntaxHighlighting(markdownHighlight)];
}
