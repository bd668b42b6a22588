/**
 * The File menu the page draws in the Chromium shell's toolbar (Electron has
 * its native one, electron/shells/electron/menu-template.ts): the same items,
 * each with its shortcut. Open Recent is a submenu built when it opens, from
 * the recent files main keeps; Close Window and Quit are the same thing in a
 * one-window shell (the page asks about unsaved text first).
 */
import type { RecentFile } from '../../electron/contract';
import type { MenuEntry, MenuSection } from './toolbar-menu';
import { displayKeys } from './writing-shortcuts';

export interface FileMenuOptions {
  isMac: boolean;
  /** The recent files, most recent first. */
  recentFiles(): Promise<readonly RecentFile[]>;
  openRecent(path: string): void;
  clearRecent(): void;
}

/** "draft.md — /home/me/Columns": the name first, the folder to tell two drafts apart (as Electron's menu). */
export function recentFileLabel(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? `${file.slice(cut + 1)} — ${file.slice(0, cut)}` : file;
}

export async function recentFilesSubmenu(options: Pick<FileMenuOptions, 'recentFiles' | 'openRecent' | 'clearRecent'>): Promise<MenuSection[]> {
  const files = await options.recentFiles().catch(() => [] as RecentFile[]);
  const listed: MenuEntry[] = files.map((file) => ({
    command: 'file:open-recent',
    label: recentFileLabel(file.path),
    action: () => options.openRecent(file.path),
  }));
  return [
    listed.length > 0 ? listed : [{ command: 'file:open-recent', label: 'No Recent Files', disabled: true }],
    [{ command: 'file:clear-recent', label: 'Clear Menu', disabled: listed.length === 0, action: () => options.clearRecent() }],
  ];
}

export function fileMenuSections(options: FileMenuOptions): MenuSection[] {
  const keys = (spec: string) => displayKeys(spec, options.isMac);
  return [
    [
      { command: 'file:new', label: 'New', keys: keys('Mod-n') },
      { command: 'file:open', label: 'Open…', keys: keys('Mod-o') },
      { command: 'file:open-recent', label: 'Open Recent', submenu: () => recentFilesSubmenu(options) },
    ],
    [
      { command: 'file:save', label: 'Save', keys: keys('Mod-s') },
      { command: 'file:save-as', label: 'Save As…', keys: keys('Mod-Shift-s') },
      { command: 'file:revert', label: 'Revert to Saved' },
      { command: 'file:recover', label: 'Recover Unsaved Text…' },
      { command: 'file:close', label: 'Close Document' },
    ],
    [
      { command: 'file:export-html', label: 'Export HTML…' },
      { command: 'file:export-pdf', label: 'Export PDF…' },
      { command: 'file:export-txt', label: 'Export Plain Text…' },
      { command: 'edit:copy-rich-text', label: 'Copy as Rich Text', keys: keys('Mod-Shift-c') },
    ],
    [
      { command: 'window:close', label: 'Close Window', keys: keys('Mod-w') },
      { command: 'app:quit', label: 'Quit Byline', keys: keys('Mod-q') },
    ],
  ];
}
