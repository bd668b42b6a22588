/**
 * The recent files as the page lists them: each checked on disk. A file that
 * is gone (no such path, or a folder now) is dropped from the list for good;
 * one that can't be checked right now (no permission, an offline or slow
 * drive) stays, marked `exists: false`, because it may come back.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { RecentFile } from '../contract';
import type { SettingsStore } from './settings';

/** A stat slower than this (a sleeping network drive) counts as "can't check now". */
export const RECENT_CHECK_TIMEOUT_MS = 1000;

type Presence = 'present' | 'gone' | 'unknown';

async function presence(file: string, timeoutMs: number): Promise<Presence> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Presence>((resolve) => {
    timer = setTimeout(() => resolve('unknown'), timeoutMs);
  });
  const check = fsp.stat(file).then(
    (stat): Presence => (stat.isFile() ? 'present' : 'gone'),
    (error: NodeJS.ErrnoException): Presence => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 'gone' : 'unknown'),
  );
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function listRecentFiles(settings: SettingsStore, timeoutMs = RECENT_CHECK_TIMEOUT_MS): Promise<RecentFile[]> {
  const { recentFiles } = await settings.read();
  const checked = await Promise.all(recentFiles.map(async (file) => ({ file, state: await presence(file, timeoutMs) })));
  const gone = checked.filter((c) => c.state === 'gone').map((c) => c.file);
  if (gone.length > 0) await settings.removeRecent(gone);
  return checked
    .filter((c) => c.state !== 'gone')
    .map((c) => ({ path: c.file, name: path.basename(c.file), exists: c.state === 'present' }));
}
