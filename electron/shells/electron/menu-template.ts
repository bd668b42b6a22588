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
  /** Help → Third-Party Licenses (main opens the licences file). */
  showLicenses?: () => void;
  /** File → Open Recent: most recent first (absolute paths). */
  recentFiles?: readonly string[];
  /** Opens a recent file (main hands it to the page as `open-files`). */
  openRecent?: (path: string) => void;
  /** File → Open Recent → Clear Menu. */
  clearRecent?: () => void;
}

/** "draft.md — /home/me/Columns": the name first, the folder to tell two drafts apart. */
export function recentFileLabel(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? `${file.slice(cut + 1)} — ${file.slice(0, cut)}` : file;
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

  /** Settings… (⌘, / Ctrl+,): the page shows its settings pane. */
  const settingsItem: MenuItemConstructorOptions = {
    id: 'app:settings',
    label: 'Settings…',
    accelerator: `${mod}+,`,
    click: () => send('app:settings'),
  };

  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: 'Byline',
      submenu: [
        { role: 'about', label: 'About Byline' },
        sep,
        settingsItem,
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
      {
        id: 'file:open-recent',
        label: 'Open Recent',
        submenu: [
          ...(options.recentFiles ?? []).map(
            (file): MenuItemConstructorOptions => ({ label: recentFileLabel(file), click: () => options.openRecent?.(file) }),
          ),
          ...((options.recentFiles ?? []).length > 0 ? [sep] : []),
          { label: 'Clear Menu', enabled: (options.recentFiles ?? []).length > 0, click: () => options.clearRecent?.() },
        ],
      },
      pageCommand('Save', 'file:save', `${mod}+S`),
      pageCommand('Save As…', 'file:save-as', `Shift+${mod}+S`),
      { id: 'file:revert', label: 'Revert to Saved', click: () => send('file:revert') },
      { id: 'file:recover', label: 'Recover Unsaved Text…', click: () => send('file:recover') },
      { id: 'file:close', label: 'Close Document', click: () => send('file:close') },
      sep,
      {
        label: 'Export',
        submenu: [
          { id: 'file:export-html', label: 'HTML…', click: () => send('file:export-html') },
          { id: 'file:export-pdf', label: 'PDF…', click: () => send('file:export-pdf') },
          { id: 'file:export-txt', label: 'Plain Text…', click: () => send('file:export-txt') },
        ],
      },
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
      pageCommand('Copy as Rich Text', 'edit:copy-rich-text', `Shift+${mod}+C`),
      { role: 'paste' },
      sep,
      { role: 'selectAll' },
      // Windows and Linux keep Settings at the end of Edit; macOS, in the app menu.
      ...(mac ? [] : [sep, settingsItem]),
    ],
  });

  // Format (issue 8): the page's Markdown commands; keys stay with the page (CodeMirror's keymap).
  const formatItem = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions =>
    accelerator ? pageCommand(label, command, accelerator) : { id: command, label, click: () => send(command) };
  template.push({
    label: 'Format',
    submenu: [
      formatItem('Bold', 'format:bold', `${mod}+B`),
      formatItem('Italic', 'format:italic', `${mod}+I`),
      formatItem('Link', 'format:link', `${mod}+K`),
      sep,
      formatItem('Quote', 'format:quote', `Shift+${mod}+.`),
      formatItem('Attribution', 'format:attribution', `Shift+${mod}+,`),
      formatItem('Insert Footnote', 'format:footnote', `Alt+${mod}+F`),
      sep,
      formatItem('Heading 1', 'format:heading-1', `Alt+${mod}+1`),
      formatItem('Heading 2', 'format:heading-2', `Alt+${mod}+2`),
      formatItem('Heading 3', 'format:heading-3', `Alt+${mod}+3`),
      formatItem('Body Text', 'format:paragraph', `Alt+${mod}+0`),
      sep,
      formatItem('Bulleted List', 'format:bullet-list', `Shift+${mod}+8`),
      formatItem('Numbered List', 'format:numbered-list', `Shift+${mod}+7`),
      sep,
      formatItem('Find…', 'edit:find', `${mod}+F`),
      formatItem('Replace…', 'edit:replace'),
      { role: 'pasteAndMatchStyle', label: 'Paste as Plain Text' },
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
      { id: 'view:drafts', label: 'Drafts Library', click: () => send('view:drafts') },
      formatItem('Outline', 'view:outline', `Alt+${mod}+O`),
      formatItem('Sources', 'view:sources', `Alt+${mod}+S`),
      formatItem('Focus Mode', 'view:focus', `Shift+${mod}+D`),
      formatItem('Typewriter Scrolling', 'view:typewriter', `Shift+${mod}+Y`),
      formatItem('Distraction-Free', 'view:distraction-free', `Shift+${mod}+Enter`),
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
    submenu: [
      { id: 'help:licenses', label: 'Third-Party Licenses', click: () => options.showLicenses?.() },
      sep,
      { role: 'about', label: 'About Byline' },
    ],
  });

  return template;
}
