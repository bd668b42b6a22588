/**
 * Typewriter scrolling: the line being written stays in the middle of the
 * editor. Every typing, deleting or keyboard-moving transaction carries a
 * "scroll the cursor to the centre" effect; clicks don't (the text would jump
 * under the mouse). Padding lets the first and last lines reach the middle.
 */
import { EditorState, type Extension, type Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

function wantsCentre(tr: Transaction): boolean {
  if (!tr.docChanged && !tr.selection) return false;
  if (tr.isUserEvent('select.pointer')) return false;
  return tr.isUserEvent('input') || tr.isUserEvent('delete') || tr.isUserEvent('select') || tr.isUserEvent('undo') || tr.isUserEvent('redo') || tr.isUserEvent('move');
}

const centre = EditorState.transactionExtender.of((tr) =>
  wantsCentre(tr) ? { effects: EditorView.scrollIntoView(tr.newSelection.main.head, { y: 'center' }) } : null,
);

const typewriterTheme = EditorView.baseTheme({
  '&.cm-typewriter .cm-content': { paddingTop: '45vh', paddingBottom: '50vh' },
});

export function typewriterScrolling(): Extension {
  return [EditorView.editorAttributes.of({ class: 'cm-typewriter' }), centre, typewriterTheme];
}
