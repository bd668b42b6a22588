/**
 * Watches a window's open files for changes made by other programs. It
 * watches each file's folder (so an editor that writes a temp file and renames
 * it over ours is seen, as are deletes and renames), debounces the burst of
 * events a save makes, then compares the file with what we last read or wrote
 * (mtime and size first, then a hash of the bytes). A slow poll backs up
 * fs.watch, which can miss events on network drives.
 *
 * Our own saves are not reported: the save handler tells the watcher the hash
 * it is about to write (`noteOwnWrite`), so identical content is never news.
 * Until the write is confirmed (noted again with its mtime), the bytes that
 * were there before are ours too: a check that runs between the two notes
 * may still read them (the temp file isn't renamed over ours yet). And a
 * check compares what it read with the baseline as it is when the read ends,
 * not when the check began, so a save landing during a check is ours.
 */
import { watch, promises as fsp, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { MainEvent } from '../contract';
import { readDocument } from './files';

export type FileWatchEvent = Extract<MainEvent, { type: 'file-changed' | 'file-deleted' | 'file-unreadable' }>;

export interface FileWatcherOptions {
  onEvent: (event: FileWatchEvent) => void;
  /** How a changed file is read (tests pause it to land a save mid-check). */
  read?: typeof readDocument;
  /** Quiet time after the last event before the file is checked. */
  debounceMs?: number;
  /** Every watched file is also checked this often (0: never). */
  pollMs?: number;
}

export interface FileWatcher {
  /** The open files of this window; replaces the previous set. Resolves once baselines are taken. */
  setWatched(paths: readonly string[]): Promise<void>;
  /**
   * What we just read or wrote at `file`: its mtime (null if not known yet)
   * and the hash of its bytes. Content with that hash is never reported.
   */
  noteOwnWrite(file: string, mtimeMs: number | null, hash?: string): void;
  close(): void;
}

interface Baseline {
  exists: boolean;
  mtimeMs: number | null;
  size: number | null;
  hash: string | null;
  /** While a save of ours is under way: the hash of the bytes it replaces (still ours). */
  replacing?: string | null;
}

/** Notes kept for files not (yet) watched, so a file opened then watched keeps its baseline. */
const MAX_NOTES = 256;

export function createFileWatcher(options: FileWatcherOptions): FileWatcher {
  const debounceMs = options.debounceMs ?? 100;
  const read = options.read ?? readDocument;
  const known = new Map<string, Baseline>();
  const watched = new Set<string>();
  /** Folder → the watched files whose events arrive there (a symlink's target may live elsewhere). */
  const folders = new Map<string, { watcher: FSWatcher | null; files: Set<string>; names: Map<string, Set<string>> }>();
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let closed = false;

  const poll = options.pollMs === 0 ? null : setInterval(() => {
    for (const folder of folders.keys()) ensureFolderWatcher(folder);
    for (const file of watched) schedule(file, 0);
  }, options.pollMs ?? 2000);
  poll?.unref();

  function emit(event: FileWatchEvent): void {
    if (closed || !watched.has(event.path)) return;
    try {
      options.onEvent(event);
    } catch {
      // A failing listener must not stop the watcher.
    }
  }

  function schedule(file: string, delay = debounceMs): void {
    if (closed || !watched.has(file)) return;
    clearTimeout(timers.get(file));
    const timer = setTimeout(() => {
      timers.delete(file);
      void runCheck(file);
    }, delay);
    timer.unref();
    timers.set(file, timer);
  }

  /** One check per file at a time; a request during a check runs it once more after. */
  async function runCheck(file: string): Promise<void> {
    if (running.has(file)) {
      again.add(file);
      return running.get(file);
    }
    const job = check(file).catch(() => undefined).finally(() => {
      running.delete(file);
      if (again.delete(file)) void runCheck(file);
    });
    running.set(file, job);
    return job;
  }

  async function check(file: string): Promise<void> {
    const base = known.get(file) ?? { exists: true, mtimeMs: null, size: null, hash: null };
    const gone = () => {
      if (!base.exists) return;
      known.set(file, { exists: false, mtimeMs: null, size: null, hash: null });
      emit({ type: 'file-deleted', path: file });
    };
    let stat;
    try {
      stat = await fsp.stat(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') gone();
      return;
    }
    if (base.exists && base.mtimeMs === stat.mtimeMs && base.size === stat.size) return;
    const result = await read(file);
    if (!result.ok) {
      if (result.error.code === 'NOT_FOUND') return gone();
      known.set(file, { exists: true, mtimeMs: stat.mtimeMs, size: stat.size, hash: null });
      emit({ type: 'file-unreadable', path: file, error: result.error });
      return;
    }
    const { doc, hash, size } = result.value;
    const reappeared = !base.exists;
    // The baseline now: a save of ours may have been noted while we read.
    const now = known.get(file) ?? base;
    if (!reappeared && hash === now.replacing) return; // the bytes our save is replacing
    known.set(file, { exists: true, mtimeMs: doc.mtimeMs, size, hash, replacing: now.replacing ?? null });
    if (!reappeared && hash === now.hash) return;
    emit({ type: 'file-changed', path: file, text: doc.text, format: doc.format, mtimeMs: doc.mtimeMs ?? stat.mtimeMs, warnings: doc.warnings });
  }

  function ensureFolderWatcher(folder: string): void {
    const entry = folders.get(folder);
    if (!entry || entry.watcher || closed) return;
    try {
      const watcher = watch(folder, { persistent: false }, (_type, name) => {
        const hit = name ? entry.names.get(name.toString()) : undefined;
        for (const file of name ? (hit ?? []) : entry.files) schedule(file);
      });
      watcher.on('error', () => {
        // The folder itself went away: check its files now, re-watch from the poll.
        watcher.close();
        entry.watcher = null;
        for (const file of entry.files) schedule(file);
      });
      entry.watcher = watcher;
    } catch {
      // Missing folder: the poll retries.
    }
  }

  function listen(folder: string, name: string, file: string): void {
    let entry = folders.get(folder);
    if (!entry) {
      entry = { watcher: null, files: new Set(), names: new Map() };
      folders.set(folder, entry);
    }
    entry.files.add(file);
    const forName = entry.names.get(name) ?? new Set<string>();
    forName.add(file);
    entry.names.set(name, forName);
    ensureFolderWatcher(folder);
  }

  async function takeBaseline(file: string): Promise<void> {
    if (known.has(file)) {
      // Read earlier (opened or saved): anything since then is news.
      schedule(file, 0);
      return;
    }
    const read = await readDocument(file);
    if (read.ok) {
      known.set(file, { exists: true, mtimeMs: read.value.doc.mtimeMs, size: read.value.size, hash: read.value.hash });
    } else if (read.error.code === 'NOT_FOUND') {
      known.set(file, { exists: false, mtimeMs: null, size: null, hash: null });
      emit({ type: 'file-deleted', path: file });
    } else {
      known.set(file, { exists: true, mtimeMs: null, size: null, hash: null });
    }
  }

  function forgetOldNotes(): void {
    for (const file of known.keys()) {
      if (known.size <= MAX_NOTES) return;
      if (!watched.has(file)) known.delete(file);
    }
  }

  return {
    async setWatched(paths) {
      if (closed) return;
      const next = new Set(paths.map((p) => path.resolve(p)));
      for (const file of watched) {
        if (next.has(file)) continue;
        watched.delete(file);
        known.delete(file);
        clearTimeout(timers.get(file));
        timers.delete(file);
      }
      for (const [folder, entry] of folders) {
        for (const file of entry.files) if (!next.has(file)) entry.files.delete(file);
        for (const [name, files] of entry.names) {
          for (const file of files) if (!next.has(file)) files.delete(file);
          if (files.size === 0) entry.names.delete(name);
        }
        if (entry.files.size === 0) {
          entry.watcher?.close();
          folders.delete(folder);
        }
      }
      const added = [...next].filter((file) => !watched.has(file));
      for (const file of added) {
        watched.add(file);
        listen(path.dirname(file), path.basename(file), file);
        const real = await fsp.realpath(file).catch(() => file);
        if (real !== file) listen(path.dirname(real), path.basename(real), file);
      }
      await Promise.all(added.map(takeBaseline));
      forgetOldNotes();
    },

    noteOwnWrite(file, mtimeMs, hash) {
      const abs = path.resolve(file);
      const base = known.get(abs) ?? { exists: true, mtimeMs: null, size: null, hash: null };
      const next: Baseline = { ...base, exists: true };
      if (hash !== undefined) {
        // About to write (no mtime yet): what is on disk until the rename lands stays ours.
        if (mtimeMs === null && hash !== base.hash) next.replacing = base.hash;
        next.hash = hash;
        // New bytes: the next check must look at them (and will find them ours).
        next.mtimeMs = null;
        next.size = null;
      }
      if (mtimeMs !== null) {
        next.mtimeMs = mtimeMs;
        next.replacing = null; // written: only the new bytes are ours now
      }
      known.set(abs, next);
      forgetOldNotes();
    },

    close() {
      closed = true;
      if (poll) clearInterval(poll);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const entry of folders.values()) entry.watcher?.close();
      folders.clear();
      watched.clear();
    },
  };
}
