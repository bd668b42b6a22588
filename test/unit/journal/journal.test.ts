import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalWrite } from '../../../electron/contract';
import { createJournal, type Journal } from '../../../electron/services/journal';
import { checkJournalPatch, checkJournalWrite } from '../../../electron/services/journal-entry';

const journals: Journal[] = [];
afterEach(() => {
  for (const journal of journals.splice(0)) journal.dispose();
});

async function profile() {
  return mkdtemp(path.join(os.tmpdir(), 'byline-journal-'));
}

/** A session as it runs; `crashed` makes every other session look dead (as after a kill). */
function session(profileDir: string, afterCrash = false): Journal {
  const journal = createJournal({ profileDir, ...(afterCrash ? { isProcessAlive: () => false } : {}) });
  journals.push(journal);
  return journal;
}

const LF = { eol: 'lf', bom: false, encoding: 'utf-8' } as const;
const entry = (over: Partial<JournalWrite> = {}): JournalWrite => ({
  id: 'buffer-0001',
  path: null,
  name: 'Untitled',
  text: 'The mayor said\nmore words',
  format: LF,
  baseMtimeMs: null,
  ...over,
});

describe('crash journal', () => {
  it('offers an untitled buffer back after a crash, with its label and preview', async () => {
    const dir = await profile();
    const before = session(dir);
    expect(await before.write(entry({ text: '\n  Cities need trees  \n' + 'x'.repeat(500) }))).toEqual({ ok: true, value: { revision: 1 } });
    // The crash: no clearAll, the heartbeat stops, the process is gone.
    before.dispose();
    const after = session(dir, true);
    const offered = await after.list();
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ id: 'buffer-0001', path: null, name: 'Untitled', firstLine: 'Cities need trees', reason: 'untitled', format: LF });
    expect(offered[0]!.preview).toHaveLength(300);
    expect(offered[0]!.text).toBe('\n  Cities need trees  \n' + 'x'.repeat(500));
    expect(offered[0]!.savedAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps entries in the profile, never beside the document', async () => {
    const dir = await profile();
    const docs = await profile();
    const file = path.join(docs, 'oped.md');
    await writeFile(file, 'saved');
    await session(dir).write(entry({ path: file, name: 'oped.md', text: 'saved and more' }));
    expect(await readdir(docs)).toEqual(['oped.md']);
    expect((await readdir(path.join(dir, 'journal'))).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  });

  it('offers files whose text differs or that are gone, not those identical to disk', async () => {
    const dir = await profile();
    const docs = await profile();
    const same = path.join(docs, 'same.md');
    const differs = path.join(docs, 'differs.md');
    const gone = path.join(docs, 'gone.md');
    await writeFile(same, 'line\r\n');
    await writeFile(differs, 'old');
    const before = session(dir);
    await before.write(entry({ id: 'same-0001', path: same, name: 'same.md', text: 'line\n' }));
    await before.write(entry({ id: 'differs-01', path: differs, name: 'differs.md', text: 'new' }));
    await before.write(entry({ id: 'gone-00001', path: gone, name: 'gone.md', text: 'lost file' }));
    before.dispose();
    const offered = await session(dir, true).list();
    expect(offered.map((e) => [e.id, e.reason]).sort()).toEqual([
      ['differs-01', 'differs'],
      ['gone-00001', 'file-missing'],
    ]);
  });

  it('clear removes one entry; a clean quit removes all of this session', async () => {
    const dir = await profile();
    const journal = session(dir);
    await journal.write(entry({ id: 'keep-00001' }));
    await journal.write(entry({ id: 'drop-00001' }));
    await journal.clear('drop-00001');
    journal.dispose();
    expect((await session(dir, true).list()).map((e) => e.id)).toEqual(['keep-00001']);

    const clean = await profile();
    const quitting = session(clean);
    await quitting.write(entry());
    await quitting.clearAll();
    expect(await readdir(path.join(clean, 'journal'))).toEqual([]);
    // After a clean quit, late writes are ignored: no journal is left behind.
    await quitting.write(entry({ id: 'late-00001' }));
    expect(await readdir(path.join(clean, 'journal'))).toEqual([]);
  });

  it('never lets a new session wipe a previous session’s entries on start or quit', async () => {
    const dir = await profile();
    const crashed = session(dir);
    await crashed.write(entry());
    crashed.dispose();
    const next = session(dir, true);
    await next.list();
    await next.write(entry({ id: 'other-0001', text: 'new work' }));
    await next.clearAll();
    const third = session(dir, true);
    expect((await third.list()).map((e) => e.id)).toEqual(['buffer-0001']);
    // Discarding is the writer's decision: then it is gone for good.
    await third.clear('buffer-0001');
    expect(await session(dir, true).list()).toEqual([]);
  });

  it('a restored buffer journaled again supersedes the crashed copy', async () => {
    const dir = await profile();
    const crashed = session(dir);
    await crashed.write(entry({ text: 'old words' }));
    crashed.dispose();
    const next = session(dir, true);
    const [restored] = await next.list();
    await next.write(entry({ id: restored!.id, text: 'old words, continued' }));
    await next.clearAll();
    expect(await session(dir, true).list()).toEqual([]);
    expect((await readdir(path.join(dir, 'journal'))).filter((n) => n.endsWith('.json'))).toEqual([]);
  });

  it('does not offer or delete the entries of another running instance', async () => {
    const dir = await profile();
    const first = session(dir);
    await first.write(entry({ text: 'first instance, still typing' }));
    const second = session(dir); // same machine, process alive, heartbeat fresh
    expect(await second.list()).toEqual([]);
    await second.clear('buffer-0001');
    await second.clearAll();
    first.dispose();
    expect((await session(dir, true).list()).map((e) => e.text)).toEqual(['first instance, still typing']);
  });

  it('ignores a damaged journal file and keeps it aside', async () => {
    const dir = await profile();
    const crashed = session(dir);
    await crashed.write(entry());
    crashed.dispose();
    const damagedName = `${crashed.sessionId}.broken-0001.json`;
    await writeFile(path.join(dir, 'journal', damagedName), '{"version":1,"text":');
    await writeFile(path.join(dir, 'journal', `${crashed.sessionId}.wrong-00001.json`), JSON.stringify({ version: 1, id: '../../etc' }));
    const offered = await session(dir, true).list();
    expect(offered.map((e) => e.id)).toEqual(['buffer-0001']);
    const aside = await readdir(path.join(dir, 'journal', 'damaged'));
    expect(aside.some((n) => n.startsWith(damagedName))).toBe(true);
    expect(aside).toHaveLength(2);
  });

  it('rapid writes: the last one wins and no file is ever torn', async () => {
    const dir = await profile();
    const journal = session(dir);
    const texts = Array.from({ length: 60 }, (_, i) => `version ${i} `.repeat(2000));
    const file = () => path.join(dir, 'journal', `${journal.sessionId}.buffer-0001.json`);
    let reads = 0;
    let writing = true;
    // Reads while the writes go on, and at least once after the first lands, however the two interleave.
    const reader = (async () => {
      while (writing || reads === 0) {
        const raw = await readFile(file(), 'utf8').catch(() => null);
        if (raw !== null) {
          expect(() => JSON.parse(raw)).not.toThrow();
          reads++;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const results = await Promise.all(texts.map((text) => journal.write(entry({ text }))));
    writing = false;
    await reader;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(reads).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(file(), 'utf8')).text).toBe(texts.at(-1));
    journal.dispose();
    expect((await session(dir, true).list())[0]?.text).toBe(texts.at(-1));
    expect((await readdir(path.join(dir, 'journal'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a write then a clear of the same buffer, racing, ends cleared', async () => {
    const dir = await profile();
    const journal = session(dir);
    await Promise.all([journal.write(entry()), journal.clear('buffer-0001')]);
    journal.dispose();
    expect(await session(dir, true).list()).toEqual([]);
  });

  it('recreates its folder if it was deleted meanwhile', async () => {
    const dir = await profile();
    const journal = session(dir);
    await journal.write(entry());
    await rm(path.join(dir, 'journal'), { recursive: true });
    expect(await journal.write(entry({ text: 'again' }))).toMatchObject({ ok: true });
    journal.dispose();
    expect((await session(dir, true).list()).map((e) => e.text)).toEqual(['again']);
  });

  it('applies a patch to the last written text and stores the result', async () => {
    const dir = await profile();
    const journal = session(dir);
    const first = await journal.write(entry({ text: 'The mayor said\nmore words' }));
    if (!first.ok) throw new Error(first.error.message);
    const { text: _text, ...about } = entry();
    // "said" → "claimed", then a later patch against that answer's revision.
    const second = await journal.patch({ ...about, base: first.value.revision, from: 10, to: 14, insert: 'claimed', length: 28 });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.revision).toBeGreaterThan(first.value.revision);
    const third = await journal.patch({ ...about, name: 'Renamed', base: second.value.revision, from: 28, to: 28, insert: '.', length: 29 });
    expect(third.ok).toBe(true);
    const stored = JSON.parse(await readFile(path.join(dir, 'journal', `${journal.sessionId}.buffer-0001.json`), 'utf8'));
    expect(stored).toMatchObject({ text: 'The mayor claimed\nmore words.', name: 'Renamed' });
    journal.dispose();
    expect((await session(dir, true).list())[0]?.text).toBe('The mayor claimed\nmore words.');
  });

  it('refuses a patch it cannot apply exactly, as STALE, and keeps the text it had', async () => {
    const dir = await profile();
    const journal = session(dir);
    const first = await journal.write(entry({ text: 'abc' }));
    if (!first.ok) throw new Error(first.error.message);
    const { text: _text, ...about } = entry();
    const patch = { ...about, base: first.value.revision, from: 1, to: 2, insert: 'X', length: 3 };
    const stale = { ok: false, error: { code: 'STALE' } };
    expect(await journal.patch({ ...patch, base: first.value.revision + 1 })).toMatchObject(stale);
    expect(await journal.patch({ ...patch, to: 4, length: 2 })).toMatchObject(stale);
    expect(await journal.patch({ ...patch, length: 4 })).toMatchObject(stale);
    expect(await journal.patch({ ...patch, id: 'other-0001' })).toMatchObject(stale);
    // A newer write makes the old revision stale too.
    const newer = await journal.write(entry({ text: 'abcd' }));
    expect(await journal.patch(patch)).toMatchObject(stale);
    expect(newer.ok).toBe(true);
    await journal.clear('buffer-0001');
    if (!newer.ok) throw new Error(newer.error.message);
    expect(await journal.patch({ ...patch, base: newer.value.revision, length: 4 })).toMatchObject(stale);
    await journal.write(entry({ text: 'kept' }));
    journal.dispose();
    expect((await session(dir, true).list()).map((e) => e.text)).toEqual(['kept']);
  });

  it('treats a session whose heartbeat stopped long ago as gone, even if its pid is reused', async () => {
    const dir = await profile();
    const old = session(dir);
    await old.write(entry());
    old.dispose();
    const later = createJournal({ profileDir: dir, isProcessAlive: () => true, now: () => Date.now() + 60_000 });
    journals.push(later);
    expect((await later.list()).map((e) => e.id)).toEqual(['buffer-0001']);
  });
});

describe('journal payload check', () => {
  it('accepts a well-formed write and copies only known fields', () => {
    expect(checkJournalWrite({ ...entry(), extra: 1, format: { ...LF, junk: true } })).toEqual(entry());
  });

  it('rejects bad ids (no path traversal), relative paths, huge or non-string text', () => {
    for (const bad of [
      entry({ id: '../../../etc/passwd' }),
      entry({ id: 'short' }),
      entry({ id: 'a'.repeat(65) }),
      entry({ id: 'with.dot-123' }),
      entry({ path: 'relative/path.md' }),
      { ...entry(), text: 42 },
      { ...entry(), baseMtimeMs: Number.NaN },
      { ...entry(), format: { eol: 'lf', bom: false, encoding: 'latin1' } },
      null,
    ]) {
      expect(typeof checkJournalWrite(bad), JSON.stringify(bad)).toBe('string');
    }
  });
});

describe('journal patch check', () => {
  const { text: _text, ...about } = entry();
  const patch = { ...about, base: 3, from: 1, to: 2, insert: 'X', length: 3 };

  it('accepts a well-formed patch and copies only known fields', () => {
    expect(checkJournalPatch({ ...patch, extra: 1, text: 'whole' })).toEqual(patch);
  });

  it('rejects bad spans, revisions and buffers', () => {
    for (const bad of [
      { ...patch, base: 0 },
      { ...patch, base: 1.5 },
      { ...patch, from: -1 },
      { ...patch, from: 3, to: 2 },
      { ...patch, to: Number.MAX_SAFE_INTEGER },
      { ...patch, from: '1' },
      { ...patch, insert: null },
      { ...patch, length: -3 },
      { ...patch, id: '../../../etc/passwd' },
      { ...patch, path: 'relative.md' },
      [patch],
      null,
    ]) {
      expect(typeof checkJournalPatch(bad), JSON.stringify(bad)).toBe('string');
    }
  });
});
