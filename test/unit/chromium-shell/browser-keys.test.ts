// Runs in Node: which keys the page keeps from the browser in the Chromium shell, and that none is the app's.
import { describe, expect, it } from 'vitest';
import { isBrowserShortcut, isQuitKey, type KeyLike } from '../../../renderer/ui/browser-keys';
import { WRITING_SHORTCUTS } from '../../../renderer/ui/writing-shortcuts';

/** "Ctrl+Shift+KeyR" → a key event's fields (Ctrl is Cmd with `mac`). */
function key(spec: string, mac = false): KeyLike {
  const parts = spec.split('+');
  const code = parts.pop()!;
  const mod = parts.includes('Mod');
  return {
    code,
    ctrlKey: parts.includes('Ctrl') || (mod && !mac),
    metaKey: parts.includes('Meta') || (mod && mac),
    altKey: parts.includes('Alt'),
    shiftKey: parts.includes('Shift'),
  };
}

describe('browser shortcuts the page keeps from the browser (Chromium shell)', () => {
  it.each([
    'Mod+KeyH', 'Mod+KeyJ', 'Mod+KeyD', 'Mod+KeyU', 'Mod+KeyP', 'Mod+KeyL', 'Mod+KeyE', 'Mod+KeyR', 'Mod+Shift+KeyR', 'Mod+F5',
    'Mod+Shift+KeyO', 'Mod+Shift+KeyB', 'Mod+Shift+KeyA', 'Mod+Shift+Delete',
    'F1', 'F5', 'Shift+F5', 'F6', 'F7', 'F10', 'Alt+KeyD', 'Alt+KeyF', 'Alt+KeyE', 'Alt+Home', 'Alt+ArrowLeft', 'Alt+ArrowRight',
  ])('%s', (spec) => {
    expect(isBrowserShortcut(key(spec), false)).toBe(true);
  });

  it('uses Cmd on a Mac, and its own keys there (history, back, forward)', () => {
    for (const spec of ['Mod+KeyY', 'Mod+BracketLeft', 'Mod+BracketRight', 'Mod+Shift+Backspace', 'Mod+KeyP', 'Mod+KeyL']) {
      expect(isBrowserShortcut(key(spec, true), true)).toBe(true);
    }
    expect(isBrowserShortcut(key('Ctrl+KeyP'), true)).toBe(false);
  });

  it('leaves every key of the app’s own alone, and zoom, full screen and the developer tools', () => {
    const appKeys = [
      // Files, views, export (ui/shortcuts.ts, export-commands.ts).
      'Mod+KeyS', 'Mod+Shift+KeyS', 'Mod+KeyN', 'Mod+KeyO', 'Mod+Digit1', 'Mod+Digit2', 'Mod+Digit3', 'Mod+Shift+KeyC',
      // The editor: formatting (markdown-commands.ts), find, undo, clipboard, selection.
      'Mod+KeyB', 'Mod+KeyI', 'Mod+KeyK', 'Mod+Shift+Period', 'Mod+Shift+Comma', 'Mod+Alt+Digit1', 'Mod+Alt+Digit0', 'Mod+Shift+Digit8',
      'Mod+KeyF', 'Mod+KeyZ', 'Mod+Shift+KeyZ', 'Mod+KeyC', 'Mod+KeyV', 'Mod+Shift+KeyV', 'Mod+KeyX', 'Mod+KeyA', 'Mod+KeyG',
      // Plain typing and moving.
      'KeyH', 'Shift+KeyP', 'Enter', 'Escape', 'ArrowLeft', 'Mod+ArrowLeft', 'Home', 'Mod+Home',
      // Left to the browser.
      'Mod+Equal', 'Mod+Minus', 'Mod+Digit0', 'F11', 'F12', 'Mod+Shift+KeyI', 'Mod+Shift+KeyJ',
    ];
    for (const spec of appKeys) expect(isBrowserShortcut(key(spec), false), spec).toBe(false);
    for (const shortcut of WRITING_SHORTCUTS) {
      const spec = ['Mod', ...(shortcut.alt ? ['Alt'] : []), ...(shortcut.shift ? ['Shift'] : []), shortcut.code].join('+');
      expect(isBrowserShortcut(key(spec), false), `${shortcut.command} (${spec})`).toBe(false);
    }
  });

  it('quits with Ctrl+Q, except on a Mac (Cmd+Q is the browser’s own quit there)', () => {
    expect(isQuitKey(key('Mod+KeyQ'), false)).toBe(true);
    expect(isQuitKey(key('Mod+Shift+KeyQ'), false)).toBe(false);
    expect(isQuitKey(key('Mod+KeyQ', true), true)).toBe(false);
  });
});
