/**
 * The recovery dialog: every unsaved buffer a crashed or killed session left
 * in the journal, each with its file name (or first line), when it was last
 * recorded, why it is offered and a preview, and Restore / Discard buttons.
 * Discard asks the caller (which clears the entry) and keeps the dialog open;
 * Restore closes it with the chosen entry; "Decide Later" keeps them all.
 */
import type { JournalEntry } from '../../electron/contract';
import { el, openDialog } from './dialogs';

export function entryLabel(entry: Pick<JournalEntry, 'path' | 'name' | 'firstLine'>): string {
  if (entry.path) return entry.name;
  return entry.firstLine.trim() ? entry.firstLine.trim().slice(0, 80) : entry.name || 'Untitled';
}

export function entryReason(entry: Pick<JournalEntry, 'reason' | 'path'>): string {
  switch (entry.reason) {
    case 'differs':
      return `Unsaved changes to ${entry.path}`;
    case 'file-missing':
      return `The file is gone from ${entry.path}`;
    case 'file-unreadable':
      return `The file at ${entry.path} can't be read now`;
    default:
      return 'Never saved';
  }
}

export interface RecoveryDialogOptions {
  /** Discards one entry; resolves false (entry kept in the list) when that failed. */
  discard(entry: JournalEntry): Promise<boolean>;
  formatTime?(ms: number): string;
}

/** Resolves with the entry to restore, or null (all discarded, or decide later). */
export function showRecoveryDialog(entries: readonly JournalEntry[], options: RecoveryDialogOptions): Promise<JournalEntry | null> {
  const formatTime = options.formatTime ?? ((ms: number) => new Date(ms).toLocaleString());
  return new Promise((resolve) => {
    let chosen: JournalEntry | null = null;
    let remaining = entries.length;
    const id = 'recovery-title';
    const dialog = openDialog((d) => {
      d.classList.add('recovery-dialog');
      const heading = el('h2', 'dialog-title', 'Recover unsaved text?');
      heading.id = id;
      const intro = el(
        'p',
        'dialog-message',
        entries.length === 1
          ? 'Byline closed without saving this text. Restore it, or discard it for good.'
          : `Byline closed without saving ${entries.length} documents. Restore or discard each one.`,
      );
      const list = el('ul', 'recovery-list');
      list.setAttribute('aria-label', 'Unsaved documents');
      for (const entry of entries) {
        const item = el('li', 'recovery-entry');
        item.dataset.entryId = entry.id;
        const title = el('div', 'recovery-entry-title', entryLabel(entry));
        const meta = el('div', 'recovery-entry-meta', `${entryReason(entry)} · last change ${formatTime(entry.savedAt)}`);
        const preview = el('pre', 'recovery-entry-preview', entry.preview);
        const buttons = el('div', 'recovery-entry-buttons');
        const discard = el('button', 'recovery-discard', 'Discard');
        discard.type = 'button';
        discard.addEventListener('click', async () => {
          discard.disabled = true;
          if (!(await options.discard(entry))) {
            discard.disabled = false;
            return;
          }
          item.remove();
          if (--remaining === 0) d.close();
        });
        const restore = el('button', 'recovery-restore primary', 'Restore');
        restore.type = 'button';
        restore.addEventListener('click', () => {
          chosen = entry;
          d.close();
        });
        buttons.append(discard, restore);
        item.append(title, meta, preview, buttons);
        list.append(item);
      }
      const footer = el('div', 'dialog-buttons');
      const later = el('button', 'recovery-later', 'Decide Later');
      later.type = 'button';
      later.addEventListener('click', () => d.close());
      footer.append(later);
      d.append(heading, intro, list, footer);
    }, id);
    dialog.querySelector<HTMLButtonElement>('.recovery-restore')?.focus();
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(chosen);
    });
  });
}
