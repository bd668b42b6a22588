import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runExportCommand } from '../../../electron/services/export/cli-export';
import type { PdfPrinter, PdfPrintOptions } from '../../../electron/services/export/pdf-printer';
import { headerTemplate } from '../../../electron/services/export/print-layout';
import { SAMPLE } from './export-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'byline-cli-'));
  await writeFile(path.join(dir, 'a.md'), SAMPLE);
  await writeFile(path.join(dir, 'b.md'), '# B\n\nText.\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function run(args: string[], printer?: PdfPrinter) {
  const out: string[] = [];
  const err: string[] = [];
  let started = 0;
  const code = runExportCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, {
    version: '1.0.0',
    createPrinter: async () => {
      started++;
      if (!printer) throw new Error('no printer in this test');
      return printer;
    },
  });
  return code.then((exit) => ({ exit, out, err, started }));
}

describe('byline export (Node, fake printer)', () => {
  it('prints a progress line per file and writes the files', async () => {
    const r = await run([path.join(dir, 'a.md'), path.join(dir, 'b.md'), '--to', 'txt', '--out-dir', path.join(dir, 'out')]);
    expect(r.exit).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(2);
    expect(r.out[0]).toMatch(/^\[1\/2\] a\.md → .*out\/a\.txt \(\d+ KB\)$/);
    expect(r.out[1]).toMatch(/^\[2\/2\] b\.md → .*out\/b\.txt \(\d+ bytes\)$/);
    expect(await readFile(path.join(dir, 'out', 'b.txt'), 'utf8')).toBe('B\n=\n\nText.\n');
  });

  it('reports a missing file in one line and exits nonzero, exporting the rest', async () => {
    const r = await run([path.join(dir, 'missing.md'), path.join(dir, 'b.md'), '--to', 'html', '--out-dir', path.join(dir, 'out2')]);
    expect(r.exit).toBe(1);
    expect(r.err).toEqual(['byline: [1/2] Can\'t open “missing.md”: there is no file at that path.']);
    expect(r.out).toHaveLength(1);
  });

  it('rejects an unknown option with exit code 2', async () => {
    const r = await run([path.join(dir, 'a.md'), '--to', 'pdf', '--colour']);
    expect(r).toMatchObject({ exit: 2, out: [], err: ['byline export: unknown option “--colour” (see byline --help).'], started: 0 });
  });

  it('writes plain text one line per paragraph, or wrapped with --wrap N; a bad --wrap is exit code 2', async () => {
    await writeFile(path.join(dir, 'long.md'), `${'word '.repeat(40).trim()}\n`);
    const unwrapped = await run([path.join(dir, 'long.md'), '--to', 'txt', '-o', path.join(dir, 'long.txt')]);
    expect(unwrapped.exit).toBe(0);
    expect(await readFile(path.join(dir, 'long.txt'), 'utf8')).toBe(`${'word '.repeat(40).trim()}\n`);
    const wrapped = await run([path.join(dir, 'long.md'), '--to', 'txt', '--wrap', '30', '-o', path.join(dir, 'long30.txt')]);
    expect(wrapped.exit).toBe(0);
    const lines = (await readFile(path.join(dir, 'long30.txt'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    const bad = await run([path.join(dir, 'long.md'), '--to', 'txt', '--wrap', 'wide']);
    expect(bad).toMatchObject({ exit: 2, out: [], err: ['byline export: --wrap needs a whole number of columns, 20 or more (e.g. --wrap 72), not “wide”.'] });
  });

  it('starts the printer once for several PDFs and closes it', async () => {
    const seen: { html: string; options: PdfPrintOptions }[] = [];
    let closed = 0;
    const printer: PdfPrinter = {
      printToPdf: async (html, options) => {
        seen.push({ html, options });
        return new TextEncoder().encode('%PDF-1.4 fake');
      },
      close: async () => void closed++,
    };
    const r = await run([path.join(dir, 'a.md'), path.join(dir, 'b.md'), '--to', 'pdf', '--page-size', 'A4', '--out-dir', path.join(dir, 'pdf')], printer);
    expect(r.exit).toBe(0);
    expect(r.started).toBe(1);
    expect(closed).toBe(1);
    expect(seen[0]!.options.pageSize).toBe('A4');
    expect(seen[0]!.options.headerTemplate).toContain('Close the Library on Sundays? Then Don’t Call It a Public Library');
    expect(seen[0]!.options.footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(seen[0]!.html).toContain('@page { size: A4;');
    expect(seen[0]!.html).not.toMatch(/<script/);
    // Footnote-only links in PDF: the body has markers, the link is in Sources.
    expect(seen[0]!.html).not.toContain('<a href="https://council.example.gov/budget/2024/draft"');
    expect(seen[0]!.html).toContain('<a class="source-url" href="https://council.example.gov/budget/2024/draft">');
  });

  it('says so in one line when there is no browser for PDF', async () => {
    const r = await run([path.join(dir, 'a.md'), '--to', 'pdf', '-o', path.join(dir, 'x.pdf')]);
    expect(r.exit).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^byline: Byline could not start its PDF printer: no printer in this test/);
  });

  it('escapes the title in the running header', () => {
    const header = headerTemplate('<img src=x onerror=alert(1)> & "Q"');
    expect(header).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Q&quot;');
    expect(header).not.toContain('<img');
  });
});
