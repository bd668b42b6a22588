/**
 * The drafts library: a sidebar listing the Markdown files of one folder
 * (chosen once, remembered in settings), each with its headline, word count
 * and modified date; sorted by date, title or length and filtered as you
 * type; a click opens a draft, "New Draft" creates one there. Main watches the
 * folder while the sidebar is open and says when to list it again.
 */
import type { DraftEntry } from '../../electron/contract';
import type { AppContext } from '../app/app-context';
import { registerCommand } from '../app/command-registry';
import type { DocumentCommands } from '../app/document-commands';
import { el, openDialog, showMessage } from './dialogs';
import { browseForPath } from './path-dialog';
import { fileDialogContext } from '../app/document-commands';
import { pathStyle, startFolders } from './path-text';

export type DraftSort = 'date' | 'title' | 'words';

/** The entries to show: filtered by headline or file name (case-insensitive), then sorted. */
export function visibleDrafts(entries: readonly DraftEntry[], filter: string, sort: DraftSort): DraftEntry[] {
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle
    ? entries.filter((d) => d.headline.toLocaleLowerCase().includes(needle) || d.name.toLocaleLowerCase().includes(needle))
    : [...entries];
  const byTitle = (a: DraftEntry, b: DraftEntry) => a.headline.localeCompare(b.headline, undefined, { sensitivity: 'base' });
  if (sort === 'title') shown.sort(byTitle);
  else if (sort === 'words') shown.sort((a, b) => b.words - a.words || byTitle(a, b));
  else shown.sort((a, b) => b.modifiedMs - a.modifiedMs || byTitle(a, b));
  return shown;
}

function askTitle(): Promise<string | null> {
  return new Promise((resolve) => {
    let input!: HTMLInputElement;
    const dialog = openDialog((d) => {
      const form = el('form', 'path-form');
      form.method = 'dialog';
      const heading = el('h2', 'dialog-title', 'New draft');
      heading.id = 'new-draft-title';
      const label = el('label', 'path-label', 'Headline');
      input = el('input', 'path-input draft-title-input');
      input.type = 'text';
      input.autocomplete = 'off';
      label.append(input);
      const buttons = el('div', 'dialog-buttons');
      const cancel = el('button', undefined, 'Cancel');
      cancel.type = 'button';
      cancel.addEventListener('click', () => d.close(''));
      const submit = el('button', 'primary', 'Create');
      submit.type = 'submit';
      submit.value = 'submit';
      buttons.append(cancel, submit);
      form.append(heading, label, buttons);
      d.append(form);
    }, 'new-draft-title');
    input.focus();
    dialog.addEventListener('close', () => {
      const value = dialog.returnValue === 'submit' ? input.value.trim() : null;
      dialog.remove();
      resolve(value === null ? null : value || 'Untitled draft');
    });
  });
}

export function installDraftsSidebar(app: AppContext, documents: DocumentCommands): void {
  const root = document.getElementById('app')!;
  const aside = el('aside', 'drafts-sidebar');
  aside.id = 'drafts-sidebar';
  aside.setAttribute('aria-label', 'Drafts');
  aside.hidden = true;
  document.querySelector('.panes')?.prepend(aside);

  const header = el('div', 'drafts-header');
  const title = el('h2', 'drafts-title', 'Drafts');
  const folderLabel = el('div', 'drafts-folder');
  const newDraft = el('button', 'drafts-new', 'New Draft');
  newDraft.type = 'button';
  const chooseFolder = el('button', 'drafts-choose', 'Choose Folder…');
  chooseFolder.type = 'button';
  header.append(title, folderLabel, chooseFolder, newDraft);

  const controls = el('div', 'drafts-controls');
  const filter = el('input', 'drafts-filter');
  filter.type = 'search';
  filter.placeholder = 'Filter';
  filter.setAttribute('aria-label', 'Filter drafts');
  const sort = el('select', 'drafts-sort');
  sort.setAttribute('aria-label', 'Sort drafts');
  for (const [value, label] of [
    ['date', 'Newest'],
    ['title', 'Title'],
    ['words', 'Longest'],
  ] as const) {
    const option = el('option', undefined, label);
    option.value = value;
    sort.append(option);
  }
  controls.append(filter, sort);
  const status = el('p', 'drafts-status');
  const list = el('ul', 'drafts-list');
  aside.append(header, controls, status, list);

  let entries: DraftEntry[] = [];
  let generation = 0;
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  const numberFormat = new Intl.NumberFormat();

  const folder = () => app.settings.draftsFolder;
  const isOpen = () => root.dataset.drafts === 'open';

  function render(): void {
    list.replaceChildren();
    const shown = visibleDrafts(entries, filter.value, sort.value as DraftSort);
    for (const draft of shown) {
      const item = el('li');
      const button = el('button', 'draft-entry');
      button.type = 'button';
      button.title = draft.path;
      button.dataset.path = draft.path;
      if (draft.path === app.session?.path) button.setAttribute('aria-current', 'true');
      const meta = `${numberFormat.format(draft.words)} ${draft.words === 1 ? 'word' : 'words'} · ${dateFormat.format(draft.modifiedMs)}`;
      button.append(el('span', 'draft-headline', draft.headline || draft.name), el('span', 'draft-meta', meta));
      button.addEventListener('click', () => void open(draft.path));
      item.append(button);
      list.append(item);
    }
    if (!folder()) status.textContent = 'Choose a folder for your drafts.';
    else if (entries.length === 0) status.textContent = 'No drafts here yet.';
    else if (shown.length === 0) status.textContent = 'No draft matches the filter.';
    else status.textContent = '';
  }

  async function refresh(): Promise<void> {
    const current = folder();
    folderLabel.textContent = current ?? '';
    folderLabel.title = current ?? '';
    newDraft.disabled = !current;
    if (!current) {
      entries = [];
      return render();
    }
    const mine = ++generation;
    const result = await app.api.listDrafts({ folder: current });
    if (mine !== generation) return;
    if (!result.ok) {
      entries = [];
      render();
      status.textContent = result.error.message;
      return;
    }
    entries = result.value;
    render();
  }

  async function open(path: string): Promise<void> {
    if (path === app.session?.path) return;
    if (await documents.confirmDiscard()) await documents.openPath(path);
  }

  async function pickFolder(): Promise<void> {
    const { platform } = app.initial.app;
    const chosen = await browseForPath(fileDialogContext(app), {
      mode: 'folder',
      title: 'Drafts folder',
      action: 'Use This Folder',
      // The drafts folder itself first, then the last folder used.
      folders: startFolders({ documentPath: null, draftsFolder: folder(), recentFiles: app.settings.recentFiles }, pathStyle(platform)),
    });
    if (!chosen) return;
    await app.writeSettings({ draftsFolder: chosen });
    if (app.settings.draftsFolder !== chosen) {
      await showMessage("Can't use that folder", 'The drafts folder must be a full path, such as /home/you/Drafts.');
    }
  }

  async function create(): Promise<void> {
    const current = folder();
    if (!current) return pickFolder();
    const headline = await askTitle();
    if (headline === null || !(await documents.confirmDiscard())) return;
    const result = await app.api.createDraft({ folder: current, title: headline });
    if (!result.ok) return showMessage("Can't create the draft", result.error.message);
    documents.load(result.value);
    await app.reloadSettings();
    await refresh();
  }

  function setOpen(open: boolean): void {
    root.dataset.drafts = open ? 'open' : 'closed';
    aside.hidden = !open;
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-command="view:drafts"]')) {
      button.setAttribute('aria-pressed', String(open));
    }
    void app.api.watchDrafts({ folder: open ? folder() : null });
    if (open) void refresh();
  }

  filter.addEventListener('input', render);
  sort.addEventListener('change', render);
  chooseFolder.addEventListener('click', () => void pickFolder());
  newDraft.addEventListener('click', () => void create());

  let watchedFolder = folder();
  app.onSettingsChanged(() => {
    if (folder() === watchedFolder) return;
    watchedFolder = folder();
    if (isOpen()) setOpen(true);
  });
  app.onDocumentLoaded(() => isOpen() && render());
  app.api.onEvent((event) => {
    if (event.type === 'drafts-changed' && isOpen() && event.folder === folder()) void refresh();
  });

  registerCommand('view:drafts', () => setOpen(!isOpen()));
  setOpen(false);
}
