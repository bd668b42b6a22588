/** The sample op-ed renders as a finished article: header, quote figures, one numbered list of sources and notes. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from '../../../renderer/markdown/index';

const markdown = readFileSync(fileURLToPath(new URL('../../fixtures/sample-oped.md', import.meta.url)), 'utf8');

describe('sample op-ed', () => {
  const { html, meta } = render(markdown);

  it('has the article header from its front matter', () => {
    expect(html).toMatch(/^<header class="article-header">\n<h1 class="headline">Close the Library on Sundays\? Then Don’t Call It a Public Library<\/h1>\n<p class="dek">The council’s “modest saving” would cost/);
    expect(html).toContain('<p class="byline"><span class="author">By Test Fixture Columnist</span> · <time datetime="2024-03-17">17 March 2024</time> · <span class="publication">The Riverside Argument</span></p>');
    expect(meta.frontMatter).toMatchObject({ target: 650, publication: 'The Riverside Argument' });
    expect(meta.title).toBe("Close the Library on Sundays? Then Don't Call It a Public Library");
  });

  it('has two attributed quotes, one attribution with a numbered link', () => {
    const figures = html.match(/<figure class="quote">\n<blockquote>[\s\S]*?<\/blockquote>\n<figcaption>[\s\S]*?<\/figcaption>\n<\/figure>/g) ?? [];
    expect(figures).toHaveLength(2);
    expect(figures[0]).toContain('<figcaption>Head librarian of the Eastside branch, speaking to the <a href="https://ledger.example.com/news/library-sunday-cuts" title="Librarians warn of Sunday closures">Riverside Ledger</a><sup class="source-ref">');
    expect(figures[1]).toContain('<figcaption>A Riverton councillor, at the pilot’s one-year review</figcaption>');
  });

  it('numbers 9 sources and 1 note 1–10 in order of first citation', () => {
    expect(meta.sources).toHaveLength(9);
    expect(meta.notes).toHaveLength(1);
    expect(meta.notes[0]).toMatchObject({ number: 5, label: 'hours' });
    expect([...meta.sources, ...meta.notes].map((e) => e.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(meta.sources.find((s) => s.citations === 2)?.url).toBe('https://council.example.gov/budget/2024/impact-assessment');

    const markers = [...html.matchAll(/<sup class="source-ref"><a href="#source-(\d+)" id="source-ref-\d+-(\d+)">/g)].map((m) => Number(m[1]));
    expect(markers).toEqual([1, 2, 3, 4, 5, 6, 7, 2, 8, 9, 10]);

    // Listed 1…N in order, so the <ol> numbers them itself (no value attributes).
    const items = [...html.matchAll(/<li id="source-(\d+)" class="(source|note)">/g)];
    expect(items.map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(items.map((m) => m[2])).toEqual(['source', 'source', 'source', 'source', 'note', 'source', 'source', 'source', 'source', 'source']);
    expect(html).toContain('<section class="sources" aria-labelledby="sources-heading">\n<h2 id="sources-heading">Sources and notes</h2>\n<ol>\n');
  });
});
