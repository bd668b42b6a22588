/**
 * The document's life in the page: new, open, save, save as, close, revert,
 * restore from the crash journal, and asking before unsaved text would be
 * thrown away. Files themselves are main's job; this decides what to ask the
 * writer and what to send. Every load tells main which file to watch and
 * starts a journal entry for the new buffer.
 */
import { Text } from '@codemirror/state';
import type { DocumentData, JournalEntry, Result, SavedDocument, StartupFile, TextFormat } from '../../electron/contract';
import { createEditorState, type EditorOptions } from '../editor/create-editor';
import { DocumentSession } from '../ui/document-session';
import { choose, clearNotice, clearNotices, showMessage, showNotice } from '../ui/dialogs';
import { browseForPath, type BrowseContext } from '../ui/path-dialog';
import { pathStyle, startFolders } from '../ui/path-text';
import { suggestedFileName } from '../markdown/file-name';
import { newPieceTemplate } from '../markdown/piece-header';
import type { StatusBar } from '../ui/status-bar';
import type { AppContext } from './app-context';
import { registerCommand, runCommand } from './command-registry';
import { createJournalWriter, type JournalWriter } from './journal-writer';
import { updateWindowTitle } from './window-title';

export interface LoadOptions {
  /** Keep this journal id (a buffer restored from the journal). */
  journalId?: string;
  /** The buffer's text when it differs from the file's (`data.text`): loads as unsaved changes. */
  text?: string;
  /** The file is gone from disk: the buffer is marked and Save creates it again. */
  missing?: boolean;
  /** Where the caret starts (default: the start). */
  caret?: number;
}

export interface DocumentCommands {
  load(data: DocumentData, options?: LoadOptions): void;
  confirmDiscard(): Promise<boolean>;
  save(forceNewPath?: boolean): Promise<boolean>;
  openPath(path: string): Promise<void>;
  openStartupFiles(files: StartupFile[]): Promise<void>;
  /** Loads a journal entry as an unsaved buffer for its path (after asking about the current one). */
  restore(entry: JournalEntry): Promise<boolean>;
  /** Opens text whose file the page can't name (a file dropped in the Chromium shell) as an unsaved copy. */
  openCopy(name: string, text: string): Promise<void>;
  /** Sets what the buffer is compared with (the file on disk) without touching the editor. */
  setBaseline(saved: Text, info: { format?: TextFormat; mtimeMs: number | null }): void;
  /** Marks (or unmarks) the file as deleted on disk. */
  setMissing(missing: boolean): void;
  readonly missing: boolean;
  /** Shows an opened file's warnings (or clears them). */
  showWarnings(data: Pick<DocumentData, 'warnings'>): void;
  readonly journal: JournalWriter;
}

export function directoryOf(path: string | null): string | null {
  if (!path) return null;
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : null;
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
}

/**
 * The name Save suggests: the file's own name; a dropped copy's (it has an
 * extension); else one made from the piece's headline (kerry-russia-aleppo.md).
 */
export function suggestedSaveName(path: string | null, name: string, text: string): string {
  if (path) return baseName(path);
  if (/\.(?:md|markdown|mdown|txt)$/i.test(name)) return name;
  return suggestedFileName(text);
}

/** What the page's own file dialog needs from the app: the API, the home folder, the platform's paths. */
export function fileDialogContext(app: AppContext): BrowseContext {
  return { api: app.api, homeFolder: app.initial.app.homeFolder, platform: app.initial.app.platform };
}

/** Where a file dialog starts, best first (the dialog falls back to the home folder). */
export function dialogFolders(app: AppContext): string[] {
  const { draftsFolder, recentFiles } = app.settings;
  return startFolders({ documentPath: app.session?.path ?? null, draftsFolder, recentFiles }, pathStyle(app.initial.app.platform));
}

export function dialogPlaces(app: AppContext): { label: string; folder: string }[] {
  return app.settings.draftsFolder ? [{ label: 'Drafts', folder: app.settings.draftsFolder }] : [];
}

export function installDocumentCommands(app: AppContext, editorOptions: EditorOptions, statusBar: StatusBar): DocumentCommands {
  const { api } = app;
  const journal = createJournalWriter(app);
  let missing = false;
  /** Files named on the command line (beyond the one shown): offered as a switcher, never dropped. */
  let commandLineFiles: string[] = [];

  app.onDocChanged((changes) => journal.changed(changes));
  journal.onProblem((message) => {
    if (message) showNotice('journal-problem', message, { tone: 'error' });
    else clearNotice('journal-problem');
  });

  function watchCurrent(): void {
    const path = app.session?.path;
    void api.watchFiles({ paths: path ? [path] : [] });
  }

  function showWarnings(data: Pick<DocumentData, 'warnings'>): void {
    clearNotices('doc-warning:');
    for (const warning of data.warnings) showNotice(`doc-warning:${warning.code}`, warning.message, { tone: 'warning' });
  }

  function setMissing(flag: boolean): void {
    missing = flag;
    document.getElementById('app')!.dataset.fileMissing = String(flag);
    if (flag && app.session) {
      showNotice('doc-missing', `“${app.session.name}” was deleted or moved on disk. Your text is still here; Save writes the file again.`, {
        tone: 'warning',
        actions: [{ label: 'Save', run: () => void runCommand('file:save') }],
      });
    } else {
      clearNotice('doc-missing');
    }
  }

  function setBaseline(saved: Text, info: { format?: TextFormat; mtimeMs: number | null }): void {
    const session = app.session;
    if (session.path) {
      const result: SavedDocument = { path: session.path, name: session.name, format: info.format ?? session.format, mtimeMs: info.mtimeMs ?? 0 };
      session.markSaved(result, saved, app.view.state.doc);
    }
    journal.baseMtimeMs = info.mtimeMs;
    updateWindowTitle(session);
    journal.changed();
  }

  function showSwitcher(): void {
    const others = commandLineFiles.filter((file) => file !== app.session?.path);
    if (others.length === 0) return clearNotice('more-files');
    showNotice('more-files', `Also opened from the command line (${others.length}):`, {
      actions: others.map((file) => ({
        label: baseName(file),
        run: () => void switchTo(file),
      })),
    });
  }

  async function switchTo(file: string): Promise<void> {
    if (!(await confirmDiscard())) return;
    await openPath(file);
  }

  function load(data: DocumentData, options: LoadOptions = {}): void {
    journal.begin(options.journalId);
    app.view.setState(createEditorState(data.text, editorOptions));
    app.session = new DocumentSession(data, app.view.state.doc);
    journal.baseMtimeMs = data.mtimeMs;
    clearNotice('journal-problem');
    showWarnings(data);
    setMissing(options.missing ?? false);
    if (options.text !== undefined && options.text !== data.text) {
      app.view.dispatch({ changes: { from: 0, to: app.view.state.doc.length, insert: options.text } });
      app.session.refreshDirty(app.view.state.doc);
    }
    if (options.caret !== undefined) app.view.dispatch({ selection: { anchor: Math.min(options.caret, app.view.state.doc.length) } });
    updateWindowTitle(app.session);
    app.notifyDocumentLoaded();
    app.view.focus();
    watchCurrent();
    showSwitcher();
  }

  async function confirmDiscard(): Promise<boolean> {
    if (!app.session.refreshDirty(app.view.state.doc)) return true;
    const choice = await choose(
      'Save changes?',
      `“${app.session.name}” has changes that aren't saved. Save them first?`,
      [
        { value: 'cancel', label: 'Cancel' },
        { value: 'discard', label: "Don't Save" },
        { value: 'save', label: 'Save', primary: true },
      ],
      'cancel',
    );
    if (choice === 'cancel') return false;
    return choice === 'discard' || (await save());
  }

  async function openPath(path: string): Promise<void> {
    const result = await api.openFile({ path });
    if (!result.ok) return showMessage("Can't open the file", result.error.message);
    load(result.value);
    void app.reloadSettings();
  }

  async function pickPathToOpen(): Promise<string | null> {
    if (app.initial.app.nativeDialogs) {
      const result = await api.showOpenDialog();
      return result.ok ? (result.value.paths[0] ?? null) : null;
    }
    return browseForPath(fileDialogContext(app), {
      mode: 'open',
      title: 'Open a document',
      action: 'Open',
      folders: dialogFolders(app),
      recentFiles: app.settings.recentFiles,
      places: dialogPlaces(app),
    });
  }

  async function pickPathToSave(): Promise<string | null> {
    const suggestedName = suggestedSaveName(app.session.path, app.session.name, app.view.state.doc.toString());
    const folders = dialogFolders(app);
    if (app.initial.app.nativeDialogs) {
      const result = await api.showSaveDialog({ suggestedName, folders });
      return result.ok ? result.value.path : null;
    }
    return browseForPath(fileDialogContext(app), { mode: 'save', title: 'Save as', action: 'Save', folders, name: suggestedName, places: dialogPlaces(app) });
  }

  /** Asks what to do when a save was refused for a reason the writer can overrule. */
  async function retryChoice(result: Result<SavedDocument>, path: string): Promise<'overwriteLossy' | 'createFolder' | 'save-as' | null> {
    if (result.ok) return null;
    if (result.error.code === 'LOSSY_OVERWRITE') {
      const choice = await choose(
        'Replace the original file?',
        result.error.message,
        [
          { value: 'cancel', label: 'Cancel' },
          { value: 'save-as', label: 'Save As…' },
          { value: 'replace', label: 'Replace the Original', primary: true },
        ],
        'cancel',
      );
      return choice === 'replace' ? 'overwriteLossy' : choice === 'save-as' ? 'save-as' : null;
    }
    if (result.error.code === 'NOT_FOUND') {
      const choice = await choose(
        'The folder is gone',
        `${result.error.message} Create the folder “${directoryOf(path) ?? path}” again?`,
        [
          { value: 'cancel', label: 'Cancel' },
          { value: 'save-as', label: 'Save As…' },
          { value: 'create', label: 'Create Folder and Save', primary: true },
        ],
        'cancel',
      );
      return choice === 'create' ? 'createFolder' : choice === 'save-as' ? 'save-as' : null;
    }
    return null;
  }

  /** Saves to the document's path (or asks for one). Resolves true when saved. */
  async function save(forceNewPath = false): Promise<boolean> {
    const path = !forceNewPath && app.session.path ? app.session.path : await pickPathToSave();
    if (!path) return false;
    const snapshot = app.view.state.doc;
    const request = { path, text: snapshot.toString(), format: app.session.format };
    let result = await api.saveFile(request);
    const retry = await retryChoice(result, path);
    if (retry === 'save-as') return save(true);
    if (retry) result = await api.saveFile({ ...request, [retry]: true });
    if (!result.ok) {
      // A refusal the writer just answered with Cancel needs no second message.
      const answered = !retry && (result.error.code === 'LOSSY_OVERWRITE' || result.error.code === 'NOT_FOUND');
      if (!answered) await showMessage("Can't save", result.error.message);
      return false;
    }
    const pathChanged = result.value.path !== app.session.path;
    app.session.markSaved(result.value, snapshot, app.view.state.doc);
    journal.baseMtimeMs = result.value.mtimeMs;
    setMissing(false);
    if (!result.value.format.lossy) {
      clearNotice('doc-warning:INVALID_UTF8');
      clearNotice('doc-warning:INVALID_UTF16');
    }
    updateWindowTitle(app.session);
    statusBar.flash(`Saved ${result.value.name}`);
    void journal.flush();
    if (pathChanged) watchCurrent();
    void app.reloadSettings();
    return true;
  }

  async function openStartupFiles(files: StartupFile[]): Promise<void> {
    const opened = files.filter((f) => f.result.ok);
    const first = opened[0];
    const named = opened.map((f) => (f.result.ok && f.result.value.path) || f.path);
    if (first && first.result.ok && (await confirmDiscard())) {
      commandLineFiles = [...new Set([...commandLineFiles, ...named])];
      load(first.result.value);
    } else if (named.length > 0) {
      commandLineFiles = [...new Set([...commandLineFiles, ...named])];
      showSwitcher();
    }
    // Not awaited: the window must finish starting while the writer reads why a file didn't open.
    const failed = files.flatMap((file) => (file.result.ok ? [] : [file.result.error.message]));
    if (failed.length > 0) void showMessage(failed.length === 1 ? "Can't open the file" : "Can't open some files", failed.join('\n'));
  }

  async function restore(entry: JournalEntry): Promise<boolean> {
    if (!(await confirmDiscard())) return false;
    let base: DocumentData = { path: entry.path, name: entry.name, text: '', format: entry.format, mtimeMs: entry.baseMtimeMs, warnings: [] };
    if (entry.path && entry.reason === 'differs') {
      const disk = await api.openFile({ path: entry.path });
      if (disk.ok) base = { ...disk.value, format: { ...entry.format } };
    }
    load(base, { journalId: entry.id, text: entry.text, missing: entry.reason === 'file-missing' });
    // Journal it under this session at once: the dead session's copy is then superseded.
    void journal.flush();
    return true;
  }

  async function openCopy(name: string, text: string): Promise<void> {
    if (!(await confirmDiscard())) return;
    const blank = await api.newFile();
    if (!blank.ok) return showMessage("Can't open the file", blank.error.message);
    load({ ...blank.value, name }, { text: text.replace(/\r\n?/g, '\n') });
    showNotice('doc-warning:COPY', `Opened a copy of “${name}”: this window can't see where the file lives. Choose Save As to keep it.`, {
      tone: 'info',
      actions: [{ label: 'Save As…', run: () => void runCommand('file:save-as') }],
    });
  }

  async function revert(): Promise<void> {
    const path = app.session.path;
    if (!path) return showMessage("Can't revert", 'This document has never been saved, so there is no saved version to go back to.');
    if (app.session.refreshDirty(app.view.state.doc)) {
      const choice = await choose(
        'Revert to the saved version?',
        `Your changes to “${app.session.name}” since it was last saved will be lost.`,
        [
          { value: 'cancel', label: 'Cancel' },
          { value: 'revert', label: 'Revert', primary: true },
        ],
        'cancel',
      );
      if (choice !== 'revert') return;
    }
    const result = await api.openFile({ path });
    if (!result.ok) return showMessage("Can't revert", result.error.message);
    load(result.value);
  }

  // A new piece starts from the header New Draft writes, the caret in the title: an op-ed
  // always has a headline and a byline, and the preview shows them as the article's head
  // at once. Untouched, the header is not "unsaved changes" (it is the buffer's baseline),
  // and an emptied untitled buffer isn't either (DocumentSession.refreshDirty).
  registerCommand('file:new', async () => {
    if (!(await confirmDiscard())) return;
    const result = await api.newFile();
    if (!result.ok) return;
    const piece = newPieceTemplate();
    load({ ...result.value, text: piece.text }, { caret: piece.caret });
  });
  registerCommand('file:open', async () => {
    if (!(await confirmDiscard())) return;
    const path = await pickPathToOpen();
    if (path) await openPath(path);
  });
  registerCommand('file:save', () => save());
  registerCommand('file:save-as', () => save(true));
  registerCommand('file:close', async () => {
    if (!(await confirmDiscard())) return;
    const result = await api.newFile();
    if (result.ok) load(result.value);
  });
  registerCommand('file:revert', () => revert());

  return {
    load,
    confirmDiscard,
    save,
    openPath,
    openStartupFiles,
    restore,
    openCopy,
    setBaseline,
    setMissing,
    get missing() {
      return missing;
    },
    showWarnings,
    journal,
  };
}

/** An empty baseline: the buffer is unsaved relative to a file that is gone or unreadable. */
export const EMPTY_TEXT = Text.empty;
