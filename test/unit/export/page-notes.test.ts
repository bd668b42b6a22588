import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PdfPrinter, PdfPrintOptions } from '../../../electron/services/export/pdf-printer';
import { renderExport } from '../../../electron/services/export/export-document';
import { cssString } from '../../../electron/services/export/page-notes';
import { SAMPLE } from './export-fixtures';

async function printPage(markdown: string): Promise<{ html: string; options: PdfPrintOptions }> {
  let seen: { html: string; options: PdfPrintOptions } | null = null;
  const printer: PdfPrinter = {
    printToPdf: async (html, options) => {
      seen = { html, options };
      return new Uint8Array();
    },
    close: async () => undefined,
  };
  const result = await renderExport({ format: 'pdf', markdown, documentPath: null, options: { notes: 'page' } }, { version: '1', printer: async () => printer });
  if (!result.ok) throw new Error(result.error.message);
  return seen!;
}

describe('notes at the foot of each page (Node)', () => {
  it('places each source once, after its first citation, and drops the end list', async () => {
    const { html, options } = await printPage(SAMPLE);
    expect(options.runsPagedScript).toBe(true);
    expect(options.headerTemplate).toBe('');
    expect(html.match(/class="page-note"/g)).toHaveLength(10);
    expect(html).toContain('id="source-ref-1-1">1</a></sup><span class="page-note"><span class="page-note-number">1.</span><span class="source-title">Draft budget 2024–25, Finance Committee</span>');
    expect(html).not.toMatch(/id="source-ref-2-2">2<\/a><\/sup><span class="page-note"/);
    expect(html).toContain('<span class="page-note"><span class="page-note-number">5.</span>Figures are for the four largest branches');
    expect(html).not.toContain('<section class="sources"');
  });

  it('heads what is left of the end list with what it still holds, and keeps its numbers', async () => {
    // The source and note 2 go to the foot of the page; note 3, first cited inside note 2, stays at the end, numbered 3.
    const { html } = await printPage('A [study](https://example.com/s) and a claim.[^a]\n\n[^a]: Outer note.[^b]\n[^b]: Inner note.\n');
    expect(html.match(/class="page-note"/g)).toHaveLength(2);
    const list = /<section class="sources"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(list.split('\n').slice(0, 4).join('\n')).toBe(
      '<section class="sources" aria-labelledby="sources-heading">\n<h2 id="sources-heading">Notes</h2>\n<ol>\n<li id="source-3" value="3" class="note"><p>Inner note. <a href="#source-ref-3-1" class="source-backref" aria-label="Back to citation 1">↩︎</a></p>',
    );
  });

  it('runs only our two scripts, admitted by hash', async () => {
    const { html } = await printPage(SAMPLE);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    for (const script of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; style-src 'unsafe-inline'; img-src data:; font-src data:/);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('escapes the running title as a CSS string', async () => {
    expect(cssString('A "quote" \\ </style> end')).toBe('"A \\22 quote\\22  \\5c  \\3c /style\\3e  end"');
    const { html } = await printPage('---\ntitle: "</style><script>x()</script>"\n---\n\nText[^1].\n\n[^1]: A note.\n');
    expect(html).not.toContain('</style><script>x()');
    expect(html.match(/<script>/g)).toHaveLength(2);
  });
});
