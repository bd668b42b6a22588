/**
 * Finds a Chromium to run the app in: `BYLINE_CHROMIUM=/path` first, then a
 * system Chrome or Chromium, then the Chromium the `@sparticuz/chromium` npm
 * package ships (Linux x64 only, headless only). `BYLINE_CHROMIUM=bundled`
 * skips the system browsers and takes the bundled one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface BrowserChoice {
  executablePath: string;
  source: 'env' | 'system' | 'bundled';
  /** The bundled build can only run headless, with its own switches. */
  headlessOnly: boolean;
  extraArgs: string[];
}

export function systemCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((root) => [
      path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.join(root, 'Chromium', 'Application', 'chrome.exe'),
      path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  const names = ['google-chrome-stable', 'google-chrome', 'chromium', 'chromium-browser', 'microsoft-edge'];
  const dirs = (env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(path.delimiter).filter(Boolean);
  return [...new Set([...dirs, '/usr/bin', '/snap/bin'])].flatMap((dir) => names.map((name) => path.join(dir, name)));
}

export interface LookupDeps {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  arch: string;
  exists(file: string): boolean;
  bundled(): Promise<{ executablePath: string; args: string[] } | null>;
}

export async function findBrowser(deps: LookupDeps = defaultDeps()): Promise<BrowserChoice | null> {
  const forced = deps.env.BYLINE_CHROMIUM?.trim();
  if (forced === 'bundled') return bundledChoice(deps);
  if (forced) {
    return deps.exists(forced) ? { executablePath: forced, source: 'env', headlessOnly: false, extraArgs: [] } : null;
  }
  const system = systemCandidates(deps.platform, deps.env).find((file) => deps.exists(file));
  if (system) return { executablePath: system, source: 'system', headlessOnly: false, extraArgs: [] };
  return bundledChoice(deps);
}

async function bundledChoice(deps: LookupDeps): Promise<BrowserChoice | null> {
  if (deps.platform !== 'linux' || deps.arch !== 'x64') return null;
  const bundled = await deps.bundled();
  return bundled ? { executablePath: bundled.executablePath, source: 'bundled', headlessOnly: true, extraArgs: bundled.args } : null;
}

/**
 * The few switches from @sparticuz/chromium's list that this build needs to run
 * outside AWS Lambda. Its list also turns off web security and site isolation,
 * which an app showing untrusted documents must never do, so we allowlist.
 */
const BUNDLED_SAFE_ARGS = ['--no-zygote', '--disable-setuid-sandbox', '--font-render-hinting=none', '--no-pings'];
function bundledArgs(args: readonly string[]): string[] {
  return args.filter((arg) => BUNDLED_SAFE_ARGS.includes(arg));
}

function defaultDeps(): LookupDeps {
  return {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    exists: (file) => existsSync(file),
    bundled: async () => {
      try {
        const { default: chromium } = await import('@sparticuz/chromium');
        return { executablePath: await chromium.executablePath(), args: bundledArgs(chromium.args) };
      } catch {
        return null;
      }
    },
  };
}

export const BROWSER_MISSING_MESSAGE =
  'Byline needs Electron or a Chrome/Chromium browser to run, and found neither. Install Google Chrome or Chromium, or set BYLINE_CHROMIUM=/path/to/chrome.';
