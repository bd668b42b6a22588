/**
 * The app page's entry: connects to the shell's API, builds the editor and the
 * preview, and installs each feature (file commands, view modes, live refresh,
 * shortcuts). Keystroke → preview never crosses to main: the pipeline runs
 * here. Features live in renderer/app/ and register their own commands.
 */
import { STYLE_NONCE_META, type MenuCommand } from '../electron/contract';
import { connectApi } from './api';
import { createEditor, type EditorOptions } from './editor/create-editor';
import { createPreviewPane } from './preview/preview-pane';
import { commandForKey } from './ui/shortcuts';
import { createStatusBar } from './ui/status-bar';
import { AppContext } from './app/app-context';
import { runCommand } from './app/command-registry';
import { installDocumentCommands } from './app/document-commands';
import { createLiveRefresh } from './app/live-refresh';
import { installViewModes } from './app/view-mode';
import { installSourceHints } from './app/source-hints';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

function onKeyDown(event: KeyboardEvent): void {
  if (document.querySelector('dialog[open]')) return;
  const command = commandForKey(event, isMac);
  if (!command) return;
  event.preventDefault();
  event.stopPropagation();
  void runCommand(command);
}

async function boot(): Promise<void> {
  const api = connectApi();
  const state = await api.initialState();
  if (!state.ok) throw new Error(state.error.message);
  const appRoot = document.getElementById('app')!;
  appRoot.dataset.shell = state.value.app.shell;

  let onDocChanged = () => {};
  const editorOptions: EditorOptions = {
    styleNonce: document.querySelector<HTMLMetaElement>(`meta[name="${STYLE_NONCE_META}"]`)?.content ?? null,
    onDocChanged: () => onDocChanged(),
  };
  const view = createEditor(document.getElementById('editor')!, '', editorOptions);
  const app = new AppContext(api, state.value, view);
  const statusBar = createStatusBar();
  const previewFrame = document.getElementById('preview') as HTMLIFrameElement;
  const preview = await createPreviewPane(previewFrame, {
    quoteStyle: app.settings.quoteStyle,
    openExternal: (url) => void api.openExternal({ url }),
  });
  const refresh = createLiveRefresh(app, preview, statusBar);
  onDocChanged = () => {
    refresh.schedule();
    app.notifyDocChanged();
  };
  app.onDocumentLoaded(() => refresh.flush());
  installSourceHints(app, refresh, previewFrame);

  const documents = installDocumentCommands(app, editorOptions, statusBar);
  installViewModes(app);
  const blank = await api.newFile();
  if (!blank.ok) throw new Error(blank.error.message);
  documents.load(blank.value);

  window.addEventListener('keydown', onKeyDown, true);
  previewFrame.contentDocument?.addEventListener('keydown', onKeyDown, true);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-command]')) {
    button.addEventListener('click', () => void runCommand(button.dataset.command!));
  }
  api.onEvent((event) => {
    if (event.type === 'menu-command') void runCommand(event.command satisfies MenuCommand);
    else if (event.type === 'open-files') void documents.openStartupFiles(event.files);
  });
  await documents.openStartupFiles(app.initial.startupFiles);
  appRoot.dataset.ready = 'true';
}

boot().catch((error: unknown) => {
  document.body.textContent = `Byline could not start: ${(error as Error)?.message ?? String(error)}`;
});
