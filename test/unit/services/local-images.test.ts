import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalImages, isInsideFolder, readImageInFolder, relativeImagePath, sniffImage } from '../../../electron/services/local-images';
import { checkRemoteImageUrl, createRemoteImages, type FetchLike } from '../../../electron/services/remote-images';
import { createPreviewImages } from '../../../electron/services/preview-images';
import { createAppServer } from '../../../electron/services/app-server';
import { validateRequest } from '../../../electron/services/request-validation';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

async function folders() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'byline-images-'));
  const doc = path.join(root, 'doc');
  await mkdir(path.join(doc, 'img'), { recursive: true });
  await writeFile(path.join(doc, 'piece.md'), '![](pic.png)');
  await writeFile(path.join(doc, 'pic.png'), PNG);
  await writeFile(path.join(doc, 'img', 'in sub.png'), PNG);
  await writeFile(path.join(doc, 'fake.png'), '<svg onload="alert(1)"/>');
  await writeFile(path.join(root, 'secret.png'), PNG);
  await symlink(path.join(root, 'secret.png'), path.join(doc, 'link-out.png'));
  await symlink(path.join(doc, 'pic.png'), path.join(doc, 'link-in.png'));
  await symlink(root, path.join(doc, 'up'));
  return { root, doc };
}

describe('local images: only real images inside the document’s folder', () => {
  it('recognises raster images by their bytes, not SVG or text', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('GIF89a…'))).toBe('image/gif');
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.from(''))).toBeNull();
  });

  it.each(['', '/etc/passwd', 'C:\\x.png', 'C:x.png', '\\\\host\\share\\x.png', 'a\\..\\x.png', 'file:///etc/passwd', 'https://evil.example/x.png', 'a\0.png'])(
    'refuses %j as a relative image path',
    (p) => expect(relativeImagePath(p)).toBeNull(),
  );

  it('keeps containment strict', () => {
    expect(isInsideFolder('/a/b', '/a/b/c.png')).toBe(true);
    expect(isInsideFolder('/a/b', '/a/b')).toBe(false);
    expect(isInsideFolder('/a/b', '/a/bc/x.png')).toBe(false);
    expect(isInsideFolder('/a/b', '/a/x.png')).toBe(false);
  });

  it('reads images inside the folder, symlinks that stay inside included', async () => {
    const { doc } = await folders();
    for (const ok of ['pic.png', 'img/in sub.png', './pic.png', 'img/../pic.png', 'link-in.png']) {
      expect((await readImageInFolder(doc, ok)).ok, ok).toBe(true);
    }
  });

  it('refuses escapes, symlinks out, non-images and folders', async () => {
    const { doc } = await folders();
    for (const bad of ['../secret.png', 'img/../../secret.png', 'link-out.png', 'up/secret.png', 'fake.png', 'img', 'missing.png', 'piece.md']) {
      expect((await readImageInFolder(doc, bad)).ok, bad).toBe(false);
    }
  });

  it('serves a folder under an unguessable token, and nothing under any other', async () => {
    const { doc, root } = await folders();
    const images = createLocalImages();
    const base = images.folderBase(path.join(doc, 'piece.md'))!;
    expect(base).toMatch(/^\/local-image\/[0-9a-f]{32}\/$/);
    expect(images.folderBase(path.join(doc, 'other.md'))).toBe(base);
    expect(images.folderBase(null)).toBeNull();
    expect(images.folderBase('relative/piece.md')).toBeNull();
    const ok = await images.serve(`${base}${encodeURIComponent('img/in sub.png')}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['Content-Type']).toBe('image/png');
    expect(ok.headers['X-Content-Type-Options']).toBe('nosniff');
    expect((await images.serve(`${base}${encodeURIComponent('../secret.png')}`)).status).toBe(404);
    expect((await images.serve(`${base}${encodeURIComponent(path.join(root, 'secret.png'))}`)).status).toBe(404);
    expect((await images.serve(`/local-image/${'0'.repeat(32)}/pic.png`)).status).toBe(404);
    expect((await images.serve(`${base}%E0%A4%A`)).status).toBe(404);
  });

  it('reaches the shells through the app server’s routes', async () => {
    const { doc } = await folders();
    const images = createPreviewImages();
    const server = createAppServer(doc, { images });
    const { localBase, remoteBase } = images.scope({ documentPath: path.join(doc, 'piece.md'), remoteUrls: [] });
    expect(remoteBase).toBeNull();
    expect((await server.handle(`${localBase}pic.png`)).status).toBe(200);
    expect((await server.handle('/remote-image/x/y')).status).toBe(404);
  });
});

describe('remote images: only the URLs the writer agreed to, and only images', () => {
  it.each([
    ['https://example.com/a.png', 'https://example.com/a.png'],
    ['HTTP://EXAMPLE.com/a.png', 'http://example.com/a.png'],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['data:image/png;base64,AAAA', null],
    ['//example.com/a.png', null],
    ['https://user:pw@example.com/a.png', null],
    ['ftp://example.com/a.png', null],
    [42, null],
  ])('checks %j', (url, expected) => expect(checkRemoteImageUrl(url)).toBe(expected));

  function fakeFetch(responses: Record<string, { type: string; body: Uint8Array | string; status?: number }>) {
    const calls: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push(url);
      expect(init.credentials).toBe('omit');
      expect(init.referrerPolicy).toBe('no-referrer');
      const r = responses[url];
      if (!r) return new Response('nope', { status: 404 });
      return new Response(typeof r.body === 'string' ? r.body : new Uint8Array(r.body), { status: r.status ?? 200, headers: { 'Content-Type': r.type } });
    };
    return { calls, fetch };
  }

  it('fetches an allowed image once, logs it, and refuses everything else without fetching', async () => {
    const { calls, fetch } = fakeFetch({
      'https://example.com/a.png': { type: 'image/png', body: PNG },
      'https://example.com/page': { type: 'text/html', body: '<script>alert(1)</script>' },
      'https://example.com/lie.png': { type: 'image/png', body: '<html>' },
      'https://example.com/x.svg': { type: 'image/svg+xml', body: '<svg/>' },
    });
    const log: string[] = [];
    const remote = createRemoteImages({ fetch, log: (kind, url) => log.push(`${kind} ${url}`) });
    expect(remote.allow([])).toBeNull();
    const base = remote.allow(['https://example.com/a.png', 'https://example.com/page', 'https://example.com/lie.png', 'https://example.com/x.svg'])!;
    const get = (url: string) => remote.serve(base + encodeURIComponent(url));
    expect((await get('https://example.com/a.png')).status).toBe(200);
    expect((await get('https://example.com/a.png')).headers['Content-Type']).toBe('image/png');
    expect((await get('https://example.com/page')).status).toBe(404);
    expect((await get('https://example.com/lie.png')).status).toBe(404);
    expect((await get('https://example.com/x.svg')).status).toBe(404);
    expect((await get('https://example.com/not-allowed.png')).status).toBe(404);
    expect(calls.filter((u) => u === 'https://example.com/a.png')).toHaveLength(1); // cached
    expect(calls).not.toContain('https://example.com/not-allowed.png');
    expect(log).toContain('fetched https://example.com/a.png');
    // A new scope without the URL: refused, even with the old token.
    remote.allow(['https://example.com/page']);
    expect((await get('https://example.com/a.png')).status).toBe(404);
    remote.allow([]);
    expect((await remote.serve(base + encodeURIComponent('https://example.com/page'))).status).toBe(404);
  });

  it('validates the images:scope payload in main', () => {
    expect(validateRequest('images:scope', { documentPath: null, remoteUrls: [] }).ok).toBe(true);
    expect(validateRequest('images:scope', { documentPath: '/a/b.md', remoteUrls: ['https://example.com/a.png'] }).ok).toBe(true);
    for (const bad of [
      { documentPath: 'relative.md', remoteUrls: [] },
      { documentPath: null, remoteUrls: ['javascript:alert(1)'] },
      { documentPath: null, remoteUrls: ['file:///etc/passwd'] },
      { documentPath: null, remoteUrls: 'https://example.com/a.png' },
      { documentPath: null, remoteUrls: Array.from({ length: 501 }, (_, i) => `https://example.com/${i}.png`) },
      { documentPath: '/a\0b.md', remoteUrls: [] },
      null,
    ]) {
      expect(validateRequest('images:scope', bad).ok, JSON.stringify(bad)?.slice(0, 80)).toBe(false);
    }
  });
});
