/**
 * Who owns which journal entries. Every running Byline process is a session
 * with its own id; its entry files start with that id, and it keeps a marker
 * file (`<session>.session`: pid and host) whose mtime it touches every few
 * seconds. A session is live while its marker is fresh and its process runs;
 * entries of live sessions are never offered or deleted by anyone else.
 * A crashed session's marker goes stale, so its entries are offered back.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isRecord } from './payload-checks';

/** How often a live session touches its marker. */
export const HEARTBEAT_MS = 5_000;
/** A marker untouched for this long belongs to a session that is gone. */
export const STALE_MS = 30_000;

export const SESSION_ID = /^s[0-9a-z]+-[0-9a-f]{12}$/;

export function newSessionId(now = Date.now()): string {
  return `s${now.toString(36)}-${randomBytes(6).toString('hex')}`;
}

export function markerFile(dir: string, sessionId: string): string {
  return path.join(dir, `${sessionId}.session`);
}

export async function writeMarker(dir: string, sessionId: string): Promise<void> {
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: Date.now() });
  await fsp.writeFile(markerFile(dir, sessionId), body, { mode: 0o600 });
}

/** Touches the marker; recreates it if someone removed it. */
export async function touchMarker(dir: string, sessionId: string): Promise<void> {
  const now = new Date();
  try {
    await fsp.utimes(markerFile(dir, sessionId), now, now);
  } catch {
    await writeMarker(dir, sessionId).catch(() => undefined);
  }
}

export function defaultIsProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LivenessOptions {
  now?: () => number;
  isProcessAlive?: (pid: number) => boolean;
}

/** True while another session may still be writing its entries. */
export async function isSessionLive(dir: string, sessionId: string, options: LivenessOptions = {}): Promise<boolean> {
  const now = options.now ?? Date.now;
  const isAlive = options.isProcessAlive ?? defaultIsProcessAlive;
  try {
    const file = markerFile(dir, sessionId);
    const stat = await fsp.stat(file);
    if (now() - stat.mtimeMs > STALE_MS) return false;
    const marker: unknown = JSON.parse(await fsp.readFile(file, 'utf8'));
    if (!isRecord(marker) || typeof marker.pid !== 'number') return false;
    // On another machine sharing this profile we can't see the process: trust the heartbeat.
    if (marker.host !== os.hostname()) return true;
    return isAlive(marker.pid);
  } catch {
    return false;
  }
}
