/**
 * The crash journal: the page sends each unsaved buffer's text (about once a
 * second; after the first write, as a patch to the last one); we keep it as
 * one JSON file per buffer in `<profile>/journal/`,
 * written atomically, so after a crash or power loss the next start can offer
 * it back. Never in the document's folder.
 *
 * The ownership rule (see journal-sessions.ts): each process is a session and
 * names its files `<session>.<buffer id>.json`. A session only ever deletes
 *   - its own files (`clear`, and `clearAll` on a clean quit), and
 *   - files of sessions that are no longer live, and only on the writer's
 *     decision: `clear(id)` (discard or saved) or a write of the same buffer id
 *     (the page restored that entry and now journals it itself).
 * Starting up deletes nothing but entries whose text is already on disk.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { JournalEntry, JournalPatch, JournalRevision, JournalWrite, Result } from '../contract';
import { writeFileAtomic } from './atomic-write';
import { readDocument } from './files';
import { applyJournalPatch, parseStoredEntry, toJournalEntry, type StoredEntry } from './journal-entry';
import { HEARTBEAT_MS, isSessionLive, markerFile, newSessionId, touchMarker, writeMarker, type LivenessOptions } from './journal-sessions';
import { isEntryId } from './payload-checks';

export const JOURNAL_DIR = 'journal';
const ENTRY_FILE = /^(s[0-9a-z]+-[0-9a-f]{12})\.([A-Za-z0-9-]{8,64})\.json$/;
const MARKER_FILE = /^(s[0-9a-z]+-[0-9a-f]{12})\.session$/;

export interface Journal {
  readonly sessionId: string;
  readonly dir: string;
  /** Records a buffer; rapid writes of one buffer coalesce, the last one wins. */
  write(entry: JournalWrite): Promise<Result<JournalRevision>>;
  /** Records a buffer as a change to the text of an earlier write's revision (`STALE` if that isn't the latest). */
  patch(patch: JournalPatch): Promise<Result<JournalRevision>>;
  /** Forgets a buffer: this session's entry and any a dead session left with that id. */
  clear(id: string): Promise<Result<null>>;
  /** Entries of dead sessions that still hold unsaved words, newest first. */
  list(): Promise<JournalEntry[]>;
  /** Clean quit: removes all of this session's entries and stops journaling. */
  clearAll(): Promise<void>;
  /** Stops the heartbeat without removing anything (entries stay for the next start). */
  dispose(): void;
}

export interface JournalOptions extends LivenessOptions {
  profileDir: string;
  sessionId?: string;
  heartbeatMs?: number;
}

const STALE: Result<never> = {
  ok: false,
  error: { code: 'STALE', message: 'The recovery journal no longer holds the text this change applies to.' },
};

function failure(error: unknown): Result<never> {
  const reason = (error as NodeJS.ErrnoException)?.code === 'ENOSPC' ? 'the disk is full' : 'the profile folder could not be written';
  return { ok: false, error: { code: 'IO', message: `Byline couldn't keep a recovery copy of your text: ${reason}. Save your work soon.` } };
}

export function createJournal(options: JournalOptions): Journal {
  const dir = path.join(options.profileDir, JOURNAL_DIR);
  const sessionId = options.sessionId ?? newSessionId();
  const liveness: LivenessOptions = { now: options.now, isProcessAlive: options.isProcessAlive };
  const latest = new Map<string, { seq: number; entry: JournalWrite | null }>();
  const written = new Map<string, number>();
  const chains = new Map<string, Promise<void>>();
  const adopted = new Set<string>();
  let seq = 0;
  let closed = false;
  let started: Promise<void> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const own = (id: string) => path.join(dir, `${sessionId}.${id}.json`);

  function start(): Promise<void> {
    started ??= (async () => {
      await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
      await writeMarker(dir, sessionId);
      if (heartbeat || closed) return;
      heartbeat = setInterval(() => void touchMarker(dir, sessionId), options.heartbeatMs ?? HEARTBEAT_MS);
      heartbeat.unref();
    })();
    started.catch(() => (started = null));
    return started;
  }

  /** Runs jobs for one buffer id strictly in order. */
  function enqueue(id: string, job: () => Promise<void>): Promise<void> {
    const run = (chains.get(id) ?? Promise.resolve()).then(job);
    const tail = run.catch(() => undefined);
    chains.set(id, tail);
    void tail.then(() => chains.get(id) === tail && chains.delete(id));
    return run;
  }

  /** Files of dead sessions with this buffer id (never a live session's). */
  async function deadFilesFor(id: string): Promise<string[]> {
    const names = await fsp.readdir(dir).catch(() => [] as string[]);
    const found: string[] = [];
    for (const name of names) {
      const match = ENTRY_FILE.exec(name);
      if (!match || match[2] !== id || match[1] === sessionId) continue;
      if (!(await isSessionLive(dir, match[1]!, liveness))) found.push(path.join(dir, name));
    }
    return found;
  }

  async function flush(id: string): Promise<void> {
    const next = latest.get(id);
    if (!next || (written.get(id) ?? -1) >= next.seq) return;
    written.set(id, next.seq);
    if (!next.entry || closed) return;
    const stored: StoredEntry = { version: 1, sessionId, savedAt: Date.now(), ...next.entry };
    const bytes = new TextEncoder().encode(JSON.stringify(stored));
    await start();
    try {
      await writeFileAtomic(own(id), bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Someone removed the journal folder: make it (and our marker) again.
      started = null;
      await start();
      await writeFileAtomic(own(id), bytes);
    }
    if (!adopted.has(id)) {
      // The page journals a buffer restored from a dead session: our copy supersedes it.
      adopted.add(id);
      for (const file of await deadFilesFor(id)) await fsp.unlink(file).catch(() => undefined);
    }
  }

  async function write(entry: JournalWrite): Promise<Result<JournalRevision>> {
    const mine = ++seq;
    if (closed) return { ok: true, value: { revision: mine } };
    latest.set(entry.id, { seq: mine, entry });
    try {
      await enqueue(entry.id, () => flush(entry.id));
      return { ok: true, value: { revision: mine } };
    } catch (error) {
      return failure(error);
    }
  }

  return {
    sessionId,
    dir,
    write,

    async patch({ base, from, to, insert, length, ...about }) {
      const last = latest.get(about.id);
      // Only the latest text of this buffer is held; anything else is stale.
      if (!last?.entry || last.seq !== base || to > last.entry.text.length) return STALE;
      const text = applyJournalPatch(last.entry.text, { from, to, insert });
      if (text.length !== length) return STALE;
      return write({ ...about, text });
    },

    async clear(id) {
      if (!isEntryId(id)) return { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'Not a journal entry id.' } };
      const mine = ++seq;
      latest.set(id, { seq: mine, entry: null });
      try {
        await enqueue(id, async () => {
          written.set(id, mine);
          await fsp.unlink(own(id)).catch(ignoreMissing);
          for (const file of await deadFilesFor(id)) await fsp.unlink(file).catch(ignoreMissing);
        });
        latest.delete(id);
        return { ok: true, value: null };
      } catch (error) {
        return failure(error);
      }
    },

    async list() {
      const names = await fsp.readdir(dir).catch(() => [] as string[]);
      const liveCache = new Map<string, boolean>();
      const live = async (session: string) => {
        if (session === sessionId) return true;
        if (!liveCache.has(session)) liveCache.set(session, await isSessionLive(dir, session, liveness));
        return liveCache.get(session)!;
      };
      const byId = new Map<string, JournalEntry>();
      const sessionsWithEntries = new Set<string>();
      for (const name of names) {
        const match = ENTRY_FILE.exec(name);
        if (!match) continue;
        const session = match[1]!;
        sessionsWithEntries.add(session);
        if (await live(session)) continue;
        const file = path.join(dir, name);
        const entry = await readEntry(file, dir);
        if (!entry) continue;
        const reason = await compareWithDisk(entry);
        if (reason === 'same') {
          // The words are safely on disk: nothing to offer, nothing to keep.
          await fsp.unlink(file).catch(() => undefined);
          continue;
        }
        const offered = toJournalEntry(entry, reason);
        const seen = byId.get(offered.id);
        if (!seen || seen.savedAt < offered.savedAt) byId.set(offered.id, offered);
      }
      await removeDeadMarkers(names, sessionsWithEntries, live);
      return [...byId.values()].sort((a, b) => b.savedAt - a.savedAt);
    },

    async clearAll() {
      closed = true;
      dispose();
      await Promise.all([...chains.values()]);
      const names = await fsp.readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        const ours = name.startsWith(`${sessionId}.`) || name.startsWith(`.${sessionId}.`);
        if (ours && !name.endsWith('.session')) await fsp.unlink(path.join(dir, name)).catch(() => undefined);
      }
      await fsp.unlink(markerFile(dir, sessionId)).catch(() => undefined);
      // Markers of dead sessions whose entries were all restored or discarded are litter too.
      const left = await fsp.readdir(dir).catch(() => [] as string[]);
      const withEntries = new Set(left.flatMap((name) => ENTRY_FILE.exec(name)?.[1] ?? []));
      await removeDeadMarkers(left, withEntries, (session) => isSessionLive(dir, session, liveness));
    },

    dispose,
  };

  function dispose(): void {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
  }

  /** Markers of dead sessions that left no entries are litter: remove them. */
  async function removeDeadMarkers(names: string[], withEntries: Set<string>, live: (s: string) => Promise<boolean>) {
    for (const name of names) {
      const match = MARKER_FILE.exec(name);
      if (!match || withEntries.has(match[1]!) || (await live(match[1]!))) continue;
      await fsp.unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

/** Reads one entry file; a damaged one is moved to `journal/damaged/` and skipped. */
async function readEntry(file: string, dir: string): Promise<StoredEntry | null> {
  let json: string;
  try {
    json = await fsp.readFile(file, 'utf8');
  } catch {
    return null;
  }
  const entry = parseStoredEntry(json);
  if (entry) return entry;
  const damaged = path.join(dir, 'damaged');
  await fsp.mkdir(damaged, { recursive: true }).catch(() => undefined);
  await fsp.rename(file, path.join(damaged, `${path.basename(file)}.${Date.now()}`)).catch(() => undefined);
  return null;
}

async function compareWithDisk(entry: StoredEntry): Promise<JournalEntry['reason'] | 'same'> {
  if (entry.path === null) return entry.text.trim() === '' ? 'same' : 'untitled';
  const read = await readDocument(entry.path);
  if (read.ok) return read.value.doc.text === entry.text ? 'same' : 'differs';
  return read.error.code === 'NOT_FOUND' ? 'file-missing' : 'file-unreadable';
}
