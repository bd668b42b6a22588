/**
 * A Byline document window: the app page with the preload, sandboxed and
 * isolated, confined to the app's own pages, shown once it has painted.
 */
import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { APP_URL } from './app-url';
import { confineToApp } from './lockdown';

export interface AppWindowOptions {
  /** Painted before the page is: matches the theme to avoid a flash. */
  backgroundColor: string;
  /** Folder holding `preload.cjs` (the bundle's own folder). */
  bundleDir: string;
  /** Remembered size and position (already fitted to the screens); no x/y: the system places it. */
  bounds?: { x?: number; y?: number; width: number; height: number };
  /** Maximize once shown (it was maximized when last closed). */
  maximized?: boolean;
  /** The window icon where the OS takes it from the window (Linux). */
  icon?: string;
  /**
   * True when the page asks about unsaved changes itself (window-lifecycle.ts
   * sends it `window:close`): no native Close Anyway / Cancel box then.
   */
  pageAsksBeforeClosing?: boolean;
}

export function createAppWindow({ backgroundColor, bundleDir, bounds, maximized, icon, pageAsksBeforeClosing }: AppWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Byline',
    width: 1200,
    height: 820,
    ...bounds,
    ...(icon ? { icon } : {}),
    minWidth: 480,
    minHeight: 320,
    show: false,
    backgroundColor,
    webPreferences: {
      preload: path.join(bundleDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  const contents = win.webContents;
  confineToApp(contents);

  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  contents.once('did-fail-load', () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });
  // The page's beforeunload kept the window open (unsaved changes): ask the writer.
  contents.on('will-prevent-unload', (event) => {
    if (pageAsksBeforeClosing) return;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Close Anyway', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'This document has changes that are not saved.',
      detail: 'If you close the window now, those changes will not be written to the file.',
    });
    if (choice === 0) event.preventDefault();
  });

  void win.loadURL(APP_URL);
  return win;
}
