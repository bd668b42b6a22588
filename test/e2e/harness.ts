/**
 * Starts the real Chromium shell as its own process (as `npm start` would,
 * headless, with a temporary profile) and attaches to it over CDP with
 * --remote-debugging-port, the way any CDP client can.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

/** The project folder: the nearest package.json named "byline" above the working directory. */
function projectRoot(start: string = process.cwd()): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'byline') return dir;
    if (path.dirname(dir) === dir) throw new Error('run this from inside the Byline project');
  }
}

export const ROOT = projectRoot();
/** The built app under test: `dist/`, or BYLINE_DIST_DIR when set (parallel builds). */
export const DIST = path.resolve(ROOT, process.env.BYLINE_DIST_DIR ?? 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export interface RunningApp {
  page: Page;
  preview: Frame;
  browser: Browser;
  child: ChildProcess;
  userData: string;
  output(): string;
  stop(): Promise<void>;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `byline-${prefix}-`));
}

export interface StartOptions {
  files?: string[];
  userData?: string;
  env?: Record<string, string>;
  /** Show the first-run welcome document (off by default: a profile without settings gets `welcomed: true`). */
  welcome?: boolean;
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const userData = options.userData ?? (await tempDir('profile'));
  const settingsFile = path.join(userData, 'settings.json');
  if (!options.welcome && !existsSync(settingsFile)) {
    await mkdir(userData, { recursive: true });
    await writeFile(settingsFile, '{ "welcomed": true }\n');
  }
  let output = '';
  // Port 0: Chromium binds a free port itself and the shell prints it (no race for a port picked here).
  const child = spawn(
    process.execPath,
    [path.join(DIST, 'electron/start.cjs'), ...(options.files ?? []), '--remote-debugging-port=0'],
    {
      cwd: ROOT,
      env: { ...process.env, BYLINE_HEADLESS: '1', BYLINE_SHELL: 'chromium', BYLINE_USER_DATA: userData, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the shell exited early (code ${code}):\n${output}`))),
  );
  await Promise.race([waitFor(() => output.includes('Byline is ready.'), 60_000, () => output), exited]);
  const endpoint = /Byline: remote debugging on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  if (!endpoint) throw new Error(`the shell did not say where remote debugging listens:\n${output}`);
  const browser = await chromium.connectOverCDP(endpoint);
  const page = browser.contexts()[0]!.pages().find((p) => p.url().startsWith('https://byline.invalid/'));
  if (!page) throw new Error('the app page was not found over CDP');
  const preview = page.frames().find((f) => f.url().endsWith('/preview.html'));
  if (!preview) throw new Error('the preview frame was not found');
  exited.catch(() => undefined);
  return {
    page,
    preview,
    browser,
    child,
    userData,
    output: () => output,
    async stop() {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([gone, sleep(5000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!options.userData) await rm(userData, { recursive: true, force: true });
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor(check: () => boolean, timeoutMs: number, describe: () => string = () => ''): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms\n${describe()}`);
    await sleep(50);
  }
}

/** Three animation frames of `page`: whatever a frame schedules (scroll sync, a repaint) has run. */
export async function frames(page: Page, count = 3): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number): void => void (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    count,
  );
}

/**
 * Waits until `read` gives the same value twice in a row, a few animation
 * frames and 50 ms apart: what moves (a scroll being synced, a layout
 * settling) has stopped. Instead of a fixed sleep, which a loaded machine
 * outruns.
 */
export async function waitForStill<T>(page: Page, read: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  let last = JSON.stringify(await read());
  for (;;) {
    await frames(page);
    await sleep(50);
    const value = await read();
    const now = JSON.stringify(value);
    if (now === last) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`still changing after ${timeoutMs} ms: ${now}`);
    last = now;
  }
}
