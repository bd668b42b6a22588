/**
 * Crash recovery in the page: on start (and on File → Recover), asks main for
 * the buffers a dead session left unsaved and offers each back. A restored
 * entry becomes the open buffer, unsaved, under the entry's own journal id;
 * a discarded one is cleared; the rest stay in the journal for later, with a
 * notice so they aren't forgotten.
 */
import type { JournalEntry } from '../../electron/contract';
import { clearNotice, showMessage, showNotice } from '../ui/dialogs';
import { showRecoveryDialog } from '../ui/recovery-dialog';
import type { AppContext } from './app-context';
import { registerCommand, runCommand } from './command-registry';
import type { DocumentCommands } from './document-commands';

export interface Recovery {
  /** Offers what the journal holds; `quiet`: say nothing when there is nothing. */
  offer(quiet: boolean): Promise<void>;
}

export function installRecovery(app: AppContext, documents: DocumentCommands): Recovery {
  async function offer(quiet: boolean): Promise<void> {
    const listed = await app.api.listJournal();
    if (!listed.ok) {
      if (!quiet && listed.error.code !== 'UNSUPPORTED') await showMessage("Can't recover", listed.error.message);
      return;
    }
    const entries = listed.value.filter((entry) => entry.id !== documents.journal.id);
    if (entries.length === 0) {
      clearNotice('recovery');
      if (!quiet) await showMessage('Nothing to recover', 'Every document from earlier sessions was saved or discarded.');
      return;
    }
    const settled = new Set<string>();
    const chosen = await showRecoveryDialog(entries, {
      async discard(entry) {
        const result = await app.api.clearJournal({ id: entry.id });
        if (result.ok) settled.add(entry.id);
        return result.ok;
      },
    });
    if (chosen && (await documents.restore(chosen))) settled.add(chosen.id);
    remind(entries.filter((entry) => !settled.has(entry.id)));
  }

  function remind(left: JournalEntry[]): void {
    if (left.length === 0) return clearNotice('recovery');
    showNotice(
      'recovery',
      left.length === 1 ? 'One more unsaved document can be recovered.' : `${left.length} more unsaved documents can be recovered.`,
      { tone: 'info', actions: [{ label: 'Recover…', run: () => void runCommand('file:recover') }] },
    );
  }

  registerCommand('file:recover', () => offer(false));
  return { offer };
}
