/** The pipeline's metadata and options, in Node (no DOM). */
import { describe, expect, it } from 'vitest';
import { render, resolveConfig } from '../../../renderer/markdown/index';
import { sourceDomain, sourceKey, safeHref } from '../../../renderer/markdown/source-url';
import { createCoreMarkdownIt } from '../../../renderer/markdown/create-markdown-it';

describe('front matter metadata', () => {
  it('reads the typed fields and where the body starts', () => {
    const { meta } = render('---\ntitle: T\nsubtitle: S\nauthor: A\ndate: 2016-09-29\npublication: P\ntarget: "600"\ntags: x, y\n---\nBody\n');
    expect(meta.frontMatter).toEqual({ title: 'T', subtitle: 'S', author: 'A', date: '2016-09-29', publication: 'P', target: 600, tags: ['x', 'y'] });
    expect(meta.title).toBe('T');
    expect(meta.bodyStartLine).toBe(9);
  });

  it('is null without a front matter block, and a leading # heading is the title', () => {
    const { meta } = render('# Headline\n\nBody\n');
    expect(meta.frontMatter).toBeNull();
    expect(meta.bodyStartLine).toBe(0);
    expect(meta.title).toBe('Headline');
  });

  it('gives the 0-based document line of a YAML error, and still renders the body', () => {
    const { html, meta } = render('---\ntitle: ok\nauthor: "unclosed\ndate: x\n---\n\nBody\n');
    // YAML notices the missing quote where the block ends: the last line inside it.
    expect(meta.frontMatter?.error?.line).toBe(3);
    expect(meta.frontMatter?.error?.message).toMatch(/quote/i);
    expect(meta.frontMatter?.title).toBeUndefined();
    expect(html).toBe('<p>Body</p>\n');
    expect(meta.bodyStartLine).toBe(5);
  });

  it('points at the offending line', () => {
    expect(render('---\ntitle: ok\n\tauthor: tab\n---\n').meta.frontMatter?.error).toEqual({ message: 'Tabs are not allowed as indentation', line: 2 });
    expect(render('---\ntitle: ok\nauthor: x: y\n---\n').meta.frontMatter?.error?.line).toBe(2);
  });

  it('reports duplicate keys on the line of the duplicate', () => {
    const { meta } = render('---\ntitle: a\nauthor: b\ntitle: c\n---\n');
    expect(meta.frontMatter?.error?.line).toBe(3);
  });

  it('refuses a huge block without parsing it', () => {
    const yaml = `title: big\nfiller: "${'x'.repeat(70 * 1024)}"\n`;
    const { html, meta } = render(`---\n${yaml}---\nBody\n`);
    expect(meta.frontMatter?.error).toEqual({ message: expect.stringMatching(/too long/), line: 0 });
    expect(html).toBe('<p>Body</p>\n');
  });

  it('stops alias bombs', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(9).fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`).join(', ')}]`);
    const { meta } = render(`---\n${lines.join('\n')}\ntitle: boom\n---\n`);
    expect(meta.frontMatter?.error).toBeDefined();
  });

  it('never lets __proto__ reach an object prototype', () => {
    const { meta } = render('---\n__proto__: {title: polluted, polluted: true}\n---\n');
    expect(meta.frontMatter).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('sources and notes metadata', () => {
  const doc = [
    'Intro [one](https://a.example.com/x "Title One") and a note.[^n]', // line 0
    '', // 1
    '> Quote.', // 2
    '>', // 3
    '> — Someone, [two](https://b.example.org/y)', // 4
    '', // 5
    'Again [uno](HTTPS://A.example.com/x#part) and',
    '[empty]() and <https://auto.example.net>.', // 7
    '',
    '[^n]: A note with [three](https://c.example.net/z).', // 9
  ].join('\n');
  const { meta } = render(doc);

  it('numbers sources and notes in one sequence, in order of first citation', () => {
    expect(meta.sources.map((s) => [s.number, s.url, s.citations])).toEqual([
      [1, 'https://a.example.com/x', 2],
      [3, 'https://b.example.org/y', 1],
      [4, 'https://c.example.net/z', 1],
    ]);
    expect(meta.notes).toEqual([{ kind: 'note', number: 2, label: 'n', citations: 1, line: 0 }]);
  });

  it('names a source by its title, its first text and its domain', () => {
    expect(meta.sources[0]).toMatchObject({ kind: 'link', title: 'Title One', text: 'one', domain: 'a.example.com', line: 0 });
    expect(meta.sources[1]).toMatchObject({ title: null, text: 'two', domain: 'b.example.org', line: 4 });
  });

  it('lists every citation with its source line, for the editor chips', () => {
    expect(meta.citations.map((c) => [c.kind, c.number, c.index, c.line])).toEqual([
      ['link', 1, 1, 0],
      ['note', 2, 1, 0],
      ['link', 3, 1, 4],
      ['link', 1, 2, 6],
      ['link', 4, 1, 9],
    ]);
  });

  it('flags empty URLs without numbering them', () => {
    expect(meta.emptyLinks).toEqual([{ line: 7, text: 'empty' }]);
  });

  it('keeps numbering per document: two renders do not share state', () => {
    const first = render('[a](https://x.example.com)');
    const second = render('[b](https://y.example.com)');
    expect(first.meta.sources[0]?.number).toBe(1);
    expect(second.meta.sources[0]?.number).toBe(1);
    expect(second.html).toContain('id="source-ref-1-1"');
  });

  it('gives the same numbers whatever the link mode', () => {
    for (const links of ['inline', 'footnotes', 'both'] as const) {
      expect(render(doc, { links }).meta.citations).toEqual(meta.citations);
    }
  });

  it('does not outline the notes list or its heading', () => {
    const { meta: m } = render('## Real\n\nText.[^a]\n\n[^a]: Note.\n');
    expect(m.headings).toEqual([{ level: 2, text: 'Real', line: 0 }]);
  });
});

describe('source URLs', () => {
  it.each([
    ['https://example.com', 'https://example.com/'],
    ['HTTPS://Example.COM:443/', 'https://example.com/'],
    ['http://example.com:80/a?b#c', 'http://example.com/a?b'],
    ['https://example.com:8443', 'https://example.com:8443/'],
    ['https://user@Example.com/Path', 'https://user@example.com/Path'],
    ['https://[::1]:443/x', 'https://[::1]/x'],
    ['MAILTO:a@b.com', 'mailto:a@b.com'],
    ['../page.md#x', '../page.md'],
  ])('%s is the source %s', (url, key) => {
    expect(sourceKey(url)).toBe(key);
  });

  it.each([
    ['https://www.Example.com:8080/x', 'example.com'],
    ['//cdn.example.net/x', 'cdn.example.net'],
    ['mailto:Ed@Example.com?subject=x', 'example.com'],
    ['../relative', ''],
    ['tel:+1', ''],
  ])('%s has the domain "%s"', (url, domain) => {
    expect(sourceDomain(url)).toBe(domain);
  });

  it('emits hrefs only for http, https, mailto and relative URLs', () => {
    const md = createCoreMarkdownIt();
    expect(safeHref(md, 'https://a.example')).toBe('https://a.example');
    expect(safeHref(md, 'mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref(md, '../x')).toBe('../x');
    expect(safeHref(md, '#x')).toBe('#x');
    expect(safeHref(md, 'ftp://a.example')).toBeNull();
    expect(safeHref(md, 'javascript:alert(1)')).toBeNull();
    expect(safeHref(md, 'JaVaScRiPt:alert(1)')).toBeNull();
  });
});

describe('options', () => {
  it('renders with another quote style', () => {
    expect(render('"Hallo"', { quoteStyle: 'de' }).html).toBe('<p>„Hallo“</p>\n');
    expect(render('"Hi"').html).toBe('<p>“Hi”</p>\n');
  });

  it('falls back to defaults for unknown or hostile option values', () => {
    const config = resolveConfig({ quoteStyle: '__proto__' as never, links: 'toString' as never, locale: 'not a locale!' });
    expect(config).toMatchObject({ quoteStyle: 'en', links: 'both', locale: 'en-GB' });
    expect(render('"x"', { quoteStyle: 'constructor' as never }).html).toBe('<p>“x”</p>\n');
  });

  it('switches the whole dialect off', () => {
    const { html, meta } = render('---\ntitle: x\n---\n"[a](https://e.example)"[^1]\n\n[^1]: n\n', { dialect: false });
    expect(html).not.toContain('source-ref');
    expect(html).toContain('<hr />');
    expect(meta.sources).toEqual([]);
  });

  it('adds data-line for scroll sync, figure and header included', () => {
    const { html } = render('---\ntitle: T\n---\n> q\n>\n> — who\n', { sourceLines: true });
    expect(html).toContain('<header class="article-header" data-line="0">');
    expect(html).toContain('<figure class="quote" data-line="3">');
  });

  it('never throws on awkward input', () => {
    const inputs = ['', '---', '---\n---', '\uFEFF', '> —', '[^]', '[]()', '^[', '> > > > > — x', '---\n: :\n---', '[a](<>)[^x]\n\n[^x]: [b]()'];
    for (const input of inputs) expect(() => render(input)).not.toThrow();
  });
});
