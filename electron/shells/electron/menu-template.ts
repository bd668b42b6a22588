/**
 * The application menu as data: a pure function of the platform, so it can be
 * tested without Electron running (only Electron's *types* are imported).
 * Commands the page implements go to it through `send`; the rest are
 * Electron roles (clipboard, zoom, window).
 *
 * The page binds Ctrl/Cmd+N, O, S and Shift+S itself (the Chromium shell has no
 * menu), so those File items only *display* their shortcut: with
 * `registerAccelerator: false` (Windows, Linux) the key reaches the page alone.
 * On macOS that option does not exist, but a key equivalent reaches the menu
 * only when the page did not handle the keydown, so the page must call
 * `preventDefault()` on the shortcuts it handles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, ViewMode } from '../../contract';

export interface MenuOptions {
  /** `app.isPackaged`: reload and developer tools appear only when false. */
  isPackaged: boolean;
  /** The view mode whose radio item starts checked. */
  viewMode?: ViewMode;
}

const VIEW_ITEMS: ReadonlyArray<{ mode: ViewMode; label: string; key: string }> = [
  { mode: 'editor', label: 'Editor Only', key: '1' },
  { mode: 'split', label: 'Split', key: '2' },
  { mode: 'preview', label: 'Preview Only', key: '3' },
];

/** The id of the View radio item for a mode, so main can check it when the mode changes. */
export function viewMenuItemId(mode: ViewMode): MenuCommand {
  return `view:${mode}`;
}

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
  options: MenuOptions = { isPackaged: true },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const mod = mac ? 'Cmd' : 'Ctrl';
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  /** A File item the page also binds: shows the shortcut, leaves the key to the page. */
  const pageCommand = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    id: command,
    label,
    accelerator,
    registerAccelerator: false,
    click: () => send(command),
  });

  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: 'Byline',
      submenu: [
        { role: 'about', label: 'About Byline' },
        sep,
        { role: 'services' },
        sep,
        { role: 'hide', label: 'Hide Byline' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        sep,
        { role: 'quit', label: 'Quit Byline' },
      ],
    });
  }

  template.push({
    label: 'File',
    submenu: [
      pageCommand('New', 'file:new', `${mod}+N`),
      pageCommand('Open…', 'file:open', `${mod}+O`),
      pageCommand('Save', 'file:save', `${mod}+S`),
      pageCommand('Save As…', 'file:save-as', `Shift+${mod}+S`),
      sep,
      { role: 'close', label: 'Close Window' },
      ...(mac ? [] : [sep, { role: 'quit', label: 'Exit' } satisfies MenuItemConstructorOptions]),
    ],
  });

  // Undo and redo reach CodeMirror as `historyUndo`/`historyRedo` input events;
  // Find is CodeMirror's own (Ctrl/Cmd+F in the page).
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      sep,
      { role: 'selectAll' },
    ],
  });

  const current = options.viewMode ?? 'split';
  template.push({
    label: 'View',
    submenu: [
      ...VIEW_ITEMS.map(
        ({ mode, label, key }): MenuItemConstructorOptions => ({
          id: viewMenuItemId(mode),
          label,
          type: 'radio',
          checked: mode === current,
          accelerator: `${mod}+${key}`,
          click: () => send(viewMenuItemId(mode)),
        }),
      ),
      sep,
      ...(options.isPackaged
        ? []
        : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep] satisfies MenuItemConstructorOptions[]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  });

  if (mac) template.push({ role: 'windowMenu' });

  template.push({
    label: 'Help',
    role: 'help',
    submenu: [{ role: 'about', label: 'About Byline' }],
  });

  return template;
}
