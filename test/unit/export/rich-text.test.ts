// @vitest-environment jsdom
// Copy as Rich Text's pair (Node); jsdom only parses the HTML for the checks.
import { describe, expect, it } from 'vitest';
import { createExportService } from '../../../electron/services/export/export-service';
import { SAMPLE, SAMPLE_PATH } from './export-fixtures';

const service = createExportService({
  version: '9.9.9',
  createPrinter: null,
  openFile: async () => undefined,
  chooseTarget: null,
  settings: { read: async () => ({}) as never, write: async () => ({}) as never },
});

async function richText(text: string) {
  const result = await service.richText({ text, documentPath: SAMPLE_PATH });
  if (!result.ok) throw new Error(result.error.message);
  return { ...result.value, doc: new DOMParser().parseFromString(result.value.html, 'text/html') };
}

describe('Copy as Rich Text: HTML for someone else’s page (Node)', () => {
  it('draws markers as plain superscript numbers and the Sources list without back-links', async () => {
    const { doc, html } = await richText(SAMPLE);
    const markers = [...doc.querySelectorAll('sup.source-ref')];
    expect(markers.map((m) => m.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7', '2', '8', '9', '10']);
    expect(doc.querySelectorAll('sup.source-ref a, .source-backref')).toHaveLength(0);
    expect(html).not.toMatch(/href="#/);
    // The sources stay real links, the body's links too.
    expect(doc.querySelector('li#source-1 a.source-url')?.getAttribute('href')).toBe('https://council.example.gov/budget/2024/draft');
    expect(doc.querySelector('p a[href="https://council.example.gov/budget/2024/draft"]')?.textContent).toBe('“modest saving”');
  });

  it('makes links relative to the document (and in-page anchors) plain text, in the body, the notes, raw HTML and the list', async () => {
    const { doc } = await richText(
      'See [my notes](notes.md), [the top](#top), [the archive](/archive), <a href="/about" title="me">about me</a>, ' +
        '<a href="https://example.org/x">a raw link</a> and [a source](https://example.com/a).[^n]\n\n' +
        '<blockquote cite="/quote-source">Raw quote</blockquote>\n\n[^n]: A [relative link](../other.md) in a note.\n',
    );
    const hrefs = [...doc.querySelectorAll('[href], [cite]')].map((el) => el.getAttribute('href') ?? el.getAttribute('cite'));
    expect(hrefs.sort()).toEqual(['https://example.com/a', 'https://example.com/a', 'https://example.org/x']);
    const body = doc.querySelector('p')!;
    expect(body.textContent).toBe('See my notes1, the top, the archive2, about me, a raw link and a source3.4');
    // The relative sources are listed, their URLs as text.
    expect([...doc.querySelectorAll('li.source .source-url')].map((u) => [u.tagName, u.textContent])).toEqual([
      ['SPAN', 'notes.md'],
      ['SPAN', '/archive'],
      ['A', 'https://example.com/a'],
      ['SPAN', '../other.md'],
    ]);
    expect(doc.querySelector('li.note')!.textContent!.trim()).toBe('A relative link5 in a note.');
  });

  it('leaves the HTML export’s in-page links as they are', async () => {
    const { renderExport } = await import('../../../electron/services/export/export-document');
    const result = await renderExport({ format: 'html', markdown: SAMPLE, documentPath: null, options: { fragment: true } }, { version: '9.9.9' });
    const html = new TextDecoder().decode(result.ok ? result.value.bytes : new Uint8Array());
    expect(html).toContain('<sup class="source-ref"><a href="#source-1" id="source-ref-1-1">1</a></sup>');
    expect(html).toContain('class="source-backref"');
  });
});
