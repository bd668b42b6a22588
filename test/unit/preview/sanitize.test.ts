// @vitest-environment jsdom
// DOMPurify does not sanitize under happy-dom, so this runs under jsdom (and the e2e tests in Chromium).
import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../../../renderer/preview/sanitize';

const sanitize = createSanitizer(window);
const html = (input: string) => {
  const div = document.createElement('div');
  div.append(sanitize(input));
  return div.innerHTML;
};

describe('preview sanitizer', () => {
  it('keeps the markup the pipeline produces', () => {
    const article =
      '<header class="article-header"><h1 class="headline">T</h1></header><figure class="quote"><blockquote><p>Q</p></blockquote>' +
      '<figcaption>A</figcaption></figure><p data-line="3">x<sup class="source-ref"><a href="#source-1" id="source-ref-1-1">1</a></sup></p>' +
      '<section class="sources"><ol><li id="source-1"><a href="https://example.com/a">https://example.com/a</a></li></ol></section>';
    const out = html(article);
    for (const part of ['<figure class="quote">', '<figcaption>A</figcaption>', 'data-line="3"', 'href="#source-1"', 'href="https://example.com/a"', '<section class="sources">']) {
      expect(out).toContain(part);
    }
  });

  it.each([
    ['<script>alert(1)</script>', /script/i],
    ['<img src=x onerror=alert(1)>', /onerror/i],
    ['<a href="javascript:alert(1)">x</a>', /javascript/i],
    ['<a href="JaVaScRiPt&#58;alert(1)">x</a>', /javascript/i],
    ['<a href="vbscript:msgbox(1)">x</a>', /vbscript/i],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:/i],
    ['<a href="file:///etc/passwd">x</a>', /file:/i],
    ['<svg><script>alert(1)</script></svg>', /svg|script/i],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', /math|javascript/i],
    ['<style>body{background:url(https://evil/)}</style>', /style|evil/i],
    ['<p style="background:url(https://evil/)">x</p>', /style|evil/i],
    ['<iframe src="https://evil/"></iframe>', /iframe/i],
    ['<object data="x.swf"></object><embed src="x">', /object|embed/i],
    ['<form action="https://evil/"><input></form>', /form|input/i],
    ['<base href="https://evil/">', /base/i],
    ['<meta http-equiv="refresh" content="0;url=https://evil/">', /meta|refresh/i],
    ['<link rel="stylesheet" href="https://evil/x.css">', /link|evil/i],
    ['<img srcset="https://evil/a.png 1x">', /srcset|evil/i],
    ['<details open ontoggle=alert(1)>', /ontoggle/i],
    ['<a href="#x" onclick="alert(1)">x</a>', /onclick/i],
  ])('drops %s', (input, forbidden) => {
    expect(html(input)).not.toMatch(forbidden);
  });

  it('keeps web, mail, anchor and relative links', () => {
    const out = html('<a href="https://a.example/">1</a><a href="mailto:x@y.z">2</a><a href="#n">3</a><a href="notes/other.md">4</a>');
    expect(out).toContain('href="https://a.example/"');
    expect(out).toContain('href="mailto:x@y.z"');
    expect(out).toContain('href="#n"');
    expect(out).toContain('href="notes/other.md"');
  });

  it('forces safe link attributes', () => {
    expect(html('<a href="https://a.example/" target="_top">x</a>')).toBe('<a href="https://a.example/" rel="noopener noreferrer">x</a>');
  });
});
