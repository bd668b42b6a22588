/**
 * A new image scope in a long document, end to end in the Chromium shell:
 * when the writer agrees to load a document's remote images, only the blocks
 * holding images are drawn again; every other block keeps its very nodes (a
 * book-length preview is not rebuilt for one picture), and both images show.
 * The remote image comes from a server on this machine, through the app's
 * consented proxy.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startApp, tempDir, type RunningApp } from './harness';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

type Marked = Window & { __blocks?: Element[] };

describe('a new image scope in a long document', () => {
  let app: RunningApp;
  let server: Server;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/far.png') response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const sample = await readFile(path.join(ROOT, 'test/fixtures/sample-oped.md'), 'utf8');
    const body = sample.replace(/^---\n[\s\S]*?\n---\n/, '');
    const parts = [sample, ...Array.from({ length: 8 }, () => body)];
    parts.splice(3, 0, '![beside](beside.png)\n');
    parts.splice(7, 0, `![far](http://127.0.0.1:${port}/far.png)\n`);
    const dir = await tempDir('image-scope');
    await writeFile(path.join(dir, 'beside.png'), PNG);
    await writeFile(path.join(dir, 'long.md'), parts.join('\n'));
    app = await startApp({ files: [path.join(dir, 'long.md')] });
  });

  afterAll(async () => {
    await app?.stop();
    server?.close();
  });

  const loaded = (alt: string): Promise<boolean> =>
    app.preview.evaluate((alt) => {
      const img = document.querySelector<HTMLImageElement>(`#document img[alt="${alt}"]`);
      return img !== null && img.complete && img.naturalWidth > 0;
    }, alt);

  it('draws again only the blocks with images when remote images are allowed', { timeout: 60_000 }, async () => {
    const { page } = app;
    await expect.poll(() => loaded('beside'), { timeout: 20_000 }).toBe(true);
    await page.waitForFunction(() => !document.getElementById('preview')!.hasAttribute('data-drawing'), undefined, { timeout: 30_000 });
    expect(await app.preview.locator('#document .image-placeholder.remote').count()).toBe(1);
    const textBefore = await app.preview.textContent('#document');
    const total = await page.evaluate(() => {
      const doc = (document.getElementById('preview') as HTMLIFrameElement).contentDocument!;
      const blocks = Array.from(doc.querySelectorAll('#document > .preview-chunk > *'));
      (window as Marked).__blocks = blocks;
      return blocks.length;
    });
    expect(total).toBeGreaterThan(80);

    await page.getByRole('button', { name: 'Load remote images' }).click();
    await expect.poll(() => loaded('far'), { timeout: 20_000 }).toBe(true);
    expect(await loaded('beside')).toBe(true);
    const redrawn = await page.evaluate(() =>
      (window as Marked)
        .__blocks!.filter((el) => !el.isConnected)
        .map((el) => {
          const img = el.querySelector('img');
          if (img) return `image ${img.alt}`;
          return el.querySelector('.image-placeholder') ? 'placeholder' : el.outerHTML.slice(0, 80);
        }),
    );
    // The two pictures' paragraphs (the remote one was its placeholder), nothing else.
    expect(redrawn.sort()).toEqual(['image beside', 'placeholder']);
    expect(await app.preview.textContent('#document')).toBe(textBefore!.replace(/\[Remote image not loaded · far · 127\.0\.0\.1:\d+\]/, ''));
  });
});
