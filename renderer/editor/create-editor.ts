/**
 * The CodeMirror 6 editor, composed from small extensions: Markdown (GFM) with
 * list continuation, soft wrap, undo history, search, spellcheck, prose theme.
 */
import { EditorState, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  dropCursor,
  highlightSpecialChars,
  keymap,
  tooltips,
  type ViewUpdate,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { proseTheme } from './prose-theme';
import { frontMatterSyntax } from './front-matter-syntax';
import { quoteStyling } from './quote-styling';
import { linkChips } from './link-chips';
import { frontMatterErrors } from './front-matter-error';
import { createFindPanel } from './find-panel';

export interface EditorOptions {
  /** The page's CSP style nonce, so CodeMirror's injected styles are allowed. */
  styleNonce: string | null;
  /** Called after every transaction that changed the document. */
  onDocChanged(update: ViewUpdate): void;
  /** More extensions (the writing aids), asked for each new document's state. */
  extensions?: () => Extension;
}

export function editorExtensions(options: EditorOptions): Extension[] {
  return [
    options.styleNonce ? EditorView.cspNonce.of(options.styleNonce) : [],
    highlightSpecialChars(),
    // The editor pane is `contain: strict` (typing lays out and paints only
    // the pane), which would clip tooltips at its edge: draw them in the body.
    tooltips({ parent: globalThis.document?.body }),
    history(),
    drawSelection(),
    dropCursor(),
    EditorView.lineWrapping,
    markdown({ base: markdownLanguage, extensions: [frontMatterSyntax] }),
    search({ top: false, createPanel: createFindPanel }),
    highlightSelectionMatches(),
    keymap.of([...searchKeymap, ...historyKeymap, ...defaultKeymap, indentWithTab]),
    EditorView.contentAttributes.of({ spellcheck: 'true', autocorrect: 'on', autocapitalize: 'sentences', 'aria-label': 'Document text' }),
    proseTheme(),
    quoteStyling(),
    linkChips(),
    frontMatterErrors(),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onDocChanged(update);
    }),
    options.extensions?.() ?? [],
  ];
}

export function createEditorState(text: string, options: EditorOptions): EditorState {
  return EditorState.create({ doc: text, extensions: editorExtensions(options) });
}

export function createEditor(parent: HTMLElement, text: string, options: EditorOptions): EditorView {
  return new EditorView({ parent, state: createEditorState(text, options) });
}
