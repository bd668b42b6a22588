/**
 * The start screen of an empty window: while the document is an untouched
 * Untitled, a card lists the recent files (remembered across runs, checked on
 * disk by main) to open with one click. It sits in a corner of the panes and
 * goes away as soon as the writer types or opens something.
 */
import type { RecentFile } from '../../electron/contract';
import type { AppContext } from '../app/app-context';
import { el } from './dialogs';
import { isNewPieceTemplate } from '../markdown/piece-header';

export interface StartScreenOptions {
  open(path: string): Promise<void>;
}

/** True for a window nobody has written in yet: empty, or a new piece's untouched header. */
export function isUntouched(app: AppContext): boolean {
  if (!app.session || app.session.path !== null || app.session.isDirty) return false;
  const doc = app.view.state.doc;
  return doc.length === 0 || (doc.length < 80 && isNewPieceTemplate(doc.toString()));
}

export function installStartScreen(app: AppContext, options: StartScreenOptions): void {
  const card = el('section', 'start-screen');
  card.id = 'start-screen';
  card.setAttribute('aria-label', 'Start');
  card.hidden = true;
  document.querySelector('.panes')?.append(card);
  let generation = 0;

  function render(files: RecentFile[]): void {
    card.replaceChildren();
    if (files.length === 0) {
      card.hidden = true;
      return;
    }
    card.append(el('h2', 'start-heading', 'Recent files'));
    const list = el('ul', 'start-recent');
    for (const file of files) {
      const item = el('li');
      const button = el('button', 'start-recent-file');
      button.type = 'button';
      button.title = file.path;
      button.dataset.path = file.path;
      button.append(el('span', 'start-recent-name', file.name), el('span', 'start-recent-dir', file.path));
      if (!file.exists) button.classList.add('unavailable');
      button.addEventListener('click', () => void options.open(file.path));
      item.append(button);
      list.append(item);
    }
    card.append(list);
    card.hidden = false;
  }

  async function update(): Promise<void> {
    const mine = ++generation;
    if (!isUntouched(app)) {
      card.hidden = true;
      return;
    }
    const recent = await app.api.listRecent();
    if (mine !== generation || !isUntouched(app)) return;
    render(recent.ok ? recent.value : []);
  }

  app.onDocumentLoaded(() => void update());
  app.onSettingsChanged(() => void update());
  app.onDocChanged(() => {
    if (!card.hidden) {
      generation++;
      card.hidden = true;
    }
  });
  void update();
}
