// Runs in Node: the Electron menu's Format menu and writing-mode View items, as data.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../electron/contract';
import { buildMenuTemplate } from '../../../electron/shells/electron/menu-template';

function build(platform: NodeJS.Platform) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate(platform, (command) => sent.push(command), { isPackaged: true });
  const menu = (label: string) => (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  return { sent, menu };
}

describe('Format menu', () => {
  it.each(['darwin', 'linux'] as const)('lists the Markdown commands with their shortcuts and sends them to the page on %s', (platform) => {
    const { sent, menu } = build(platform);
    const mod = platform === 'darwin' ? 'Cmd' : 'Ctrl';
    const items = menu('Format').filter((i) => i.id);
    expect(items.map((i) => i.label)).toEqual([
      'Bold', 'Italic', 'Link', 'Quote', 'Attribution', 'Insert Footnote', 'Heading 1', 'Heading 2', 'Heading 3', 'Body Text', 'Bulleted List', 'Numbered List', 'Find…', 'Replace…',
    ]);
    expect(items.find((i) => i.id === 'format:bold')).toMatchObject({ accelerator: `${mod}+B`, registerAccelerator: false });
    expect(items.find((i) => i.id === 'format:footnote')).toMatchObject({ accelerator: `Alt+${mod}+F`, registerAccelerator: false });
    for (const item of items) if (item.accelerator) expect(item.registerAccelerator).toBe(false);
    for (const item of items) (item.click as () => void)();
    expect(sent).toEqual(items.map((i) => i.id));
    expect(menu('Format').some((i) => i.role === 'pasteAndMatchStyle')).toBe(true);
  });

  it('puts the panels and writing modes in View', () => {
    const { sent, menu } = build('linux');
    const ids = ['view:outline', 'view:sources', 'view:focus', 'view:typewriter', 'view:distraction-free'];
    for (const id of ids) (menu('View').find((i) => i.id === id)!.click as () => void)();
    expect(sent).toEqual(ids);
  });
});
