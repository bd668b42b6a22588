/**
 * The find and replace panel (find-panel.ts) in the app's colours and type:
 * Find with its match count, Previous, Next and Select All; the options
 * under it; Replace with Replace and Replace All — under the text, in the
 * toolbar's colours; plus the match highlights in the text.
 */
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

const searchTheme = EditorView.theme({
  '.cm-panels-bottom': { borderTop: '1px solid var(--rule)' },
  '.cm-panel.cm-search.byline-find': {
    position: 'relative',
    display: 'grid',
    gap: '0.4rem',
    padding: '0.55rem 2.75rem 0.55rem 0.75rem',
    fontFamily: 'var(--ui-font)',
    fontSize: '0.85rem',
    color: 'var(--ink)',
    backgroundColor: 'var(--chrome)',
  },
  '.byline-find-row': { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: '0.35rem' },
  '.cm-panel.cm-search.byline-find input, .cm-panel.cm-search.byline-find button, .cm-panel.cm-search.byline-find label': { margin: '0', fontSize: '0.85rem' },
  '.cm-panel.cm-search.byline-find .byline-find-label': { flex: '0 0 4.2rem', color: 'var(--muted)', fontWeight: '600' },
  // The fields give way first when the pane is narrow (split view).
  '.byline-find-field': { position: 'relative', display: 'inline-flex', alignItems: 'center', flex: '1 1 9rem', minWidth: '9rem', maxWidth: '22rem' },
  '.cm-panel.cm-search.byline-find .byline-find-row > .cm-textfield': { flex: '1 1 9rem', minWidth: '9rem', maxWidth: '22rem' },
  '.cm-panel.cm-search.byline-find .cm-textfield': {
    width: '100%',
    padding: '0.3rem 0.5rem',
    color: 'var(--ink)',
    backgroundColor: 'var(--paper)',
    border: '1px solid var(--rule)',
    borderRadius: '6px',
  },
  '.byline-find-field .cm-textfield': { paddingRight: '5.5rem !important' },
  '.byline-find-count': {
    position: 'absolute',
    right: '0.5rem',
    color: 'var(--muted)',
    fontSize: '0.78rem',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    pointerEvents: 'none',
  },
  '.byline-find-none .byline-find-count': { color: 'var(--accent)' },
  '.byline-find-none .byline-find-field .cm-textfield': { borderColor: 'var(--accent)' },
  '.cm-panel.cm-search.byline-find .cm-textfield:focus-visible': { outline: '2px solid var(--accent)', outlineOffset: '0' },
  '.cm-panel.cm-search.byline-find .cm-button': {
    backgroundImage: 'none',
    backgroundColor: 'var(--paper)',
    color: 'var(--ink)',
    border: '1px solid var(--rule)',
    borderRadius: '6px',
    padding: '0.28rem 0.7rem',
    cursor: 'pointer',
  },
  '.cm-panel.cm-search.byline-find .cm-button:hover': { backgroundColor: 'var(--rule)' },
  '.cm-panel.cm-search.byline-find .cm-button:active': { backgroundImage: 'none', backgroundColor: 'var(--rule)' },
  '.cm-panel.cm-search.byline-find .cm-button:focus-visible': { outline: '2px solid var(--accent)', outlineOffset: '1px' },
  '.byline-find-row.byline-find-options': { gap: '1rem', paddingLeft: 'calc(4.2rem + 0.35rem)' },
  '.cm-panel.cm-search.byline-find .byline-find-option': { display: 'inline-flex', alignItems: 'center', gap: '0.3rem', whiteSpace: 'nowrap', cursor: 'pointer' },
  '.cm-panel.cm-search.byline-find input[type=checkbox]': { accentColor: 'var(--accent)', margin: '0' },
  '.cm-panel.cm-search.byline-find .byline-find-close': {
    position: 'absolute',
    top: '0.45rem',
    right: '0.55rem',
    width: '1.8rem',
    height: '1.8rem',
    padding: '0',
    border: '1px solid transparent',
    borderRadius: '6px',
    backgroundColor: 'transparent',
    color: 'var(--muted)',
    fontSize: '1.15rem',
    lineHeight: '1',
    cursor: 'pointer',
  },
  '.cm-panel.cm-search.byline-find .byline-find-close:hover': { backgroundColor: 'var(--rule)', color: 'var(--ink)' },
  '.cm-panel.cm-search.byline-find .byline-find-close:focus-visible': { outline: '2px solid var(--accent)' },
  '.cm-searchMatch': { backgroundColor: 'var(--highlight)', outline: '1px solid var(--rule)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--paper)', color: 'var(--ink)', border: '1px solid var(--rule)', borderRadius: '6px' },
});

export function searchPanelTheme(): Extension {
  return searchTheme;
}
