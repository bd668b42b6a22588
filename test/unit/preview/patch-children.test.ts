// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { patchChildren } from '../../../renderer/preview/patch-children';

function fragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('patchChildren', () => {
  it('replaces only the changed block and keeps the other nodes themselves', () => {
    const container = document.createElement('article');
    container.innerHTML = '<p>a</p><p>b</p><p>c</p>';
    const [first, , third] = Array.from(container.children);
    const stats = patchChildren(container, fragment('<p>a</p><p>B!</p><p>c</p>'));
    expect(container.innerHTML).toBe('<p>a</p><p>B!</p><p>c</p>');
    expect(container.children[0]).toBe(first);
    expect(container.children[2]).toBe(third);
    expect(stats).toEqual({ replaced: 1, kept: 2 });
  });

  it('handles insertions, deletions and a full change', () => {
    const container = document.createElement('article');
    container.innerHTML = '<p>a</p><p>c</p>';
    patchChildren(container, fragment('<p>a</p><p>b</p><p>c</p>'));
    expect(container.innerHTML).toBe('<p>a</p><p>b</p><p>c</p>');
    patchChildren(container, fragment('<p>c</p>'));
    expect(container.innerHTML).toBe('<p>c</p>');
    patchChildren(container, fragment('<h1>new</h1>'));
    expect(container.innerHTML).toBe('<h1>new</h1>');
    patchChildren(container, fragment(''));
    expect(container.innerHTML).toBe('');
  });
});
