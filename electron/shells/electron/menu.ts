/**
 * Installs the application menu (built by the pure `buildMenuTemplate`) and
 * keeps its View radio items in step with the page's view mode.
 */
import { Menu } from 'electron';
import type { MenuCommand, ViewMode } from '../../contract';
import { buildMenuTemplate, viewMenuItemId, type MenuOptions } from './menu-template';

export { buildMenuTemplate } from './menu-template';

export function installAppMenu(send: (command: MenuCommand) => void, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, send, options)));
}

/** Checks the View item for `mode` (the page changed it, or settings were loaded). */
export function showViewModeInMenu(mode: ViewMode): void {
  const item = Menu.getApplicationMenu()?.getMenuItemById(viewMenuItemId(mode));
  if (item && !item.checked) item.checked = true;
}
