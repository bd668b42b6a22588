/**
 * A menu button for the toolbar (the Chromium shell has no menu bar): a
 * button that opens a list of commands, each with its shortcut. Keyboard:
 * Enter, Space or ArrowDown opens and focuses the first item; arrows, Home
 * and End move; ArrowRight opens a submenu, ArrowLeft or Escape closes it;
 * Escape closes the menu and returns to the button, Tab closes it. A list is
 * as wide as its longest item, and opens leftwards when there is no room on
 * the right.
 */
export interface MenuEntry {
  command: string;
  label: string;
  /** Shortcut as shown, e.g. "Ctrl+B". */
  keys?: string;
  /** For on/off items (menuitemcheckbox). */
  checked?: () => boolean;
  /** Runs instead of `run(command)`: an item that carries its own data (a recent file). */
  action?: () => void;
  /** Shown greyed out, and does nothing. */
  disabled?: boolean;
  /** Makes the item open a submenu, built each time it opens (what it lists may have changed). */
  submenu?: () => MenuSection[] | Promise<MenuSection[]>;
}

export type MenuSection = MenuEntry[];

interface MenuContext {
  run(command: string): void;
  /** Closes every list of this menu; `refocus` puts the keyboard back on the menu button. */
  closeAll(refocus: boolean): void;
  /** Where the lists live (positioned relative to it). */
  wrap: HTMLElement;
}

interface MenuList {
  element: HTMLElement;
  show(sections: MenuSection[], focusIndex: number | null): void;
  hide(): void;
  /** Closes the submenu open from one of this list's items, if any. */
  closeSubmenu(): void;
}

let listCount = 0;

function createList(context: MenuContext, parent: { list: MenuList; item: HTMLButtonElement } | null): MenuList {
  const element = document.createElement('div');
  element.className = 'toolbar-menu-list';
  element.setAttribute('role', 'menu');
  element.hidden = true;
  let items: { entry: MenuEntry; node: HTMLButtonElement }[] = [];
  let child: { list: MenuList; item: HTMLButtonElement } | null = null;
  /** Which submenu build is current: a slow one that finishes late is dropped. */
  let opening = 0;

  function closeChild(): void {
    opening++;
    if (!child) return;
    child.list.hide();
    child.item.setAttribute('aria-expanded', 'false');
    child.item.removeAttribute('aria-controls');
    child.list.element.remove();
    child = null;
  }

  async function openChild(entry: MenuEntry, node: HTMLButtonElement, focusFirst: boolean): Promise<void> {
    if (child?.item === node) {
      if (focusFirst) child.list.element.querySelector<HTMLButtonElement>('.toolbar-menu-item')?.focus();
      return;
    }
    closeChild();
    const mine = opening;
    const sections = await entry.submenu!();
    if (mine !== opening || element.hidden) return;
    const list = createList(context, { list: api, item: node });
    list.element.classList.add('toolbar-submenu');
    list.element.id = `${element.id || 'menu'}-sub-${++listCount}`;
    list.element.setAttribute('aria-label', entry.label);
    node.setAttribute('aria-controls', list.element.id);
    node.setAttribute('aria-expanded', 'true');
    context.wrap.append(list.element);
    child = { list, item: node };
    list.show(sections, focusFirst ? 0 : null);
    // Beside its item: to the right of this list, or to its left when the window ends first.
    const wrapBox = context.wrap.getBoundingClientRect();
    const listBox = element.getBoundingClientRect();
    const itemBox = node.getBoundingClientRect();
    const width = list.element.offsetWidth;
    const right = listBox.right + width <= window.innerWidth - 4;
    list.element.style.left = `${(right ? listBox.right - 2 : listBox.left - width + 2) - wrapBox.left}px`;
    list.element.style.right = 'auto';
    list.element.style.top = `${itemBox.top - wrapBox.top - 4}px`;
  }

  function activate(entry: MenuEntry, node: HTMLButtonElement): void {
    if (entry.disabled) return;
    if (entry.submenu) {
      void openChild(entry, node, true);
      return;
    }
    context.closeAll(false);
    if (entry.action) entry.action();
    else context.run(entry.command);
  }

  function render(sections: MenuSection[]): void {
    element.replaceChildren();
    items = [];
    sections.forEach((section, index) => {
      if (index > 0) {
        const sep = document.createElement('div');
        sep.setAttribute('role', 'separator');
        sep.className = 'toolbar-menu-separator';
        element.append(sep);
      }
      for (const entry of section) {
        const node = document.createElement('button');
        node.type = 'button';
        node.className = 'toolbar-menu-item';
        node.tabIndex = -1;
        node.dataset.menuCommand = entry.command;
        node.setAttribute('role', entry.checked ? 'menuitemcheckbox' : 'menuitem');
        if (entry.checked) node.setAttribute('aria-checked', String(entry.checked()));
        if (entry.disabled) node.setAttribute('aria-disabled', 'true');
        const text = document.createElement('span');
        text.className = 'toolbar-menu-label';
        text.textContent = entry.label;
        node.append(text);
        if (entry.keys) {
          const keys = document.createElement('kbd');
          keys.className = 'toolbar-menu-keys';
          keys.textContent = entry.keys;
          node.append(keys);
          node.setAttribute('aria-keyshortcuts', entry.keys.replace(/⌘/g, 'Meta+').replace(/⌥/g, 'Alt+').replace(/⇧/g, 'Shift+'));
        }
        if (entry.submenu) {
          node.setAttribute('aria-haspopup', 'menu');
          node.setAttribute('aria-expanded', 'false');
          const arrow = document.createElement('span');
          arrow.className = 'toolbar-menu-arrow';
          arrow.setAttribute('aria-hidden', 'true');
          arrow.textContent = '▸';
          node.append(arrow);
        }
        node.addEventListener('click', () => activate(entry, node));
        node.addEventListener('pointerenter', () => {
          if (entry.submenu && !entry.disabled) void openChild(entry, node, false);
          else closeChild();
        });
        items.push({ entry, node });
        element.append(node);
      }
    });
  }

  /** Focus moves over disabled items too (they say why they can't be chosen), as in a native menu. */
  function move(from: number, step: number): void {
    if (items.length === 0) return;
    items[(((from + step) % items.length) + items.length) % items.length]!.node.focus();
  }

  element.addEventListener('keydown', (event) => {
    const current = items.findIndex((i) => i.node === document.activeElement);
    const entry = items[current];
    if (event.key === 'ArrowDown') move(current, 1);
    else if (event.key === 'ArrowUp') move(current < 0 ? 0 : current, -1);
    else if (event.key === 'Home') move(-1, 1);
    else if (event.key === 'End') move(items.length, -1);
    else if (event.key === 'ArrowRight' && entry?.entry.submenu) activate(entry.entry, entry.node);
    else if ((event.key === 'ArrowLeft' || event.key === 'Escape') && parent) {
      // A submenu closes alone, back to the item that opened it.
      parent.list.closeSubmenu();
      parent.item.focus();
    } else if (event.key === 'Escape') context.closeAll(true);
    else if (event.key === 'Tab') return context.closeAll(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  });

  const api: MenuList = {
    element,
    show(sections, focusIndex) {
      render(sections);
      element.hidden = false;
      if (!parent) {
        // As wide as its content, left-aligned under its button unless that runs off the window.
        element.style.left = '0';
        element.style.right = 'auto';
        if (element.getBoundingClientRect().right > window.innerWidth - 4) {
          element.style.left = 'auto';
          element.style.right = '0';
        }
      }
      if (focusIndex !== null) move(focusIndex < 0 ? items.length : focusIndex - 1, focusIndex < 0 ? -1 : 1);
    },
    hide() {
      closeChild();
      element.hidden = true;
    },
    closeSubmenu: closeChild,
  };
  return api;
}

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
  button.setAttribute('aria-controls', id);

  const context: MenuContext = { run, closeAll: (refocus) => close(refocus), wrap };
  const list = createList(context, null);
  list.element.id = id;
  list.element.setAttribute('aria-labelledby', button.id);
  let open = false;

  function openMenu(focusIndex: number): void {
    list.show(sections, focusIndex);
    open = true;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside, true);
  }

  function close(refocus: boolean): void {
    if (!open) return;
    open = false;
    list.hide();
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (refocus) button.focus();
  }

  function outside(event: Event): void {
    if (!wrap.contains(event.target as Node)) close(false);
  }

  button.addEventListener('click', () => (open ? close(true) : openMenu(0)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openMenu(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(-1);
    }
  });

  wrap.append(button, list.element);
  return wrap;
}
