import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { ALLOWED_ATTR, ALLOWED_TAGS } from '../../../renderer/preview/sanitize';
import { EXPORT_ALLOWED_ATTR, EXPORT_ALLOWED_TAGS, TagScope } from '../../../electron/services/export/raw-html';

const clean = (raw: string) => {
  const scope = new TagScope(new MarkdownIt());
  return scope.clean(raw) + scope.finish();
};

describe('raw HTML policy for exports (Node)', () => {
  it('allows nothing the preview sanitizer would not', () => {
    for (const tag of EXPORT_ALLOWED_TAGS) expect(ALLOWED_TAGS).toContain(tag);
    for (const attr of EXPORT_ALLOWED_ATTR) expect(ALLOWED_ATTR).toContain(attr);
  });

  it('re-emits allowed tags, drops the rest, balances what it opens', () => {
    expect(clean('<b>bold</b> <blink>x</blink>')).toBe('<b>bold</b> x');
    expect(clean('<em>open')).toBe('<em>open</em>');
    expect(clean('</div></section>text')).toBe('text');
    expect(clean('<b><i>x</b>')).toBe('<b><i>x</i></b>');
  });

  it('drops script-like elements with their content, and comments', () => {
    expect(clean('a<script>alert(1)</script>b<style>x{}</style>c<!-- hi -->d')).toBe('abcd');
    expect(clean('a<script>never closed')).toBe('a');
  });

  it('keeps safe attributes only, escaped, with checked links', () => {
    expect(clean('<a href="https://x.example/?a=1&amp;b=2" onclick="e()" title=\'t"q\'>l</a>')).toBe(
      '<a href="https://x.example/?a=1&amp;b=2" title="t&quot;q" rel="noopener noreferrer">l</a>',
    );
    expect(clean('<a href=" javascript:alert(1)">l</a>')).toBe('<a rel="noopener noreferrer">l</a>');
    expect(clean('<a href="data:text/html,x">l</a>')).toBe('<a rel="noopener noreferrer">l</a>');
    expect(clean('<a href="//evil.example/">l</a>')).toBe('<a rel="noopener noreferrer">l</a>');
  });

  it('turns every other angle bracket into text', () => {
    expect(clean('1 < 2 > 0 <3')).toBe('1 &lt; 2 &gt; 0 &lt;3');
  });
});
