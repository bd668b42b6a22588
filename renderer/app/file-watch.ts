/**
 * What the page does when the open file changes on disk (main's watcher tells
 * it): a clean buffer reloads silently, as one minimal edit so the cursor and
 * scroll stay put; a dirty one asks — keep mine, load theirs, or compare. A
 * deleted file leaves the buffer marked (Save writes it again); a file that
 * can no longer be read leaves the text here untouched and says so.
 */
import { Text } from '@codemirror/state';
import type { MainEvent } from '../../electron/contract';
import { choose, clearNotice, el, openDialog, showNotice } from '../ui/dialogs';
import type { AppContext } from './app-context';
import type { DocumentCommands } from './document-commands';
import { lineDiff, minimalEdit, unifiedLines } from './file-watch-diff';

type ChangedEvent = Extract<MainEvent, { type: 'file-changed' }>;
type WatchEvent = Extract<MainEvent, { type: 'file-changed' | 'file-deleted' | 'file-unreadable' }>;

function textOf(value: string): Text {
  return Text.of(value.split('\n'));
}

export function installFileWatch(app: AppContext, documents: DocumentCommands): void {
  /** The latest event for the open file while the writer is being asked about an earlier one. */
  let pending: WatchEvent | null = null;
  let asking = false;

  function replaceWith(event: ChangedEvent): void {
    const edit = minimalEdit(app.view.state.doc.toString(), event.text);
    if (edit) app.view.dispatch({ changes: edit });
    takeBaseline(event);
  }

  function takeBaseline(event: ChangedEvent): void {
    documents.setMissing(false);
    clearNotice('doc-unreadable');
    documents.setBaseline(textOf(event.text), { format: event.format, mtimeMs: event.mtimeMs });
    documents.showWarnings(event);
  }

  async function onChanged(event: ChangedEvent): Promise<void> {
    const current = app.view.state.doc.toString();
    if (current === event.text) return takeBaseline(event);
    if (!app.session.refreshDirty(app.view.state.doc)) {
      replaceWith(event);
      return;
    }
    for (;;) {
      const choice = await choose(
        'Changed on disk',
        `Another program changed “${app.session.name}”, and you have changes here that aren't saved.`,
        [
          { value: 'compare', label: 'Compare…' },
          { value: 'keep', label: 'Keep Mine' },
          { value: 'theirs', label: 'Load Theirs', primary: true },
        ],
        'keep',
      );
      if (choice === 'compare') {
        const decided = await compare(app.view.state.doc.toString(), event.text, app.session.name);
        if (decided === 'back') continue;
        return decided === 'theirs' ? replaceWith(event) : takeBaseline(event);
      }
      // Keep mine: the buffer stays as it is, now unsaved relative to their version.
      return choice === 'theirs' ? replaceWith(event) : takeBaseline(event);
    }
  }

  function onDeleted(): void {
    documents.setMissing(true);
    documents.setBaseline(Text.empty, { mtimeMs: null });
  }

  function onUnreadable(event: Extract<MainEvent, { type: 'file-unreadable' }>): void {
    showNotice('doc-unreadable', `“${app.session.name}” changed on disk and can't be read now: ${event.error.message} Your text here is unchanged.`, {
      tone: 'warning',
    });
    documents.setBaseline(Text.empty, { mtimeMs: null });
  }

  async function handle(event: WatchEvent): Promise<void> {
    if (event.path !== app.session?.path) return;
    if (asking) {
      pending = event;
      return;
    }
    asking = true;
    try {
      if (event.type === 'file-changed') await onChanged(event);
      else if (event.type === 'file-deleted') onDeleted();
      else onUnreadable(event);
    } finally {
      asking = false;
    }
    const next = pending;
    pending = null;
    if (next) await handle(next);
  }

  app.api.onEvent((event) => {
    if (event.type === 'file-changed' || event.type === 'file-deleted' || event.type === 'file-unreadable') void handle(event);
  });
}

/** Shows both versions as a line diff; resolves with the writer's decision. */
function compare(mine: string, theirs: string, name: string): Promise<'keep' | 'theirs' | 'back'> {
  return new Promise((resolve) => {
    const id = 'compare-title';
    const dialog = openDialog((d) => {
      d.classList.add('compare-dialog');
      const heading = el('h2', 'dialog-title', `“${name}”: your version and the one on disk`);
      heading.id = id;
      const legend = el('p', 'dialog-message', 'Lines marked − are only in your version; lines marked + are only in the file on disk.');
      const pre = el('pre', 'compare-diff');
      for (const line of unifiedLines(lineDiff(mine, theirs))) {
        const kind = line.startsWith('- ') ? 'removed' : line.startsWith('+ ') ? 'added' : line.startsWith('… ') ? 'folded' : 'same';
        const row = el('span', `diff-${kind}`, line.startsWith('- ') ? `− ${line.slice(2)}` : line);
        pre.append(row, '\n');
      }
      const buttons = el('div', 'dialog-buttons');
      for (const [value, label, primary] of [
        ['back', 'Back', false],
        ['keep', 'Keep Mine', false],
        ['theirs', 'Load Theirs', true],
      ] as const) {
        const button = el('button', primary ? 'primary' : undefined, label);
        button.type = 'button';
        button.dataset.value = value;
        button.addEventListener('click', () => d.close(value));
        buttons.append(button);
      }
      d.append(heading, legend, pre, buttons);
    }, id);
    dialog.addEventListener('close', () => {
      const value = dialog.returnValue;
      dialog.remove();
      resolve(value === 'keep' || value === 'theirs' ? value : 'back');
    });
  });
}
