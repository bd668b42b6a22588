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
import { installFileFeatures } from './app/file-features';
import { createLiveRefresh } from './app/live-refresh';
import { installViewModes } from './app/view-mode';
import { installExportCommands } from './ui/export-commands';
import { installChromiumWindow } from './app/chromium-window';
import { installSourceHints } from './app/source-hints';
import { installScrollSync } from './preview/scroll-sync';
import { installWritingAids } from './app/writing-aids';
import { installRemoteImages } from './app/remote-images';
import { createPreviewImages } from './preview/remote-images';

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

  let onDocChanged: EditorOptions['onDocChanged'] = () => {};
  const editorOptions: EditorOptions = {
    styleNonce: document.querySelector<HTMLMetaElement>(`meta[name="${STYLE_NONCE_META}"]`)?.content ?? null,
    onDocChanged: (update) => onDocChanged(update),
  };
  const view = createEditor(document.getElementById('editor')!, '', editorOptions);
  const app = new AppContext(api, state.value, view);
  const statusBar = createStatusBar();
  const previewFrame = document.getElementById('preview') as HTMLIFrameElement;
  const previewImages = createPreviewImages(() => ({ owner: app.session ?? null, path: app.session?.path ?? null }));
  const preview = await createPreviewPane(previewFrame, {
    images: previewImages,
    quoteStyle: app.settings.quoteStyle,
    openExternal: (url) => void api.openExternal({ url }),
  });
  const refresh = createLiveRefresh(app, preview);
  onDocChanged = (update) => {
    refresh.changed(update);
    app.notifyDocChanged(update.changes);
  };
  // The editor shows a newly loaded document first; the preview follows after that frame (a book takes a while).
  app.onDocumentLoaded(() => refresh.schedule());
  installSourceHints(app, refresh, previewFrame);
  installScrollSync(view, preview, previewFrame);
  const writingAids = installWritingAids(app, editorOptions, refresh, statusBar, previewFrame);
  installRemoteImages(app, refresh, previewImages, preview, previewFrame);

  const documents = installDocumentCommands(app, editorOptions, statusBar);
  const fileFeatures = installFileFeatures(app, documents);
  installViewModes(app);
  installExportCommands(app, statusBar);
  installChromiumWindow(app, documents, previewFrame);
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
  await writingAids.afterStart(documents);
  appRoot.dataset.ready = 'true';
  void fileFeatures.afterStart();
}

boot().catch((error: unknown) => {
  document.body.textContent = `Byline could not start: ${(error as Error)?.message ?? String(error)}`;
});
