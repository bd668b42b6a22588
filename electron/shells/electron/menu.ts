/**
 * Installs the application menu (built by the pure `buildMenuTemplate`) and
 * keeps its View radio items in step with the page's view mode.
 */
import { Menu } from 'electron';
import type { MenuCommand, ViewMode } from '../../contract';
import { buildMenuTemplate, viewMenuItemId, type MenuOptions } from './menu-template';

export { buildMenuTemplate } from './menu-template';

let installed: { send: (command: MenuCommand) => void; options: MenuOptions } | null = null;

export function installAppMenu(send: (command: MenuCommand) => void, options: MenuOptions): void {
  installed = { send, options };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, send, options)));
}

/** Rebuilds the menu with a new File → Open Recent list (the View radios keep the current mode). */
export function showRecentFilesInMenu(recentFiles: readonly string[], viewMode?: ViewMode): void {
  if (!installed) return;
  const same = (installed.options.recentFiles ?? []).join('\n') === recentFiles.join('\n');
  if (same) return;
  installAppMenu(installed.send, { ...installed.options, recentFiles, ...(viewMode ? { viewMode } : {}) });
}

/** Checks the View item for `mode` (the page changed it, or settings were loaded). */
export function showViewModeInMenu(mode: ViewMode): void {
  const item = Menu.getApplicationMenu()?.getMenuItemById(viewMenuItemId(mode));
  if (item && !item.checked) item.checked = true;
}
