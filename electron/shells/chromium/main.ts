/**
 * The Chromium shell: the same renderer bundle and the same API as Electron,
 * in a Chrome/Chromium driven by playwright-core. It serves the app from a
 * routed origin that never touches the network, blocks every other request,
 * and exposes the contract through one binding that only the app's main frame
 * may call. Used for end-to-end tests, headless runs and `npm start` where
 * Electron is missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_EVENT_NAME, CHROMIUM_INVOKE_BINDING, type MainEvent, type Result } from '../../contract';
import { createApiHandler } from '../../services/api-handlers';
import { createAppServer } from '../../services/app-server';
import { appVersion, rendererDir } from '../../services/app-paths';
import { parseShellArgs } from '../../services/command-line';
import { openWithSystem } from '../../services/open-external';
import { resolveProfileDir } from '../../services/profile-dir';
import { createSettingsStore } from '../../services/settings';
import { createNetworkLog } from '../../services/network-log';
import { createPreviewImages } from '../../services/preview-images';
import { BROWSER_MISSING_MESSAGE, findBrowser } from './browser-lookup';
import { withFeatureSwitches } from './browser-switches';
import { createChromiumLifecycle, type ChromiumLifecycle } from './window-lifecycle';
import { createExportService } from '../../services/export/export-service';
import { createChromiumPrinter } from './pdf-printer';
import { readDevToolsPort } from './devtools-port';
import { actionForNewPage } from './new-page-policy';
import { watchNewPages } from './new-page-watch';
import { createWindowFullScreen } from './window-full-screen';

/** A name that can never resolve, so nothing about the app's origin leaves the machine. */
export const APP_ORIGIN = 'https://byline.invalid';
export const APP_URL = `${APP_ORIGIN}/`;

export interface ChromiumShell {
  context: BrowserContext;
  page: Page;
  send(event: MainEvent): Promise<void>;
  close(): Promise<void>;
  /** The crash journal, the watchers, and how the window may end (window-lifecycle.ts). */
  lifecycle: ChromiumLifecycle;
}

function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  if (process.platform !== 'linux') return true;
  return !!(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export async function launchChromiumShell(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ChromiumShell> {
  const args = parseShellArgs(argv);
  const browser = await findBrowser();
  if (!browser) throw new Error(BROWSER_MISSING_MESSAGE);
  const headless = env.BYLINE_HEADLESS === '1' || browser.headlessOnly || !hasDisplay(env);

  const profileDir = resolveProfileDir(env);
  // Every request that tries to leave the machine, when BYLINE_NETWORK_LOG names a file.
  const networkLog = createNetworkLog(env);
  const images = createPreviewImages({ log: networkLog });
  // Journal and watchers exist before the page does; the window is attached once it is up.
  const lifecycle = createChromiumLifecycle(profileDir);
  const settings = createSettingsStore(profileDir);
  // Export (issue 6): PDFs from a headless browser found by the same lookup; no native save dialog here.
  const exporter = createExportService({
    version: appVersion(),
    createPrinter: () => createChromiumPrinter(browser),
    openFile: (file) => openWithSystem(file, env),
    chooseTarget: null,
    settings,
  });
  // The app's page, once it exists (the API handler is made first).
  let appPage: Page | null = null;
  const fullScreen = createWindowFullScreen(() => appPage);
  const handle = createApiHandler({
    journal: lifecycle.journal,
    watcher: lifecycle.watcher,
    draftsWatcher: lifecycle.draftsWatcher,
    hooks: {
      kind: 'chromium',
      dialogs: null,
      openExternal: (url) => openWithSystem(url, env),
      closeWindow: () => lifecycle.closeWindow(),
      setFullScreen: (on) => fullScreen.set(on),
    },
    settings,
    version: appVersion(),
    startupPaths: args.files,
    images,
    exporter,
  });
  const server = createAppServer(rendererDir(), { images });
  const browserProfile = await mkdtemp(path.join(os.tmpdir(), 'byline-chromium-'));

  const context = await chromium.launchPersistentContext(browserProfile, {
    executablePath: browser.executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 860 } : null,
    ignoreDefaultArgs: ['--enable-automation'],
    // Signals are ours (runChromiumShell): the page journals its text before the browser goes.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      ...browser.extraArgs,
      '--disable-quic',
      '--disable-background-networking',
      '--no-first-run',
      ...withFeatureSwitches(extraSwitches(env), env),
      ...(args.remoteDebuggingPort !== null ? [`--remote-debugging-port=${args.remoteDebuggingPort}`] : []),
      ...(headless ? [] : ['--app=about:blank', '--window-size=1280,860']),
    ],
  });

  // Copy as Rich Text writes HTML and plain text to the clipboard; nothing else is granted.
  await context.grantPermissions(['clipboard-write'], { origin: APP_ORIGIN }).catch(() => undefined);

  // The app's origin is served from disk; every other request is refused.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_ORIGIN) {
      networkLog('blocked', url.href);
      return route.abort('blockedbyclient');
    }
    const response = await server.handle(url.pathname);
    return route.fulfill({ status: response.status, headers: response.headers, body: Buffer.from(response.body) });
  });

  await context.exposeBinding(CHROMIUM_INVOKE_BINDING, async (source, channel: unknown, payload: unknown): Promise<Result<unknown>> => {
    if (!isTrustedCaller(source.frame.url(), source.frame === source.page.mainFrame())) {
      return { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'Only the Byline app may call its API.' } };
    }
    return handle(channel, payload);
  });

  if (args.remoteDebuggingPort !== null) {
    // The port actually bound (Chromium picks one for `=0`), for CDP clients to read.
    const port = await readDevToolsPort(browserProfile);
    console.log(port === null ? 'Byline: remote debugging did not start.' : `Byline: remote debugging on http://127.0.0.1:${port}`);
  }

  const page = context.pages()[0] ?? (await context.newPage());
  appPage = page;
  // JSON is a valid JavaScript expression, so the event reaches the page as data.
  const send = (event: MainEvent) =>
    page.evaluate(`window.dispatchEvent(new CustomEvent(${JSON.stringify(CHROMIUM_EVENT_NAME)}, { detail: ${JSON.stringify(event)} }))`).then(() => undefined);
  // No other windows, no dialogs from page content: the app draws its own. The browser's own
  // New Tab page (Ctrl+N, Ctrl+T, Ctrl+Shift+N) is the writer asking for a new document.
  const answerNewPage = (url: string) => {
    if (actionForNewPage(url) !== 'new-document') return;
    void page
      .bringToFront()
      .then(() => send({ type: 'menu-command', command: 'file:new' }))
      .catch(() => undefined);
  };
  const watching = await watchNewPages(page, answerNewPage);
  context.on('page', (other) => {
    if (other === page) return;
    void other.close().catch(() => undefined);
    // The watch above normally saw it first (and answered); without it, this is the only chance.
    if (!watching) answerNewPage(other.url());
  });
  // Another CDP client (--remote-debugging-port) may have answered the dialog already: then the
  // browser says none is showing, which is no reason to stop.
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
  await page.goto(APP_URL);
  await page.waitForSelector('#app[data-ready="true"]', { timeout: 30_000 });

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await exporter.close().catch(() => undefined);
    await context.close().catch(() => undefined);
    await rm(browserProfile, { recursive: true, force: true }).catch(() => undefined);
  };
  context.on('close', () => void close());

  const shell: ChromiumShell = {
    context,
    page,
    send,
    close,
    lifecycle,
  };
  lifecycle.attach(shell);
  return shell;
}

/**
 * BYLINE_CHROMIUM_ARGS: more switches for the browser, space-separated (for
 * measurements, e.g. `--disable-frame-rate-limit` in `npm run bench`).
 */
export function extraSwitches(env: NodeJS.ProcessEnv): string[] {
  return (env.BYLINE_CHROMIUM_ARGS ?? '').split(/\s+/).filter((arg) => arg.startsWith('--'));
}

/** Only the app's own top-level page may use the API; never a frame or another origin. */
export function isTrustedCaller(frameUrl: string, isMainFrame: boolean): boolean {
  if (!isMainFrame) return false;
  try {
    return new URL(frameUrl).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

export async function runChromiumShell(argv: readonly string[]): Promise<void> {
  let shell: ChromiumShell;
  try {
    shell = await launchChromiumShell(argv);
  } catch (error) {
    console.error(`Byline could not start: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  // A signal asks the page to journal its text first; the journal is cleared only if nothing is unsaved.
  const stop = () => void shell.lifecycle.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  shell.context.on('close', () => void shell.lifecycle.closed().then(() => process.exit(0)));
  console.log('Byline is ready.');
}
