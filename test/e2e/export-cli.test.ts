/**
 * The export command end to end: the built CLI (`node dist/electron/cli.cjs
 * export …`) on a copy of the sample op-ed, checked with real tools:
 * html-validate, axe-core in Chromium, and poppler (pdftotext, pdfinfo,
 * pdffonts, pdftoppm) for the PDF. Poppler missing is a failure, not a skip.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { chromium } from 'playwright-core';
import { findBrowser } from '../../electron/shells/chromium/browser-lookup';
import { ARTIFACTS, DIST, ROOT, tempDir } from './harness';

const run = promisify(execFile);
const CLI = path.join(DIST, 'electron', 'cli.cjs');
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'sample-oped.md');
const HEADLINE = 'Close the Library on Sundays? Then Don’t Call It a Public Library';
const SOURCE_URLS = [
  'https://council.example.gov/budget/2024/draft',
  'https://council.example.gov/budget/2024/impact-assessment',
  'https://ledger.example.com/news/library-sunday-cuts',
  'https://data.example.org/libraries/visits-by-weekday',
  'https://ledger.example.com/news/ebook-licences-lapse',
  'https://publishing.example.net/reports/library-licensing-2023',
  'https://riverton.example.org/news/library-sunday-pilot',
  'https://council.example.gov/capital/plaza-lighting',
  'https://council.example.gov/contact',
];

/** Runs a poppler tool; a missing tool fails the test with what to install. */
function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils).`);
    throw error;
  }
}

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('export-cli');
  await copyFile(SAMPLE, path.join(dir, 'sample-oped.md'));
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('byline export: HTML (e2e)', () => {
  let html = '';
  beforeAll(async () => {
    const result = await cli(['export', 'sample-oped.md', '--to', 'html'], dir);
    expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trim()).toMatch(/^sample-oped\.md → .*sample-oped\.html \(\d+ KB\)$/);
    html = await readFile(path.join(dir, 'sample-oped.html'), 'utf8');
  });

  it('passes html-validate', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('has the article structure and no script, and passes axe-core in Chromium', async () => {
    const choice = await findBrowser();
    if (!choice) throw new Error('no Chromium found for the axe-core check (install chromium or set BYLINE_CHROMIUM)');
    const browser = await chromium.launch({ executablePath: choice.executablePath, headless: true, args: choice.extraArgs });
    try {
      // bypassCSP only so the test can inject axe; the file itself allows no script.
      const context = await browser.newContext({ bypassCSP: true });
      await context.route('**/*', (route) =>
        route.request().url() === 'https://export.byline.invalid/sample.html'
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.abort(),
      );
      const page = await context.newPage();
      await page.goto('https://export.byline.invalid/sample.html');
      const structure = await page.evaluate(() => ({
        header: document.querySelector('article.article > header.article-header h1.headline')?.textContent,
        quotes: [...document.querySelectorAll('article figure.quote')].map((f) => !!f.querySelector('blockquote') && !!f.querySelector('figcaption')?.textContent?.trim()),
        sources: document.querySelectorAll('section.sources li.source').length,
        notes: document.querySelectorAll('section.sources li.note').length,
        scripts: document.querySelectorAll('script').length,
        serif: getComputedStyle(document.querySelector('article p')!).fontFamily,
      }));
      expect(structure).toEqual({ header: HEADLINE, quotes: [true, true], sources: 9, notes: 1, scripts: 0, serif: expect.stringMatching(/^"Source Serif 4"/) });
      await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string }[] }> } }).axe;
        return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('byline export: PDF (e2e)', () => {
  let pdf = '';
  beforeAll(async () => {
    const result = await cli(['export', 'sample-oped.md', '--to', 'pdf', '-o', 'out/sample.pdf', '--page-size', 'Letter'], dir).catch((e) => e);
    expect(result.code, result.stderr).toBe(1); // out/ does not exist: -o never creates folders
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    const ok = await cli(['export', 'sample-oped.md', '--to', 'pdf'], dir);
    expect(ok, ok.stderr).toMatchObject({ code: 0, stderr: '' });
    pdf = path.join(dir, 'sample-oped.pdf');
  }, 90_000);

  it('has the headline, every source URL, the list of sources and notes, and page numbers', () => {
    const text = poppler('pdftotext', [pdf, '-']);
    expect(text).toContain(HEADLINE);
    expect(text).toMatch(/^Sources and notes$/m);
    // A URL may wrap at a hyphen, which pdftotext joins without it: compare without spaces and hyphens.
    const squeezed = text.replace(/[\s-]+/g, '');
    for (const url of SOURCE_URLS) expect(squeezed).toContain(url.replace(/-/g, ''));
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [pdf]))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(3);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`);
    expect(poppler('pdfinfo', [pdf])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(poppler('pdfinfo', [pdf])).toMatch(/Tagged:\s+yes/);
  });

  it('has clickable links and embeds Source Serif', () => {
    const links = poppler('pdfinfo', ['-url', pdf]);
    for (const url of SOURCE_URLS) expect(links).toContain(url);
    const fonts = poppler('pdffonts', [pdf]);
    expect(fonts).toMatch(/SourceSerif4-Regular\s+.*\byes\s+yes\b/);
    expect(fonts).toMatch(/Inter-/);
  });

  it('renders pages that can be looked at', () => {
    poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(ARTIFACTS, 'export-page')]);
  });
});

describe('byline export: PDF with notes at the foot of each page (e2e)', () => {
  it('puts each note on the page that cites it, with page numbers', async () => {
    const result = await cli(['export', 'sample-oped.md', '--to', 'pdf', '--notes', 'page', '--page-size', 'A4', '-o', 'notes.pdf'], dir);
    expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
    const pdf = path.join(dir, 'notes.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [pdf]))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const texts = Array.from({ length: pages }, (_, i) => poppler('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-']));
    const pageOf = (needle: string) => texts.findIndex((t) => t.replace(/\s+/g, ' ').includes(needle));
    expect(pageOf('1. Draft budget 2024–25')).toBe(pageOf('what it calls a “modest saving”'));
    expect(pageOf('10. Find your councillor')).toBe(pageOf('write to your councillor'));
    expect(pageOf('5. Figures are for the four largest branches')).toBe(pageOf('most council offices are shut'));
    texts.forEach((t, i) => expect(t).toContain(`Page ${i + 1} of ${pages}`));
    expect(texts.join('\n')).not.toMatch(/^(?:Sources|Notes|Sources and notes)$/m);
    expect(poppler('pdffonts', [pdf])).toMatch(/SourceSerif4-Regular/);
    poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(ARTIFACTS, 'export-page-notes')]);
  }, 90_000);
});

describe('byline export: plain text and errors (e2e)', () => {
  it('writes the plain-text shape: one line per paragraph', async () => {
    const result = await cli(['export', 'sample-oped.md', '--to', 'txt'], dir);
    expect(result.code, result.stderr).toBe(0);
    const text = await readFile(path.join(dir, 'sample-oped.txt'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe(HEADLINE);
    expect(lines).toContain('By Test Fixture Columnist · 17 March 2024 · The Riverside Argument');
    expect(lines.filter((l) => l.startsWith('    — '))).toHaveLength(2);
    expect(lines).toContain('    — Head librarian of the Eastside branch, speaking to the Riverside Ledger[3]');
    expect(lines.some((l) => l.startsWith('The council’s budget committee') && l.endsWith('So is the thinking behind it.'))).toBe(true);
    for (const url of SOURCE_URLS) expect(lines.map((l) => l.trim())).toContain(url);
  });

  it('wraps plain text with --wrap N, and refuses a bad N with exit code 2', async () => {
    const result = await cli(['export', 'sample-oped.md', '--to', 'txt', '--wrap', '72', '-o', 'wrapped.txt'], dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = (await readFile(path.join(dir, 'wrapped.txt'), 'utf8')).split('\n');
    for (const line of lines) if (!line.includes('://')) expect([...line].length).toBeLessThanOrEqual(72);
    expect(lines).toContain('    — Head librarian of the Eastside branch, speaking to the Riverside');
    for (const url of SOURCE_URLS) expect(lines.map((l) => l.trim())).toContain(url);
    const bad = await cli(['export', 'sample-oped.md', '--to', 'txt', '--wrap', '0'], dir);
    expect(bad).toMatchObject({ code: 2, stdout: '', stderr: 'byline export: --wrap needs a whole number of columns, 20 or more (e.g. --wrap 72), not “0”.\n' });
    const html = await cli(['export', 'sample-oped.md', '--to', 'html', '--wrap', '72'], dir);
    expect(html).toMatchObject({ code: 2, stderr: 'byline export: --wrap applies to plain text only (--to txt).\n' });
  });

  it('prints a progress line per file when exporting several', async () => {
    await copyFile(SAMPLE, path.join(dir, 'second.md'));
    const result = await cli(['export', 'sample-oped.md', 'second.md', '--to', 'txt', '--out-dir', 'several'], dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[1\/2\] sample-oped\.md → .*several\/sample-oped\.txt/);
    expect(lines[1]).toMatch(/^\[2\/2\] second\.md → .*several\/second\.txt/);
  });

  it('fails with one line for a missing file or an unknown option', async () => {
    const missing = await cli(['export', 'nope.md', '--to', 'html'], dir);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toBe('byline: Can\'t open “nope.md”: there is no file at that path.\n');
    const unknown = await cli(['export', 'sample-oped.md', '--to', 'html', '--colour'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('byline export: unknown option “--colour” (see byline --help).\n');
  });

  it('still answers --help and --version', async () => {
    const help = (await cli(['--help'], dir)).stdout;
    expect(help).toContain('byline export FILE ... --to html|pdf|txt');
    expect(help).toMatch(/^ {2}--wrap N {2,}plain text: wrap lines at N characters/m);
    expect((await cli(['--version'], dir)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
