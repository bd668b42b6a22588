/**
 * The Chromium shell's window is a browser window, and the browser has
 * shortcuts of its own. Which ones the page keeps from it, as a pure function
 * of the key: those that would leave the app or take the keyboard away from
 * it — history, downloads, bookmarks, print (of the app's chrome), view
 * source, reload, back and forward, the address bar, the browser's menus and
 * help. The page calls `preventDefault()` on them (after the editor had its
 * turn), so the browser does nothing.
 *
 * Left to the browser on purpose: zoom (Electron's View menu has it too),
 * F11 full screen, the developer tools, and find-in-page outside the editor.
 * Ctrl+N, Ctrl+T, Ctrl+Shift+N, Ctrl+W and friends never reach the page
 * first (Chrome reserves them): the shell handles what they open, and Ctrl+W
 * closes the window through the page's unsaved-text question.
 */

export type KeyLike = Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Ctrl (Cmd on a Mac) with these, and exactly these, other modifiers: code → shift. */
const MOD_KEYS: ReadonlyArray<{ code: string; shift?: boolean; alt?: boolean }> = [
  { code: 'KeyH' }, // history
  { code: 'KeyJ' }, // downloads
  { code: 'KeyD' }, // bookmark this page (the editor's own Ctrl+D, select next occurrence, goes first)
  { code: 'KeyU' }, // view source
  { code: 'KeyP' }, // print the app's window
  { code: 'KeyL' }, // address bar
  { code: 'KeyE' }, // search in the address bar
  { code: 'KeyR' }, // reload
  { code: 'KeyR', shift: true }, // reload, bypassing the cache
  { code: 'F5' },
  { code: 'KeyO', shift: true }, // bookmark manager
  { code: 'KeyB', shift: true }, // bookmarks bar
  { code: 'KeyA', shift: true }, // search tabs
  { code: 'Delete', shift: true }, // clear browsing data
  { code: 'Backspace', shift: true }, // the same on a Mac
  { code: 'KeyY' }, // history on a Mac
  { code: 'KeyB', alt: true }, // bookmark manager on a Mac
  { code: 'BracketLeft' }, // back on a Mac
  { code: 'BracketRight' }, // forward on a Mac
];

/** Without Ctrl/Cmd: code → modifiers. */
const PLAIN_KEYS: ReadonlyArray<{ code: string; shift?: boolean; alt?: boolean }> = [
  { code: 'F1' }, // help (a page on the web)
  { code: 'F5' }, // reload
  { code: 'F5', shift: true },
  { code: 'F6' }, // address bar
  { code: 'F6', shift: true },
  { code: 'F7' }, // caret browsing
  { code: 'F10' }, // the browser's menu
  { code: 'KeyD', alt: true }, // address bar
  { code: 'KeyF', alt: true }, // the browser's menu
  { code: 'KeyE', alt: true }, // the browser's menu
  { code: 'Home', alt: true }, // home page
  { code: 'ArrowLeft', alt: true }, // back (out of the app)
  { code: 'ArrowRight', alt: true }, // forward
  { code: 'KeyI', alt: true, shift: true }, // send feedback
];

export function isBrowserShortcut(event: KeyLike, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  if (other) return false;
  const table = mod ? MOD_KEYS : PLAIN_KEYS;
  return table.some((key) => key.code === event.code && !!key.shift === event.shiftKey && !!key.alt === event.altKey);
}

/** Ctrl+Q quits in the Chromium shell (Electron's menu has its own Quit; a Mac's Cmd+Q is the browser's). */
export function isQuitKey(event: KeyLike, isMac: boolean): boolean {
  return !isMac && event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey && event.code === 'KeyQ';
}

/** Alt+F and F10 open the File menu, as a menu bar's would. */
export function isFileMenuKey(event: KeyLike): boolean {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return false;
  return (event.altKey && event.code === 'KeyF') || (!event.altKey && event.code === 'F10');
}
