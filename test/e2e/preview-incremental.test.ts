/**
 * The incremental preview in the real app: after a series of edits the
 * preview's DOM is exactly a full render, sanitized; an edit to one
 * paragraph leaves the rest of the preview alone (scroll position, the very
 * same <img> node); scrolling the editor scrolls the preview to the same
 * source line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../renderer/markdown/index';
import { createSanitizer } from '../../renderer/preview/sanitize';
import { ROOT, startApp, tempDir, waitForStill, type RunningApp } from './harness';

// jsdom ships no types here; only its constructor is needed.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: Window & typeof globalThis } };

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

type EditorWindow = Window & { __img?: Element | null };

/** The editor's whole text (CodeMirror draws only the lines in view). */
async function editorText(app: RunningApp): Promise<string> {
  return app.page.evaluate(() => {
    const content = document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: { state: { doc: { toString(): string } } } } } };
    return content.cmTile.root.view.state.doc.toString();
  });
}

/** Inserts text at a line's start without moving the editor's scroll position. */
async function insertAtLine(app: RunningApp, line: number, text: string): Promise<void> {
  await app.page.evaluate(
    ([line, text]) => {
      type View = { state: { doc: { line(n: number): { from: number } } }; dispatch(spec: unknown): void };
      const view = (document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: View } } }).cmTile.root.view;
      view.dispatch({ changes: { from: view.state.doc.line(line).from, insert: text } });
    },
    [line, text] as const,
  );
}

/**
 * The DOM as text with each element's attributes sorted: sanitizers may
 * reorder attributes (DOMPurify re-sets some), which changes no meaning.
 * The preview groups its blocks in chunks (block-chunks.ts): the document
 * is what they hold, in order.
 */
function canonical(root: Node): string {
  const isChunk = (node: Node): boolean => node.nodeType === 1 && (node as Element).classList.contains('preview-chunk');
  const flat = (nodes: Node[]): Node[] => nodes.flatMap((node) => (isChunk(node) ? flat(Array.from(node.childNodes)) : [node]));
  const walk = (node: Node): string => {
    if (node.nodeType === 3) return JSON.stringify(node.nodeValue);
    if (node.nodeType !== 1) return '';
    const el = node as Element;
    const attrs = Array.from(el.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ');
    return `<${el.tagName.toLowerCase()} ${attrs}>${Array.from(el.childNodes, walk).join('')}</>`;
  };
  return flat(Array.from(root.childNodes)).map(walk).join('\n');
}

async function previewHtml(app: RunningApp): Promise<string> {
  return app.preview.evaluate(`(${canonical.toString()})(document.getElementById('document'))`);
}

function fullRenderSanitized(text: string): string {
  const dom = new JSDOM('<!doctype html><body><article id="document"></article></body>');
  const sanitize = createSanitizer(dom.window as unknown as Window);
  const article = dom.window.document.getElementById('document')!;
  article.append(sanitize(render(text, { sourceLines: true }).html));
  return canonical(article);
}

describe('incremental preview in the Chromium shell', () => {
  let app: RunningApp;
  let file: string;

  beforeAll(async () => {
    const sample = await readFile(path.join(ROOT, 'test/fixtures/sample-oped.md'), 'utf8');
    const body = sample.replace(/^---\n[\s\S]*?\n---\n/, '');
    const text = `${sample}\n![A pixel](${PIXEL})\n\n${Array.from({ length: 8 }, () => body).join('\n')}`;
    file = path.join(await tempDir('preview'), 'long-piece.md');
    await writeFile(file, text);
    app = await startApp({ files: [file] });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('draws a long document from the top at once and the rest in background steps, typing meanwhile', { timeout: 120_000 }, async () => {
    // Opened in beforeAll: the first refresh drew only the first screens (preview-pane.ts, OPENING_BLOCKS).
    const first = await app.page.evaluate(() => {
      const frame = document.getElementById('preview') as HTMLIFrameElement;
      return { drawing: frame.hasAttribute('data-drawing'), fills: performance.getEntriesByName('byline:fill').length, blocks: frame.contentDocument!.querySelectorAll('#document > .preview-chunk > *').length };
    });
    expect(first.drawing || first.fills > 0).toBe(true);
    await app.page.click('.cm-content');
    await app.page.keyboard.press('Control+Home');
    for (let i = 0; i < 8; i++) await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.type('Typed while the rest was drawn. ');
    await app.page.waitForFunction(() => !document.getElementById('preview')!.hasAttribute('data-drawing'), undefined, { timeout: 60_000 });
    expect(await app.page.evaluate(() => performance.getEntriesByName('byline:fill').length)).toBeGreaterThan(0);
    expect(await previewHtml(app)).toBe(fullRenderSanitized(await editorText(app)));
  });

  it('shows exactly a full render, sanitized, after a series of edits', { timeout: 180_000 }, async () => {
    await app.page.click('.cm-content');
    await app.page.keyboard.press('Control+End');
    await app.page.keyboard.type('\n\nA new [source](https://example.com/new).');
    await app.page.keyboard.insertText(' And a note.[^late]\n\n[^late]: The late note, with [its own source](https://example.org/late).\n');
    await app.page.keyboard.press('Control+Home');
    for (let i = 0; i < 12; i++) await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('End');
    await app.page.keyboard.insertText(' Typed near the top with [the committee](https://council.example.gov/budget/2024/draft).');
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.type('> A quote typed in.\n>\n> — Someone');
    for (let i = 0; i < 5; i++) await app.page.keyboard.press('Backspace');
    await app.page.keyboard.type('Somebody else');
    await expect
      .poll(async () => (await previewHtml(app)) === fullRenderSanitized(await editorText(app)), { timeout: 10_000 })
      .toBe(true)
      .catch(async (error: unknown) => {
        // Show where they part, then fail.
        const [got, want] = [await previewHtml(app), fullRenderSanitized(await editorText(app))];
        let i = 0;
        while (i < got.length && got[i] === want[i]) i++;
        throw new Error(`preview differs at ${i}:\n got: ${got.slice(i - 150, i + 150)}\nwant: ${want.slice(i - 150, i + 150)}\n${String(error)}`);
      });
  });

  it('keeps its scroll position and the same <img> node when an unrelated paragraph changes', async () => {
    await app.page.evaluate(() => {
      const doc = (document.getElementById('preview') as HTMLIFrameElement).contentDocument!;
      (window as EditorWindow).__img = doc.querySelector('img');
      doc.querySelector('img')!.scrollIntoView({ block: 'center' });
    });
    // Scroll sync settles: both panes still.
    const bothPanes = async () => [await app.preview.evaluate(() => window.scrollY), await app.page.evaluate(() => document.querySelector('.cm-scroller')!.scrollTop)];
    const [before] = await waitForStill(app.page, bothPanes);
    expect(before).toBeGreaterThan(0);
    const sameImage = (): Promise<boolean> =>
      app.page.evaluate(() => {
        const doc = (document.getElementById('preview') as HTMLIFrameElement).contentDocument!;
        const img = doc.querySelector('img');
        return img !== null && img === (window as EditorWindow).__img;
      });
    const edit = async (line: number, text: string): Promise<void> => {
      const updated = app.page.evaluate(() => new Promise<void>((resolve) => window.addEventListener('byline:preview-updated', () => resolve(), { once: true })));
      await insertAtLine(app, line, text);
      await updated;
      expect(await app.preview.textContent('#document')).toContain(text.trim());
    };
    // A paragraph below the picture: nothing above it moves, so neither does the page.
    const lines = (await editorText(app)).split('\n').length;
    await edit(lines - 4, 'Edited far below the picture. ');
    expect(await app.preview.evaluate(() => window.scrollY)).toBe(before);
    expect(await sameImage()).toBe(true);
    // A paragraph above it: the picture stays the same node, still in view.
    await edit(12, 'Edited far above the picture. ');
    expect(await sameImage()).toBe(true);
    const imageTop = await app.preview.evaluate(() => document.querySelector('img')!.getBoundingClientRect().top);
    expect(imageTop).toBeGreaterThan(0);
    expect(imageTop).toBeLessThan(await app.preview.evaluate(() => window.innerHeight));
  });

  it('lays every block out exactly where the unchunked article puts it (margins collapse as in the export)', async () => {
    // A paragraph far off screen (its chunk skipped) grows by several lines: the blocks below must move with it.
    await app.preview.evaluate(() => window.scrollTo(0, 0));
    await waitForStill(app.page, async () => [await app.preview.evaluate(() => window.scrollY), await app.page.evaluate(() => document.querySelector('.cm-scroller')!.scrollTop)]);
    const lines = (await editorText(app)).split('\n').length;
    const updated = app.page.evaluate(() => new Promise<void>((resolve) => window.addEventListener('byline:preview-updated', () => resolve(), { once: true })));
    await insertAtLine(app, Math.floor(lines * 0.6), `${'A long new paragraph written far below the top of the preview. '.repeat(12)}\n\n`);
    await updated;
    // Frames, counted in the app page (the preview frame runs no script, so its own callbacks never run).
    await app.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
    const result = await app.preview.evaluate(() => {
      const article = document.getElementById('document')!;
      const flat = article.cloneNode(true) as HTMLElement;
      flat.removeAttribute('id');
      for (const chunk of flat.querySelectorAll(':scope > .preview-chunk')) chunk.replaceWith(...chunk.childNodes);
      article.after(flat);
      const blocks = (root: Element): Element[] =>
        Array.from(root.querySelectorAll(':scope > [data-line], :scope > .preview-chunk > [data-line], :scope > section.sources'));
      const tops = (root: Element): number[] => blocks(root).map((el) => el.getBoundingClientRect().top - root.getBoundingClientRect().top);
      // The last entry's bottom: the Sources section is skipped off screen as a whole, and must still end where it did.
      const end = (root: Element): number =>
        root.querySelector(':scope > section.sources li:last-child')!.getBoundingClientRect().bottom - root.getBoundingClientRect().top;
      const chunked = [...tops(article), end(article)];
      const unchunked = [...tops(flat), end(flat)];
      flat.remove();
      return { chunked, unchunked, chunks: article.querySelectorAll(':scope > .preview-chunk').length };
    });
    expect(result.chunks).toBeGreaterThan(1);
    expect(result.chunked.length).toBe(result.unchunked.length);
    const worst = Math.max(...result.chunked.map((top, i) => Math.abs(top - result.unchunked[i]!)));
    expect(worst).toBeLessThan(0.5);
  });

  it('scrolls the preview to the source line at the top of the editor', async () => {
    const target = await app.page.evaluate(() => {
      const scroller = document.querySelector('.cm-scroller')!;
      scroller.scrollTop = scroller.scrollHeight / 2;
      return scroller.scrollTop;
    });
    expect(target).toBeGreaterThan(0);
    await expect.poll(() => app.preview.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await waitForStill(app.page, () => app.preview.evaluate(() => window.scrollY));
    const { editorLine, previewLine } = await app.page.evaluate(() => {
      const content = document.querySelector('.cm-content') as unknown as {
        cmTile: { root: { view: { lineBlockAtHeight(h: number): { from: number }; documentTop: number; scrollDOM: Element; state: { doc: { lineAt(p: number): { number: number } } } } } };
      };
      const view = content.cmTile.root.view;
      const top = view.scrollDOM.getBoundingClientRect().top - view.documentTop;
      const editorLine = view.state.doc.lineAt(view.lineBlockAtHeight(top).from).number - 1;
      const doc = (document.getElementById('preview') as HTMLIFrameElement).contentDocument!;
      const blocks = Array.from(doc.querySelectorAll('#document > .preview-chunk > [data-line]'));
      const visible = blocks.find((el) => el.getBoundingClientRect().bottom > 8) ?? null;
      return { editorLine, previewLine: visible ? Number(visible.getAttribute('data-line')) : -1 };
    });
    // The block at the top of the preview is the one holding the editor's top line (or its neighbour).
    expect(Math.abs(previewLine - editorLine)).toBeLessThanOrEqual(4);
  });
});
