/**
 * The port Chromium's remote debugging server listens on. With
 * `--remote-debugging-port=0` Chromium picks a free port itself and writes it
 * to `DevToolsActivePort` in its profile; the shell prints it, so a CDP client
 * (the e2e harness) never races another process for a port it chose first.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The first line of DevToolsActivePort as a port, or null when it isn't one. */
export function parseDevToolsActivePort(text: string): number | null {
  const port = Number(text.split('\n')[0]);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
}

/** Waits for Chromium to write the port file in `profile` (it does so as the server starts). */
export async function readDevToolsPort(profile: string, timeoutMs = 10_000): Promise<number | null> {
  const file = path.join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const port = parseDevToolsActivePort(await readFile(file, 'utf8').catch(() => ''));
    if (port !== null || Date.now() > deadline) return port;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
