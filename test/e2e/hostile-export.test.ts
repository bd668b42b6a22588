/**
 * Hostile documents through export (issue 6's CLI, `byline export FILE... --to
 * html|pdf --out-dir DIR`): every corpus document to standalone HTML, which is
 * then opened in Chromium with JavaScript off and every request blocked and
 * counted; one document per category to PDF. Each export exits cleanly (or
 * fails with a one-line message), writes only its target, and the HTML shows
 * no dialog, navigates nowhere, asks for nothing over the network and holds
 * no script, handler or non-web link.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../electron/shells/chromium/browser-lookup';
import { corpusCategories, loadCorpus, prepareCorpus, type PreparedCorpus } from '../hostile/corpus';
import { DIST, tempDir } from './harness';

const run = promisify(execFile);
const CLI = path.join(DIST, 'electron/cli.cjs');
const SCALE = Number(process.env.BYLINE_HOSTILE_SCALE ?? '0.1');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() || entry.isSymbolicLink()) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

describe('the hostile documents corpus through export', () => {
  let corpus: PreparedCorpus;
  let corpusFiles: string[];
  let browser: Browser;

  beforeAll(async () => {
    corpus = await prepareCorpus(await tempDir('hostile-export'), loadCorpus(SCALE));
    corpusFiles = await filesUnder(path.join(corpus.root, 'corpus'));
    const found = await findBrowser();
    if (!found) throw new Error('no Chromium to open the exported HTML in');
    browser = await chromium.launch({ executablePath: found.executablePath, headless: true, args: found.extraArgs });
  });
  afterAll(async () => browser?.close());

  it('exports every document to standalone HTML that stays inert in Chromium', async () => {
    const out = await tempDir('hostile-html');
    const result = await cli(['export', ...corpus.docs.map((d) => d.file), '--to', 'html', '--out-dir', out]);
    // A refusal must be a readable line per file, never a stack trace.
    expect(result.stderr, 'no stack traces').not.toMatch(/\n\s+at /);
    if (result.code !== 0) expect(result.stderr.trim().split('\n').every((line) => line.length < 400)).toBe(true);
    const written = await filesUnder(out);
    const expected = new Set(corpus.docs.map((d) => d.name.replace(/\.md$/, '.html')));
    for (const file of written) expect(expected.has(path.basename(file)), `only targets written: ${file}`).toBe(true);
    expect(await filesUnder(path.join(corpus.root, 'corpus')), 'nothing written beside the documents').toEqual(corpusFiles);
    expect(written.length, result.stderr).toBeGreaterThanOrEqual(corpus.docs.length - 2);

    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    // The exported page is served at one routed address; any other request is counted and refused.
    const DOC_URL = 'https://export.invalid/document.html';
    let current = '';
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === DOC_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current });
      requests.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => undefined);
    });
    try {
      for (const file of written) {
        const html = await readFile(path.join(out, file), 'utf8');
        expect(html, `${file}: no script`).not.toMatch(/<script\b/i);
        current = html;
        await page.goto(DOC_URL, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        const problems = await page.evaluate(() => {
          const found: string[] = [];
          for (const el of document.querySelectorAll('*')) {
            for (const attr of Array.from(el.attributes)) {
              if (attr.name.startsWith('on')) found.push(`${el.localName}[${attr.name}]`);
              if ((attr.name === 'href' || attr.name === 'src' || attr.name === 'action' || attr.name === 'formaction') && /^\s*(?:javascript|vbscript|file):/i.test(attr.value)) {
                found.push(`${el.localName}[${attr.name}=${attr.value.slice(0, 40)}]`);
              }
            }
          }
          for (const el of document.querySelectorAll('iframe, object, embed, base, meta[http-equiv=refresh], form, svg script')) found.push(el.localName);
          return found;
        });
        expect(problems, file).toEqual([]);
        expect(page.url(), `${file}: no navigation`).toBe(DOC_URL);
        expect(requests, `${file}: no request`).toEqual([]);
        expect(dialogs, `${file}: no dialog`).toEqual([]);
      }
    } finally {
      await context.close();
    }
  }, 300_000);

  it('exports one document of each category to PDF, writing only the targets', async () => {
    const out = await tempDir('hostile-pdf');
    const docs = corpusCategories().map((category) => corpus.docs.find((d) => d.category === category)!);
    const result = await cli(['export', ...docs.map((d) => d.file), '--to', 'pdf', '--out-dir', out]);
    expect(result.stderr, 'no stack traces').not.toMatch(/\n\s+at /);
    if (result.code !== 0) expect(result.stderr.trim().split('\n').every((line) => line.length < 400), result.stderr).toBe(true);
    const written = await filesUnder(out);
    const expected = new Set(docs.map((d) => d.name.replace(/\.md$/, '.pdf')));
    for (const file of written) {
      expect(expected.has(file), `only targets written: ${file}`).toBe(true);
      expect((await readFile(path.join(out, file))).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    if (result.code === 0) expect(written).toHaveLength(docs.length);
    expect(await filesUnder(path.join(corpus.root, 'corpus')), 'nothing written beside the documents').toEqual(corpusFiles);
  }, 300_000);
});
