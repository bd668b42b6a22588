/**
 * The file dialog the page draws where its shell has no system one (the
 * Chromium shell): a path field over a list of the folder it names — its
 * subfolders and Markdown files, from main's `folder:list`.
 *
 * - Typing filters the list to the entries the name begins; Tab completes the
 *   name as a shell does; ↑/↓ walk the list and Enter takes the entry.
 * - A folder (clicked, or typed and Enter) is gone into, never "opened"; Up
 *   goes to the folder above; New Folder creates one and goes into it.
 * - Save asks before replacing a file, and offers to create a folder that
 *   isn't there yet; choosing a folder (the drafts folder) offers the same.
 * - Nonsense (a web address, a file where a folder belongs) gets a sentence
 *   and the dialog stays, with what was typed.
 *
 * Resolves with a full, normalised path, or null when cancelled. The path
 * logic is pure, in path-text.ts.
 */
import type { BylineApi, FolderEntry, FolderListing, Result } from '../../electron/contract';
import { choose, el, openDialog } from './dialogs';
import {
  completeName,
  hasExtension,
  joinPath,
  nameRange,
  pathStyle,
  replaceLeaf,
  resolveTyped,
  splitPath,
  visibleEntries,
  withTrailingSeparator,
  isWebAddress,
  type PathStyle,
} from './path-text';

export type BrowseMode = 'open' | 'save' | 'folder';

export interface BrowseOptions {
  mode: BrowseMode;
  title: string;
  /** The primary button: Open, Save, Use This Folder. */
  action: string;
  /** Where to start, best first; the home folder is tried last. */
  folders: readonly string[];
  /** Save: the name to suggest (selected, without its extension, ready to be typed over). */
  name?: string;
  /** Save: the extension a new name typed without one gets (default `.md`; an export's `.pdf`…). */
  extension?: string;
  /** Open: recent files to pick from. */
  recentFiles?: readonly string[];
  /** Shortcuts beside the buttons (the drafts folder). Home is always there. */
  places?: readonly { label: string; folder: string }[];
}

export interface BrowseContext {
  api: Pick<BylineApi, 'listFolder' | 'createFolder'>;
  homeFolder: string;
  platform: string;
}

const WEB_ADDRESS = 'That is a web address. Byline opens and saves files on this computer: type a folder path, such as ~/Drafts.';

let dialogCount = 0;

export async function browseForPath(ctx: BrowseContext, options: BrowseOptions): Promise<string | null> {
  const style = pathStyle(ctx.platform);
  const listings = new Map<string, Promise<Result<FolderListing>>>();
  const list = (folder: string): Promise<Result<FolderListing>> => {
    let listing = listings.get(folder);
    if (!listing) {
      listing = ctx.api.listFolder({ path: folder });
      listings.set(folder, listing);
    }
    return listing;
  };

  // The first place that lists, else home (its problem then shows in the dialog).
  let start = ctx.homeFolder;
  for (const folder of [...options.folders, ctx.homeFolder]) {
    if ((await list(folder)).ok) {
      start = folder;
      break;
    }
  }
  return new Promise((resolve) => runDialog(ctx, options, style, list, listings, start, resolve));
}

function runDialog(
  ctx: BrowseContext,
  options: BrowseOptions,
  style: PathStyle,
  list: (folder: string) => Promise<Result<FolderListing>>,
  listings: Map<string, Promise<Result<FolderListing>>>,
  start: string,
  resolve: (path: string | null) => void,
): void {
  const id = ++dialogCount;
  const foldersOnly = options.mode === 'folder';
  const suggested = options.name ?? '';
  let input!: HTMLInputElement;
  let listbox!: HTMLUListElement;
  let folderLabel!: HTMLElement;
  let status!: HTMLElement;
  let upButton!: HTMLButtonElement;
  /** The folder the list shows, and what it holds (null while it loads or when it can't be listed). */
  let shown = start;
  let shownListing: FolderListing | null = null;
  let shownProblem: string | null = null;
  let visible: FolderEntry[] = [];
  let active = -1;
  let generation = 0;
  let busy = false;
  let result: string | null = null;
  /** The full path of the entry the last single click was on (see the list's click handlers). */
  let clicked: string | null = null;
  /** The list is filtered by the name only while the writer types it (a clicked file leaves the folder in view). */
  let filtering = false;
  /** What the list's items show now: redrawn only when it changes, so a double click meets the same items. */
  let drawnKey = '';

  const dialog = openDialog((d) => {
    d.classList.add('path-dialog');
    const form = el('form', 'path-form');
    form.method = 'dialog';
    const heading = el('h2', 'dialog-title', options.title);
    heading.id = `path-dialog-title-${id}`;
    const label = el('label', 'path-label', options.mode === 'folder' ? 'Folder' : 'File');
    input = el('input', 'path-input');
    input.type = 'text';
    input.name = 'path';
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-controls', `path-entries-${id}`);
    input.setAttribute('aria-describedby', `path-hint-${id}`);
    label.append(input);
    const enter = options.mode === 'folder' ? 'Enter uses the folder in the field' : 'Enter on a folder goes into it';
    const hint = el('p', 'path-hint', `Tab completes a name · ↑ ↓ choose from the list · ${enter}`);
    hint.id = `path-hint-${id}`;

    const bar = el('div', 'path-bar');
    folderLabel = el('div', 'path-folder');
    upButton = el('button', 'path-up', 'Up');
    upButton.type = 'button';
    upButton.title = 'The folder above';
    upButton.addEventListener('click', () => void goUp());
    bar.append(folderLabel, upButton);
    if (options.mode !== 'open') {
      const newFolder = el('button', 'path-new-folder', 'New Folder');
      newFolder.type = 'button';
      newFolder.addEventListener('click', () => void makeFolder());
      bar.append(newFolder);
    }

    listbox = el('ul', 'path-entries');
    listbox.id = `path-entries-${id}`;
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-label', 'Folder contents');
    status = el('p', 'path-status');
    status.setAttribute('role', 'status');
    form.append(heading, label, hint, bar, listbox, status);

    if (options.recentFiles && options.recentFiles.length > 0) {
      const recent = el('ul', 'recent-list');
      recent.setAttribute('aria-label', 'Recent files');
      for (const file of options.recentFiles) {
        const item = el('li');
        const button = el('button', 'recent-file', file);
        button.type = 'button';
        button.addEventListener('click', () => {
          input.value = file;
          input.focus();
          refresh();
        });
        item.append(button);
        recent.append(item);
      }
      form.append(el('h3', 'recent-heading', 'Recent files'), recent);
    }

    const buttons = el('div', 'dialog-buttons');
    const places = el('div', 'path-places');
    for (const place of [{ label: 'Home', folder: ctx.homeFolder }, ...(options.places ?? [])]) {
      const button = el('button', 'path-place', place.label);
      button.type = 'button';
      button.title = place.folder;
      button.addEventListener('click', () => void goTo(place.folder));
      places.append(button);
    }
    const cancel = el('button', undefined, 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => d.close(''));
    const submit = el('button', 'primary', options.action);
    submit.type = 'submit';
    buttons.append(places, cancel, submit);
    form.append(buttons);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void accept();
    });
    d.append(form);
  }, `path-dialog-title-${id}`);

  dialog.addEventListener('close', () => {
    dialog.remove();
    resolve(result);
  });

  input.addEventListener('input', () => {
    active = -1;
    filtering = true;
    refresh();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (visible.length === 0) return;
      active = event.key === 'ArrowDown' ? Math.min(visible.length - 1, active + 1) : Math.max(0, active - 1);
      drawActive();
    } else if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      // Tab moves on as usual when there is no name to complete.
      if (typedLeaf() === '') return;
      event.preventDefault();
      void complete();
    }
  });

  // --- what was typed ---------------------------------------------------------

  function typed(): string {
    return resolveTyped(input.value, shown, ctx.homeFolder, style);
  }

  /** The name after the last separator, as typed (before `.`/`..` are resolved). */
  function typedLeaf(): string {
    const raw = input.value.trim();
    return raw.slice(raw.search(style.windows ? /[^\\/]*$/ : /[^/]*$/));
  }

  /** Puts a path in the field (a click, Up, a completion): the list shows the whole folder again. */
  function setInput(value: string, select?: [number, number]): void {
    input.value = value;
    active = -1;
    filtering = false;
    input.focus();
    if (select) input.setSelectionRange(select[0], select[1]);
    else input.setSelectionRange(value.length, value.length);
    refresh();
  }

  /** The name a Save keeps while the writer moves between folders. */
  function keptName(): string {
    if (options.mode !== 'save') return '';
    return splitPath(typed(), style).leaf || suggested;
  }

  // --- the list ---------------------------------------------------------------

  /** Lists the folder of what is typed (when it changed) and draws the list. */
  function refresh(): Promise<void> {
    if (isWebAddress(input.value)) {
      visible = [];
      draw(WEB_ADDRESS);
      return Promise.resolve();
    }
    const { folder } = splitPath(typed(), style);
    if (folder === shown && (shownListing || shownProblem)) {
      draw();
      return Promise.resolve();
    }
    const mine = ++generation;
    shown = folder;
    shownListing = null;
    shownProblem = null;
    return list(folder).then((listing) => {
      if (mine !== generation) return;
      shownListing = listing.ok ? listing.value : null;
      shownProblem = listing.ok ? null : problemText(listing.error.code, listing.error.message);
      draw();
    });
  }

  function problemText(code: string, message: string): string {
    if (code === 'NOT_FOUND' && options.mode !== 'open') {
      return `${message} ${options.mode === 'save' ? 'Save' : options.action} will offer to create it.`;
    }
    return message;
  }

  function draw(problem?: string): void {
    const folder = shownListing?.folder ?? shown;
    // Left-to-right marks: the label is right-aligned by `direction: rtl` (a long path keeps its end in view).
    folderLabel.textContent = `\u200e${folder}\u200e`;
    folderLabel.title = folder;
    upButton.disabled = shownListing ? shownListing.parent === null : splitPath(shown, style).folder === shown;
    const leaf = filtering && !isWebAddress(input.value) ? splitPath(typed(), style).leaf : '';
    visible = shownListing ? visibleEntries(shownListing.entries, leaf, foldersOnly) : [];
    if (active >= visible.length) active = -1;
    const key = `${folder}\n${visible.map((e) => `${e.kind}:${e.name}`).join('\n')}`;
    if (key !== drawnKey) drawEntries(folder);
    drawnKey = key;
    drawActive();
    // An empty folder says so inside the list's box (drawn by CSS from data-empty).
    listbox.dataset.empty = shownListing && visible.length === 0 ? (foldersOnly ? 'No folders here' : 'No Markdown files or folders here') : '';
    let text = problem ?? shownProblem ?? '';
    if (!text && shownListing?.truncated) text = `Showing the first ${shownListing.entries.length} entries: type to narrow them down.`;
    status.textContent = text;
    status.classList.toggle('path-problem', !!(problem ?? shownProblem));
  }

  function drawEntries(folder: string): void {
    listbox.replaceChildren();
    visible.forEach((entry, index) => {
      const item = el('li', 'path-entry', entry.name);
      item.id = `path-entry-${id}-${index}`;
      item.dataset.name = entry.name;
      item.dataset.kind = entry.kind;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      item.addEventListener('mousedown', (event) => event.preventDefault()); // keep the caret in the field
      // A click goes into a folder at once, so the second click of a double click lands on
      // whatever the new list put under the pointer: only the first click counts, and a
      // double click opens a file only if both clicks were on it.
      const full = joinPath(folder, entry.name, style);
      item.addEventListener('click', (event) => {
        if (event.detail > 1) return;
        clicked = full;
        void take(entry, false);
      });
      item.addEventListener('dblclick', () => {
        if (clicked === full && entry.kind === 'file') void take(entry, true);
      });
      listbox.append(item);
    });
  }

  function drawActive(): void {
    listbox.querySelectorAll('[aria-selected="true"]').forEach((node) => node.setAttribute('aria-selected', 'false'));
    const item = active >= 0 ? listbox.children[active] : null;
    if (item) {
      item.setAttribute('aria-selected', 'true');
      item.scrollIntoView({ block: 'nearest' });
      input.setAttribute('aria-activedescendant', item.id);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  // --- moving around ------------------------------------------------------------

  async function goTo(folder: string, name = keptName()): Promise<void> {
    if (options.mode === 'save') {
      const value = joinPath(folder, name, style);
      setInput(value, nameRange(value, style));
    } else {
      setInput(withTrailingSeparator(folder, style));
    }
  }

  async function goUp(): Promise<void> {
    const parent = shownListing?.parent ?? splitPath(shown, style).folder;
    if (parent && parent !== shown) await goTo(parent);
  }

  /** An entry clicked (or taken with Enter): a folder is gone into; a file is chosen, or opened at once. */
  async function take(entry: FolderEntry, openNow: boolean): Promise<void> {
    const full = joinPath(shownListing?.folder ?? shown, entry.name, style);
    if (entry.kind === 'folder') return goTo(full);
    setInput(full, options.mode === 'save' ? nameRange(full, style) : undefined);
    // From Enter on the list, the primary button's work is already under way.
    if (openNow) await (busy ? decide() : accept());
  }

  async function complete(): Promise<void> {
    await refresh();
    const leaf = typedLeaf();
    if (!shownListing || leaf !== splitPath(typed(), style).leaf) return;
    const completion = completeName(leaf, shownListing.entries, style, foldersOnly);
    if (completion) setInput(replaceLeaf(input.value.trim(), completion, style));
    else draw();
  }

  // --- creating folders -----------------------------------------------------------

  async function makeFolder(): Promise<void> {
    const parent = shownListing?.folder ?? shown;
    const created = await askFolderName(ctx, parent, style);
    if (!created) return input.focus();
    listings.clear();
    shownListing = null;
    await goTo(created);
  }

  async function create(folder: string): Promise<boolean> {
    const made = await ctx.api.createFolder({ path: folder });
    listings.clear();
    if (made.ok || made.error.code === 'ALREADY_EXISTS') return true;
    draw(made.error.message);
    return false;
  }

  // --- the primary button ---------------------------------------------------------------

  function done(path: string): void {
    result = path;
    dialog.close('submit');
  }

  async function accept(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      await decide();
    } finally {
      busy = false;
      if (dialog.open) input.focus();
    }
  }

  async function decide(): Promise<void> {
    const chosen = active >= 0 ? visible[active] : undefined;
    if (chosen) return take(chosen, true);
    if (!input.value.trim()) return;
    if (isWebAddress(input.value)) return draw(WEB_ADDRESS);
    let full = typed();
    let { folder, leaf } = splitPath(full, style);
    if (!leaf) {
      // Ends with a separator: the folder itself.
      if (options.mode === 'folder') return chooseFolder(folder);
      const there = await list(folder);
      if (!there.ok) return draw(there.error.message);
      return goTo(folder);
    }
    let probe = await list(full);
    if (options.mode === 'save' && !probe.ok && probe.error.code === 'NOT_FOUND' && !hasExtension(leaf)) {
      // A new name without an extension gets the kind of file being saved (Markdown unless told).
      full += options.extension ?? '.md';
      ({ folder, leaf } = splitPath(full, style));
      probe = await list(full);
    }
    if (probe.ok) {
      // A folder: chosen, or gone into (a Save keeps the name it suggested, not the folder's).
      if (options.mode === 'folder') return done(probe.value.folder);
      return goTo(probe.value.folder, suggested);
    }
    if (probe.error.code === 'NOT_A_FOLDER') {
      if (options.mode === 'folder') return draw(probe.error.message);
      if (options.mode === 'save' && !(await confirmReplace(leaf, folder))) return;
      return done(full);
    }
    if (probe.error.code !== 'NOT_FOUND') return draw(probe.error.message);
    if (options.mode === 'open') return draw(`There is no file or folder “${leaf}” in ${folder}.`);
    if (options.mode === 'folder') return chooseFolder(full);
    const parent = await list(folder);
    if (parent.ok) return done(full);
    if (parent.error.code !== 'NOT_FOUND') return draw(parent.error.message);
    const answer = await choose(
      'Create the folder?',
      `There is no folder “${folder}” yet. Create it and save “${leaf}” there?`,
      [
        { value: 'cancel', label: 'Cancel' },
        { value: 'create', label: 'Create Folder and Save', primary: true },
      ],
      'cancel',
    );
    if (answer === 'create' && (await create(folder))) done(full);
  }

  async function chooseFolder(folder: string): Promise<void> {
    const there = await list(folder);
    if (there.ok) return done(there.value.folder);
    if (there.error.code !== 'NOT_FOUND') return draw(there.error.message);
    const answer = await choose(
      'Create the folder?',
      `There is no folder “${folder}” yet. Create it?`,
      [
        { value: 'cancel', label: 'Cancel' },
        { value: 'create', label: 'Create Folder', primary: true },
      ],
      'cancel',
    );
    if (answer === 'create' && (await create(folder))) done(folder);
  }

  async function confirmReplace(name: string, folder: string): Promise<boolean> {
    const answer = await choose(
      `Replace “${name}”?`,
      `A file named “${name}” is already in ${folder}. Replacing it overwrites what it holds.`,
      [
        { value: 'cancel', label: 'Cancel' },
        { value: 'replace', label: 'Replace', primary: true },
      ],
      'cancel',
    );
    return answer === 'replace';
  }

  // --- start ------------------------------------------------------------------------

  if (options.mode === 'save') {
    const value = joinPath(start, suggested || `untitled${options.extension ?? '.md'}`, style);
    setInput(value, nameRange(value, style));
  } else {
    setInput(withTrailingSeparator(start, style));
  }
}

/** Characters no folder name may hold, here or on the disks a writer might carry the folder to. */
const BAD_NAME = /[\\/:*?"<>|\u0000-\u001f]/;

/** Asks for a new folder's name and creates it in `parent`; resolves with its full path, or null. */
function askFolderName(ctx: BrowseContext, parent: string, style: PathStyle): Promise<string | null> {
  return new Promise((resolve) => {
    const id = `new-folder-title-${++dialogCount}`;
    let input!: HTMLInputElement;
    let problem!: HTMLElement;
    let created: string | null = null;
    const dialog = openDialog((d) => {
      const form = el('form', 'path-form');
      const heading = el('h2', 'dialog-title', 'New folder');
      heading.id = id;
      const label = el('label', 'path-label', 'Name');
      input = el('input', 'path-input new-folder-input');
      input.type = 'text';
      input.autocomplete = 'off';
      input.spellcheck = false;
      label.append(input);
      problem = el('p', 'path-status path-problem new-folder-problem');
      problem.setAttribute('role', 'alert');
      const buttons = el('div', 'dialog-buttons');
      const cancel = el('button', undefined, 'Cancel');
      cancel.type = 'button';
      cancel.addEventListener('click', () => d.close());
      const submit = el('button', 'primary', 'Create');
      submit.type = 'submit';
      buttons.append(cancel, submit);
      form.append(heading, el('p', 'path-hint', `In ${parent}`), label, problem, buttons);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        void create();
      });
      d.append(form);
    }, id);
    input.focus();

    async function create(): Promise<void> {
      const name = input.value.trim();
      const why = !name
        ? 'Type a name for the folder.'
        : name === '.' || name === '..'
          ? 'That name means a folder that is already there; choose another.'
          : BAD_NAME.test(name)
            ? 'A folder name can’t hold / \\ : * ? " < > or |.'
            : name.startsWith('.')
              ? 'A name that starts with a dot makes a hidden folder; choose another.'
              : name.length > 255
                ? 'That name is too long.'
                : null;
      if (why) {
        problem.textContent = why;
        return input.focus();
      }
      const made = await ctx.api.createFolder({ path: joinPath(parent, name, style) });
      if (!made.ok) {
        problem.textContent = made.error.message;
        return input.focus();
      }
      created = made.value.folder;
      dialog.close();
    }

    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(created);
    });
  });
}
