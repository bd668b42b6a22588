import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  WINDOW_STATE_FILE,
  createWindowStateStore,
  documentKey,
  fitToDisplays,
  sanitizeWindowState,
} from '../../../electron/services/window-state';

const profile = () => mkdtemp(path.join(os.tmpdir(), 'byline-window-state-'));
const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state per document', () => {
  it('remembers size, position, maximized and view mode per document, across restarts', async () => {
    const dir = await profile();
    const store = createWindowStateStore(dir);
    await store.load();
    expect(store.get('/docs/a.md')).toBeNull();
    await store.remember('/docs/a.md', { bounds: { x: 10, y: 20, width: 900, height: 700 }, viewMode: 'preview' });
    await store.remember('/docs/b.md', { bounds: { x: 300, y: 40, width: 1200, height: 800 }, maximized: true });
    await store.remember('/docs/a.md', { viewMode: 'editor' });

    const again = createWindowStateStore(dir);
    await again.load();
    expect(again.get('/docs/a.md')).toEqual({ bounds: { x: 10, y: 20, width: 900, height: 700 }, viewMode: 'editor' });
    expect(again.get('/docs/b.md')).toEqual({ bounds: { x: 300, y: 40, width: 1200, height: 800 }, maximized: true });
  });

  it('falls back to the last state used for a new or unknown document', async () => {
    const store = createWindowStateStore(await profile());
    await store.remember('/docs/a.md', { bounds: { x: 5, y: 5, width: 800, height: 600 }, viewMode: 'split' });
    await store.remember(null, { bounds: { x: 50, y: 60, width: 1000, height: 700 } });
    expect(store.get(null)).toEqual({ bounds: { x: 50, y: 60, width: 1000, height: 700 }, viewMode: 'split' });
    expect(store.get('/docs/never-seen.md')).toEqual(store.get(null));
    // The document's own state is untouched by a window without one.
    expect(store.get('/docs/a.md')?.bounds).toEqual({ x: 5, y: 5, width: 800, height: 600 });
  });

  it('finds a document by its absolute path', async () => {
    const store = createWindowStateStore(await profile());
    await store.remember(path.join(os.tmpdir(), 'x', '..', 'doc.md'), { viewMode: 'preview' });
    expect(store.get(path.join(os.tmpdir(), 'doc.md'))?.viewMode).toBe('preview');
    expect(documentKey('C:\\Docs\\A.md', 'win32')).toBe(documentKey('c:\\docs\\a.md', 'win32'));
    expect(documentKey('/docs/A.md', 'linux')).not.toBe(documentKey('/docs/a.md', 'linux'));
  });

  it('keeps only the most recently used documents', async () => {
    const dir = await profile();
    let clock = 1000;
    const store = createWindowStateStore(dir, { now: () => clock++, maxDocuments: 3 });
    for (const name of ['a', 'b', 'c', 'd']) await store.remember(`/docs/${name}.md`, { bounds: { width: 800, height: 600 } });
    await store.remember('/docs/b.md', { viewMode: 'preview' });
    await store.remember('/docs/e.md', { viewMode: 'split' });
    const saved = JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8')) as { documents: Record<string, unknown> };
    expect(Object.keys(saved.documents).map((key) => path.basename(key)).sort()).toEqual(['b.md', 'd.md', 'e.md']);
    expect(store.get('/docs/b.md')).toEqual({ bounds: { width: 800, height: 600 }, viewMode: 'preview' });
  });

  it('writes a file that holds at most the configured number of documents', async () => {
    const dir = await profile();
    let clock = 0;
    const store = createWindowStateStore(dir, { now: () => ++clock, maxDocuments: 2 });
    for (const name of ['a', 'b', 'c']) await store.remember(`/docs/${name}.md`, { viewMode: 'editor' });
    const saved = JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8')) as { documents: Record<string, unknown> };
    expect(Object.keys(saved.documents).map((key) => path.basename(key)).sort()).toEqual(['b.md', 'c.md']);
  });

  it('treats a damaged or hostile file as nothing remembered, field by field', async () => {
    const dir = await profile();
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{ not json');
    const damaged = createWindowStateStore(dir);
    await damaged.load();
    expect(damaged.get('/docs/a.md')).toBeNull();

    await writeFile(
      path.join(dir, WINDOW_STATE_FILE),
      JSON.stringify({
        last: { bounds: { width: 'wide', height: 500 }, viewMode: 'sideways', maximized: 'yes' },
        documents: {
          [documentKey('/docs/a.md')]: { bounds: { x: 1e12, y: 0, width: 900, height: 700 }, viewMode: 'preview', usedAt: 5 },
          [documentKey('/docs/b.md')]: 'nonsense',
        },
      }),
    );
    const hostile = createWindowStateStore(dir);
    await hostile.load();
    expect(hostile.get(null)).toEqual({});
    expect(hostile.get('/docs/a.md')).toEqual({ bounds: { width: 900, height: 700 }, viewMode: 'preview' });
    expect(hostile.get('/docs/b.md')).toEqual({});
  });

  it('answers before load() by reading the file synchronously', async () => {
    const dir = await profile();
    await createWindowStateStore(dir).remember('/docs/a.md', { viewMode: 'preview' });
    expect(createWindowStateStore(dir).get('/docs/a.md')?.viewMode).toBe('preview');
  });

  it('sanitizes what it is asked to remember', () => {
    expect(sanitizeWindowState({ bounds: { x: 1.4, y: 2.6, width: 1000.2, height: 50 } })).toEqual({});
    expect(sanitizeWindowState({ bounds: { x: 1.4, y: 2.6, width: 1000.2, height: 700 } })).toEqual({ bounds: { x: 1, y: 3, width: 1000, height: 700 } });
    expect(sanitizeWindowState({ bounds: { x: Number.NaN, y: 0, width: 800, height: 600 } })).toEqual({ bounds: { width: 800, height: 600 } });
    expect(sanitizeWindowState(null)).toEqual({});
  });
});

describe('fitting a remembered window to the screens there are now', () => {
  it('keeps a window that is on a screen', () => {
    expect(fitToDisplays({ x: 100, y: 80, width: 1200, height: 800 }, [SCREEN])).toEqual({ x: 100, y: 80, width: 1200, height: 800 });
  });

  it('drops the position of a window left on a screen that is gone', () => {
    expect(fitToDisplays({ x: 2500, y: 100, width: 1200, height: 800 }, [SCREEN])).toEqual({ width: 1200, height: 800 });
    // Only a sliver of the title bar showing is as good as gone.
    expect(fitToDisplays({ x: -1195, y: 100, width: 1200, height: 800 }, [SCREEN])).toEqual({ width: 1200, height: 800 });
  });

  it('shrinks a window bigger than any screen, and pulls it inside', () => {
    expect(fitToDisplays({ x: 50, y: 50, width: 3000, height: 2000 }, [SCREEN])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(fitToDisplays({ x: 1000, y: 500, width: 1200, height: 800 }, [SCREEN])).toEqual({ x: 720, y: 280, width: 1200, height: 800 });
  });

  it('uses the screen the window is mostly on, among several', () => {
    const right = { x: 1920, y: 0, width: 2560, height: 1440 };
    expect(fitToDisplays({ x: 2000, y: 100, width: 2000, height: 1200 }, [SCREEN, right])).toEqual({ x: 2000, y: 100, width: 2000, height: 1200 });
  });

  it('leaves placement to the system when no position was saved, and passes through when there are no screens', () => {
    expect(fitToDisplays({ width: 800, height: 600 }, [SCREEN])).toEqual({ width: 800, height: 600 });
    expect(fitToDisplays({ x: 5000, y: 5000, width: 800, height: 600 }, [])).toEqual({ x: 5000, y: 5000, width: 800, height: 600 });
  });
});
