/**
 * Electron main process: thin glue from the contract to Electron. Everything
 * with logic lives in the services (shared with the Chromium shell) or in the
 * pure helpers beside this file; here we only wire them to app, window, IPC,
 * protocol and menu.
 *
 * One document window at a time. Files named at launch, by a second launch,
 * or by macOS's `open-file` go to the page: with its initial state if it has
 * not asked for it yet, else as an `open-files` event.
 */
import { app, dialog, ipcMain, nativeTheme, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  CHANNELS,
  EVENT_CHANNEL,
  type InitialState,
  type MainEvent,
  type MenuCommand,
  type Result,
  type Settings,
  type StartupFile,
  type ThemeSetting,
  type ViewMode,
} from '../../contract';
import { createApiHandler } from '../../services/api-handlers';
import { appVersion, rendererDir } from '../../services/app-paths';
import { openDocument } from '../../services/files';
import { APP_NAME, resolveProfileDir } from '../../services/profile-dir';
import { createSettingsStore } from '../../services/settings';
import { createNetworkLog } from '../../services/network-log';
import { createPreviewImages } from '../../services/preview-images';
import { handleAppScheme, registerAppScheme } from './app-protocol';
import { createAppWindow } from './app-window';
import { appIconPath, setUpAboutPanel, showLicenses, trackWindowState, windowPlacement, withOsRecentDocuments } from './desktop-integration';
import { createWindowStateStore } from '../../services/window-state';
import { viewMenuItemId } from './menu-template';
import { isTrustedSender } from './is-trusted-sender';
import { lockDownAllWebContents, lockDownSession } from './lockdown';
import { installAppMenu, showViewModeInMenu } from './menu';
import { createElectronHooks } from './native-hooks';
import { filesFromArgv, filesFromSecondInstance } from './startup-args';
import { createElectronExporter } from './export-dialog';
import { createElectronLifecycle } from './window-lifecycle';
import { showRecentFilesInMenu } from './menu';

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'ACCESS_DENIED', message: "Byline refused a request that didn't come from its own window." },
};

const BACKGROUNDS: Record<Exclude<ThemeSetting, 'system'>, string> = {
  light: '#ffffff',
  dark: '#1e1e1e',
  sepia: '#f4ecd8',
};

/**
 * Where the page is: `loading` (files wait in `pendingPaths`, events in
 * `pendingEvents`), `starting` (it asked for its initial state; events wait),
 * `ready` (events go straight to it).
 */
type PageState = 'loading' | 'starting' | 'ready';

function main(): void {
  // Name and profile first: the single-instance lock and every Chromium store
  // live in userData, the same folder the Chromium shell uses.
  app.setName(APP_NAME);
  const profileDir = resolveProfileDir();
  app.setPath('userData', profileDir);

  const defaultApp = process.defaultApp === true;
  const launchPaths = filesFromArgv(process.argv, { defaultApp, cwd: process.cwd() });

  // A second launch hands its files to the running app and exits.
  if (!app.requestSingleInstanceLock({ files: launchPaths })) {
    app.quit();
    return;
  }

  app.enableSandbox();
  registerAppScheme();
  lockDownAllWebContents();

  // Recent documents also go to the OS (Jump List, Dock menu, recent files).
  const settings = withOsRecentDocuments(createSettingsStore(profileDir));
  // Window size, position and view mode, remembered per document.
  const windowState = createWindowStateStore(profileDir);
  /** The document on screen (last opened or saved): window changes are remembered for it. */
  let currentDocument: string | null = launchPaths[0] ?? null;
  /** The view mode the page last reported (null until it has). */
  let viewMode: ViewMode | null = null;
  let mainWindow: BrowserWindow | null = null;
  let pageState: PageState = 'loading';
  let theme: ThemeSetting = 'system';
  /** Read live by the API handler when the page asks for its initial state. */
  const pendingPaths: string[] = [...launchPaths];
  const pendingEvents: MainEvent[] = [];

  // The preview's images: the document's folder, and remote ones only with the writer's consent.
  const images = createPreviewImages({ log: createNetworkLog() });
  // Export (issue 6): PDFs from a hidden window, the save dialog filtered to the format.
  const exporter = createElectronExporter(() => liveWindow(), settings, appVersion());
  app.on('will-quit', () => void exporter.close());
  // Files (issue 5): the crash journal, the watchers, asking the page before a window closes.
  const lifecycle = createElectronLifecycle({ profileDir, deliver: (event) => deliver(event), liveWindow: () => liveWindow() });
  const handleApi = createApiHandler({
    journal: lifecycle.journal,
    watcher: lifecycle.watcher,
    draftsWatcher: lifecycle.draftsWatcher,
    images,
    exporter,
    hooks: { ...createElectronHooks(() => liveWindow()), closeWindow: () => lifecycle.closeWindow() },
    settings,
    version: appVersion(),
    startupPaths: pendingPaths,
  });

  function liveWindow(): BrowserWindow | null {
    return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  }

  function backgroundColor(): string {
    if (theme !== 'system') return BACKGROUNDS[theme];
    return nativeTheme.shouldUseDarkColors ? BACKGROUNDS.dark : BACKGROUNDS.light;
  }

  function createWindow(): BrowserWindow {
    const win = createAppWindow({
      backgroundColor: backgroundColor(),
      bundleDir: __dirname,
      ...windowPlacement(windowState, currentDocument),
      icon: appIconPath(),
      pageAsksBeforeClosing: true,
    });
    trackWindowState(win, windowState, () => currentDocument);
    lifecycle.track(win);
    mainWindow = win;
    pageState = 'loading';
    // A reloaded page asks for its state again (and passes through `starting`);
    // a crashed one has nobody to deliver to until then.
    win.webContents.on('render-process-gone', () => {
      pageState = 'loading';
    });
    win.on('closed', () => {
      if (mainWindow === win) {
        mainWindow = null;
        pageState = 'loading';
        pendingEvents.length = 0;
      }
    });
    return win;
  }

  function ensureWindow(): BrowserWindow {
    return liveWindow() ?? createWindow();
  }

  function focus(win: BrowserWindow): void {
    if (win.isMinimized()) win.restore();
    if (win.isVisible()) win.focus();
  }

  function deliver(event: MainEvent): void {
    const win = liveWindow();
    if (win && pageState === 'ready') win.webContents.send(EVENT_CHANNEL, event);
    else pendingEvents.push(event);
  }

  function flushEvents(): void {
    const win = liveWindow();
    if (!win || pageState !== 'ready') return;
    for (const event of pendingEvents.splice(0)) win.webContents.send(EVENT_CHANNEL, event);
  }

  /** Opens files for the writer, however they were named (second launch, Finder, Dock). */
  async function openPaths(paths: readonly string[]): Promise<void> {
    const fresh = paths.filter((file) => file.length > 0);
    if (!app.isReady()) {
      for (const file of fresh) if (!pendingPaths.includes(file)) pendingPaths.push(file);
      return;
    }
    const win = ensureWindow();
    focus(win);
    if (fresh.length === 0) return;
    if (pageState === 'loading') {
      for (const file of fresh) if (!pendingPaths.includes(file)) pendingPaths.push(file);
      return;
    }
    const files: StartupFile[] = [];
    for (const file of fresh) {
      const result = await openDocument(file);
      if (result.ok && result.value.path) await settings.addRecent(result.value.path).catch(() => undefined);
      files.push({ path: file, result });
    }
    deliver({ type: 'open-files', files });
    const shown = files.filter(({ result }) => result.ok && result.value.path).at(-1);
    if (shown?.result.ok && shown.result.value.path) documentShown(shown.result.value.path);
  }

  function sendMenuCommand(command: MenuCommand): void {
    const existing = liveWindow();
    ensureWindow();
    // macOS with no window open: a fresh window already starts with a new document.
    if (!existing && command === 'file:new') return;
    deliver({ type: 'menu-command', command });
  }

  function remember(current: Settings): void {
    theme = current.theme;
    showViewModeInMenu(current.viewMode);
    // A change of view mode is remembered for the document on screen.
    if (viewMode !== null && current.viewMode !== viewMode) {
      void windowState.remember(currentDocument, { viewMode: current.viewMode }).catch(() => undefined);
    }
    viewMode = current.viewMode;
  }

  /** A document is now on screen: its window changes are remembered, and it opens in its own view mode. */
  function documentShown(file: string): void {
    currentDocument = file;
    const wanted = windowState.get(file)?.viewMode;
    if (wanted && viewMode !== null && wanted !== viewMode) deliver({ type: 'menu-command', command: viewMenuItemId(wanted) });
  }

  /** Opened, saved or created through the API: that document is on screen now. */
  function noteDocument(channel: string, value: unknown): void {
    if (channel !== 'file:open' && channel !== 'file:save' && channel !== 'drafts:create') return;
    const file = (value as { path?: unknown } | null)?.path;
    if (typeof file === 'string' && file) documentShown(file);
  }

  /** Channels after which the recent files may have changed: File → Open Recent is rebuilt. */
  const RECENT_CHANGING = new Set<string>(['file:open', 'file:save', 'drafts:create', 'recent:clear', 'recent:list', 'settings:write']);

  async function refreshRecentMenu(): Promise<void> {
    const current = await settings.read().catch(() => null);
    if (current) showRecentFilesInMenu(current.recentFiles, current.viewMode);
  }

  /** Only the top-level app page of our window may call the API. */
  function isFromOurPage(event: IpcMainInvokeEvent): boolean {
    const win = liveWindow();
    const frame = event.senderFrame;
    if (!win || !frame || frame.detached) return false;
    const contents = win.webContents;
    const isOurMainFrame =
      event.sender.id === contents.id && frame.parent === null && frame.frameTreeNodeId === contents.mainFrame.frameTreeNodeId;
    return isTrustedSender(frame.url, isOurMainFrame);
  }

  async function initialState(payload: unknown): Promise<Result<unknown>> {
    pageState = 'starting';
    const result = await handleApi('app:initial-state', payload);
    if (result.ok) {
      // The page has the launch files now; later files arrive as events.
      pendingPaths.length = 0;
      const state = result.value as InitialState;
      remember(state.settings);
      const first = state.startupFiles.find(({ result: opened }) => opened.ok && opened.value.path);
      if (first?.result.ok && first.result.value.path) documentShown(first.result.value.path);
    }
    if (pageState === 'starting') {
      pageState = 'ready';
      // After the reply has gone out, so the page has its state before any event.
      setImmediate(flushEvents);
    }
    return result;
  }

  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isFromOurPage(event)) return REFUSED;
      if (channel === 'app:initial-state') return initialState(payload);
      const result = await handleApi(channel, payload);
      if (channel === 'settings:write' && result.ok) remember(result.value as Settings);
      if (result.ok) noteDocument(channel, result.value);
      if (result.ok && RECENT_CHANGING.has(channel)) void refreshRecentMenu();
      return result;
    });
  }

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    void openPaths(filesFromSecondInstance(argv, workingDirectory, additionalData, defaultApp));
  });

  // macOS: a file dropped on the Dock icon or opened from Finder (also before ready, at launch).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    void openPaths([file]);
  });

  app.on('activate', () => {
    if (app.isReady() && !liveWindow()) createWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      lockDownSession();
      handleAppScheme(rendererDir(), { images });
      setUpAboutPanel(appVersion());
      await windowState.load();
      const current = await settings.read();
      theme = current.theme;
      installAppMenu(sendMenuCommand, {
        isPackaged: app.isPackaged,
        viewMode: current.viewMode,
        showLicenses: () => void showLicenses(liveWindow()),
        recentFiles: current.recentFiles,
        openRecent: (file) => void openPaths([file]),
        clearRecent: () => void settings.clearRecent().then(refreshRecentMenu),
      });
      ensureWindow();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Byline could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}

main();
