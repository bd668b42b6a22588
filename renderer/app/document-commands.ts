/**
 * The document's life in the page: new, open, save, save as, and asking
 * before unsaved text would be thrown away. Files themselves are main's job;
 * this decides what to ask the writer and what to send.
 */
import type { DocumentData, StartupFile } from '../../electron/contract';
import { createEditorState, type EditorOptions } from '../editor/create-editor';
import { DocumentSession } from '../ui/document-session';
import { choose, choosePath, showMessage } from '../ui/dialogs';
import type { StatusBar } from '../ui/status-bar';
import type { AppContext } from './app-context';
import { registerCommand } from './command-registry';
import { updateWindowTitle } from './window-title';

export interface DocumentCommands {
  load(data: DocumentData): void;
  confirmDiscard(): Promise<boolean>;
  save(forceNewPath?: boolean): Promise<boolean>;
  openPath(path: string): Promise<void>;
  openStartupFiles(files: StartupFile[]): Promise<void>;
}

export function directoryOf(path: string | null): string | null {
  if (!path) return null;
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : null;
}

export function installDocumentCommands(app: AppContext, editorOptions: EditorOptions, statusBar: StatusBar): DocumentCommands {
  const { api } = app;

  function load(data: DocumentData): void {
    app.view.setState(createEditorState(data.text, editorOptions));
    app.session = new DocumentSession(data, app.view.state.doc);
    updateWindowTitle(app.session);
    app.notifyDocumentLoaded();
    app.view.focus();
  }

  async function confirmDiscard(): Promise<boolean> {
    if (!app.session.isDirty) return true;
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
    await app.reloadSettings();
  }

  async function pickPathToOpen(): Promise<string | null> {
    if (app.initial.app.nativeDialogs) {
      const result = await api.showOpenDialog();
      return result.ok ? (result.value.paths[0] ?? null) : null;
    }
    return choosePath({
      title: 'Open a document',
      action: 'Open',
      initialPath: directoryOf(app.session.path) ?? '',
      recentFiles: app.settings.recentFiles,
    });
  }

  async function pickPathToSave(): Promise<string | null> {
    const suggestedName = app.session.path ? app.session.name : 'Untitled.md';
    if (app.initial.app.nativeDialogs) {
      const result = await api.showSaveDialog({ suggestedName });
      return result.ok ? result.value.path : null;
    }
    const dir = directoryOf(app.session.path) ?? directoryOf(app.settings.recentFiles[0] ?? null);
    return choosePath({ title: 'Save as', action: 'Save', initialPath: dir ? `${dir}/${suggestedName}` : suggestedName, recentFiles: [] });
  }

  /** Saves to the document's path (or asks for one). Resolves true when saved. */
  async function save(forceNewPath = false): Promise<boolean> {
    const path = !forceNewPath && app.session.path ? app.session.path : await pickPathToSave();
    if (!path) return false;
    const snapshot = app.view.state.doc;
    const result = await api.saveFile({ path, text: snapshot.toString(), format: app.session.format });
    if (!result.ok) {
      await showMessage("Can't save", result.error.message);
      return false;
    }
    app.session.markSaved(result.value, snapshot, app.view.state.doc);
    updateWindowTitle(app.session);
    statusBar.flash(`Saved ${result.value.name}`);
    await app.reloadSettings();
    return true;
  }

  async function openStartupFiles(files: StartupFile[]): Promise<void> {
    const first = files.find((f) => f.result.ok);
    if (first && first.result.ok && (await confirmDiscard())) load(first.result.value);
    for (const file of files) {
      if (!file.result.ok) await showMessage("Can't open the file", file.result.error.message);
    }
  }

  registerCommand('file:new', async () => {
    if (!(await confirmDiscard())) return;
    const result = await api.newFile();
    if (result.ok) load(result.value);
  });
  registerCommand('file:open', async () => {
    if (!(await confirmDiscard())) return;
    const path = await pickPathToOpen();
    if (path) await openPath(path);
  });
  registerCommand('file:save', () => save());
  registerCommand('file:save-as', () => save(true));

  return { load, confirmDiscard, save, openPath, openStartupFiles };
}
