/**
 * CodeMirror's find and replace panel (Ctrl/Cmd+F; regex, match case and
 * whole word are its own options) dressed in the app's colours and type.
 */
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

const searchTheme = EditorView.theme({
  '.cm-panel.cm-search': {
    padding: '0.5rem 2.2rem 0.5rem 0.75rem',
    fontFamily: 'var(--ui-font)',
    fontSize: '0.85rem',
    color: 'var(--ink)',
    backgroundColor: 'var(--chrome)',
  },
  '.cm-panel.cm-search input, .cm-panel.cm-search button, .cm-panel.cm-search label': { fontSize: '0.85rem', margin: '0.15rem 0.3rem 0.15rem 0' },
  '.cm-panel.cm-search .cm-textfield': {
    padding: '0.25rem 0.45rem',
    color: 'var(--ink)',
    backgroundColor: 'var(--paper)',
    border: '1px solid var(--rule)',
    borderRadius: '5px',
  },
  '.cm-panel.cm-search .cm-textfield:focus-visible': { outline: '2px solid var(--accent)', outlineOffset: '0' },
  '.cm-panel.cm-search .cm-button': {
    backgroundImage: 'none',
    backgroundColor: 'var(--paper)',
    color: 'var(--ink)',
    border: '1px solid var(--rule)',
    borderRadius: '5px',
    padding: '0.2rem 0.6rem',
  },
  '.cm-panel.cm-search .cm-button:focus-visible': { outline: '2px solid var(--accent)' },
  '.cm-panel.cm-search button[name=close]': { color: 'var(--ink)', fontSize: '1.2rem', right: '0.6rem', top: '0.35rem' },
  '.cm-panel.cm-search input[type=checkbox]': { accentColor: 'var(--accent)' },
  '.cm-searchMatch': { backgroundColor: 'var(--highlight)', outline: '1px solid var(--rule)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--paper)', color: 'var(--ink)', border: '1px solid var(--rule)', borderRadius: '6px' },
});

export function searchPanelTheme(): Extension {
  return searchTheme;
}
