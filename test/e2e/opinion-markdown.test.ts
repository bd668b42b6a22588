/**
 * The opinion writer's Markdown in the real app: the sample op-ed's header,
 * captioned quotes, numbered source markers and Sources list in the preview;
 * the same numbers on the editor's source chips; the same HTML from the
 * pipeline in Node; malformed front matter marked on its line.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../renderer/markdown';
import { ARTIFACTS, ROOT, startApp, tempDir, type RunningApp } from './harness';

const SAMPLE = path.join(ROOT, 'test/fixtures/sample-oped.md');

describe('the sample op-ed in the preview and the editor', () => {
  let app: RunningApp;
  let file: string;

  beforeAll(async () => {
    file = path.join(await tempDir('oped'), 'sample-oped.md');
    await copyFile(SAMPLE, file);
    app = await startApp({ files: [file] });
  });
  afterAll(async () => app?.stop());

  it('shows the article header from the front matter', async () => {
    expect(await app.preview.locator('header.article-header h1.headline').count()).toBe(1);
    expect(await app.preview.textContent('.dek')).toBeTruthy();
    expect(await app.preview.textContent('.byline')).toMatch(/^By .+ · \d{1,2} \w+ \d{4} · .+$/);
  });

  it('shows two captioned quotes', async () => {
    const captions = await app.preview.locator('figure.quote > figcaption').allTextContents();
    expect(captions).toHaveLength(2);
    for (const caption of captions) expect(caption.trim().length).toBeGreaterThan(3);
  });

  it('numbers markers 1–10 in order of first citation, and the Sources list matches', async () => {
    const markers = (await app.preview.locator('article sup.source-ref a').allTextContents()).map(Number);
    const firsts = markers.filter((n, i) => markers.indexOf(n) === i);
    expect(firsts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(markers.length).toBe(11); // one URL is cited twice
    const items = app.preview.locator('section.sources ol > li');
    expect(await items.count()).toBe(10);
    expect(await app.preview.locator('section.sources li.source').count()).toBe(9);
    expect(await app.preview.locator('section.sources li.note').count()).toBe(1);
    // One list, one numbering; its heading (which names the section) says it holds notes as well as sources.
    expect(
      await app.preview.evaluate(() => {
        const section = document.querySelector('section.sources')!;
        return document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent;
      }),
    ).toBe('Sources and notes');
    // Every body link's URL is listed under its marker's number.
    const links = await app.preview.evaluate(() =>
      [...document.querySelectorAll('article a[href^="http"]:not(.source-url)')]
        .filter((a) => !a.closest('section.sources'))
        .map((a) => ({ href: a.getAttribute('href'), n: a.nextElementSibling?.textContent })),
    );
    for (const { href, n } of links) {
      const listed = await app.preview.getAttribute(`section.sources li#source-${n} a.source-url`, 'href');
      expect(listed, `source ${n}`).toBe(href);
    }
  });

  it('gives the editor source chips the same numbers, and expands a chip when the cursor enters', async () => {
    await app.page.setViewportSize({ width: 1280, height: 2400 });
    // Link markers follow their link directly; note references don't, and get no chip.
    const linkMarkers = await app.preview.evaluate(() =>
      [...document.querySelectorAll('article sup.source-ref')]
        .filter((sup) => !sup.closest('section.sources') && sup.previousSibling?.nodeName === 'A')
        .map((sup) => Number(sup.textContent)),
    );
    expect(linkMarkers).toHaveLength(10);
    // The taller window shows every line; the editor draws their chips in its next update.
    await expect.poll(async () => (await app.page.locator('.cm-link-chip').allTextContents()).map(Number)).toEqual(linkMarkers);
    await mkdir(ARTIFACTS, { recursive: true });
    await app.page.setViewportSize({ width: 1280, height: 860 });
    await app.page.screenshot({ path: path.join(ARTIFACTS, 'opinion-markdown-chips.png') });
    const title = await app.page.getAttribute('.cm-link-chip >> nth=0', 'title');
    expect(title).toMatch(/https:\/\//);
    await app.page.click('.cm-link-chip >> nth=0');
    expect(await app.page.locator('.cm-content').textContent()).toContain('](https://');
  });

  it('shows a marker’s title and URL on hover', async () => {
    await app.preview.hover('article sup.source-ref a >> nth=0');
    const tooltip = app.page.locator('.marker-tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toMatch(/https:\/\//);
  });

  it('renders the same HTML in Node as the preview shows', async () => {
    const { html } = render(await readFile(file, 'utf8'), { sourceLines: true });
    const same = await app.preview.evaluate((expected) => {
      const article = document.getElementById('document')!.cloneNode(true) as HTMLElement;
      // The preview groups blocks in chunks (block-chunks.ts); the article is what they hold.
      for (const chunk of article.querySelectorAll(':scope > .preview-chunk')) chunk.replaceWith(...chunk.childNodes);
      // The sanitizer's only addition: links never carry an opener.
      for (const a of article.querySelectorAll('a[rel]')) a.removeAttribute('rel');
      const template = document.createElement('template');
      template.innerHTML = expected;
      const fresh = document.createElement('article');
      fresh.id = 'document';
      fresh.className = article.className;
      fresh.append(template.content);
      return fresh.isEqualNode(article);
    }, html);
    expect(same).toBe(true);
  });
});

describe('the list at the end, as the writer types', () => {
  it('is headed for what it holds: Sources, then Sources and notes, then Notes', async () => {
    const file = path.join(await tempDir('heading'), 'piece.md');
    await writeFile(file, 'A [study](https://example.com/study) says so.\n');
    const app = await startApp({ files: [file] });
    const heading = () =>
      app.preview.evaluate(() => {
        const section = document.querySelector('section.sources');
        return section && document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent;
      });
    try {
      await expect.poll(heading).toBe('Sources');
      await app.page.locator('.cm-content').click();
      await app.page.keyboard.press('Control+End');
      await app.page.keyboard.insertText('\nA claim.[^why]\n\n[^why]: Why it holds.\n');
      await expect.poll(heading).toBe('Sources and notes');
      await app.page.keyboard.press('Control+A');
      await app.page.keyboard.insertText('A claim.[^why]\n\n[^why]: Why it holds.\n');
      await expect.poll(heading).toBe('Notes');
      expect(await app.preview.locator('section.sources li').allTextContents()).toEqual([expect.stringMatching(/^Why it holds\./)]);
    } finally {
      await app.stop();
    }
  });
});

describe('malformed front matter', () => {
  it('still renders the document and marks the error on its line in the editor', async () => {
    const file = path.join(await tempDir('yaml'), 'broken.md');
    await writeFile(file, '---\ntitle: "Unclosed\nauthor: [a, b\n---\n\nThe body still renders.\n');
    const app = await startApp({ files: [file] });
    try {
      expect(await app.preview.textContent('article')).toContain('The body still renders.');
      const marked = app.page.locator('.cm-front-matter-error');
      await expect.poll(() => marked.count()).toBe(1);
      expect(await app.page.textContent('.cm-front-matter-message')).toMatch(/^Front matter: /);
    } finally {
      await app.stop();
    }
  });
});
