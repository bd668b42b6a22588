// @vitest-environment jsdom
// DOMPurify does not sanitize under happy-dom, so this runs under jsdom.
/**
 * The preview's DOM after random edits, as a property: the blocks the
 * patcher keeps in chunks are, in order, exactly the document's blocks drawn
 * afresh (each block's HTML sanitized on its own, as the preview draws them),
 * which for a document without raw HTML is exactly a full render sanitized
 * (raw HTML left open in one block and closed in another is tag soup a
 * browser mends differently when it parses the whole page at once; the HTML
 * itself is identical, see the incremental equivalence tests); and the
 * chunks keep their rules (none empty, each but the first starting
 * at a paragraph, every block inside the chunk it is filed under). Also: the
 * images the preview reports are those of every block, not just the last
 * one drawn.
 */
import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '../../support/property-runs';
import { nextTask } from '../../support/next-task';
import { describe, expect, it } from 'vitest';
import { render } from '../../../renderer/markdown/index';
import { createIncrementalRenderer } from '../../../renderer/markdown/incremental/incremental-renderer';
import { withLines } from '../../../renderer/markdown/incremental/unit-html';
import { BlockPatcher } from '../../../renderer/preview/block-patcher';
import { CHUNK_CLASS } from '../../../renderer/preview/block-chunks';
import { FragmentCache } from '../../../renderer/preview/fragment-cache';
import { createSanitizer } from '../../../renderer/preview/sanitize';
import { ShownPrefix } from '../../../renderer/preview/shown-prefix';
import { createPreviewImages } from '../../../renderer/preview/remote-images';
import { applyEdit, editArb, generatedDocument } from '../incremental/edit-model';

const sanitize = createSanitizer(window);

/** Elements with sorted attributes, text as JSON: equal strings mean equal DOM. */
function canonical(nodes: Node[]): string {
  const walk = (node: Node): string => {
    if (node.nodeType === 3) return JSON.stringify(node.nodeValue);
    if (node.nodeType !== 1) return '';
    const el = node as Element;
    const attrs = Array.from(el.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ');
    return `<${el.localName} ${attrs}>${Array.from(el.childNodes, walk).join('')}</>`;
  };
  return nodes.map(walk).join('\n');
}

/** The article as the export has it: the chunks' contents in their place. */
function flattened(article: Element): Node[] {
  return Array.from(article.childNodes).flatMap((node) =>
    node.nodeType === 1 && (node as Element).classList.contains(CHUNK_CLASS) ? Array.from(node.childNodes) : [node],
  );
}

/** Every block drawn on its own, as a fresh preview would: units, then the Sources section. */
function drawnAfresh(text: string): string {
  const fresh = createIncrementalRenderer({ sourceLines: true }).update(text);
  const holder = document.createElement('article');
  for (const unit of fresh.units) holder.append(sanitize(withLines(unit.html, unit.start)));
  if (fresh.sources) holder.append(sanitize(fresh.sources.open + fresh.sources.items.join('') + fresh.sources.close));
  return canonical(Array.from(holder.childNodes));
}

const RAW_HTML = /<\/?[a-z]/i;

function fullRender(text: string): string {
  const holder = document.createElement('article');
  holder.append(sanitize(render(text, { sourceLines: true }).html));
  return canonical(Array.from(holder.childNodes));
}

function checkChunks(article: Element, patcher: BlockPatcher): void {
  const chunks = patcher.chunkList;
  const elements = Array.from(article.children).filter((el) => el.classList.contains(CHUNK_CLASS));
  expect(elements).toEqual(chunks.map((chunk) => chunk.el));
  let at = 0;
  for (const [i, chunk] of chunks.entries()) {
    expect(chunk.count).toBeGreaterThan(0);
    const blocks = patcher.blocks.slice(at, at + chunk.count);
    at += chunk.count;
    for (const block of blocks) {
      expect(block.chunk).toBe(chunk);
      for (const node of block.nodes) expect(node.parentNode).toBe(chunk.el);
    }
    // Every chunk but the first opens with a paragraph (top margin 0: no margin to collapse across its edge).
    if (i > 0) expect(chunk.el.firstElementChild?.localName).toBe('p');
  }
  expect(at).toBe(patcher.blocks.length);
}

describe('the chunked preview', () => {
  it('shows every block as drawn afresh (a full render, without raw HTML) after every edit, and keeps its chunks in order', { timeout: propertyTimeout(300_000) }, async () => {
    const start = generatedDocument(5);
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 10 }), async (edits) => {
        await nextTask();
        const article = document.createElement('article');
        const patcher = new BlockPatcher(article, new FragmentCache(sanitize));
        const renderer = createIncrementalRenderer({ sourceLines: true });
        let text = start;
        const check = (): void => {
          patcher.patch(renderer.update(text));
          const shown = canonical(flattened(article));
          expect(shown).toBe(drawnAfresh(text));
          if (!RAW_HTML.test(text)) expect(shown).toBe(fullRender(text));
          checkChunks(article, patcher);
        };
        check();
        expect(patcher.chunkList.length).toBeGreaterThan(1);
        for (const edit of edits) {
          text = applyEdit(text, edit);
          check();
        }
      }),
      propertyRuns(15, 4101),
    );
  });

  it('drawn a prefix at a time (a document being opened), edited meanwhile, ends as every block drawn afresh', { timeout: propertyTimeout(300_000) }, async () => {
    const start = generatedDocument(4);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(editArb.map((edit) => ({ edit })), fc.integer({ min: 1, max: 30 }).map((grow) => ({ grow }))), { minLength: 1, maxLength: 10 }), async (steps) => {
        await nextTask();
        const article = document.createElement('article');
        const patcher = new BlockPatcher(article, new FragmentCache(sanitize));
        const renderer = createIncrementalRenderer({ sourceLines: true });
        const prefix = new ShownPrefix();
        let text = start;
        patcher.patch(prefix.update(renderer.update(text), 12));
        for (const step of steps) {
          if ('edit' in step) {
            text = applyEdit(text, step.edit);
            patcher.patch(prefix.update(renderer.update(text), 12));
          } else patcher.patch(prefix.grow(step.grow)!);
          checkChunks(article, patcher);
        }
        while (!prefix.complete) patcher.patch(prefix.grow(40)!);
        checkChunks(article, patcher);
        expect(canonical(flattened(article))).toBe(drawnAfresh(text));
      }),
      propertyRuns(12, 4102),
    );
  });

  it('reports the images of every block, whichever was drawn last', () => {
    const article = document.createElement('article');
    const images = createPreviewImages(() => ({ owner: null, path: null }));
    const patcher = new BlockPatcher(article, new FragmentCache(createSanitizer(window, { holdImages: true })), (root) => images.apply(root));
    const renderer = createIncrementalRenderer({ sourceLines: true });
    const text = 'A picture: ![a](https://images.example/a.png)\n\nNo picture here.\n\n![local](pic.png)\n\nThe end.\n';
    patcher.patch(renderer.update(text));
    expect(patcher.imageUse()).toEqual({ remoteUrls: ['https://images.example/a.png'], hasLocal: true });
    patcher.patch(renderer.update(text.replace('The end.', 'The very end.')));
    expect(patcher.imageUse()).toEqual({ remoteUrls: ['https://images.example/a.png'], hasLocal: true });
    patcher.patch(renderer.update(text.replace('![local](pic.png)', 'No picture either.')));
    expect(patcher.imageUse()).toEqual({ remoteUrls: ['https://images.example/a.png'], hasLocal: false });
  });

  it('keeps the nodes of blocks and entries whose only change is their source numbers (a link added or removed above them)', () => {
    const article = document.createElement('article');
    const patcher = new BlockPatcher(article, new FragmentCache(sanitize));
    const renderer = createIncrementalRenderer({ sourceLines: true });
    const start = generatedDocument(6);
    const firstBreak = start.indexOf('\n\n', start.indexOf('\n---\n') + 5);
    const cited = `${start.slice(0, firstBreak)} See [a new source](https://new.example/first).${start.slice(firstBreak)}`;
    patcher.patch(renderer.update(start));
    const elements = (): Element[] => Array.from(article.querySelectorAll('*'));
    const before = new Set(elements());
    for (const text of [cited, start]) {
      const stats = patcher.patch(renderer.update(text));
      expect(canonical(flattened(article))).toBe(drawnAfresh(text));
      // The paragraph with the new link is drawn again (and each note: notes may hold raw HTML); of the link sources, only the new one's entry.
      expect(stats.inserted).toBe(1);
      const fresh = elements().filter((el) => !before.has(el));
      const freshEntries = new Set(fresh.map((el) => el.closest('li.source')).filter((li) => li !== null));
      expect([...freshEntries].map((li) => li.textContent?.includes('new.example/first'))).toEqual(text === cited ? [true] : []);
      for (const el of fresh) before.add(el);
    }
    // Every citation after the new one was renumbered in place: its marker is the very element drawn at first.
    expect(article.querySelectorAll('sup.source-ref').length).toBeGreaterThan(30);
    for (const marker of article.querySelectorAll('sup.source-ref')) expect(before.has(marker)).toBe(true);
  });

  it('draws again only what holds images under a new scope, ending as a fresh draw under it (notes included)', () => {
    const owner = { owner: {}, path: '/docs/piece.md' };
    const images = createPreviewImages(() => owner);
    const prepare = (root: DocumentFragment) => images.apply(root);
    const cache = () => new FragmentCache(createSanitizer(window, { holdImages: true }));
    const text = `${generatedDocument(2)}\n\nA picture: ![a](https://images.example/a.png)\n\n![local](pic.png)\n\nNoted.[^pic]\n\n[^pic]: With ![n](https://images.example/n.png) in it.\n`;
    const result = createIncrementalRenderer({ sourceLines: true }).update(text);
    const article = document.createElement('article');
    const patcher = new BlockPatcher(article, cache(), prepare);
    patcher.patch(result);
    const before = flattened(article).filter((node) => node.nodeType === 1) as Element[];
    images.setScope({ ...owner, localBase: '/local/', remoteBase: '/remote/', allowed: new Set(['https://images.example/a.png', 'https://images.example/n.png']) });
    patcher.redrawImages();
    // The same as a preview drawn from scratch under the new scope.
    const fresh = document.createElement('article');
    new BlockPatcher(fresh, cache(), prepare).patch(result);
    expect(canonical(flattened(article))).toBe(canonical(flattened(fresh)));
    expect(article.querySelectorAll('img[src^="/remote/"]').length).toBe(2);
    expect(article.querySelector('img[alt="local"]')?.getAttribute('src')).toBe('/local/pic.png');
    // Every block without such an image kept its node.
    const replaced = before.filter((el) => !article.contains(el));
    expect(replaced.map((el) => el.querySelector('img, .image-placeholder') !== null || el.matches('section.sources'))).toEqual(replaced.map(() => true));
    expect(replaced.length).toBe(2);
    expect(before.length - replaced.length).toBeGreaterThan(10);
  });

  it('starts chunks only at paragraphs, even when an edit turns a chunk’s first paragraph into a heading', () => {
    const article = document.createElement('article');
    const patcher = new BlockPatcher(article, new FragmentCache(sanitize));
    const renderer = createIncrementalRenderer({ sourceLines: true });
    const paragraphs = Array.from({ length: 130 }, (_, i) => (i % 10 === 9 ? `## Heading ${i}` : `Paragraph ${i}.`));
    let text = paragraphs.join('\n\n');
    const check = (): void => {
      patcher.patch(renderer.update(text));
      checkChunks(article, patcher);
      expect(canonical(flattened(article))).toBe(fullRender(text));
    };
    check();
    expect(patcher.chunkList.length).toBeGreaterThan(1);
    // The paragraph each later chunk starts with becomes a heading, a quote, a list: each chunk must move its start.
    for (const mark of ['## ', '> ', '- ']) {
      const starts = patcher.chunkList.slice(1).map((chunk) => chunk.el.firstElementChild!.textContent!);
      for (const first of starts) text = text.replace(`\n\n${first}`, `\n\n${mark}${first}`);
      check();
    }
    // A chunk grown long is split, at a paragraph.
    text = text.replace('Paragraph 3.', Array.from({ length: 150 }, (_, i) => `Inserted ${i}.`).join('\n\n'));
    check();
    for (const chunk of patcher.chunkList) expect(chunk.count).toBeLessThanOrEqual(96);
  });
});
