// @vitest-environment jsdom
import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '../../support/property-runs';
import { nextTask } from '../../support/next-task';
import { describe, expect, it } from 'vitest';
import { classifyImageSource, createPreviewImages } from '../../../renderer/preview/remote-images';
import { createSanitizer, HELD_IMAGE_SRC } from '../../../renderer/preview/sanitize';
import { render } from '../../../renderer/markdown';

describe('the preview’s image policy', () => {
  it.each([
    ['data:image/png;base64,AAAA', 'embedded'],
    ['pic.png', 'local'],
    ['img/a%20b.png', 'local'],
    ['./pic.png', 'local'],
    ['https://evil.example/a.png', 'remote'],
    ['http://evil.example/a.png', 'remote'],
    ['//evil.example/a.png', 'remote'],
    ['HTTPS://EVIL.EXAMPLE/a.png', 'remote'],
    ['ht\ttps://evil.example/a.png', 'remote'],
    ['  https://evil.example/a.png  ', 'remote'],
    ['https://user:pw@evil.example/a.png', 'blocked'],
    ['../secret.png', 'blocked'],
    ['a/../../secret.png', 'blocked'],
    ['..%2Fsecret.png', 'blocked'],
    ['/etc/passwd', 'blocked'],
    ['file:///etc/passwd', 'blocked'],
    ['C:\\Windows\\win.ini', 'blocked'],
    ['C:/Windows/win.ini', 'blocked'],
    ['\\\\evil.example\\share\\x.png', 'blocked'],
    ['%5C%5Cevil.example%5Cshare%5Cx.png', 'blocked'],
    ['javascript:alert(1)', 'blocked'],
    ['data:text/html,<script>', 'blocked'],
    ['blob:https://byline.invalid/x', 'blocked'],
    ['', 'blocked'],
    ['?x', 'blocked'],
  ])('classifies %j as %s', (src, kind) => expect(classifyImageSource(src).kind).toBe(kind));

  const sanitize = createSanitizer(window, { holdImages: true });
  const owner = {};
  const markup = (md: string) => sanitize(render(md).html);

  it('holds every image source back until the policy decides', () => {
    const fragment = markup('![a](https://evil.example/a.png) <img src="pic.png" srcset="https://evil.example/2x.png 2x">');
    for (const img of fragment.querySelectorAll('img')) {
      expect(img.hasAttribute('src')).toBe(false);
      expect(img.hasAttribute('srcset')).toBe(false);
      expect(img.hasAttribute(HELD_IMAGE_SRC)).toBe(true);
    }
  });

  it('shows placeholders without a scope, and rewrites to main’s routes with one', () => {
    let current = { owner: owner as object | null, path: '/docs/piece.md' as string | null };
    const images = createPreviewImages(() => current);
    const md = '![beside](pic.png) ![remote](https://evil.example/a.png) ![out](../x.png) ![data](data:image/png;base64,AAAA)';
    const before = markup(md);
    const use = images.apply(before);
    expect(before.querySelectorAll('img')).toHaveLength(1); // the data: image
    expect(before.querySelectorAll('.image-placeholder')).toHaveLength(3);
    expect(use).toEqual({ remoteUrls: ['https://evil.example/a.png'], hasLocal: true });

    images.setScope({ ...current, localBase: '/local-image/t/', remoteBase: '/remote-image/r/', allowed: new Set(['https://evil.example/a.png']) });
    const after = markup(md);
    images.apply(after);
    const srcs = [...after.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(srcs).toEqual(['/local-image/t/pic.png', `/remote-image/r/${encodeURIComponent('https://evil.example/a.png')}`, 'data:image/png;base64,AAAA']);

    // Another document (or the same one saved elsewhere) never inherits the scope or the consent.
    current = { owner: {}, path: '/docs/piece.md' };
    const other = markup(md);
    images.apply(other);
    expect(other.querySelectorAll('img')).toHaveLength(1);
    current = { owner, path: '/elsewhere/piece.md' };
    expect(images.scope().localBase).toBeNull();
  });

  it('builds placeholders from text', () => {
    const images = createPreviewImages(() => ({ owner: null, path: null }));
    const fragment = markup('![<img src=x onerror=alert(1)>](https://evil.example/"><script>alert(1)</script>.png)');
    images.apply(fragment);
    const div = document.createElement('div');
    div.append(fragment);
    expect(div.querySelector('script, [onerror]')).toBeNull();
    expect(div.querySelector('.image-placeholder')?.textContent).toMatch(/^\[Remote image not loaded/);
  });
});

describe('pipeline + sanitizer under fuzzing', () => {
  const sanitize = createSanitizer(window, { holdImages: true });
  const piece = fc.constantFrom(
    '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<script>alert(1)</script>', '<a href="javascript:alert(1)">x</a>', '[x](javascript:alert(1))',
    '[x](https://e.example/"onmouseover="alert(1))', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '> ', '— ', '[^a]', '[^a]: ', '\n', '\n\n', '*', '`', '<', '"', '&#106;avascript:', 'jav&#x09;ascript:alert(1)', '<style>', '<a href="', '">', '![i](https://e.example/x.png)',
  );
  it('never lets a script, a handler, a style or a non-web link through', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async (parts) => {
        await nextTask();
        const div = document.createElement('div');
        div.append(sanitize(render(parts.join('')).html));
        expect(div.querySelector('script, style, svg, math, iframe, object, embed, form, [style], [src]')).toBeNull();
        for (const el of div.querySelectorAll('*')) {
          for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), attr.name).toBe(false);
          const href = el.getAttribute('href');
          if (href !== null) expect(href).not.toMatch(/^\s*(?:javascript|vbscript|data|file):/i);
        }
      }),
      propertyRuns(150, 5),
    );
  }, propertyTimeout(60_000));
});
