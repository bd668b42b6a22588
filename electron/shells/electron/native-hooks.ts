/**
 * What the Electron shell brings to the shared API handler: native open and
 * save dialogs, and the system browser for links.
 */
import path from 'node:path';
import { dialog, shell, type BrowserWindow, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ShellHooks } from '../../services/api-handlers';
import { isAllowedExternalUrl } from '../../services/external-links';

export const MARKDOWN_FILTERS: FileFilter[] = [
  { name: 'Markdown', extensions: ['md', 'markdown', 'mdown', 'txt'] },
  { name: 'All Files', extensions: ['*'] },
];

/** Opens a link in the system browser, if it is a web or email link; never throws. */
export async function openExternalSafely(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) return;
  try {
    await shell.openExternal(url);
  } catch {
    // No browser or mail client registered: nothing more main can do.
  }
}

/** @param parentWindow The window dialogs attach to (the focused one, if any). */
export function createElectronHooks(parentWindow: () => BrowserWindow | null): ShellHooks {
  return {
    kind: 'electron',
    dialogs: {
      async open() {
        const options: OpenDialogOptions = {
          title: 'Open',
          properties: ['openFile', 'multiSelections'],
          filters: MARKDOWN_FILTERS,
        };
        const parent = parentWindow();
        const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      async save(suggestedName, defaultDir) {
        // The name comes from the page: keep only its last segment.
        const name = path.basename(suggestedName.trim()) || 'Untitled.md';
        const options: SaveDialogOptions = {
          title: 'Save As',
          defaultPath: defaultDir ? path.join(defaultDir, name) : name,
          filters: MARKDOWN_FILTERS,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        };
        const parent = parentWindow();
        const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
    // The handler has already checked the URL; checked again here, at the door.
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) throw new Error('Byline only opens web and email links.');
      await shell.openExternal(url);
    },
  };
}
