/**
 * Focus mode: everything but the paragraph at the cursor is dimmed. Only the
 * current paragraph's lines are decorated (`cm-focus-current`); the dimming
 * itself is one CSS rule on the editor, so moving within a paragraph costs
 * nothing and moving to another one redecorates a handful of lines.
 */
import type { EditorState, Extension, Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { safeDecorations } from './safe-decorations';

const currentLine = Decoration.line({ class: 'cm-focus-current' });

/** First and last line numbers of the paragraph (run of non-blank lines) at the cursor. */
export function paragraphAt(state: EditorState, pos: number): [number, number] {
  const { doc } = state;
  const line = doc.lineAt(pos);
  if (line.text.trim() === '') return [line.number, line.number];
  let first = line.number;
  let last = line.number;
  while (first > 1 && doc.line(first - 1).text.trim() !== '') first--;
  while (last < doc.lines && doc.line(last + 1).text.trim() !== '') last++;
  return [first, last];
}

function decorate(state: EditorState, [first, last]: [number, number]): DecorationSet {
  return safeDecorations('Focus mode', state, 'plugin', () => {
    const lines: Range<Decoration>[] = [];
    for (let n = first; n <= last; n++) lines.push(currentLine.range(state.doc.line(n).from));
    return lines;
  });
}

const focusPlugin = ViewPlugin.fromClass(
  class {
    range: [number, number];
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.range = paragraphAt(view.state, view.state.selection.main.head);
      this.decorations = decorate(view.state, this.range);
    }
    update(update: ViewUpdate) {
      if (!update.docChanged && !update.selectionSet) return;
      const range = paragraphAt(update.state, update.state.selection.main.head);
      if (!update.docChanged && range[0] === this.range[0] && range[1] === this.range[1]) return;
      this.range = range;
      this.decorations = decorate(update.state, range);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const focusTheme = EditorView.baseTheme({
  '&.cm-focus-mode .cm-line': { opacity: '0.3', transition: 'opacity 160ms ease-out' },
  '&.cm-focus-mode .cm-line.cm-focus-current': { opacity: '1' },
});

/** Dims everything but the current paragraph. */
export function focusMode(): Extension {
  return [EditorView.editorAttributes.of({ class: 'cm-focus-mode' }), focusPlugin, focusTheme];
}
