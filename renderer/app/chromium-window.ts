/**
 * What Electron's native window gives the app and the Chromium shell's
 * browser window doesn't: Ctrl+Q to quit, and the browser's own shortcuts
 * kept from leaving the app (ui/browser-keys.ts). Ctrl+N, Ctrl+T and
 * Ctrl+Shift+N, which the browser takes before the page, arrive from the
 * shell as `file:new` (electron/shells/chromium/new-page-policy.ts).
 * Electron gets none of this: its window is not a browser's.
 */
import { isBrowserShortcut, isQuitKey } from '../ui/browser-keys';
import type { AppContext } from './app-context';
import { registerCommand, runCommand } from './command-registry';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export function installChromiumWindow(app: AppContext, previewFrame: HTMLIFrameElement): void {
  if (app.initial.app.shell !== 'chromium') return;

  registerCommand('app:quit', () => runCommand('window:close'));

  const onKeyDown = (event: KeyboardEvent) => {
    // The editor and the app's own keys go first (capturing listeners, CodeMirror's keymap).
    if (event.defaultPrevented) return;
    const dialogOpen = !!document.querySelector('dialog[open]');
    if (isQuitKey(event, isMac)) {
      event.preventDefault();
      if (!dialogOpen) void runCommand('app:quit');
    } else if (isBrowserShortcut(event, isMac)) {
      // Even in a dialog: the keys stay in the app.
      event.preventDefault();
    }
  };
  window.addEventListener('keydown', onKeyDown);
  previewFrame.contentDocument?.addEventListener('keydown', onKeyDown);
}
