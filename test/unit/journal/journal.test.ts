import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalWrite } from '../../../electron/contract';
import { createJournal, type Journal } from '../../../electron/services/journal';
import { checkJournalWrite } from '../../../electron/services/journal-entry';

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
    expect(await before.write(entry({ text: '\n  Cities need trees  \n' + 'x'.repeat(500) }))).toEqual({ ok: true, value: null });
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
    const reader = (async () => {
      for (let i = 0; i < 40; i++) {
        const raw = await readFile(file(), 'utf8').catch(() => null);
        if (raw !== null) {
          expect(() => JSON.parse(raw)).not.toThrow();
          reads++;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const results = await Promise.all(texts.map((text) => journal.write(entry({ text }))));
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
    expect(await journal.write(entry({ text: 'again' }))).toEqual({ ok: true, value: null });
    journal.dispose();
    expect((await session(dir, true).list()).map((e) => e.text)).toEqual(['again']);
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
