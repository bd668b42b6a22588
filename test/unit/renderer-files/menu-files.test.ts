/** Electron's File menu for issue 5: Open Recent (rebuilt from settings), Revert, Recover, Close; View → Drafts. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../electron/contract';
import { buildMenuTemplate, recentFileLabel } from '../../../electron/shells/electron/menu-template';

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return template.find((entry) => entry.label === label)!.submenu as MenuItemConstructorOptions[];
}

const click = (entry: MenuItemConstructorOptions | undefined) => (entry!.click as () => void)();

describe('the File menu of files and drafts', () => {
  it('lists recent files under Open Recent, opens one on click, and clears the list', () => {
    const opened: string[] = [];
    let cleared = 0;
    const template = buildMenuTemplate('linux', () => undefined, {
      isPackaged: true,
      recentFiles: ['/home/me/Columns/trams.md', '/home/me/op-ed.md'],
      openRecent: (file) => opened.push(file),
      clearRecent: () => cleared++,
    });
    const recent = submenu(submenu(template, 'File'), 'Open Recent');
    expect(recent.map((entry) => entry.label ?? entry.type)).toEqual(['trams.md — /home/me/Columns', 'op-ed.md — /home/me', 'separator', 'Clear Menu']);
    click(recent[1]);
    click(recent[3]);
    expect(opened).toEqual(['/home/me/op-ed.md']);
    expect(cleared).toBe(1);
  });

  it('has an empty, disabled Clear Menu when there are no recent files', () => {
    const recent = submenu(submenu(buildMenuTemplate('darwin', () => undefined, { isPackaged: true }), 'File'), 'Open Recent');
    expect(recent).toHaveLength(1);
    expect(recent[0]!.enabled).toBe(false);
  });

  it('sends Revert, Recover, Close and Drafts Library to the page', () => {
    const sent: MenuCommand[] = [];
    const template = buildMenuTemplate('win32', (command) => sent.push(command), { isPackaged: true });
    const file = submenu(template, 'File');
    for (const label of ['Revert to Saved', 'Recover Unsaved Text…', 'Close Document']) click(file.find((e) => e.label === label));
    click(submenu(template, 'View').find((e) => e.label === 'Drafts Library'));
    expect(sent).toEqual(['file:revert', 'file:recover', 'file:close', 'view:drafts']);
  });

  it('labels a recent file by name, then folder', () => {
    expect(recentFileLabel('C:\\Users\\me\\op-ed.md')).toBe('op-ed.md — C:\\Users\\me');
    expect(recentFileLabel('plain.md')).toBe('plain.md');
  });
});
