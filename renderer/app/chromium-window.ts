/**
 * What Electron's native window gives the app and the Chromium shell's
 * browser window doesn't: a File menu (in the toolbar, first, since there is
 * no menu bar; Electron keeps its native menu and gets none of this), Ctrl+Q
 * to quit, Alt+F / F10 to open the File menu, and the browser's own shortcuts
 * kept from leaving the app (ui/browser-keys.ts). Ctrl+N, Ctrl+T and
 * Ctrl+Shift+N, which the browser takes before the page, arrive from the
 * shell as `file:new` (electron/shells/chromium/new-page-policy.ts).
 */
import { createToolbarMenu } from '../ui/toolbar-menu';
import { fileMenuSections } from '../ui/file-menu';
import { isBrowserShortcut, isFileMenuKey, isQuitKey } from '../ui/browser-keys';
import { showMessage } from '../ui/dialogs';
import type { AppContext } from './app-context';
import { registerCommand, runCommand } from './command-registry';
import type { DocumentCommands } from './document-commands';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export function installChromiumWindow(app: AppContext, documents: Pick<DocumentCommands, 'confirmDiscard' | 'openPath'>, previewFrame: HTMLIFrameElement): void {
  if (app.initial.app.shell !== 'chromium') return;

  registerCommand('app:quit', () => runCommand('window:close'));

  const menu = createToolbarMenu(
    'File',
    fileMenuSections({
      isMac,
      recentFiles: async () => {
        const listed = await app.api.listRecent();
        return listed.ok ? listed.value : [];
      },
      openRecent: (path) =>
        void (async () => {
          if (await documents.confirmDiscard()) await documents.openPath(path);
        })(),
      clearRecent: () =>
        void (async () => {
          const cleared = await app.api.clearRecent();
          if (!cleared.ok) return showMessage('Can’t clear the recent files', cleared.error.message);
          await app.reloadSettings();
        })(),
    }),
    (command) => void runCommand(command),
  );
  menu.classList.add('file-menu');
  document.querySelector('.toolbar')?.prepend(menu);
  const menuButton = menu.querySelector<HTMLButtonElement>('.toolbar-menu-button')!;

  const onKeyDown = (event: KeyboardEvent) => {
    // The editor and the app's own keys go first (capturing listeners, CodeMirror's keymap).
    if (event.defaultPrevented) return;
    const dialogOpen = !!document.querySelector('dialog[open]');
    if (isQuitKey(event, isMac)) {
      event.preventDefault();
      if (!dialogOpen) void runCommand('app:quit');
    } else if (isFileMenuKey(event)) {
      event.preventDefault();
      if (!dialogOpen && menuButton.getAttribute('aria-expanded') !== 'true') menuButton.click();
    } else if (isBrowserShortcut(event, isMac)) {
      // Even in a dialog: the keys stay in the app.
      event.preventDefault();
    }
  };
  window.addEventListener('keydown', onKeyDown);
  previewFrame.contentDocument?.addEventListener('keydown', onKeyDown);
}
