import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, createApi, type Invoke, type MainEvent } from '../../../electron/contract';
import { createJournal } from '../../../electron/services/journal';
import { createFileWatcher } from '../../../electron/services/file-watcher';
import { createFolderWatcher } from '../../../electron/services/folder-watcher';
import { createApiHandler, type ShellHooks } from '../../../electron/services/api-handlers';
import { createSettingsStore } from '../../../electron/services/settings';
import { validateRequest } from '../../../electron/services/request-validation';
import { isAllowedExternalUrl } from '../../../electron/services/external-links';

async function setup(hooks: Partial<ShellHooks> = {}, startupPaths: string[] = [], homeFolder = '/home/writer') {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-api-'));
  const opened: string[] = [];
  const settings = createSettingsStore(profile);
  const handler = createApiHandler({
    hooks: { kind: 'chromium', dialogs: null, openExternal: async (url) => void opened.push(url), ...hooks },
    settings,
    version: '9.9.9',
    startupPaths,
    homeFolder,
  });
  const api = createApi(handler as Invoke, () => () => undefined);
  return { handler, api, opened, profile, settings };
}

describe('request validation', () => {
  it('rejects unknown channels and malformed payloads with INVALID_PAYLOAD', () => {
    const bad: [unknown, unknown][] = [
      ['fs:rm', { path: '/' }],
      [42, null],
      ['file:open', null],
      ['file:open', { path: 7 }],
      ['file:open', { path: '' }],
      ['file:open', { path: 'a\0b' }],
      ['file:save', { path: '/x.md', text: 'x' }],
      ['file:save', { path: '/x.md', text: 'x', format: { eol: 'cr', bom: false } }],
      ['file:save', { path: '/x.md', text: 1, format: { eol: 'lf', bom: false } }],
      ['settings:write', { patch: 'dark' }],
      ['settings:read', { sneaky: true }],
      ['link:open-external', { url: ['https://x'] }],
      ['dialog:save', { suggestedName: 'x'.repeat(300) }],
      ['file:save', { path: '/x.md', text: 'x', format: { eol: 'lf', bom: false }, overwriteLossy: 'yes' }],
      ['file:save', { path: '/x.md', text: 'x', format: { eol: 'lf', bom: false, encoding: 'latin1' } }],
      ['file:watch', { paths: ['relative.md'] }],
      ['file:watch', { paths: '/a.md' }],
      ['file:watch', { paths: Array.from({ length: 300 }, (_, i) => `/f${i}.md`) }],
      ['journal:write', { id: '../../x', path: null, name: 'U', text: '', format: { eol: 'lf', bom: false }, baseMtimeMs: null }],
      ['journal:patch', { id: 'buffer-1234', path: null, name: 'U', format: { eol: 'lf', bom: false }, baseMtimeMs: null, base: 1, from: 2, to: 1, insert: '', length: 0 }],
      ['journal:clear', { id: 'a/b/c/d/e/f' }],
      ['journal:list', { id: 'x' }],
      ['drafts:list', { folder: 'drafts' }],
      ['drafts:create', { folder: '/d', title: 7 }],
      ['drafts:watch', { folder: 'relative' }],
      ['recent:clear', 1],
      ['dialog:save', { suggestedName: 'x.md', folders: ['relative'] }],
      ['dialog:save', { suggestedName: 'x.md', folders: '/home' }],
      ['dialog:save', { suggestedName: 'x.md', folders: Array.from({ length: 20 }, (_, i) => `/f${i}`) }],
      // A relative path would be taken from main's working directory: the app's own folder.
      ['file:open', { path: 'piece.md' }],
      ['file:save', { path: 'Untitled.md', text: 'x', format: { eol: 'lf', bom: false } }],
      ['folder:list', { path: 'relative/folder' }],
      ['folder:list', { path: '~/Drafts' }],
      ['folder:list', { path: '' }],
      ['folder:list', { path: '/a\0b' }],
      ['folder:list', { path: `/${'x'.repeat(5000)}` }],
      ['folder:list', null],
      ['folder:create', { path: 'new folder' }],
      ['folder:create', { path: 42 }],
      ['folder:create', { folder: '/tmp/x' }],
    ];
    for (const [channel, payload] of bad) {
      expect(validateRequest(channel, payload), JSON.stringify([channel, payload])).toMatchObject({
        ok: false,
        error: { code: 'INVALID_PAYLOAD' },
      });
    }
  });

  it('copies only known fields from a valid payload', () => {
    const result = validateRequest('file:save', { path: '/x.md', text: 'hi', format: { eol: 'lf', bom: false, extra: 1 }, more: 2 });
    expect(result).toEqual({ ok: true, value: { channel: 'file:save', request: { path: '/x.md', text: 'hi', format: { eol: 'lf', bom: false } } } });
  });

  it('has a check for every channel in the contract', () => {
    for (const channel of CHANNELS) {
      const result = validateRequest(channel, Symbol('garbage'));
      expect(result.ok, channel).toBe(false);
    }
  });
});

describe('API handlers', () => {
  it('never throws on garbage, whatever arrives', async () => {
    const { handler } = await setup();
    for (const payload of [undefined, null, 0, 'x', [], {}, { path: {} }, { toString: 1 }]) {
      for (const channel of [...CHANNELS, 'nope', undefined]) {
        const result = await handler(channel, payload);
        expect(typeof result.ok).toBe('boolean');
      }
    }
  });

  it('opens, saves and remembers recent files through the typed API', async () => {
    const { api, profile } = await setup();
    const file = path.join(profile, 'piece.md');
    await writeFile(file, 'Hello\r\n');
    const opened = await api.openFile({ path: file });
    if (!opened.ok) throw new Error(opened.error.message);
    const saved = await api.saveFile({ path: file, text: 'Hello\nWorld\n', format: opened.value.format });
    expect(saved.ok).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('Hello\r\nWorld\r\n');
    const settings = await api.readSettings();
    expect(settings.ok && settings.value.recentFiles).toEqual([file]);
  });

  it('reports startup files with their errors', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-api-'));
    const good = path.join(profile, 'a.md');
    await writeFile(good, '# A');
    const { api } = await setup({}, [good, path.join(profile, 'missing.md')]);
    const state = await api.initialState();
    if (!state.ok) throw new Error(state.error.message);
    expect(state.value.app).toMatchObject({ shell: 'chromium', version: '9.9.9', nativeDialogs: false, homeFolder: '/home/writer' });
    expect(state.value.startupFiles.map((f) => f.result.ok)).toEqual([true, false]);
  });

  it('says dialogs are unsupported where the shell has none, and uses them where it has', async () => {
    const none = await setup();
    expect(await none.api.showOpenDialog()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    const native = await setup({ dialogs: { open: async () => ['/picked.md'], save: async (name, dir) => `${dir ?? '(cwd)'}/${name}` } });
    expect(await native.api.showOpenDialog()).toEqual({ ok: true, value: { paths: ['/picked.md'] } });
    expect(await native.api.showSaveDialog({ suggestedName: 'x.md' })).toEqual({ ok: true, value: { path: '/home/writer/x.md' } });
  });

  it('starts the native Save dialog in the page’s folder, else the drafts folder, else the last folder used, else home', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'byline-api-folders-'));
    const documents = path.join(base, 'documents');
    const drafts = path.join(base, 'drafts');
    const last = path.join(base, 'last');
    for (const folder of [documents, drafts, last]) await mkdir(folder);
    const asked: (string | undefined)[] = [];
    const { api, settings } = await setup({ dialogs: { open: async () => [], save: async (_name, dir) => (asked.push(dir), null) } });
    await api.showSaveDialog({ suggestedName: 'kerry-russia-aleppo.md' });
    await settings.addRecent(path.join(last, 'earlier.md'));
    await api.showSaveDialog({ suggestedName: 'kerry-russia-aleppo.md' });
    await settings.write({ draftsFolder: drafts });
    await api.showSaveDialog({ suggestedName: 'kerry-russia-aleppo.md' });
    await api.showSaveDialog({ suggestedName: 'kerry-russia-aleppo.md', folders: [path.join(base, 'gone'), documents] });
    expect(asked).toEqual(['/home/writer', last, drafts, documents]);
  });

  it('lists and creates folders for the page’s own file dialog', async () => {
    const { api, profile } = await setup();
    const created = await api.createFolder({ path: path.join(profile, 'Pieces', '2026') });
    expect(created).toEqual({ ok: true, value: { folder: path.join(profile, 'Pieces', '2026') } });
    await writeFile(path.join(profile, 'Pieces', 'kerry.md'), '# Kerry');
    expect(await api.listFolder({ path: path.join(profile, 'Pieces') })).toEqual({
      ok: true,
      value: { folder: path.join(profile, 'Pieces'), parent: profile, truncated: false, entries: [{ name: '2026', kind: 'folder' }, { name: 'kerry.md', kind: 'file' }] },
    });
    expect(await api.createFolder({ path: path.join(profile, 'Pieces') })).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
  });

  it('asks the shell for full screen where it must give it (window:full-screen), and validates the flag', async () => {
    const follows = await setup();
    expect(await follows.api.setFullScreen({ fullScreen: true })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    const asked: boolean[] = [];
    const { api, handler } = await setup({ setFullScreen: async (on) => void asked.push(on) });
    expect(await api.setFullScreen({ fullScreen: true })).toEqual({ ok: true, value: null });
    expect(await api.setFullScreen({ fullScreen: false })).toEqual({ ok: true, value: null });
    expect(asked).toEqual([true, false]);
    for (const payload of [null, {}, { fullScreen: 'yes' }, { fullScreen: 1 }]) {
      expect(await handler('window:full-screen', payload)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    expect(asked).toEqual([true, false]);
  });

  it('opens only web and mail links externally', async () => {
    const { api, opened } = await setup();
    expect((await api.openExternal({ url: 'https://example.com/a' })).ok).toBe(true);
    expect((await api.openExternal({ url: 'mailto:desk@example.com' })).ok).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'http://user:pw@host/', 'vbscript:x', '//evil.com', 'https:']) {
      expect(await api.openExternal({ url }), url).toMatchObject({ ok: false, error: { code: 'BLOCKED_URL' } });
    }
    expect(opened).toEqual(['https://example.com/a', 'mailto:desk@example.com']);
  });

  it('says the journal and watchers are unsupported until the shell wires them', async () => {
    const { api } = await setup();
    expect(await api.listJournal()).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(await api.watchFiles({ paths: [] })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(await api.watchDrafts({ folder: null })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('journals, watches, lists drafts and recent files through the typed API', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-api-'));
    const events: MainEvent[] = [];
    const journal = createJournal({ profileDir: profile });
    const watcher = createFileWatcher({ onEvent: (e) => events.push(e), pollMs: 0 });
    const draftsWatcher = createFolderWatcher({ onEvent: (e) => events.push(e) });
    const settings = createSettingsStore(profile);
    const handler = createApiHandler({
      hooks: { kind: 'chromium', dialogs: null, openExternal: async () => undefined },
      settings,
      version: '1',
      startupPaths: [],
      journal,
      watcher,
      draftsWatcher,
    });
    const api = createApi(handler as Invoke, () => () => undefined);
    try {
      const created = await api.createDraft({ folder: profile, title: 'On Trees' });
      if (!created.ok) throw new Error(created.error.message);
      const file = created.value.path!;
      expect(await api.listDrafts({ folder: profile })).toMatchObject({ ok: true, value: [{ path: file, headline: 'On Trees' }] });
      expect(await api.watchFiles({ paths: [file] })).toEqual({ ok: true, value: null });
      const write = { id: 'buffer-1234', path: file, name: 'on-trees.md', text: 'unsaved', format: created.value.format, baseMtimeMs: created.value.mtimeMs };
      const written = await api.writeJournal(write);
      expect(written).toMatchObject({ ok: true, value: { revision: expect.any(Number) } });
      if (!written.ok) throw new Error(written.error.message);
      const { text: _text, ...about } = write;
      const patch = { ...about, base: written.value.revision, from: 7, to: 7, insert: ' words', length: 13 };
      expect(await api.patchJournal(patch)).toMatchObject({ ok: true, value: { revision: written.value.revision + 1 } });
      expect(await api.patchJournal(patch)).toMatchObject({ ok: false, error: { code: 'STALE' } });
      expect(await api.saveFile({ path: file, text: 'saved words\n', format: created.value.format })).toMatchObject({ ok: true });
      expect(await api.clearJournal({ id: 'buffer-1234' })).toEqual({ ok: true, value: null });
      await new Promise((r) => setTimeout(r, 400));
      expect(events.filter((e) => e.type !== 'drafts-changed')).toEqual([]);
      expect(await api.listRecent()).toEqual({ ok: true, value: [{ path: file, name: 'trees.md', exists: true }] });
      expect(await api.clearRecent()).toEqual({ ok: true, value: null });
      expect(await api.listRecent()).toEqual({ ok: true, value: [] });
      expect(await api.listJournal()).toEqual({ ok: true, value: [] });
    } finally {
      journal.dispose();
      watcher.close();
      draftsWatcher.close();
    }
  });

  it('refuses to overwrite a lossy original through the API unless asked', async () => {
    const { api, profile } = await setup();
    const file = path.join(profile, 'latin1.md');
    await writeFile(file, Buffer.from('Caf\xe9', 'latin1'));
    const opened = await api.openFile({ path: file });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.warnings[0]?.code).toBe('INVALID_UTF8');
    expect(await api.saveFile({ path: file, text: 'x', format: opened.value.format })).toMatchObject({ ok: false, error: { code: 'LOSSY_OVERWRITE' } });
    expect(await api.saveFile({ path: file, text: 'x', format: opened.value.format, overwriteLossy: true })).toMatchObject({ ok: true });
  });

  it('turns a failing hook into an error value instead of a crash', async () => {
    const { api } = await setup({ openExternal: async () => { throw new Error('no browser'); } });
    expect(await api.openExternal({ url: 'https://example.com' })).toMatchObject({ ok: false, error: { code: 'IO' } });
  });
});

describe('external link gate', () => {
  it('allows http, https and mailto only', () => {
    expect(isAllowedExternalUrl('HTTPS://Example.com')).toBe(true);
    expect(isAllowedExternalUrl(' javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('data:text/html,<script>')).toBe(false);
  });
});
