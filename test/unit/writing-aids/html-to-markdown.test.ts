// @vitest-environment jsdom
// Runs under jsdom (DOMPurify needs a real DOM): pasted web HTML → clean Markdown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHtmlToMarkdown, stripTracking } from '../../../renderer/editor/html-to-markdown';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const html = readFileSync(path.join(fixtures, 'web-article.html'), 'utf8');
/** The Markdown the web article must become (the e2e paste test expects the same file). */
const expected = readFileSync(path.join(fixtures, 'web-article.expected.md'), 'utf8').replace(/\n$/, '');
const convert = createHtmlToMarkdown(window);

describe('paste from the web', () => {
  const markdown = convert(html);

  it('keeps headings, emphasis, links, blockquotes and lists', () => {
    expect(markdown).toContain('## Why libraries matter');
    expect(markdown).toContain('Public libraries are **the last free indoor space** in many towns, *according to* a [recent survey](https://news.example.com/story?id=42).');
    expect(markdown).toContain("> We are the only warm room that doesn't ask you to buy anything.");
    expect(markdown).toMatch(/^- Homework clubs\n- Tax-return help with \[volunteers\]\(http:\/\/example\.org\/tax\)$/m);
    expect(markdown).toMatch(/^1\. First\n2\. Second$/m);
  });

  it('drops scripts, styles, frames, handlers, tracking attributes and parameters, and unsafe links', () => {
    expect(markdown).not.toMatch(/script|cookie|tracked|color: red|onclick|track\(|data-|utm_|fbclid|iframe|ads\.example|javascript|Georgia|pixel|!\[/);
    expect(markdown).toContain('Read more at this link.');
  });

  it('gives the whole result', () => {
    expect(markdown).toBe(expected);
  });
});

describe('tracking parameters', () => {
  it('removes utm_* and click ids, keeps everything else', () => {
    expect(stripTracking('https://a.example/x?id=1&utm_source=n&utm_campaign=c&gclid=9#top')).toBe('https://a.example/x?id=1#top');
    expect(stripTracking('https://a.example/x?utm_source=n')).toBe('https://a.example/x');
    expect(stripTracking('https://a.example/x?page=2')).toBe('https://a.example/x?page=2');
    expect(stripTracking('mailto:a@b.example?subject=utm_source')).toBe('mailto:a@b.example?subject=utm_source');
  });
});
