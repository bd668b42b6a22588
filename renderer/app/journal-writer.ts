/**
 * Keeps the crash journal current for the open buffer: while it has unsaved
 * text, every change reaches the journal within a second (at most one write a
 * second); once it is clean again (saved, reverted, undone back to the file)
 * its entry is cleared. Each buffer has an id for its whole life; a buffer
 * restored from the journal keeps the entry's id, so the service knows our
 * writes supersede the dead session's copy.
 *
 * Only the first write of a buffer carries its whole text; later ones send the
 * span the editor's changes touched since the text the last write sent (a
 * patch), read from CodeMirror's change sets, so a book-length draft costs the
 * page a few characters a second: no copy of the text, no comparison. Writes
 * go one at a time, so each patch's base is the answer to the write before
 * it; a patch the journal can't apply is sent whole.
 */
import { ChangeSet, type Text } from '@codemirror/state';
import type { JournalPatch, JournalRevision, JournalWrite, Result } from '../../electron/contract';
import type { AppContext } from './app-context';
import { changeSpan } from './change-span';

/** How long after a change its text may wait before it is journaled. */
export const JOURNAL_INTERVAL_MS = 1000;

export interface JournalWriter {
  /** This buffer's journal id. */
  readonly id: string;
  /** The file's mtime when the buffer was last loaded or saved (sent with each write). */
  baseMtimeMs: number | null;
  /** A new buffer was loaded: forget the old one's entry, start journaling under `id` (or a fresh id). */
  begin(id?: string): void;
  /**
   * Something to journal changed: the text (pass the editor's `changes`), or
   * only the facts about the file (pass nothing). Journals within JOURNAL_INTERVAL_MS.
   */
  changed(changes?: ChangeSet): void;
  /** Journals (or clears) right now; resolves with whether the buffer is dirty. */
  flush(): Promise<boolean>;
  /** Called with a failure message when the journal can't be written (once per problem). */
  onProblem(listener: (message: string | null) => void): void;
}

export function newBufferId(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  cryptoApi.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Milliseconds to wait before the next write, given when the last one started. */
export function journalDelay(now: number, lastWriteAt: number, interval = JOURNAL_INTERVAL_MS): number {
  return Math.max(0, Math.min(interval, lastWriteAt + interval - now));
}

export function createJournalWriter(app: AppContext): JournalWriter {
  let id = newBufferId();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWriteAt = 0;
  /** True while this buffer may have an entry in the journal. */
  let journaled = false;
  let unsupported = false;
  /** The revision the journal gave the last write: what the next patch is against. */
  let acknowledged: number | null = null;
  /**
   * The edits since the text the last write sent (null: not known, so the next
   * write sends the whole text). After a write succeeds, these turn its text
   * into the editor's.
   */
  let edits: ChangeSet | null = null;
  /** The write in flight (writes go one at a time). */
  let queue: Promise<unknown> = Promise.resolve();
  let problem: string | null = null;
  const problemListeners: ((message: string | null) => void)[] = [];

  function report(message: string | null): void {
    if (message === problem) return;
    problem = message;
    for (const listener of problemListeners) listener(message);
  }

  function clearEntry(entryId: string): void {
    void app.api.clearJournal({ id: entryId });
  }

  function flush(): Promise<boolean> {
    clearTimeout(timer);
    timer = undefined;
    const run = queue.then(flushNow);
    queue = run.catch(() => undefined);
    return run;
  }

  async function flushNow(): Promise<boolean> {
    if (!app.session) return false;
    const doc = app.view.state.doc;
    const dirty = app.session.refreshDirty(doc);
    if (unsupported) return dirty;
    if (!dirty) {
      if (journaled) {
        journaled = false;
        acknowledged = null;
        await app.api.clearJournal({ id });
      }
      return false;
    }
    lastWriteAt = Date.now();
    journaled = true;
    const session = app.session;
    const about = { id, path: session.path, name: session.name, format: session.format, baseMtimeMs: writer.baseMtimeMs };
    const sinceLast = acknowledged !== null ? edits : null;
    // From here on, edits count from `doc`, the text this write sends.
    edits = ChangeSet.empty(doc.length);
    const result = await send(about, doc, sinceLast);
    if (about.id === id) acknowledged = result.ok ? result.value.revision : null;
    if (result.ok) report(null);
    else if (result.error.code === 'UNSUPPORTED') unsupported = true;
    else report(result.error.message);
    return true;
  }

  /** A patch against the acknowledged text when its edits are known, else (or when it is stale) the whole text. */
  async function send(about: Omit<JournalWrite, 'text'>, doc: Text, sinceLast: ChangeSet | null): Promise<Result<JournalRevision>> {
    if (acknowledged !== null && sinceLast) {
      const patch: JournalPatch = { ...about, base: acknowledged, ...changeSpan(sinceLast, doc), length: doc.length };
      const patched = await app.api.patchJournal(patch);
      if (patched.ok || patched.error.code !== 'STALE') return patched;
    }
    return app.api.writeJournal({ ...about, text: doc.toString() });
  }

  const writer: JournalWriter = {
    get id() {
      return id;
    },
    baseMtimeMs: null,
    begin(next) {
      clearTimeout(timer);
      timer = undefined;
      if (journaled && next !== id) clearEntry(id);
      // A restored buffer's entry (left by a dead session) is ours to clear from now on.
      journaled = next !== undefined;
      id = next ?? newBufferId();
      acknowledged = null;
      edits = null;
      lastWriteAt = 0;
    },
    changed(changes) {
      // Changes that don't fit the edits so far (never expected) make the next write whole.
      if (changes && edits) edits = changes.length === edits.newLength ? edits.compose(changes) : null;
      if (timer !== undefined) return;
      timer = setTimeout(() => void flush(), journalDelay(Date.now(), lastWriteAt));
    },
    flush,
    onProblem(listener) {
      problemListeners.push(listener);
    },
  };
  return writer;
}
