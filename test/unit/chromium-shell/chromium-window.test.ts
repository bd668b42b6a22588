// @vitest-environment jsdom
// Runs in jsdom: the page adds its File menu and browser-key handling in the Chromium shell only;
// Electron keeps its native menu and gets nothing of this.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../renderer/app/app-context';
import { installChromiumWindow } from '../../../renderer/app/chromium-window';

function page(shell: 'electron' | 'chromium') {
  document.body.innerHTML = '<div id="app"><header class="toolbar"><div class="toolbar-group"><button>New</button></div></header></div>';
  const app = { initial: { app: { shell } }, api: {}, reloadSettings: async () => undefined } as unknown as AppContext;
  const frame = document.createElement('iframe');
  installChromiumWindow(app, { confirmDiscard: async () => true, openPath: async () => undefined }, frame);
}

function key(init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  document.body.dispatchEvent(event);
  return event;
}

describe('the Chromium shell’s window in the page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  // One test, Electron first: the key handling, once installed, stays on this jsdom window.
  it('adds nothing in Electron (its native menu and window need none of it); in the Chromium shell, the File menu first in the toolbar and the browser’s keys kept from it', () => {
    page('electron');
    expect(document.querySelector('.file-menu')).toBeNull();
    expect(key({ code: 'KeyH', key: 'h', ctrlKey: true }).defaultPrevented).toBe(false);

    page('chromium');
    const first = document.querySelector('.toolbar')!.firstElementChild!;
    expect(first.classList.contains('file-menu')).toBe(true);
    expect(first.querySelector('#menu-file-button')?.textContent).toBe('File');
    expect(key({ code: 'KeyH', key: 'h', ctrlKey: true }).defaultPrevented).toBe(true);
    expect(key({ code: 'KeyB', key: 'b', ctrlKey: true }).defaultPrevented).toBe(false);
  });
});
