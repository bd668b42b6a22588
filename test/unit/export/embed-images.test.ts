import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resolveImage } from '../../../electron/services/export/embed-images';
import { sniffImageType } from '../../../electron/services/export/image-type';
import { exportText } from './export-fixtures';

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let root: string;
let docDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'byline-images-'));
  docDir = path.join(root, 'doc');
  await mkdir(path.join(docDir, 'img'), { recursive: true });
  await writeFile(path.join(docDir, 'img', 'dot.png'), PNG);
  await writeFile(path.join(docDir, 'my pic.png'), PNG);
  await writeFile(path.join(docDir, 'fake.png'), '<svg onload="alert(1)"></svg>');
  await writeFile(path.join(root, 'secret.png'), PNG);
  await symlink(path.join(root, 'secret.png'), path.join(docDir, 'link-out.png'));
  await symlink(path.join(docDir, 'img', 'dot.png'), path.join(docDir, 'link-in.png'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('image embedding (Node)', () => {
  it('recognises images by their bytes', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a...'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('<svg/>'))).toBeNull();
  });

  it('embeds real images inside the document folder', async () => {
    for (const src of ['img/dot.png', './img/dot.png', 'my%20pic.png', 'link-in.png']) {
      const found = await resolveImage(src, docDir);
      expect(found.kind, src).toBe('embedded');
      if (found.kind === 'embedded') expect(found.dataUri).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    }
  });

  it('refuses ../ escapes, absolute paths, symlinks out and non-images', async () => {
    for (const src of ['../secret.png', 'img/../../secret.png', path.join(root, 'secret.png'), 'link-out.png', 'fake.png', 'missing.png', 'file:///etc/passwd', 'img']) {
      expect((await resolveImage(src, docDir)).kind, src).toBe('refused');
    }
    expect((await resolveImage('img/dot.png', null)).kind).toBe('refused');
  });

  it('never fetches remote images: they become their alt text', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    expect((await resolveImage('https://example.com/a.png', docDir)).kind).toBe('remote');
    const markdown = '![Remote chart](https://example.com/a.png)\n\n![Local](img/dot.png)\n\n![Out](../secret.png)\n';
    const html = await exportText({ format: 'html', markdown, documentPath: path.join(docDir, 'draft.md'), options: { fragment: true } });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(html).toContain('<span class="image-placeholder">[Image: Remote chart]</span>');
    expect(html).toContain('<img src="data:image/png;base64,');
    expect(html).toContain('[Image: Out]');
    expect(html).not.toContain('example.com/a.png');
    fetchSpy.mockRestore();
  });
});
