/**
 * The preview's blocks in groups ("chunks"): the article holds a few dozen
 * `<div class="preview-chunk">`s instead of thousands of blocks, and a chunk
 * off screen skips style, layout and paint (`content-visibility: auto`, in
 * preview-frame.css). A keystroke in a book-length document then lays out one
 * chunk, not the whole article (measured at 100k words: 19.5 → 3.5 ms a frame).
 *
 * A chunk is its own formatting context, so margins don't collapse across
 * its edges. Chunks therefore only ever start at a paragraph, whose top
 * margin is 0 in article.css: the gap above it is the previous block's
 * bottom margin either way, and the preview looks exactly like the export.
 * The last chunk stays uncontained (its bottom margin meets the Sources
 * section's, which is skipped off screen as a whole: at 100k words it holds
 * thousands of entries). A new chunk is laid out once in full, so its real
 * height is remembered (`contain-intrinsic-size: auto`), before it may be
 * skipped; so is a chunk whose blocks changed, and every chunk when the
 * article's width changes, since a skipped chunk keeps its old height.
 */

/** Anything placed in chunks: a block's nodes, in document order. */
export interface ChunkedBlock {
  nodes: ChildNode[];
  chunk: Chunk | null;
}

export interface Chunk {
  readonly el: HTMLElement;
  /** How many consecutive blocks it holds. */
  count: number;
}

/** Chunks hold about TARGET_BLOCKS blocks; one grown past MAX_BLOCKS is cut. */
const MAX_BLOCKS = 96;
const TARGET_BLOCKS = 48;

export const CHUNK_CLASS = 'preview-chunk';
/** Set once the chunk has been drawn: from then on it may skip its contents off screen. */
export const SETTLED_CLASS = 'settled';

/** Whether a block may start a chunk: its first element is a paragraph (top margin 0). */
export function startsChunk(block: ChunkedBlock): boolean {
  for (const node of block.nodes) if (node.nodeType === 1) return (node as Element).tagName === 'P';
  return false;
}

/**
 * Runs `settle` for each thing once it has been drawn in full: the frame
 * after next, when its real height has been remembered. Until then it is
 * laid out like any element, so one that is skipped later keeps its true size.
 */
export function createSettler(win: Window | null): (settle: () => void) => void {
  const waiting: (() => void)[] = [];
  let frame = 0;
  return (settle) => {
    waiting.push(settle);
    if (frame || !win) return;
    frame = win.requestAnimationFrame(() => {
      // This frame lays them out; from the one after, their height is remembered.
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        for (const run of waiting.splice(0)) run();
      });
    });
  };
}

export class BlockChunks {
  private chunks: Chunk[] = [];
  private readonly settle: (settle: () => void) => void;
  /** Chunks whose blocks changed in this patch: drawn in full once more. */
  private readonly changed = new Set<Chunk>();

  constructor(
    private readonly article: Element,
    /** The node chunks go before (the Sources section), or null for the end. */
    private readonly end: () => ChildNode | null,
  ) {
    this.settle = createSettler(article.ownerDocument.defaultView);
  }

  get list(): readonly Chunk[] {
    return this.chunks;
  }

  /**
   * Puts `middle` (new or moved blocks, in order) into the document where
   * `live[from, from + middle.length)` now stands, then restores the rules
   * around it: no empty chunk, none too long, each starting at a paragraph.
   */
  place(live: readonly ChunkedBlock[], from: number, middle: readonly ChunkedBlock[]): void {
    const prev = from > 0 ? live[from - 1]! : null;
    const nextIndex = from + middle.length;
    const target = prev?.chunk ?? live[nextIndex]?.chunk ?? this.append();
    // Before the first node of the blocks that follow in the same chunk, else at its end.
    let anchor: ChildNode | null = null;
    for (let j = nextIndex; j < live.length && live[j]!.chunk === target && !anchor; j++) anchor = live[j]!.nodes[0] ?? null;
    for (const block of middle) {
      for (const node of block.nodes) target.el.insertBefore(node, anchor);
      block.chunk = target;
      target.count++;
    }
    this.changed.add(target);
    this.repair(live, [target, live[nextIndex]?.chunk ?? null]);
    // A skipped chunk keeps the height it had: one whose blocks changed is drawn in full again.
    // (One on screen is drawn anyway: toggling it would cost two more layouts a keystroke.)
    for (const chunk of this.changed) if (chunk.count > 0) this.redrawn(chunk);
    this.changed.clear();
  }

  /** Puts `next` where `old` stands, in its chunk (a block drawn again as it was: the chunk rules hold). */
  swap(old: ChunkedBlock, next: ChunkedBlock): void {
    const chunk = old.chunk;
    const anchor = old.nodes[0] ?? null;
    const parent = anchor?.parentNode ?? chunk?.el;
    if (!parent) throw new Error('swap: the block is not on show');
    for (const node of next.nodes) parent.insertBefore(node, anchor);
    for (const node of old.nodes) node.remove();
    next.chunk = chunk;
    old.chunk = null;
    this.redrawn(chunk);
  }

  /** A block in `chunk` changed in place: its height may differ, so a skipped chunk is drawn in full again. */
  redrawn(chunk: Chunk | null): void {
    if (chunk && chunk.el.classList.contains(SETTLED_CLASS) && contentsSkipped(chunk.el)) this.settleLater(chunk);
  }

  /** Takes a block out (its nodes are the caller's to remove). */
  release(block: ChunkedBlock): void {
    if (block.chunk) {
      block.chunk.count--;
      this.changed.add(block.chunk);
    }
    block.chunk = null;
  }

  /** Builds the chunks for a whole list of new blocks. */
  build(live: readonly ChunkedBlock[]): void {
    let chunk: Chunk | null = null;
    for (const block of live) {
      if (!chunk || (chunk.count >= TARGET_BLOCKS && startsChunk(block))) chunk = this.append();
      for (const node of block.nodes) chunk.el.append(node);
      block.chunk = chunk;
      chunk.count++;
    }
  }

  private append(): Chunk {
    return this.insertChunkAt(this.chunks.length);
  }

  private insertChunkAt(index: number): Chunk {
    const el = this.article.ownerDocument.createElement('div');
    el.className = CHUNK_CLASS;
    const chunk: Chunk = { el, count: 0 };
    const after = this.chunks[index];
    this.article.insertBefore(el, after ? after.el : this.end());
    this.chunks.splice(index, 0, chunk);
    this.settleLater(chunk);
    return chunk;
  }

  /** Every chunk is drawn in full once more (the article's width changed: every height did). */
  resettleAll(): void {
    for (const chunk of this.chunks) this.settleLater(chunk);
  }

  private settleLater(chunk: Chunk): void {
    chunk.el.classList.remove(SETTLED_CLASS);
    this.settle(() => chunk.el.classList.add(SETTLED_CLASS));
  }

  private repair(live: readonly ChunkedBlock[], touched: (Chunk | null)[]): void {
    // Empty chunks go; a chunk that no longer starts at a paragraph joins the one before.
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i]!;
      if (chunk.count === 0) {
        chunk.el.remove();
        this.chunks.splice(i--, 1);
      }
    }
    for (const chunk of new Set(touched)) {
      if (!chunk) continue;
      let index = this.chunks.indexOf(chunk);
      if (index < 0) continue;
      const start = this.startIndexes()[index]!;
      const first = firstWithNodes(live, start, chunk);
      if (index > 0 && (!first || !startsChunk(first))) {
        this.merge(live, start, chunk, this.chunks[index - 1]!);
        index--;
      }
      // A long chunk is cut into ones of about TARGET_BLOCKS, each at a paragraph.
      while (index < this.chunks.length && this.chunks[index]!.count > MAX_BLOCKS && this.split(live, this.startIndexes()[index]!, index)) index++;
    }
  }

  private startIndexes(): number[] {
    const starts: number[] = [];
    let at = 0;
    for (const chunk of this.chunks) {
      starts.push(at);
      at += chunk.count;
    }
    return starts;
  }

  private merge(live: readonly ChunkedBlock[], start: number, from: Chunk, into: Chunk): void {
    for (let i = start; i < start + from.count; i++) {
      const block = live[i]!;
      for (const node of block.nodes) into.el.append(node);
      block.chunk = into;
    }
    into.count += from.count;
    from.count = 0;
    this.changed.add(into);
    from.el.remove();
    this.chunks.splice(this.chunks.indexOf(from), 1);
  }

  /** Cuts the chunk at `index` (its blocks start at `start`) at the paragraph nearest TARGET_BLOCKS in; false if there is none. */
  private split(live: readonly ChunkedBlock[], start: number, index: number): boolean {
    const chunk = this.chunks[index]!;
    const end = start + chunk.count;
    const aim = start + TARGET_BLOCKS;
    let at = -1;
    for (let d = 0; at < 0 && (aim + d < end || aim - d > start); d++) {
      if (aim + d < end && startsChunk(live[aim + d]!)) at = aim + d;
      else if (aim - d > start && startsChunk(live[aim - d]!)) at = aim - d;
    }
    if (at < 0) return false; // no paragraph to start at: the chunk stays long
    const next = this.insertChunkAt(index + 1);
    for (let i = at; i < end; i++) {
      const block = live[i]!;
      for (const node of block.nodes) next.el.append(node);
      block.chunk = next;
      next.count++;
    }
    chunk.count -= next.count;
    this.changed.add(chunk);
    return true;
  }
}

/** Whether the browser skips the contents of a `content-visibility: auto` box now (off screen); when it can't say, yes. */
export function contentsSkipped(box: Element | null | undefined): boolean {
  const first = box?.firstElementChild as (Element & { checkVisibility?: (options: object) => boolean }) | null | undefined;
  if (!first || typeof first.checkVisibility !== 'function') return true;
  return !first.checkVisibility({ contentVisibilityAuto: true });
}

function firstWithNodes(live: readonly ChunkedBlock[], start: number, chunk: Chunk): ChunkedBlock | null {
  for (let i = start; i < start + chunk.count; i++) if (live[i]!.nodes.length > 0) return live[i]!;
  return null;
}
