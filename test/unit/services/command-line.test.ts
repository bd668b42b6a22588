import { describe, expect, it } from 'vitest';
import { parseShellArgs } from '../../../electron/services/command-line';
import { findBrowser, type LookupDeps } from '../../../electron/shells/chromium/browser-lookup';
import { isTrustedCaller, APP_ORIGIN } from '../../../electron/shells/chromium/main';

describe('shell command line', () => {
  it('finds files and the remote debugging port, skipping other switches', () => {
    expect(parseShellArgs(['a.md', '--remote-debugging-port=9333', '--no-sandbox', 'dir/b.md'], '/w')).toEqual({
      files: ['/w/a.md', '/w/dir/b.md'],
      remoteDebuggingPort: 9333,
    });
    expect(parseShellArgs(['--remote-debugging-port', '0'], '/w')).toEqual({ files: [], remoteDebuggingPort: 0 });
    expect(parseShellArgs(['--', '-odd.md'], '/w').files).toEqual(['/w/-odd.md']);
  });
});

describe('browser lookup', () => {
  const deps = (over: Partial<LookupDeps>): LookupDeps => ({
    env: { PATH: '/usr/bin' },
    platform: 'linux',
    arch: 'x64',
    exists: () => false,
    bundled: async () => ({ executablePath: '/tmp/chromium', args: ['--no-zygote'] }),
    ...over,
  });

  it('prefers BYLINE_CHROMIUM, then a system browser, then the bundled one', async () => {
    expect(await findBrowser(deps({ env: { BYLINE_CHROMIUM: '/opt/c' }, exists: (f) => f === '/opt/c' }))).toMatchObject({ source: 'env', executablePath: '/opt/c' });
    expect(await findBrowser(deps({ exists: (f) => f === '/usr/bin/chromium' }))).toMatchObject({ source: 'system', executablePath: '/usr/bin/chromium' });
    expect(await findBrowser(deps({}))).toMatchObject({ source: 'bundled', headlessOnly: true });
  });

  it('takes the bundled browser when BYLINE_CHROMIUM=bundled', async () => {
    expect(await findBrowser(deps({ env: { BYLINE_CHROMIUM: 'bundled' }, exists: () => true }))).toMatchObject({ source: 'bundled' });
  });

  it('does not fall back past an explicit BYLINE_CHROMIUM that is missing', async () => {
    expect(await findBrowser(deps({ env: { BYLINE_CHROMIUM: '/missing' }, exists: (f) => f === '/usr/bin/chromium' }))).toBeNull();
  });

  it('has no bundled browser off Linux x64', async () => {
    expect(await findBrowser(deps({ arch: 'arm64' }))).toBeNull();
  });
});

describe('Chromium shell caller check', () => {
  it('trusts only the app origin main frame', () => {
    expect(isTrustedCaller(`${APP_ORIGIN}/`, true)).toBe(true);
    expect(isTrustedCaller(`${APP_ORIGIN}/preview.html`, false)).toBe(false);
    expect(isTrustedCaller('https://evil.example/', true)).toBe(false);
    expect(isTrustedCaller('about:blank', true)).toBe(false);
  });
});
