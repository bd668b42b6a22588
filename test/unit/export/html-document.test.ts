// @vitest-environment jsdom
// The export runs in Node; jsdom only parses its output for the checks.
import { describe, expect, it } from 'vitest';
import { SAMPLE, SAMPLE_PATH, exportText } from './export-fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('HTML export (Node)', () => {
  it('is one standalone article with header, quotes, sources and metadata', async () => {
    const html = await exportText({ format: 'html', markdown: SAMPLE, documentPath: SAMPLE_PATH });
    const doc = parse(html);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe('Close the Library on Sundays? Then Don’t Call It a Public Library');
    expect(doc.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('Test Fixture Columnist');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'The council’s “modest saving” would cost the people who can least afford it',
    );
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    const article = doc.querySelector('main > article.article')!;
    expect(article.querySelector('header.article-header h1.headline')).not.toBeNull();
    const quotes = article.querySelectorAll('figure.quote');
    expect(quotes).toHaveLength(2);
    for (const quote of quotes) expect(quote.querySelector('blockquote + figcaption')?.textContent?.trim()).not.toBe('');
    expect(article.querySelectorAll('section.sources li.source')).toHaveLength(9);
    expect(article.querySelectorAll('section.sources li.note')).toHaveLength(1);
    // Links are "both" in HTML: the link and its marker.
    expect(article.querySelector('p a[href="https://council.example.gov/budget/2024/draft"]')).not.toBeNull();
    expect(doc.querySelectorAll('script, link, iframe')).toHaveLength(0);
    expect(html).not.toMatch(/\bsrc="(?!data:)/);
    expect(html).toContain("font-family: 'Source Serif 4'");
    expect(html).toMatch(/src: url\(data:font\/woff2;base64,/);
  });

  it('makes an HTML fragment for a CMS: the article alone', async () => {
    const html = await exportText({ format: 'html', markdown: SAMPLE, options: { fragment: true } });
    expect(html.startsWith('<article class="article" lang="en">')).toBe(true);
    expect(html).not.toMatch(/<(?:html|head|style|meta|script)\b/);
    expect(parse(html).querySelectorAll('figure.quote')).toHaveLength(2);
  });

  it('escapes everything from front matter', async () => {
    const markdown = '---\ntitle: "</title><script>alert(1)</script>"\nauthor: "A \\"quoted\\" <b>name</b>"\nsubtitle: "x\\" onload=\\"y"\n---\n\nBody.\n';
    const html = await exportText({ format: 'html', markdown });
    expect(html).not.toContain('<script');
    const doc = parse(html);
    expect(doc.title).toBe('</title><script>alert(1)</script>');
    expect(doc.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('A “quoted” <b>name</b>');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('x" onload="y');
  });

  it('passes no raw HTML through unsanitized', async () => {
    const markdown = [
      '<script>alert(1)</script>',
      '',
      '<div onclick="x()"><img src="https://evil.example/x.png" onerror="alert(2)"><kbd title="k">Ctrl</kbd></article></main><style>body{}</style>',
      '',
      'Text <a href="javascript:alert(3)">bad</a> and <a href="https://ok.example/">good</a> <u>under</u> <iframe src="https://x"></iframe>',
      '',
      '<!-- a comment --> <span style="color:red" id="source-1">styled</span>',
      '',
    ].join('\n');
    const html = await exportText({ format: 'html', markdown, options: { fragment: true } });
    expect(html).not.toMatch(/<script|alert\(1\)|onclick|onerror|<img|javascript:|<iframe|<style|style=|comment|id="source-1"/);
    expect(html).toContain('<kbd title="k">Ctrl</kbd>');
    expect(html).toContain('<a href="https://ok.example/" rel="noopener noreferrer">good</a>');
    expect(html).toContain('<u>under</u>');
    // The document's stray closing tags can't close our article.
    expect((html.match(/<\/article>/g) ?? []).length).toBe(1);
    const doc = parse(html);
    expect(doc.querySelectorAll('article')).toHaveLength(1);
  });

  it('uses the file name as the title when there is no headline', async () => {
    const html = await exportText({ format: 'html', markdown: 'Just a paragraph.\n', documentPath: '/tmp/my-draft.md' });
    expect(parse(html).title).toBe('my-draft');
    expect(html).not.toContain('name="author"');
  });
});
