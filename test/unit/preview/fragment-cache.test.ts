// @vitest-environment jsdom
// DOMPurify does not sanitize under happy-dom, so this runs under jsdom.
/** Sanitizing many blocks in one call gives each block exactly what sanitizing it alone gives. */
import { describe, expect, it, vi } from 'vitest';
import { FragmentCache } from '../../../renderer/preview/fragment-cache';
import { createSanitizer } from '../../../renderer/preview/sanitize';

const sanitize = createSanitizer(window);
const html = (fragment: DocumentFragment): string => {
  const div = document.createElement('div');
  div.append(fragment);
  return div.innerHTML;
};

const BLOCKS = [
  '<p data-line="3">A <em>paragraph</em> with a <a href="https://example.com/a">link</a><sup class="source-ref"><a href="#source-1" id="source-ref-1-1">1</a></sup>.</p>\n',
  '<figure class="quote">\n<blockquote>\n<p>Quoted.</p>\n</blockquote>\n<figcaption>Someone</figcaption>\n</figure>\n',
  '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n',
  '<h2 data-line="9">A heading</h2>\n',
  '\n',
];

describe('prefetching sanitized blocks', () => {
  it('gives each block what sanitizing it alone gives, in one sanitizer call', () => {
    const spy = vi.fn(sanitize);
    const cache = new FragmentCache(spy);
    cache.prefetch(BLOCKS);
    expect(spy).toHaveBeenCalledTimes(1);
    for (const block of BLOCKS) expect(html(cache.take(block, document))).toBe(html(sanitize(block)));
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('falls back to one call a block when the pieces do not come back as given (tag soup)', () => {
    const soup = ['<div>\nopened here', '<p>closed</p>\n</div>\n'];
    const spy = vi.fn(sanitize);
    const cache = new FragmentCache(spy);
    cache.prefetch(soup);
    for (const block of soup) expect(html(cache.take(block, document))).toBe(html(sanitize(block)));
    expect(spy).toHaveBeenCalledTimes(3);
  });
});
