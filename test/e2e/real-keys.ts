/**
 * Real keyboard input for the shortcuts a browser or desktop might take for
 * itself: a virtual display (Xvfb picks a free one), the app in a headed
 * window on it, and xdotool pressing keys at the X server, as a writer's
 * keyboard would. Playwright's keyboard goes straight to the page and can't
 * show that a key reaches it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { startApp, waitFor, type RunningApp, type StartOptions } from './harness';

const run = promisify(execFile);

export interface Display {
  /** `:N` */
  name: string;
  stop(): Promise<void>;
}

/** Starts Xvfb on a display it chooses itself (no race with other test runs for a number). */
export async function startDisplay(): Promise<Display> {
  const child: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let written = '';
  let errors = '';
  child.stdio[3]!.on('data', (d: Buffer) => (written += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`Xvfb could not start (is it installed? npm test's pretest installs it): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`Xvfb exited (code ${code}):\n${errors}`)));
  });
  failed.catch(() => undefined);
  await Promise.race([waitFor(() => written.includes('\n'), 15_000, () => errors), failed]);
  return {
    name: `:${written.trim()}`,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** The app in a headed window on `display`, its window focused for xdotool. */
export async function startHeadedApp(display: Display, options: StartOptions = {}): Promise<RunningApp> {
  const app = await startApp({ ...options, env: { ...options.env, BYLINE_HEADLESS: '0', DISPLAY: display.name } });
  await app.page.waitForSelector('#app[data-ready="true"]');
  return app;
}

/** Runs xdotool on the display. */
export async function xdotool(display: Display, ...args: string[]): Promise<string> {
  const { stdout } = await run('xdotool', args, { env: { ...process.env, DISPLAY: display.name } });
  return stdout;
}

/** Gives the app's window (found by its title) the keyboard focus. */
export async function focusWindow(display: Display, title: string): Promise<void> {
  let ids: string[] = [];
  for (let tries = 0; ids.length === 0 && tries < 150; tries++) {
    ids = (await xdotool(display, 'search', '--name', title).catch(() => '')).trim().split('\n').filter(Boolean);
    if (ids.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (ids.length === 0) throw new Error(`no window titled ${title} on ${display.name}`);
  await xdotool(display, 'windowfocus', '--sync', ids[ids.length - 1]!);
}

/** Presses keys (`ctrl+alt+f`) or types text at the X server, as a keyboard would. */
export async function pressKeys(display: Display, ...keys: string[]): Promise<void> {
  await xdotool(display, 'key', '--clearmodifiers', '--delay', '30', ...keys);
}

export async function typeText(display: Display, text: string): Promise<void> {
  await xdotool(display, 'type', '--delay', '20', text);
}
