/**
 * The app page: wires the editor, the preview and the file commands to the
 * API the shell provides. Keystroke → preview never crosses to main: the
 * pipeline runs here, coalesced to one render per frame.
 */
import type { EditorView } from '@codemirror/view';
import { STYLE_NONCE_META, type DocumentData, type InitialState, type MenuCommand, type Settings, type StartupFile, type ViewMode } from '../electron/contract';
import { connectApi } from './api';
import { createEditor, createEditorState, type EditorOptions } from './editor/create-editor';
import { createPreviewPane, type PreviewPane } from './preview/preview-pane';
import { countWords } from './markdown';
import { DocumentSession, windowTitle } from './ui/document-session';
import { choose, choosePath, showMessage } from './ui/dialogs';
import { commandForKey } from './ui/shortcuts';
import { createStatusBar } from './ui/status-bar';

const api = connectApi();
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const statusBar = createStatusBar();
const appRoot = document.getElementById('app')!;

let initial: InitialState;
let settings: Settings;
let view: EditorView;
let preview: PreviewPane;
let session: DocumentSession;
let frameRequest = 0;

const editorOptions: EditorOptions = {
  styleNonce: document.querySelector<HTMLMetaElement>(`meta[name="${STYLE_NONCE_META}"]`)?.content ?? null,
  onDocChanged: () => scheduleRefresh(),
};

function scheduleRefresh(): void {
  if (frameRequest) return;
  frameRequest = requestAnimationFrame(() => {
    frameRequest = 0;
    refresh();
  });
}

/** Preview, word count, dirty marker: everything derived from the text. */
function refresh(): void {
  const text = view.state.doc.toString();
  preview.update(text);
  statusBar.setWordCount(countWords(text));
  session.refreshDirty(view.state.doc);
  updateTitle();
}

function updateTitle(): void {
  const snapshot = session.snapshot();
  document.title = windowTitle(snapshot);
  document.getElementById('doc-title')!.textContent = snapshot.name;
  appRoot.dataset.dirty = String(snapshot.dirty);
}

function loadDocument(data: DocumentData): void {
  view.setState(createEditorState(data.text, editorOptions));
  session = new DocumentSession(data, view.state.doc);
  refresh();
  view.focus();
}

/** Asks before throwing away unsaved text. Resolves true when it is fine to go on. */
async function confirmDiscard(): Promise<boolean> {
  if (!session.isDirty) return true;
  const choice = await choose(
    'Save changes?',
    `“${session.name}” has changes that aren't saved. Save them first?`,
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
  loadDocument(result.value);
  await reloadSettings();
}

/** Main updates settings on its own (recent files); fetch them after file operations. */
async function reloadSettings(): Promise<void> {
  const fresh = await api.readSettings();
  if (fresh.ok) settings = fresh.value;
}

async function pickPathToOpen(): Promise<string | null> {
  if (initial.app.nativeDialogs) {
    const result = await api.showOpenDialog();
    return result.ok ? (result.value.paths[0] ?? null) : null;
  }
  return choosePath({ title: 'Open a document', action: 'Open', initialPath: directoryOf(session.path) ?? '', recentFiles: settings.recentFiles });
}

async function pickPathToSave(): Promise<string | null> {
  const suggestedName = session.path ? session.name : 'Untitled.md';
  if (initial.app.nativeDialogs) {
    const result = await api.showSaveDialog({ suggestedName });
    return result.ok ? result.value.path : null;
  }
  const dir = directoryOf(session.path) ?? directoryOf(settings.recentFiles[0] ?? null);
  return choosePath({
    title: 'Save as',
    action: 'Save',
    initialPath: dir ? `${dir}/${suggestedName}` : suggestedName,
    recentFiles: [],
  });
}

function directoryOf(path: string | null): string | null {
  if (!path) return null;
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : null;
}

/** Saves to the document's path (or asks for one). Resolves true when saved. */
async function save(forceNewPath = false): Promise<boolean> {
  const path = !forceNewPath && session.path ? session.path : await pickPathToSave();
  if (!path) return false;
  const snapshot = view.state.doc;
  const result = await api.saveFile({ path, text: snapshot.toString(), format: session.format });
  if (!result.ok) {
    await showMessage("Can't save", result.error.message);
    return false;
  }
  session.markSaved(result.value, snapshot, view.state.doc);
  updateTitle();
  statusBar.flash(`Saved ${result.value.name}`);
  await reloadSettings();
  return true;
}

function setViewMode(mode: ViewMode, persist = true): void {
  appRoot.dataset.view = mode;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.view-toggle [data-command]')) {
    button.setAttribute('aria-checked', String(button.dataset.command === `view:${mode}`));
  }
  if (persist && settings.viewMode !== mode) {
    void api.writeSettings({ patch: { viewMode: mode } }).then((r) => r.ok && (settings = r.value));
  }
}

const commands: Record<MenuCommand, () => Promise<unknown> | void> = {
  'file:new': async () => {
    if (!(await confirmDiscard())) return;
    const result = await api.newFile();
    if (result.ok) loadDocument(result.value);
  },
  'file:open': async () => {
    if (!(await confirmDiscard())) return;
    const path = await pickPathToOpen();
    if (path) await openPath(path);
  },
  'file:save': () => save(),
  'file:save-as': () => save(true),
  'view:editor': () => setViewMode('editor'),
  'view:split': () => setViewMode('split'),
  'view:preview': () => setViewMode('preview'),
};

let busy = false;
/** Runs one command at a time, so a double Ctrl+S can't open two dialogs. */
async function runCommand(command: MenuCommand): Promise<void> {
  if (busy && command.startsWith('file:')) return;
  busy = command.startsWith('file:');
  try {
    await commands[command]();
  } finally {
    if (command.startsWith('file:')) busy = false;
  }
}

function onKeyDown(event: KeyboardEvent): void {
  if (document.querySelector('dialog[open]')) return;
  const command = commandForKey(event, isMac);
  if (!command) return;
  event.preventDefault();
  event.stopPropagation();
  void runCommand(command);
}

async function openStartupFiles(files: StartupFile[]): Promise<void> {
  const failures = files.filter((f) => !f.result.ok);
  const first = files.find((f) => f.result.ok);
  if (first && first.result.ok && (await confirmDiscard())) loadDocument(first.result.value);
  for (const failure of failures) {
    if (!failure.result.ok) await showMessage("Can't open the file", failure.result.error.message);
  }
}

async function boot(): Promise<void> {
  const state = await api.initialState();
  if (!state.ok) throw new Error(state.error.message);
  initial = state.value;
  settings = initial.settings;
  appRoot.dataset.shell = initial.app.shell;
  view = createEditor(document.getElementById('editor')!, '', editorOptions);
  preview = await createPreviewPane(document.getElementById('preview') as HTMLIFrameElement, {
    quoteStyle: settings.quoteStyle,
    openExternal: (url) => void api.openExternal({ url }),
  });
  const blank = await api.newFile();
  if (blank.ok) loadDocument(blank.value);
  setViewMode(settings.viewMode, false);

  window.addEventListener('keydown', onKeyDown, true);
  (document.getElementById('preview') as HTMLIFrameElement).contentDocument?.addEventListener('keydown', onKeyDown, true);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-command]')) {
    button.addEventListener('click', () => void runCommand(button.dataset.command as MenuCommand));
  }
  api.onEvent((event) => {
    if (event.type === 'menu-command') void runCommand(event.command);
    else if (event.type === 'open-files') void openStartupFiles(event.files);
  });
  await openStartupFiles(initial.startupFiles);
  appRoot.dataset.ready = 'true';
}

boot().catch((error: unknown) => {
  document.body.textContent = `Byline could not start: ${(error as Error)?.message ?? String(error)}`;
});
