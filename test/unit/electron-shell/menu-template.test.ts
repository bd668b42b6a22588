// Runs in Node: the menu is data, built without Electron.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../electron/contract';
import { buildMenuTemplate } from '../../../electron/shells/electron/menu-template';

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform, isPackaged = true) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate(platform, (command) => sent.push(command), { isPackaged });
  return { template, sent };
}

function submenu(template: Item[], label: string): Item[] {
  const menu = template.find((item) => item.label === label);
  expect(menu, `menu "${label}"`).toBeDefined();
  expect(Array.isArray(menu!.submenu)).toBe(true);
  return menu!.submenu as Item[];
}

function item(items: Item[], label: string): Item {
  const found = items.find((entry) => entry.label === label);
  expect(found, `item "${label}"`).toBeDefined();
  return found!;
}

function click(entry: Item): void {
  (entry.click as () => void)();
}

const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

describe('application menu template', () => {
  it.each(PLATFORMS)('has File, Edit, View and Help on %s', (platform) => {
    const labels = build(platform).template.map((menu) => menu.label);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
  });

  it('puts the app menu first on macOS only', () => {
    const mac = build('darwin').template;
    expect(mac[0]!.label).toBe('Byline');
    const roles = (mac[0]!.submenu as Item[]).map((entry) => entry.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['about', 'services', 'hide', 'quit']));
    for (const platform of ['win32', 'linux'] as const) {
      const template = build(platform).template;
      expect(template[0]!.label).toBe('File');
      expect(template.some((menu) => menu.label === 'Byline')).toBe(false);
    }
  });

  it('uses Cmd on macOS and Ctrl elsewhere', () => {
    const accelerators = (platform: NodeJS.Platform) =>
      submenu(build(platform).template, 'File')
        .filter((entry) => entry.accelerator)
        .map((entry) => entry.accelerator);
    expect(accelerators('darwin')).toEqual(['Cmd+N', 'Cmd+O', 'Cmd+S', 'Shift+Cmd+S']);
    expect(accelerators('win32')).toEqual(['Ctrl+N', 'Ctrl+O', 'Ctrl+S', 'Shift+Ctrl+S']);
    expect(accelerators('linux')).toEqual(['Ctrl+N', 'Ctrl+O', 'Ctrl+S', 'Shift+Ctrl+S']);
  });

  it('shows the File shortcuts without registering them, so the page handles the keys alone', () => {
    for (const platform of PLATFORMS) {
      for (const entry of submenu(build(platform).template, 'File')) {
        if (entry.accelerator) expect(entry.registerAccelerator).toBe(false);
      }
    }
  });

  it.each(PLATFORMS)('sends each File command to the page on %s', (platform) => {
    const { template, sent } = build(platform);
    const file = submenu(template, 'File');
    click(item(file, 'New'));
    click(item(file, 'Open…'));
    click(item(file, 'Save'));
    click(item(file, 'Save As…'));
    expect(sent).toEqual(['file:new', 'file:open', 'file:save', 'file:save-as']);
  });

  it('has Exit on Windows and Linux only, and Close Window everywhere', () => {
    const fileRoles = (platform: NodeJS.Platform) => submenu(build(platform).template, 'File').map((entry) => entry.role);
    expect(fileRoles('darwin')).toContain('close');
    expect(fileRoles('darwin')).not.toContain('quit');
    for (const platform of ['win32', 'linux'] as const) {
      const file = submenu(build(platform).template, 'File');
      expect(item(file, 'Exit').role).toBe('quit');
      expect(item(file, 'Close Window').role).toBe('close');
    }
  });

  it('gives Edit the clipboard and history roles', () => {
    const roles = submenu(build('linux').template, 'Edit').map((entry) => entry.role).filter(Boolean);
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers the three view modes as radio items on Ctrl/Cmd+1/2/3 and sends them', () => {
    for (const [platform, mod] of [['darwin', 'Cmd'], ['win32', 'Ctrl']] as const) {
      const { template, sent } = build(platform);
      const radios = submenu(template, 'View').filter((entry) => entry.type === 'radio');
      expect(radios.map((entry) => entry.label)).toEqual(['Editor Only', 'Split', 'Preview Only']);
      expect(radios.map((entry) => entry.accelerator)).toEqual([`${mod}+1`, `${mod}+2`, `${mod}+3`]);
      radios.forEach(click);
      expect(sent).toEqual(['view:editor', 'view:split', 'view:preview']);
    }
  });

  it('checks the current view mode', () => {
    const template = buildMenuTemplate('linux', () => undefined, { isPackaged: true, viewMode: 'preview' });
    const checked = submenu(template, 'View').filter((entry) => entry.checked);
    expect(checked.map((entry) => entry.label)).toEqual(['Preview Only']);
  });

  it('has reload and developer tools only in development', () => {
    const devRoles = ['reload', 'forceReload', 'toggleDevTools'];
    const roles = (isPackaged: boolean) => submenu(build('linux', isPackaged).template, 'View').map((entry) => entry.role);
    expect(roles(false)).toEqual(expect.arrayContaining(devRoles));
    for (const role of devRoles) expect(roles(true)).not.toContain(role);
    expect(roles(true)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('leaves developer tools out when not told otherwise', () => {
    const template = buildMenuTemplate('linux', () => undefined);
    expect(submenu(template, 'View').map((entry) => entry.role)).not.toContain('toggleDevTools');
  });

  it('has About Byline in Help', () => {
    for (const platform of PLATFORMS) {
      const help = submenu(build(platform).template, 'Help');
      expect(item(help, 'About Byline').role).toBe('about');
    }
  });

  it('sends nothing until an item is clicked', () => {
    expect(build('darwin').sent).toEqual([]);
  });

  /** Every item, in every submenu, with the menu it is in. */
  function everywhere(template: Item[]): Array<{ menu: string; entry: Item }> {
    return template.flatMap((menu) =>
      (Array.isArray(menu.submenu) ? (menu.submenu as Item[]) : []).map((entry) => ({ menu: String(menu.label ?? menu.role), entry })),
    );
  }

  it('puts Settings… in the app menu on macOS (⌘,) and at the end of Edit elsewhere (Ctrl+,)', () => {
    const settingsIn = (platform: NodeJS.Platform) => everywhere(build(platform).template).filter(({ entry }) => entry.id === 'app:settings');
    const mac = settingsIn('darwin');
    expect(mac.map(({ menu }) => menu)).toEqual(['Byline']);
    expect(mac[0]!.entry).toMatchObject({ label: 'Settings…', accelerator: 'Cmd+,' });
    const appMenu = submenu(build('darwin').template, 'Byline');
    expect(appMenu.findIndex((entry) => entry.id === 'app:settings')).toBeGreaterThan(appMenu.findIndex((entry) => entry.role === 'about'));
    for (const platform of ['win32', 'linux'] as const) {
      const found = settingsIn(platform);
      expect(found.map(({ menu }) => menu)).toEqual(['Edit']);
      expect(found[0]!.entry).toMatchObject({ label: 'Settings…', accelerator: 'Ctrl+,' });
      const edit = submenu(build(platform).template, 'Edit');
      expect(edit.at(-1)!.id).toBe('app:settings');
    }
  });

  it.each(PLATFORMS)('sends app:settings from Settings… on %s', (platform) => {
    const { template, sent } = build(platform);
    click(everywhere(template).find(({ entry }) => entry.id === 'app:settings')!.entry);
    expect(sent).toEqual(['app:settings']);
  });

  it('quits from the app menu on macOS and from File → Exit elsewhere, once', () => {
    const quits = (platform: NodeJS.Platform) => everywhere(build(platform).template).filter(({ entry }) => entry.role === 'quit');
    expect(quits('darwin').map(({ menu, entry }) => [menu, entry.label])).toEqual([['Byline', 'Quit Byline']]);
    for (const platform of ['win32', 'linux'] as const) expect(quits(platform).map(({ menu, entry }) => [menu, entry.label])).toEqual([['File', 'Exit']]);
  });

  it('offers the third-party licences in Help, through main', () => {
    let shown = 0;
    for (const platform of PLATFORMS) {
      const template = buildMenuTemplate(platform, () => undefined, { isPackaged: true, showLicenses: () => shown++ });
      click(item(submenu(template, 'Help'), 'Third-Party Licenses'));
    }
    expect(shown).toBe(3);
    // Without a handler the item is inert rather than broken.
    expect(() => click(item(submenu(build('linux').template, 'Help'), 'Third-Party Licenses'))).not.toThrow();
  });
});
