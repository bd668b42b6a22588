/**
 * Find and Replace, as the app's own panel (CodeMirror's search state and
 * commands underneath, its stock panel replaced through `createPanel`):
 * labelled fields and buttons, the options as checkboxes, and the match count
 * ("3 of 12", "No matches") beside the field, kept current as the writer
 * types the query, moves between matches, replaces or edits the text.
 *
 * Typing the query selects the first match from where the search started
 * (the caret when the panel opened, or the match last moved to), as a
 * browser's find does; Enter / Shift+Enter go to the next / previous match,
 * Enter in the Replace field replaces it, Escape closes the panel and gives
 * the text the focus back. Everything is reachable by Tab and named for
 * screen readers; the count is a polite live region.
 */
import type { EditorState } from '@codemirror/state';
import { EditorView, runScopeHandlers, type Panel, type ViewUpdate } from '@codemirror/view';
import {
  SearchQuery,
  closeSearchPanel,
  findNext,
  findPrevious,
  getSearchQuery,
  replaceAll,
  replaceNext,
  selectMatches,
  setSearchQuery,
} from '@codemirror/search';
import { currentMatch, findMatches, matchFrom, matchStatus, type Matches } from './find-matches';

let panels = 0;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

class FindPanel implements Panel {
  readonly dom: HTMLElement;
  readonly top = false;
  private query: SearchQuery;
  private matches: Matches = { from: [], to: [], capped: false };
  /** Where typing the query searches from. */
  private origin: number;
  private selecting = false;
  private readonly findField: HTMLInputElement;
  private readonly replaceField: HTMLInputElement;
  private readonly caseBox: HTMLInputElement;
  private readonly wordBox: HTMLInputElement;
  private readonly regexpBox: HTMLInputElement;
  private readonly count: HTMLElement;

  constructor(private readonly view: EditorView) {
    const id = `find-${++panels}`;
    this.query = getSearchQuery(view.state);
    this.origin = view.state.selection.main.from;
    this.dom = element('div', { class: 'cm-search byline-find', role: 'search', 'aria-label': 'Find and replace' });
    this.dom.addEventListener('keydown', (event) => this.keydown(event));

    const field = (name: string, label: string) => {
      const input = element('input', { type: 'text', id: `${id}-${name}`, name, class: 'cm-textfield', autocomplete: 'off', spellcheck: 'false', form: '' });
      const caption = element('label', { for: input.id, class: 'byline-find-label' }, label);
      input.addEventListener('input', () => this.commit(name === 'search'));
      return { input, caption };
    };
    const button = (name: string, label: string, run: () => void, title?: string) => {
      const node = element('button', { type: 'button', name, class: 'cm-button' }, label);
      if (title) node.title = title;
      node.addEventListener('click', () => {
        this.commit(false);
        run();
      });
      return node;
    };
    const option = (name: string, label: string) => {
      const input = element('input', { type: 'checkbox', name, form: '' });
      input.addEventListener('change', () => this.commit(true));
      const wrap = element('label', { class: 'byline-find-option' });
      wrap.append(input, ` ${label}`);
      return { input, wrap };
    };

    const find = field('search', 'Find');
    this.findField = find.input;
    this.findField.setAttribute('main-field', 'true');
    this.count = element('span', { id: `${id}-count`, class: 'byline-find-count', role: 'status', 'aria-live': 'polite' });
    this.findField.setAttribute('aria-describedby', this.count.id);
    const replace = field('replace', 'Replace');
    this.replaceField = replace.input;
    const matchCase = option('case', 'Match case');
    const wholeWord = option('word', 'Whole word');
    const regexp = option('re', 'Regular expression');
    this.caseBox = matchCase.input;
    this.wordBox = wholeWord.input;
    this.regexpBox = regexp.input;

    // Find, then the options that shape it, then Replace: the visual order is the Tab order.
    const findRow = element('div', { class: 'byline-find-row' });
    const findBox = element('div', { class: 'byline-find-field' });
    findBox.append(this.findField, this.count);
    findRow.append(
      find.caption,
      findBox,
      button('prev', 'Previous', () => findPrevious(view), 'Previous match (Shift+Enter)'),
      button('next', 'Next', () => findNext(view), 'Next match (Enter)'),
      button('select', 'Select All', () => selectMatches(view), 'Select every match'),
    );
    const options = element('div', { class: 'byline-find-row byline-find-options', role: 'group', 'aria-label': 'Search options' });
    options.append(matchCase.wrap, wholeWord.wrap, regexp.wrap);

    const replaceRow = element('div', { class: 'byline-find-row' });
    replaceRow.append(
      replace.caption,
      this.replaceField,
      button('replace', 'Replace', () => replaceNext(view), 'Replace this match and find the next (Enter)'),
      button('replaceAll', 'Replace All', () => replaceAll(view), 'Replace every match (Ctrl+Enter)'),
    );

    const close = element('button', { type: 'button', name: 'close', class: 'byline-find-close', 'aria-label': 'Close find and replace', title: 'Close (Esc)' }, '×');
    close.addEventListener('click', () => closeSearchPanel(view));

    this.dom.append(findRow, options, ...(view.state.readOnly ? [] : [replaceRow]), close);
    this.showQuery(this.query);
    this.recount(view.state);
  }

  mount(): void {
    this.findField.select();
  }

  update(update: ViewUpdate): void {
    let queryChanged = false;
    for (const tr of update.transactions) {
      for (const effect of tr.effects) {
        if (effect.is(setSearchQuery) && !effect.value.eq(this.query)) {
          this.showQuery(effect.value);
          queryChanged = true;
        }
      }
    }
    if (update.selectionSet && !this.selecting) this.origin = update.state.selection.main.from;
    if (queryChanged || update.docChanged) this.recount(update.state);
    else if (update.selectionSet) this.showCount(update.state);
  }

  /** The query as the fields hold it; typed into the Find field, also selects the first match from `origin`. */
  private commit(fromTyping: boolean): void {
    const query = new SearchQuery({
      search: this.findField.value,
      replace: this.replaceField.value,
      caseSensitive: this.caseBox.checked,
      wholeWord: this.wordBox.checked,
      regexp: this.regexpBox.checked,
    });
    if (query.eq(this.query)) return;
    this.query = query;
    const { state } = this.view;
    this.matches = findMatches(state, query);
    const match = fromTyping ? matchFrom(this.matches, this.origin) : null;
    this.selecting = true;
    try {
      this.view.dispatch({
        effects: setSearchQuery.of(query),
        ...(match ? { selection: { anchor: match.from, head: match.to }, scrollIntoView: true, userEvent: 'select.search' } : {}),
      });
    } finally {
      this.selecting = false;
    }
    this.showCount(this.view.state);
  }

  private keydown(event: KeyboardEvent): void {
    if (runScopeHandlers(this.view, event, 'search-panel')) {
      event.preventDefault();
      return;
    }
    if (event.key !== 'Enter') return;
    if (event.target === this.findField) {
      event.preventDefault();
      this.commit(false);
      (event.shiftKey ? findPrevious : findNext)(this.view);
    } else if (event.target === this.replaceField) {
      event.preventDefault();
      this.commit(false);
      ((event.ctrlKey || event.metaKey) ? replaceAll : replaceNext)(this.view);
    }
  }

  private showQuery(query: SearchQuery): void {
    this.query = query;
    this.findField.value = query.search;
    this.replaceField.value = query.replace;
    this.caseBox.checked = query.caseSensitive;
    this.wordBox.checked = query.wholeWord;
    this.regexpBox.checked = query.regexp;
  }

  private recount(state: EditorState): void {
    this.matches = findMatches(state, this.query);
    this.showCount(state);
  }

  private showCount(state: EditorState): void {
    const text = matchStatus(this.query, this.matches, currentMatch(this.matches, state.selection.main));
    if (this.count.textContent !== text) this.count.textContent = text;
    this.dom.classList.toggle('byline-find-none', this.query.search !== '' && this.matches.from.length === 0);
  }
}

/** CodeMirror's `search()` configuration with the app's panel. */
export function createFindPanel(view: EditorView): Panel {
  return new FindPanel(view);
}
