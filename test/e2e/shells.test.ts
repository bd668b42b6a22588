/**
 * Choosing and finding a shell: `npm start` says which shell it uses, the
 * Chromium shell runs on the browser the @sparticuz/chromium package ships when
 * that is all there is, and asking for Electron without its binary is a clear
 * error, not a hang.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, startApp } from './harness';

describe('shells', () => {
  it('runs the app on the npm-bundled Chromium (Linux x64)', async () => {
    expect(process.platform === 'linux' && process.arch === 'x64', 'this test needs Linux x64, where @sparticuz/chromium runs').toBe(true);
    const app = await startApp({ env: { BYLINE_CHROMIUM: 'bundled' } });
    try {
      expect(app.output()).toContain('starting in the Chromium shell');
      expect(await app.page.title()).toBe('Untitled — Byline');
      expect(await app.page.locator('.cm-content').count()).toBe(1);
      const version = app.browser.version();
      expect(version).toMatch(/^\d+\./);
    } finally {
      await app.stop();
    }
  });

  it('says clearly when Electron is asked for but not installed', () => {
    const run = spawnSync(process.execPath, [path.join(DIST, 'electron/start.cjs')], {
      env: { ...process.env, BYLINE_SHELL: 'electron', ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^BYLINE_SHELL=electron, but Electron's binary is not installed/);
  });

  it('rejects an unknown BYLINE_SHELL', () => {
    const run = spawnSync(process.execPath, [path.join(DIST, 'electron/start.cjs')], {
      env: { ...process.env, BYLINE_SHELL: 'qt' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('BYLINE_SHELL must be "electron" or "chromium"');
  });

  it('answers --version and --help from the byline command without a window', () => {
    const version = spawnSync(process.execPath, [path.join(DIST, 'electron/cli.cjs'), '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = spawnSync(process.execPath, [path.join(DIST, 'electron/cli.cjs'), '--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('Usage:');
  });
});
