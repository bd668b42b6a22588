/**
 * Puts the incremental renderer's units into the preview's article in place:
 * units whose HTML is unchanged keep their DOM nodes (scroll position,
 * selection, loaded images), moved units are moved, and only new HTML is
 * sanitized and inserted. Line numbers (`data-line`) are set on the nodes
 * directly, so inserting a line above a block costs an attribute, not a
 * re-render. Blocks sit in chunks (block-chunks.ts) so that off-screen parts
 * of a long document cost the browser nothing. The Sources section is
 * patched entry by entry.
 */
import type { IncrementalResult, RenderedUnit } from '../markdown/incremental/incremental-renderer';
import { LINE_NONCE } from '../markdown/incremental/unit-html';
import { changedRun, narrowRun } from './changed-run';
import { numberShape, renumber } from './renumber';
import { BlockChunks, type Chunk, type ChunkedBlock } from './block-chunks';
import type { FragmentCache } from './fragment-cache';
import { holdsImages, type ImageUse, type PrepareBlock } from './remote-images';
import { SourcesPatcher } from './sources-patcher';

/** How many upcoming blocks are sanitized in one call when many are new. */
const PREFETCH = 200;

export interface LiveBlock extends ChunkedBlock {
  unit: RenderedUnit['parsed'];
  html: string;
  start: number;
  nodes: ChildNode[];
  chunk: Chunk | null;
  /** Elements carrying `data-line`, with their line relative to the block's start. */
  lines: { el: Element; rel: number }[];
  /** The images in it that an image scope decides on, if any. */
  images: ImageUse | null;
}

export interface PatchStats {
  inserted: number;
  moved: number;
  removed: number;
  kept: number;
}

export class BlockPatcher {
  private live: LiveBlock[] = [];
  private readonly sources: SourcesPatcher;
  private readonly chunks: BlockChunks;
  /** `imageUse()` until the blocks change. */
  private images: ImageUse | null = null;
  /** Bumped on every patch that changed the blocks (scroll sync re-reads anchors). */
  version = 0;

  constructor(
    private readonly article: Element,
    private readonly fragments: FragmentCache,
    /** Applied to every new block before it is inserted (image sources). */
    private readonly prepare?: PrepareBlock,
  ) {
    this.sources = new SourcesPatcher(article, fragments, prepare);
    this.chunks = new BlockChunks(article, () => this.sources.firstNode());
    // Skipped chunks keep their heights: when the text reflows (a new width, a font loaded), draw them all once more.
    const win = article.ownerDocument.defaultView;
    let width = -1;
    const reflowed = (): void => {
      this.chunks.resettleAll();
      this.sources.resettle();
    };
    if (win && 'ResizeObserver' in win) {
      new win.ResizeObserver((entries) => {
        const next = entries[entries.length - 1]?.contentRect.width ?? width;
        if (width !== -1 && next !== width) reflowed();
        width = next;
      }).observe(article);
    }
    article.ownerDocument.fonts?.addEventListener('loadingdone', reflowed);
  }

  /**
   * Draws again only what holds images an image scope decides on (a new
   * scope came): the blocks and Sources entries with such images get new
   * nodes, everything else keeps its own.
   */
  redrawImages(): void {
    const doc = this.article.ownerDocument;
    let redrawn = false;
    this.live = this.live.map((block) => {
      if (!block.images || !block.chunk) return block;
      const next = this.build({ start: block.start, parsed: block.unit, html: block.html }, doc);
      this.chunks.swap(block, next);
      redrawn = true;
      return next;
    });
    if (this.sources.redrawImages()) redrawn = true;
    this.images = null;
    if (redrawn) this.version++;
  }

  get blocks(): readonly LiveBlock[] {
    return this.live;
  }

  /** The images on show that an image scope decides on, in document order. */
  imageUse(): ImageUse {
    if (this.images) return this.images;
    const seen = new Set<string>();
    let hasLocal = false;
    for (const use of [...this.live.map((block) => block.images), ...this.sources.images()]) {
      if (!use) continue;
      hasLocal ||= use.hasLocal;
      for (const url of use.remoteUrls) seen.add(url);
    }
    this.images = { remoteUrls: [...seen], hasLocal };
    return this.images;
  }

  /** The chunks on show, in order, each with how many blocks it holds. */
  get chunkList(): readonly Chunk[] {
    return this.chunks.list;
  }

  patch(result: IncrementalResult): PatchStats {
    const doc = this.article.ownerDocument;
    // Renumbering keeps blocks in their places in this list (this.live is rebuilt from it below).
    const old = this.live;
    const next = result.units;
    const stats: PatchStats = { inserted: 0, moved: 0, removed: 0, kept: 0 };
    const same = (a: LiveBlock, b: RenderedUnit): boolean => a.unit === b.parsed && a.html === b.html;
    // Blocks that differ only in source numbers (a source cited or dropped before them) keep their nodes.
    const renumberedIn = new Set<Chunk | null>();
    const { head, oldEnd, newEnd } = narrowRun(changedRun(old, next, same), (i, j) => this.renumbered(old, i, next[j]!, stats, renumberedIn));
    for (const chunk of renumberedIn) this.chunks.redrawn(chunk);
    // The middle: reuse old blocks with the same HTML (moved paragraphs), build the rest.
    const spare = new Map<string, LiveBlock[]>();
    for (let i = head; i < oldEnd; i++) {
      const block = old[i]!;
      const list = spare.get(block.html);
      if (list) list.push(block);
      else spare.set(block.html, [block]);
    }
    const middle: LiveBlock[] = [];
    for (let i = head; i < newEnd; i++) {
      const unit = next[i]!;
      // Many new blocks at once (a document opened, a long paste): sanitize the well-formed ones in batches.
      if ((i - head) % PREFETCH === 0 && newEnd - head > 1) {
        this.fragments.prefetch(next.slice(i, Math.min(newEnd, i + PREFETCH)).filter((u) => !u.parsed.rawHtml).map((u) => u.html));
      }
      const reused = spare.get(unit.html)?.shift();
      if (reused) {
        this.chunks.release(reused);
        reused.unit = unit.parsed;
        middle.push(reused);
        stats.moved++;
      } else {
        middle.push(this.build(unit, doc));
        stats.inserted++;
      }
    }
    for (const list of spare.values()) {
      for (const block of list) {
        for (const node of block.nodes) node.remove();
        this.chunks.release(block);
        stats.removed++;
      }
    }
    stats.kept = head + (old.length - oldEnd);

    this.live = [...old.slice(0, head), ...middle, ...old.slice(oldEnd)];
    if (old.length === 0) this.chunks.build(this.live);
    else if (stats.inserted + stats.moved + stats.removed > 0) this.chunks.place(this.live, head, middle);
    // Lines: every block whose start moved (after an inserted or deleted line).
    for (let i = 0; i < this.live.length; i++) {
      const block = this.live[i]!;
      const start = next[i]!.start;
      if (block.start === start) continue;
      block.start = start;
      for (const { el, rel } of block.lines) el.setAttribute('data-line', String(start + rel));
    }
    const sourcesChanged = this.sources.patch(result.sources);
    if (stats.inserted + stats.moved + stats.removed > 0 || sourcesChanged) this.images = null;
    if (stats.inserted + stats.moved + stats.removed > 0) this.version++;
    return stats;
  }

  /**
   * Keeps `old[i]` in its place for `unit` if it shows the same HTML (parsed
   * again) or differs only in source numbers: those are set in place
   * (renumber.ts), or, where that can't be done (raw HTML), the block alone
   * is drawn again where it stands. False if it differs in more.
   */
  private renumbered(old: LiveBlock[], i: number, unit: RenderedUnit, stats: PatchStats, renumberedIn: Set<Chunk | null>): boolean {
    const block = old[i]!;
    if (block.html !== unit.html) {
      if (numberShape(block.html) !== numberShape(unit.html)) return false;
      if (unit.parsed.rawHtml || block.nodes.length === 0 || !renumber(block.nodes, unit.html)) {
        const next = this.build(unit, this.article.ownerDocument);
        if (block.nodes.length === 0 || next.nodes.length === 0) return false;
        this.chunks.swap(block, next);
        old[i] = next;
        stats.inserted++;
        stats.removed++;
        return true;
      }
      renumberedIn.add(block.chunk);
    }
    block.html = unit.html;
    block.unit = unit.parsed;
    return true;
  }

  private build(unit: RenderedUnit, doc: Document): LiveBlock {
    const block: LiveBlock = { unit: unit.parsed, html: unit.html, start: unit.start, nodes: [], lines: [], chunk: null, images: null };
    if (unit.html === '') return block;
    const fragment = this.fragments.take(unit.html, doc);
    for (const el of fragment.querySelectorAll('[data-line]')) {
      const value = el.getAttribute('data-line') ?? '';
      if (!value.startsWith(LINE_NONCE)) continue; // raw HTML's own attribute
      const rel = Number(value.slice(LINE_NONCE.length));
      el.setAttribute('data-line', String(unit.start + rel));
      block.lines.push({ el, rel });
    }
    block.images = holdsImages(this.prepare?.(fragment));
    block.nodes = Array.from(fragment.childNodes);
    return block;
  }
}
