/**
 * Desktop integration glue for the Electron shell: recent documents registered
 * with the OS, the About panel and the third-party licences, the window icon,
 * and window size/position remembered per document (the store and the screen
 * fitting are pure, in services/window-state.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, screen, shell, type BrowserWindow } from 'electron';
import { distDir } from '../../services/app-paths';
import { APP_NAME } from '../../services/profile-dir';
import type { SettingsStore } from '../../services/settings';
import { fitToDisplays, type WindowState, type WindowStateStore } from '../../services/window-state';

/** The settings store, also telling the OS (Jump List, Dock menu, recent files) about each recent document. */
export function withOsRecentDocuments(store: SettingsStore): SettingsStore {
  return {
    ...store,
    addRecent(file) {
      try {
        app.addRecentDocument(file);
      } catch {
        // Not every desktop keeps a recent list; ours is the one that matters.
      }
      return store.addRecent(file);
    },
    clearRecent() {
      try {
        app.clearRecentDocuments();
      } catch {
        // As above.
      }
      return store.clearRecent();
    },
  };
}

/** THIRD_PARTY_LICENSES.txt: beside the asar when packaged, in dist/ after `npm run dist` or the licences script. */
export function licensesFile(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'THIRD_PARTY_LICENSES.txt') : path.join(distDir(), 'THIRD_PARTY_LICENSES.txt');
}

/** The app icon as a PNG (packed into the asar), for the window and the Linux/Windows About panel. */
export function appIconPath(): string | undefined {
  const icon = path.join(distDir(), '..', 'build', 'icons', '256x256.png');
  return existsSync(icon) ? icon : undefined;
}

export function setUpAboutPanel(version: string): void {
  const icon = appIconPath();
  app.setAboutPanelOptions({
    applicationName: APP_NAME,
    applicationVersion: version,
    version: `Electron ${process.versions.electron ?? ''}`.trim(),
    copyright: 'Copyright © Byline contributors. MIT licence.',
    credits: 'Open-source software Byline uses, and its licences: Help → Third-Party Licenses.',
    ...(icon ? { iconPath: icon } : {}),
  });
}

/** Help → Third-Party Licenses: opens the licences file in the system's text viewer. */
export async function showLicenses(parent: BrowserWindow | null): Promise<void> {
  const file = licensesFile();
  const problem = existsSync(file) ? await shell.openPath(file) : 'missing';
  if (!problem) return;
  const options = {
    type: 'info' as const,
    title: 'Third-Party Licenses',
    message: 'Byline could not open its list of third-party licences.',
    detail:
      problem === 'missing'
        ? `${file} is not in this build. Packaged builds always include it; in a development build, run \`node scripts/third-party-licenses.mjs\`.`
        : `${file}: ${problem}`,
  };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

/** Where a window for `document` should open: its remembered bounds, fitted to today's screens. */
export function windowPlacement(store: WindowStateStore, document: string | null): { bounds?: WindowState['bounds']; maximized?: boolean } {
  const saved = store.get(document);
  if (!saved?.bounds) return saved?.maximized ? { maximized: true } : {};
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  return { bounds: fitToDisplays(saved.bounds, workAreas), ...(saved.maximized ? { maximized: true } : {}) };
}

/** Saves the window's normal bounds and maximized state for the current document as they change. */
export function trackWindowState(win: BrowserWindow, store: WindowStateStore, currentDocument: () => string | null): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    void store.remember(currentDocument(), { bounds: win.getNormalBounds(), maximized: win.isMaximized() }).catch(() => undefined);
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', soon);
  win.on('close', save);
}
