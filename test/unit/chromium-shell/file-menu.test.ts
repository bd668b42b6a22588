// Runs in Node: the File menu the page draws in the Chromium shell has what Electron's native File menu has.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/shells/electron/menu-template';
import { fileMenuSections, recentFileLabel, recentFilesSubmenu } from '../../../renderer/ui/file-menu';

const noRecent = { recentFiles: async () => [], openRecent: () => undefined, clearRecent: () => undefined };

describe('the page’s File menu (Chromium shell)', () => {
  it('has every command of Electron’s File menu, with the same shortcut', () => {
    const electron = (buildMenuTemplate('linux', () => undefined).find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[])
      .flatMap((item) => (item.label === 'Export' ? (item.submenu as MenuItemConstructorOptions[]) : [item]))
      .filter((item) => item.id);
    const page = fileMenuSections({ isMac: false, ...noRecent }).flat();
    for (const item of electron) {
      const mine = page.find((entry) => entry.command === item.id);
      expect(mine, `${item.id} is missing`).toBeDefined();
      expect(mine!.keys ?? null, `${item.id}'s shortcut`).toBe(item.accelerator?.replace('Shift+Ctrl', 'Ctrl+Shift') ?? null);
    }
    // Electron's roles: Close Window and Exit; Copy as Rich Text (Edit there) sits with the exports here.
    expect(page.map((entry) => [entry.label, entry.keys ?? ''])).toEqual([
      ['New', 'Ctrl+N'],
      ['Open…', 'Ctrl+O'],
      ['Open Recent', ''],
      ['Save', 'Ctrl+S'],
      ['Save As…', 'Ctrl+Shift+S'],
      ['Revert to Saved', ''],
      ['Recover Unsaved Text…', ''],
      ['Close Document', ''],
      ['Export HTML…', ''],
      ['Export PDF…', ''],
      ['Export Plain Text…', ''],
      ['Copy as Rich Text', 'Ctrl+Shift+C'],
      ['Close Window', 'Ctrl+W'],
      ['Quit Byline', 'Ctrl+Q'],
    ]);
  });

  it('spells the shortcuts the Mac way on a Mac', () => {
    const page = fileMenuSections({ isMac: true, ...noRecent }).flat();
    expect(page.find((e) => e.command === 'file:save-as')!.keys).toBe('⌘⇧S');
  });

  it('lists the recent files in Open Recent, name first, and offers Clear Menu', async () => {
    const opened: string[] = [];
    let cleared = 0;
    const [files, clear] = await recentFilesSubmenu({
      recentFiles: async () => [
        { path: '/home/me/Columns/library.md', name: 'library.md', exists: true },
        { path: 'C:\\Columns\\budget.md', name: 'budget.md', exists: false },
      ],
      openRecent: (path) => opened.push(path),
      clearRecent: () => cleared++,
    });
    expect(files!.map((e) => e.label)).toEqual(['library.md — /home/me/Columns', 'budget.md — C:\\Columns']);
    files![1]!.action!();
    expect(opened).toEqual(['C:\\Columns\\budget.md']);
    expect(clear![0]).toMatchObject({ label: 'Clear Menu', disabled: false });
    clear![0]!.action!();
    expect(cleared).toBe(1);
  });

  it('says there are none, and greys Clear Menu out, when nothing was opened yet (or the list can’t be read)', async () => {
    for (const recentFiles of [async () => [], () => Promise.reject(new Error('gone'))]) {
      const [files, clear] = await recentFilesSubmenu({ ...noRecent, recentFiles });
      expect(files).toEqual([{ command: 'file:open-recent', label: 'No Recent Files', disabled: true }]);
      expect(clear![0]).toMatchObject({ label: 'Clear Menu', disabled: true });
    }
    expect(recentFileLabel('draft.md')).toBe('draft.md');
  });
});
