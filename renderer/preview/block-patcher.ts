/**
 * Puts the incremental renderer's units into the preview's article in place:
 * units whose HTML is unchanged keep their DOM nodes (scroll position,
 * selection, loaded images), moved units are moved, and only new HTML is
 * sanitized and inserted. Line numbers (`data-line`) are set on the nodes
 * directly, so inserting a line above a block costs an attribute, not a
 * re-render. The Sources section is patched entry by entry.
 */
import type { IncrementalResult, RenderedUnit } from '../markdown/incremental/incremental-renderer';
import { LINE_NONCE } from '../markdown/incremental/unit-html';
import type { FragmentCache } from './fragment-cache';
import { SourcesPatcher } from './sources-patcher';

export interface LiveBlock {
  unit: RenderedUnit['parsed'];
  html: string;
  start: number;
  nodes: ChildNode[];
  /** Elements carrying `data-line`, with their line relative to the block's start. */
  lines: { el: Element; rel: number }[];
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
  /** Bumped on every patch that changed the blocks (scroll sync re-reads anchors). */
  version = 0;

  constructor(
    private readonly article: Element,
    private readonly fragments: FragmentCache,
    /** Applied to every new block before it is inserted (image sources). */
    private readonly prepare?: (root: DocumentFragment) => void,
  ) {
    this.sources = new SourcesPatcher(article, fragments, prepare);
  }

  /** Forgets every block: the next patch builds them all again. */
  clear(): void {
    for (const block of this.live) for (const node of block.nodes) node.remove();
    this.live = [];
    this.sources.patch(null);
    this.version++;
  }

  get blocks(): readonly LiveBlock[] {
    return this.live;
  }

  patch(result: IncrementalResult): PatchStats {
    const doc = this.article.ownerDocument;
    const old = this.live;
    const next = result.units;
    const stats: PatchStats = { inserted: 0, moved: 0, removed: 0, kept: 0 };
    const same = (a: LiveBlock, b: RenderedUnit): boolean => a.unit === b.parsed && a.html === b.html;
    let head = 0;
    while (head < old.length && head < next.length && same(old[head]!, next[head]!)) head++;
    let oldEnd = old.length;
    let newEnd = next.length;
    while (oldEnd > head && newEnd > head && same(old[oldEnd - 1]!, next[newEnd - 1]!)) {
      oldEnd--;
      newEnd--;
    }
    // The middle: reuse old blocks with the same HTML (moved paragraphs), build the rest.
    const spare = new Map<string, LiveBlock[]>();
    for (let i = head; i < oldEnd; i++) {
      const block = old[i]!;
      const list = spare.get(block.html);
      if (list) list.push(block);
      else spare.set(block.html, [block]);
    }
    const anchor = this.firstNodeFrom(old, oldEnd) ?? this.sources.firstNode();
    const middle: LiveBlock[] = [];
    for (let i = head; i < newEnd; i++) {
      const unit = next[i]!;
      const reused = spare.get(unit.html)?.shift();
      if (reused) {
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
        stats.removed++;
      }
    }
    for (const block of middle) for (const node of block.nodes) this.article.insertBefore(node, anchor);
    stats.kept = head + (old.length - oldEnd);

    this.live = [...old.slice(0, head), ...middle, ...old.slice(oldEnd)];
    // Lines: every block whose start moved (after an inserted or deleted line).
    for (let i = 0; i < this.live.length; i++) {
      const block = this.live[i]!;
      const start = next[i]!.start;
      if (block.start === start) continue;
      block.start = start;
      for (const { el, rel } of block.lines) el.setAttribute('data-line', String(start + rel));
    }
    this.sources.patch(result.sources);
    if (stats.inserted + stats.moved + stats.removed > 0) this.version++;
    return stats;
  }

  private firstNodeFrom(blocks: readonly LiveBlock[], from: number): ChildNode | null {
    for (let i = from; i < blocks.length; i++) {
      const first = blocks[i]!.nodes[0];
      if (first) return first;
    }
    return null;
  }

  private build(unit: RenderedUnit, doc: Document): LiveBlock {
    const block: LiveBlock = { unit: unit.parsed, html: unit.html, start: unit.start, nodes: [], lines: [] };
    if (unit.html === '') return block;
    const fragment = this.fragments.take(unit.html, doc);
    for (const el of fragment.querySelectorAll('[data-line]')) {
      const value = el.getAttribute('data-line') ?? '';
      if (!value.startsWith(LINE_NONCE)) continue; // raw HTML's own attribute
      const rel = Number(value.slice(LINE_NONCE.length));
      el.setAttribute('data-line', String(unit.start + rel));
      block.lines.push({ el, rel });
    }
    this.prepare?.(fragment);
    block.nodes = Array.from(fragment.childNodes);
    return block;
  }
}
