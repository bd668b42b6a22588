/**
 * The bench's floor: CodeMirror 6 with nothing of Byline's — the same
 * packages and versions, Markdown parsing, history, drawn selection and soft
 * wrap, in a pane as wide as the app's editor. How fast this page paints a
 * keystroke is what the browser and CodeMirror allow on this machine; the
 * app's editor row is read against it. Bundled by scripts/bench/latency.ts.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection } from '@codemirror/view';
import { history } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';

declare global {
  interface Window {
    floorText?: string;
    floorView?: EditorView;
  }
}

const parent = document.getElementById('editor');
if (!parent) throw new Error('the floor page has no #editor');
window.floorView = new EditorView({
  parent,
  state: EditorState.create({
    doc: window.floorText ?? '',
    extensions: [EditorView.lineWrapping, markdown({ base: markdownLanguage }), history(), drawSelection()],
  }),
});
