import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServer } from '../../../electron/services/app-server';
import { STYLE_NONCE_META } from '../../../electron/contract';

async function site() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'byline-site-'));
  await mkdir(path.join(root, 'dist'));
  await writeFile(path.join(root, 'dist', 'index.html'), '<!doctype html><html><head><title>x</title></head></html>');
  await writeFile(path.join(root, 'dist', 'preview.html'), '<!doctype html><html><head></head></html>');
  await writeFile(path.join(root, 'dist', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'outside');
  return createAppServer(path.join(root, 'dist'));
}

describe('app server', () => {
  it('serves the app page with a strict CSP and a fresh style nonce each load', async () => {
    const server = await site();
    const first = await server.handle('/');
    const second = await server.handle('/');
    const csp = first.headers['Content-Security-Policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("default-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(Buffer.from(first.body).toString()).toContain(`<meta name="${STYLE_NONCE_META}" content="${nonce}">`);
    expect(second.headers['Content-Security-Policy']).not.toBe(csp);
  });

  it('gives the preview frame a script-free CSP', async () => {
    const response = await (await site()).handle('/preview.html');
    const csp = response.headers['Content-Security-Policy']!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src/);
  });

  it('serves files with their types and refuses to leave its folder', async () => {
    const server = await site();
    expect((await server.handle('/app.js')).headers['Content-Type']).toMatch(/javascript/);
    for (const evil of ['/../secret.txt', '/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/nope.js', '/%E0%A4%A', '/a%00b']) {
      expect((await server.handle(evil)).status, evil).toBe(404);
    }
  });
});
