/**
 * An opt-in record of every request that tried to leave the machine:
 * `BYLINE_NETWORK_LOG=FILE` appends one line per request, `blocked URL` for
 * what the shell refused (the Chromium shell's route) and `fetched URL` for
 * the remote images the writer agreed to load (fetched by main). The hostile
 * documents tests assert the file stays empty. Off (a no-op) by default.
 */
import { appendFileSync } from 'node:fs';

export type NetworkLog = (kind: 'blocked' | 'fetched', url: string) => void;

export function createNetworkLog(env: NodeJS.ProcessEnv = process.env): NetworkLog {
  const file = env.BYLINE_NETWORK_LOG?.trim();
  if (!file) return () => undefined;
  return (kind, url) => {
    try {
      // Synchronous, so a test reading the file right after a render sees every line.
      appendFileSync(file, `${kind} ${url.replace(/[\r\n]/g, ' ')}\n`, 'utf8');
    } catch {
      // A log that can't be written must not break the app.
    }
  };
}
