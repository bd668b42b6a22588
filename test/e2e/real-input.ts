/**
 * Real keyboard, mouse and screen for the e2e tests: a virtual X display
 * (Xvfb), the app started headed on it, and input sent with xdotool, so the
 * keys and the wheel travel the way a writer's do — through the browser's own
 * shortcut handling before the page sees them. (Keys sent over CDP skip that
 * path, which is how Ctrl+N opening a browser window went unnoticed.)
 *
 *   const app = await startHeadedApp();
 *   await app.key('ctrl+n');
 *   await app.wheel(40, 20, 5);              // five notches down over a page point
 *   await app.screenshot('after-ctrl-n');    // the whole screen, as a PNG in test-artifacts/
 *   await app.stop();                        // the app, then the display
 *
 * Xvfb picks a free display number itself (-displayfd), so parallel runs never
 * race for one; its framebuffer file (-fbdir) is the screenshot source, so no
 * X screenshot tool is needed. There is no window manager: the app's window
 * gets the keyboard by `xdotool windowfocus`, and stays the size the shell
 * gives it (1280×860 at the screen's top left; full screen hides the browser's
 * toolbars but doesn't grow it). Click into the page before typing: as the
 * shell's window is today, the browser's address bar has the keyboard at start.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { ARTIFACTS, sleep, startApp, tempDir, waitFor, type RunningApp, type StartOptions } from './harness';

export interface VirtualDisplay {
  /** ":N", for DISPLAY. */
  display: string;
  width: number;
  height: number;
  /** Runs xdotool against this display; resolves with its output. */
  xdotool(...args: string[]): Promise<string>;
  /** The whole screen as a PNG file (Xvfb's framebuffer, converted). */
  screenshot(file: string): Promise<void>;
  /** The colour of one screen pixel as it is on the display now, [r, g, b]. */
  pixel(x: number, y: number): Promise<[number, number, number]>;
  stop(): Promise<void>;
}

export interface DisplayOptions {
  width?: number;
  height?: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Starts Xvfb on a display number it chooses. Fails loudly when Xvfb or xdotool is missing. */
export async function startVirtualDisplay(options: DisplayOptions = {}): Promise<VirtualDisplay> {
  const width = options.width ?? 1280;
  const height = options.height ?? 900;
  const fbdir = await tempDir('xvfb');
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-fbdir', fbdir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let failed: Error | null = null;
  xvfb.stdout!.on('data', (d) => (out += d));
  xvfb.stderr!.on('data', (d) => (err += d));
  xvfb.once('error', (error) => (failed = new Error(`Xvfb could not start (is the xvfb package installed?): ${error.message}`)));
  xvfb.once('exit', (code) => (failed ??= new Error(`Xvfb exited (code ${code}):\n${err}`)));
  await waitFor(() => failed !== null || /^\d+\n/.test(out), 20_000, () => `Xvfb did not report its display:\n${err}`);
  if (failed) throw failed;
  const display = `:${out.trim()}`;
  const env = { ...process.env, DISPLAY: display };
  const xdotool = (...args: string[]) =>
    run('xdotool', args, env).catch((error: Error) => {
      throw /ENOENT/.test(error.message) ? new Error('xdotool is missing (apt-get install xdotool)') : error;
    });
  await xdotool('getmouselocation');
  return {
    display,
    width,
    height,
    xdotool,
    async screenshot(file) {
      const png = xwdToPng(await readFile(path.join(fbdir, 'Xvfb_screen0')));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, png);
    },
    async pixel(x, y) {
      return xwdPixel(await readFile(path.join(fbdir, 'Xvfb_screen0')), x, y);
    },
    async stop() {
      if (xvfb.exitCode === null) {
        const gone = new Promise((resolve) => xvfb.once('exit', resolve));
        xvfb.kill('SIGTERM');
        await Promise.race([gone, sleep(5000)]);
      }
      await rm(fbdir, { recursive: true, force: true });
    },
  };
}

/** How to read pixels out of an XWD dump of a 24-bit TrueColor screen (what Xvfb -fbdir writes). */
function xwdLayout(xwd: Buffer) {
  const field = (index: number) => xwd.readUInt32BE(index * 4);
  const bitsPerPixel = field(11);
  if (bitsPerPixel !== 32) throw new Error(`xwd: ${bitsPerPixel} bits per pixel is not supported`);
  const [redMask, greenMask, blueMask] = [field(14), field(15), field(16)];
  const shift = (mask: number) => Math.log2(mask & -mask);
  const lsbFirst = field(7) === 0;
  const data = field(0) + field(19) * 12;
  const bytesPerLine = field(12);
  return {
    width: field(4),
    height: field(5),
    rgb(x: number, y: number): [number, number, number] {
      const at = data + y * bytesPerLine + x * 4;
      const pixel = lsbFirst ? xwd.readUInt32LE(at) : xwd.readUInt32BE(at);
      return [(pixel & redMask) >>> shift(redMask), (pixel & greenMask) >>> shift(greenMask), (pixel & blueMask) >>> shift(blueMask)];
    },
  };
}

export function xwdPixel(xwd: Buffer, x: number, y: number): [number, number, number] {
  const layout = xwdLayout(xwd);
  if (x < 0 || y < 0 || x >= layout.width || y >= layout.height) throw new Error(`(${x}, ${y}) is off the screen`);
  return layout.rgb(Math.round(x), Math.round(y));
}

/** A PNG of an XWD dump of a 24-bit TrueColor screen (what Xvfb -fbdir writes). */
export function xwdToPng(xwd: Buffer): Buffer {
  const { width, height, rgb } = xwdLayout(xwd);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw.set(rgb(x, y), row + 1 + x * 3);
  }
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface HeadedApp extends RunningApp {
  display: VirtualDisplay;
  /** The X window showing the app (a visible window whose title names Byline). */
  appWindow(): Promise<string>;
  /** Every visible top-level window on the display (the app's, and any the browser opened). */
  visibleWindows(): Promise<string[]>;
  /** Gives the app's window the keyboard. */
  focus(): Promise<void>;
  /** Real key presses, xdotool spelling: 'ctrl+n', 'ctrl+shift+Return', 'Escape'. */
  key(...keys: string[]): Promise<void>;
  /** Types text with real key presses. */
  type(text: string): Promise<void>;
  /** Moves the real pointer to a point of the page (CSS pixels from the viewport's top left). */
  moveTo(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** Wheel notches at a page point: positive scrolls down (button 5), negative up (button 4). */
  wheel(x: number, y: number, notches: number): Promise<void>;
  /** The whole screen into test-artifacts/<name>.png; resolves with the path. */
  screenshot(name: string): Promise<string>;
  /** The colour on screen at a point of the page (CSS pixels from the viewport's top left), [r, g, b]. */
  pixelAt(x: number, y: number): Promise<[number, number, number]>;
  /** Resizes the app's window (its outer size, as a window manager would); resolves once the page has the new width. */
  resize(width: number, height: number): Promise<void>;
}

export interface HeadedOptions extends StartOptions, DisplayOptions {}

/** Starts a virtual display and the app headed on it (the shell's window, as `npm start` shows it). */
export async function startHeadedApp(options: HeadedOptions = {}): Promise<HeadedApp> {
  const display = await startVirtualDisplay(options);
  let app: RunningApp;
  try {
    app = await startApp({ ...options, env: { ...options.env, DISPLAY: display.display, BYLINE_HEADLESS: '0' } });
  } catch (error) {
    await display.stop();
    throw error;
  }
  try {
    return await headed(app, display);
  } catch (error) {
    await app.stop();
    await display.stop();
    throw error;
  }
}

async function headed(app: RunningApp, display: VirtualDisplay): Promise<HeadedApp> {
  const { xdotool } = display;
  const visibleWindows = async () =>
    (await xdotool('search', '--onlyvisible', '--name', '.*').catch(() => ''))
      .split('\n')
      .filter(Boolean);
  const appWindow = async (): Promise<string> => {
    let found = '';
    for (let tries = 0; tries < 200 && !found; tries++) {
      const ids = (await xdotool('search', '--onlyvisible', '--name', 'Byline').catch(() => '')).split('\n').filter(Boolean);
      found = ids[0] ?? '';
      if (!found) await sleep(100);
    }
    if (!found) throw new Error('no visible window titled "… Byline" on the display');
    return found;
  };
  /** Where the page's viewport starts on the screen (the window may have a frame or title strip). */
  const viewportOrigin = async () => {
    const id = await appWindow();
    const geometry = await xdotool('getwindowgeometry', '--shell', id);
    const value = (name: string) => Number(new RegExp(`^${name}=(\\d+)`, 'm').exec(geometry)?.[1] ?? 0);
    const innerHeight = await app.page.evaluate(() => window.innerHeight);
    // The page sits at the bottom of the window, under whatever strip the browser draws on top.
    return { x: value('X'), y: value('Y') + value('HEIGHT') - innerHeight };
  };
  const focus = async () => {
    const id = await appWindow();
    await xdotool('windowraise', id);
    await xdotool('windowfocus', '--sync', id);
  };
  const moveTo = async (x: number, y: number) => {
    const origin = await viewportOrigin();
    const [toX, toY] = [Math.round(origin.x + x), Math.round(origin.y + y)];
    const at = await xdotool('getmouselocation', '--shell');
    // `--sync` waits for the pointer to move: it would wait in vain for a move to where it already is.
    if (at.includes(`X=${toX}\n`) && at.includes(`Y=${toY}\n`)) return;
    await xdotool('mousemove', '--sync', String(toX), String(toY));
  };
  // Without a window manager the browser puts its window at (10, 10), its right edge off the screen.
  // (`--sync` waits for a move: only ask for one that will happen.)
  const placed = await xdotool('getwindowgeometry', '--shell', await appWindow());
  if (!/^X=0$/m.test(placed) || !/^Y=0$/m.test(placed)) await xdotool('windowmove', '--sync', await appWindow(), '0', '0');
  return {
    ...app,
    display,
    appWindow,
    visibleWindows,
    focus,
    async key(...keys) {
      await focus();
      await xdotool('key', '--delay', '60', ...keys);
    },
    async type(text) {
      await focus();
      await xdotool('type', '--delay', '30', text);
    },
    moveTo,
    async click(x, y) {
      await moveTo(x, y);
      await xdotool('click', '1');
    },
    async wheel(x, y, notches) {
      await moveTo(x, y);
      if (notches !== 0) await xdotool('click', '--repeat', String(Math.abs(notches)), '--delay', '40', notches > 0 ? '5' : '4');
    },
    async resize(width, height) {
      const now = await xdotool('getwindowgeometry', '--shell', await appWindow());
      if (!new RegExp(`^WIDTH=${width}$`, 'm').test(now) || !new RegExp(`^HEIGHT=${height}$`, 'm').test(now)) {
        await xdotool('windowsize', '--sync', await appWindow(), String(width), String(height));
      }
      await app.page.waitForFunction((w) => window.outerWidth === w, width, { timeout: 10_000 });
    },
    async pixelAt(x, y) {
      const origin = await viewportOrigin();
      return display.pixel(origin.x + x, origin.y + y);
    },
    async screenshot(name) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await display.screenshot(file);
      return file;
    },
    async stop() {
      await app.stop();
      await display.stop();
    },
  };
}
