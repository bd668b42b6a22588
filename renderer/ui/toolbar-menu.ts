/**
 * A menu button for the toolbar (the Chromium shell has no menu bar): a
 * button that opens a list of commands, each with its shortcut. Keyboard:
 * Enter, Space or ArrowDown opens and focuses the first item; arrows, Home
 * and End move; Escape or Tab closes and returns to the button.
 */
export interface MenuEntry {
  command: string;
  label: string;
  /** Shortcut as shown, e.g. "Ctrl+B". */
  keys?: string;
  /** For on/off items (menuitemcheckbox). */
  checked?: () => boolean;
}

export type MenuSection = MenuEntry[];

export function createToolbarMenu(label: string, sections: MenuSection[], run: (command: string) => void): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'toolbar-menu';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'toolbar-menu-button';
  button.textContent = label;
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  const id = `menu-${label.toLowerCase().replace(/\W+/g, '-')}`;
  button.id = `${id}-button`;
  const menu = document.createElement('div');
  menu.className = 'toolbar-menu-list';
  menu.id = id;
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-labelledby', button.id);
  menu.hidden = true;
  button.setAttribute('aria-controls', id);

  const items: { entry: MenuEntry; node: HTMLButtonElement }[] = [];
  sections.forEach((section, index) => {
    if (index > 0) {
      const sep = document.createElement('div');
      sep.setAttribute('role', 'separator');
      sep.className = 'toolbar-menu-separator';
      menu.append(sep);
    }
    for (const entry of section) {
      const node = document.createElement('button');
      node.type = 'button';
      node.className = 'toolbar-menu-item';
      node.tabIndex = -1;
      node.dataset.menuCommand = entry.command;
      node.setAttribute('role', entry.checked ? 'menuitemcheckbox' : 'menuitem');
      const text = document.createElement('span');
      text.textContent = entry.label;
      node.append(text);
      if (entry.keys) {
        const keys = document.createElement('kbd');
        keys.className = 'toolbar-menu-keys';
        keys.textContent = entry.keys;
        node.append(keys);
        node.setAttribute('aria-keyshortcuts', entry.keys.replace(/⌘/g, 'Meta+').replace(/⌥/g, 'Alt+').replace(/⇧/g, 'Shift+'));
      }
      node.addEventListener('click', () => {
        close(false);
        run(entry.command);
      });
      items.push({ entry, node });
      menu.append(node);
    }
  });

  function openMenu(focusIndex: number): void {
    for (const { entry, node } of items) if (entry.checked) node.setAttribute('aria-checked', String(entry.checked()));
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const index = (focusIndex + items.length) % items.length;
    items[index]?.node.focus();
    document.addEventListener('pointerdown', outside, true);
  }

  function close(refocus: boolean): void {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (refocus) button.focus();
  }

  function outside(event: Event): void {
    if (!wrap.contains(event.target as Node)) close(false);
  }

  button.addEventListener('click', () => (menu.hidden ? openMenu(0) : close(true)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openMenu(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(-1);
    }
  });
  menu.addEventListener('keydown', (event) => {
    const current = items.findIndex((i) => i.node === document.activeElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.node.focus();
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') {
      event.preventDefault();
      event.stopPropagation();
    }
  });

  wrap.append(button, menu);
  return wrap;
}
