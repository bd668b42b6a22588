/**
 * Closing the window without losing a word. The page holds the window open
 * while its buffer is unsaved (`beforeunload`); the shell then sends
 * `window:close`, and the page asks Save / Don't Save / Cancel. Once settled
 * it calls `closeWindow`, and the shell closes the window — a clean close, so
 * the journal is cleared. When the shell is stopped by a signal it calls
 * PAGE_QUIT_HOOK: the page writes any unsaved buffer to the journal at once
 * and says whether it is dirty (the shell keeps the journal if so).
 */
import { PAGE_QUIT_HOOK } from '../../electron/contract';
import { showMessage } from '../ui/dialogs';
import type { AppContext } from './app-context';
import { registerCommand } from './command-registry';
import type { DocumentCommands } from './document-commands';

export function installQuitFlow(app: AppContext, documents: DocumentCommands): void {
  let closing = false;
  let asking = false;

  window.addEventListener('beforeunload', (event) => {
    if (closing || !app.session?.refreshDirty(app.view.state.doc)) return;
    // Make sure the journal has the latest words whatever the writer answers.
    void documents.journal.flush();
    event.preventDefault();
    event.returnValue = '';
  });

  registerCommand('window:close', async () => {
    if (asking) return;
    asking = true;
    try {
      if (!(await documents.confirmDiscard())) return;
      // Saved, or the writer chose not to: this buffer's journal entry goes (begin() clears it).
      documents.journal.begin();
      closing = true;
      const result = await app.api.closeWindow();
      if (!result.ok) {
        closing = false;
        if (result.error.code !== 'UNSUPPORTED') await showMessage("Can't close the window", result.error.message);
      }
    } finally {
      asking = false;
    }
  });

  Object.defineProperty(window, PAGE_QUIT_HOOK, {
    configurable: false,
    enumerable: false,
    value: async (): Promise<{ dirty: boolean }> => ({ dirty: await documents.journal.flush() }),
  });
}
