import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promises as fsp } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { listRecentFiles } from '../../../electron/services/recent-files';
import { DEFAULT_SETTINGS, MAX_RECENT_FILES } from '../../../electron/contract';
import { createSettingsStore } from '../../../electron/services/settings';
import { resolveProfileDir } from '../../../electron/services/profile-dir';

describe('settings', () => {
  it('starts from the defaults and persists writes as JSON in the profile folder', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-settings-'));
    const store = createSettingsStore(profile);
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
    await store.write({ viewMode: 'preview', theme: 'sepia' });
    const reread = await createSettingsStore(profile).read();
    expect(reread).toMatchObject({ viewMode: 'preview', theme: 'sepia' });
    expect(JSON.parse(await readFile(path.join(profile, 'settings.json'), 'utf8')).viewMode).toBe('preview');
  });

  it('ignores unknown keys and bad values, and never pollutes prototypes', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-settings-'));
    await writeFile(
      path.join(profile, 'settings.json'),
      '{"theme":"neon","viewMode":"editor","__proto__":{"polluted":true},"recentFiles":["/a.md",3,""],"extra":1}',
    );
    const settings = await createSettingsStore(profile).read();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, viewMode: 'editor', recentFiles: ['/a.md'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect('extra' in settings).toBe(false);
  });

  it('survives a damaged settings file and keeps it aside', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-settings-'));
    await writeFile(path.join(profile, 'settings.json'), '{ not json');
    expect(await createSettingsStore(profile).read()).toEqual(DEFAULT_SETTINGS);
    expect((await readdir(profile)).some((f) => f.startsWith('settings.json.damaged-'))).toBe(true);
  });

  it('keeps recent files unique, newest first, bounded', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-settings-'));
    const store = createSettingsStore(profile);
    for (let i = 0; i < MAX_RECENT_FILES + 3; i++) await store.addRecent(`/d/${i}.md`);
    await store.addRecent('/d/5.md');
    const { recentFiles } = await store.read();
    expect(recentFiles[0]).toBe('/d/5.md');
    expect(recentFiles).toHaveLength(MAX_RECENT_FILES);
    expect(new Set(recentFiles).size).toBe(recentFiles.length);
  });

  it('remembers the drafts folder only as an absolute path or null', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-settings-'));
    const store = createSettingsStore(profile);
    await store.write({ draftsFolder: '/home/w/Drafts' });
    expect((await createSettingsStore(profile).read()).draftsFolder).toBe('/home/w/Drafts');
    for (const bad of ['relative/drafts', '', 42, '/a\0b', ['/x']]) {
      expect(await store.write({ draftsFolder: bad } as never)).toMatchObject({ draftsFolder: '/home/w/Drafts' });
    }
    expect((await store.write({ draftsFolder: null })).draftsFolder).toBeNull();
  });

  it('lists recent files, dropping those that are gone, and clears them', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-settings-'));
    const store = createSettingsStore(profile);
    const here = path.join(profile, 'here.md');
    await writeFile(here, 'x');
    await store.addRecent(path.join(profile, 'gone.md'));
    await store.addRecent(profile); // a folder now: gone as a file
    await store.addRecent(here);
    expect(await listRecentFiles(store)).toEqual([{ path: here, name: 'here.md', exists: true }]);
    expect((await createSettingsStore(profile).read()).recentFiles).toEqual([here]);
    await store.clearRecent();
    expect(await listRecentFiles(store)).toEqual([]);
  });

  it('keeps a recent file it cannot check right now, marked as not available', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-settings-'));
    const store = createSettingsStore(profile);
    const file = path.join(profile, 'offline.md');
    await writeFile(file, 'x');
    await store.addRecent(file);
    vi.spyOn(fsp, 'stat').mockImplementation(async () => new Promise(() => undefined) as never);
    try {
      expect(await listRecentFiles(store, 50)).toEqual([{ path: file, name: 'offline.md', exists: false }]);
    } finally {
      vi.restoreAllMocks();
    }
    expect((await store.read()).recentFiles).toEqual([file]);
  });

  it('does not lose a field when writes race', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'byline-settings-'));
    const store = createSettingsStore(profile);
    await Promise.all([store.write({ theme: 'dark' }), store.write({ viewMode: 'editor' }), store.addRecent('/x.md')]);
    expect(await createSettingsStore(profile).read()).toMatchObject({ theme: 'dark', viewMode: 'editor', recentFiles: ['/x.md'] });
  });
});

describe('profile folder', () => {
  it('honours BYLINE_USER_DATA, else follows each platform', () => {
    expect(resolveProfileDir({ BYLINE_USER_DATA: '/tmp/p' }, 'linux', '/home/w')).toBe('/tmp/p');
    expect(resolveProfileDir({}, 'linux', '/home/w')).toBe('/home/w/.config/Byline');
    expect(resolveProfileDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/w')).toBe('/cfg/Byline');
    expect(resolveProfileDir({}, 'darwin', '/Users/w')).toBe('/Users/w/Library/Application Support/Byline');
    expect(resolveProfileDir({ APPDATA: 'C:\\Users\\w\\AppData\\Roaming' }, 'win32', 'C:\\Users\\w')).toContain('Byline');
  });
});
