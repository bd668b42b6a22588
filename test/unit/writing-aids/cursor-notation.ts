/**
 * Documents with the selection written in: one `|` is the cursor, two `|`
 * mark a selected range (as in @codemirror/lang-markdown's command tests).
 */
import { EditorSelection, EditorState, type Extension, type StateCommand } from '@codemirror/state';

export function stateOf(text: string, extensions: Extension = []): EditorState {
  const first = text.indexOf('|');
  const second = text.indexOf('|', first + 1);
  if (first < 0) throw new Error('no | cursor in the document');
  const doc = second < 0 ? text.slice(0, first) + text.slice(first + 1) : text.slice(0, first) + text.slice(first + 1, second) + text.slice(second + 1);
  const selection = second < 0 ? EditorSelection.single(first) : EditorSelection.single(first, second - 1);
  return EditorState.create({ doc, selection, extensions });
}

export function show(state: EditorState): string {
  const { from, to } = state.selection.main;
  const doc = state.doc.toString();
  if (from === to) return doc.slice(0, from) + '|' + doc.slice(from);
  return doc.slice(0, from) + '|' + doc.slice(from, to) + '|' + doc.slice(to);
}

/** Runs a command on a document in cursor notation; returns the result in the same notation. */
export function run(command: StateCommand, text: string): string {
  let state = stateOf(text);
  const ran = command({ state, dispatch: (tr) => (state = tr.state) });
  if (!ran) return `(not run) ${show(state)}`;
  return show(state);
}
