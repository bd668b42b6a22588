/**
 * Opens a web or mail link with the operating system's default handler, for
 * the Chromium shell (Electron uses `shell.openExternal`). No shell parsing:
 * the URL is one argument. `BYLINE_OPEN_EXTERNAL_LOG=FILE` records the URL in
 * FILE instead, for headless runs and tests.
 */
import { spawn } from 'node:child_process';
import { appendFile } from 'node:fs/promises';

export async function openWithSystem(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = env.BYLINE_OPEN_EXTERNAL_LOG;
  if (log) return appendFile(log, `${url}\n`, 'utf8');
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  await new Promise<void>((resolve) => {
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore', shell: false });
    child.on('error', () => resolve());
    child.on('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
