import { mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileWatcher, type FileWatchEvent, type FileWatcher } from '../../../electron/services/file-watcher';
import { readDocument, writeDocument } from '../../../electron/services/files';
import { createFolderWatcher, type FolderWatcher } from '../../../electron/services/folder-watcher';

const open: (FileWatcher | FolderWatcher)[] = [];
afterEach(() => {
  for (const watcher of open.splice(0)) watcher.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setup(content = 'first\n', pollMs = 0) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'byline-watch-'));
  const file = path.join(dir, 'oped.md');
  await writeFile(file, content);
  const events: FileWatchEvent[] = [];
  // No poll by default: these tests prove the folder watch itself sees each change.
  const watcher = createFileWatcher({ onEvent: (e) => events.push(e), pollMs });
  open.push(watcher);
  await watcher.setWatched([file]);
  return { dir, file, events, watcher };
}

/** Polls `check` until it holds (a hang fails the test by its time limit). */
async function waitFor(check: () => boolean) {
  while (!check()) await sleep(10);
}

/**
 * Waits until `count` events arrived, then a little more for strays. A test
 * expecting no event passes a short `within` (the window it watches); one
 * expecting events waits up to 10 s, so a loaded machine makes it slower,
 * never red. How fast events arrive is measured, not asserted.
 */
async function settle(events: unknown[], count: number, within = 10_000) {
  const start = Date.now();
  while (events.length < count && Date.now() - start < within) await sleep(20);
  await sleep(250);
}

describe('file watcher', () => {
  it('reports an external write, with the new text read through openDocument', async () => {
    const { file, events } = await setup();
    await writeFile(file, 'changed by another program\r\n');
    await settle(events, 1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'file-changed', path: file, text: 'changed by another program\n', format: { eol: 'crlf' }, warnings: [] });
  });

  it('ignores our own saves', async () => {
    const { file, events, watcher } = await setup();
    for (const text of ['mine\n', 'mine again\n']) {
      const result = await writeDocument(file, text, { eol: 'lf', bom: false }, { beforeWrite: (p, hash) => watcher.noteOwnWrite(p, null, hash) });
      if (!result.ok) throw new Error(result.error.message);
      watcher.noteOwnWrite(result.value.saved.path, result.value.saved.mtimeMs, result.value.hash);
    }
    await settle(events, 1, 600);
    expect(events).toEqual([]);
  });

  /** A watcher whose reads wait at a gate the test opens, so a save can land at an exact point of a check. */
  async function gatedSetup() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'byline-watch-'));
    const file = path.join(dir, 'oped.md');
    await writeFile(file, 'first\n');
    const events: FileWatchEvent[] = [];
    let gate: Promise<void> | null = null;
    let reads = 0;
    const read: typeof readDocument = async (target) => {
      reads++;
      if (gate) await gate;
      return readDocument(target);
    };
    const watcher = createFileWatcher({ onEvent: (e) => events.push(e), pollMs: 0, read });
    open.push(watcher);
    await watcher.setWatched([file]);
    const startReads = reads;
    let openGate: () => void = () => {};
    return {
      file,
      events,
      watcher,
      /** From now on a read waits until `release()`. */
      hold() {
        gate = new Promise<void>((resolve) => (openGate = resolve));
      },
      release() {
        gate = null;
        openGate();
      },
      readsSinceSetup: () => reads - startReads,
    };
  }

  const saveOurs = (watcher: FileWatcher, file: string, text: string) =>
    writeDocument(file, text, { eol: 'lf', bom: false }, { beforeWrite: (p, hash) => watcher.noteOwnWrite(p, null, hash) }).then((result) => {
      if (!result.ok) throw new Error(result.error.message);
      watcher.noteOwnWrite(result.value.saved.path, result.value.saved.mtimeMs, result.value.hash);
    });

  it('takes a save that lands while a check is reading as ours', async () => {
    const { file, events, watcher, hold, release, readsSinceSetup } = await gatedSetup();
    hold();
    // A touch starts a check; it stops at the read.
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    await waitFor(() => readsSinceSetup() >= 1);
    // Our save lands meanwhile; the check then reads our new bytes.
    await saveOurs(watcher, file, 'saved by us\n');
    release();
    await settle(events, 1, 600);
    expect(events).toEqual([]);
  });

  it('takes the bytes a save of ours is replacing as ours until the save lands', async () => {
    const { file, events, watcher, readsSinceSetup } = await gatedSetup();
    // Noted as about to be written, not yet on disk: a check now still reads the old bytes.
    watcher.noteOwnWrite(file, null, 'hash-of-the-bytes-being-written');
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    await waitFor(() => readsSinceSetup() >= 1);
    await settle(events, 1, 600);
    expect(events).toEqual([]);
    // And a real change by another program afterwards is still news.
    await saveOurs(watcher, file, 'ours\n');
    await writeFile(file, 'theirs\n');
    await settle(events, 1);
    expect(events.map((e) => e.type === 'file-changed' && e.text)).toEqual(['theirs\n']);
  });

  it('ignores a touch that changes nothing', async () => {
    const { file, events } = await setup();
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    await settle(events, 1, 500);
    expect(events).toEqual([]);
  });

  it('sees an editor’s atomic replace (temp file renamed over ours)', async () => {
    const { dir, file, events } = await setup();
    const temp = path.join(dir, '.oped.md.swp');
    await writeFile(temp, 'replaced atomically\n');
    await rename(temp, file);
    await settle(events, 1);
    expect(events.map((e) => e.type)).toEqual(['file-changed']);
    expect(events[0]).toMatchObject({ text: 'replaced atomically\n' });
  });

  it('reports a delete, a rename away, and the file coming back', async () => {
    const { dir, file, events } = await setup();
    await rm(file);
    await settle(events, 1);
    expect(events).toEqual([{ type: 'file-deleted', path: file }]);
    await writeFile(file, 'first\n');
    await settle(events, 2);
    // Back with the same words: still news, so the page can drop its "deleted" mark.
    expect(events[1]).toMatchObject({ type: 'file-changed', path: file, text: 'first\n' });
    await rename(file, path.join(dir, 'renamed.md'));
    await settle(events, 3);
    expect(events[2]).toEqual({ type: 'file-deleted', path: file });
  });

  it('reports a file that became unreadable', async () => {
    const { file, events } = await setup();
    await writeFile(file, Buffer.from([0x00, 0x01, 0x02]));
    await settle(events, 1);
    expect(events[0]).toMatchObject({ type: 'file-unreadable', path: file, error: { code: 'BINARY' } });
  });

  it('reports a change made between opening and watching', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'byline-watch-'));
    const file = path.join(dir, 'a.md');
    await writeFile(file, 'as opened\n');
    const events: FileWatchEvent[] = [];
    const watcher = createFileWatcher({ onEvent: (e) => events.push(e), pollMs: 0 });
    open.push(watcher);
    const read = await readDocument(file);
    if (!read.ok) throw new Error(read.error.message);
    watcher.noteOwnWrite(file, read.value.doc.mtimeMs, read.value.hash);
    await writeFile(file, 'changed before the watch began\n');
    await watcher.setWatched([file]);
    await settle(events, 1);
    expect(events.map((e) => e.type)).toEqual(['file-changed']);
  });

  it('watches only the current set of paths', async () => {
    const { dir, file, events, watcher } = await setup();
    const other = path.join(dir, 'other.md');
    await writeFile(other, 'x');
    await watcher.setWatched([other]);
    await writeFile(file, 'no longer watched');
    await writeFile(other, 'watched');
    await settle(events, 1);
    expect(events.map((e) => e.path)).toEqual([other]);
  });

  it('falls back to polling', async () => {
    const { file, events, watcher } = await setup('first\n', 150);
    // A stale baseline, as if fs.watch had missed a change: only the poll can notice.
    watcher.noteOwnWrite(file, 0, 'hash-of-older-content');
    await settle(events, 1);
    expect(events.map((e) => e.type)).toEqual(['file-changed']);
  });
});

describe('drafts folder watcher', () => {
  it('says the folder changed when a draft is added, debounced', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'byline-drafts-watch-'));
    const events: unknown[] = [];
    const watcher = createFolderWatcher({ onEvent: (e) => events.push(e), debounceMs: 100 });
    open.push(watcher);
    watcher.setFolder(dir);
    await writeFile(path.join(dir, 'new.md'), '# New');
    await writeFile(path.join(dir, 'new.md'), '# New, edited');
    await settle(events, 1);
    expect(events).toEqual([{ type: 'drafts-changed', folder: dir }]);
    watcher.setFolder(null);
    await writeFile(path.join(dir, 'more.md'), 'x');
    await sleep(300);
    expect(events).toHaveLength(1);
  });
});
