/**
 * Settings: one JSON file in the profile folder. Reads never fail (a missing
 * or damaged file gives the defaults, and a damaged one is kept aside for the
 * writer); writes are atomic. Every field is validated: the file is input too.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, MAX_RECENT_FILES, type Settings } from '../contract';
import { writeFileAtomic } from './atomic-write';
import { sanitizeSettingsPatch } from './settings-validation';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  read(): Promise<Settings>;
  write(patch: Partial<Settings>): Promise<Settings>;
  /** Moves a path to the top of the recent files. */
  addRecent(file: string): Promise<Settings>;
  /** Drops the given paths from the recent files. */
  removeRecent(files: readonly string[]): Promise<Settings>;
  clearRecent(): Promise<Settings>;
}

export function createSettingsStore(profileDir: string): SettingsStore {
  const file = path.join(profileDir, SETTINGS_FILE);
  let cache: Settings | null = null;
  // Writes are chained so two quick writes can't interleave and lose a field.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Settings> {
    if (cache) return cache;
    let raw: string;
    try {
      raw = await fsp.readFile(file, 'utf8');
    } catch {
      return (cache = { ...DEFAULT_SETTINGS, recentFiles: [] });
    }
    try {
      cache = { ...DEFAULT_SETTINGS, recentFiles: [], ...sanitizeSettingsPatch(JSON.parse(raw)) };
    } catch {
      await fsp.rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
      cache = { ...DEFAULT_SETTINGS, recentFiles: [] };
    }
    return cache;
  }

  function update(change: (current: Settings) => Settings): Promise<Settings> {
    const next = queue.then(async () => {
      const updated = change(await load());
      await fsp.mkdir(profileDir, { recursive: true });
      await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(updated, null, 2) + '\n'));
      cache = updated;
      return updated;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    read: load,
    write: (patch) => update((current) => ({ ...current, ...sanitizeSettingsPatch(patch) })),
    addRecent: (recent) =>
      update((current) => ({
        ...current,
        recentFiles: [recent, ...current.recentFiles.filter((p) => p !== recent)].slice(0, MAX_RECENT_FILES),
      })),
    removeRecent: (gone) => update((current) => ({ ...current, recentFiles: current.recentFiles.filter((p) => !gone.includes(p)) })),
    clearRecent: () => update((current) => ({ ...current, recentFiles: [] })),
  };
}
