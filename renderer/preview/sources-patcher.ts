/**
 * The Sources section at the end of the preview, patched entry by entry: the
 * section and its heading are built once (again only when the heading
 * changes: "Sources", "Notes" or "Sources and notes"), entries whose HTML is unchanged
 * keep their nodes, and only the changed run in the middle is replaced.
 */
import type { SourcesSection } from '../markdown/incremental/incremental-renderer';
import { changedRun, narrowRun } from './changed-run';
import { numberShape, renumber } from './renumber';
import { contentsSkipped, createSettler } from './block-chunks';
import type { FragmentCache } from './fragment-cache';
import { holdsImages, type ImageUse, type PrepareBlock } from './remote-images';

/** `data-sources-settled` on the frame's root: the Sources section has been drawn once. */
const SOURCES_SETTLED = 'sourcesSettled';

const PREFETCH = 200;
/** How `byline_source_item` (sources-list.ts) opens a source's entry. */
const SOURCE_ITEM = /^<li id="source-\d+"(?: value="\d+")? class="source">/;

interface LiveItem {
  html: string;
  nodes: ChildNode[];
  images: ImageUse | null;
}

export class SourcesPatcher {
  private shell: { open: string; nodes: ChildNode[]; list: Element } | null = null;
  private items: LiveItem[] = [];
  /** The section on show: the renderer hands back the same object while nothing in it changed. */
  private shown: SourcesSection | null = null;
  private readonly settle: (settle: () => void) => void;

  constructor(
    private readonly article: Element,
    private readonly fragments: FragmentCache,
    /** Applied to every new entry before it is inserted (image sources: notes may hold images). */
    private readonly prepare?: PrepareBlock,
  ) {
    this.settle = createSettler(article.ownerDocument.defaultView);
  }

  /**
   * Off screen, the whole section skips layout and paint once drawn
   * (preview-frame.css), keeping the height it had: after any change it is
   * drawn in full once more. The mark sits on the frame's root, so the
   * article stays exactly the rendered document.
   */
  resettle(): void {
    const shell = this.shell;
    if (!shell) return;
    const root = this.article.ownerDocument.documentElement;
    delete root.dataset[SOURCES_SETTLED];
    this.settle(() => {
      if (this.shell === shell) root.dataset[SOURCES_SETTLED] = '';
    });
  }

  /** What each entry holds in images an image scope decides on (null: none). */
  images(): (ImageUse | null)[] {
    return this.items.map((item) => item.images);
  }

  /** Draws again the entries holding images a scope decides on; says whether there were any. */
  redrawImages(): boolean {
    const doc = this.article.ownerDocument;
    let redrawn = false;
    this.items = this.items.map((item) => {
      if (!item.images) return item;
      redrawn = true;
      return this.redrawnInPlace(item, item.html, doc);
    });
    if (redrawn) this.resettle();
    return redrawn;
  }

  firstNode(): ChildNode | null {
    return this.shell?.nodes[0] ?? null;
  }

  /** Shows `section`; says whether anything on screen changed. */
  patch(section: SourcesSection | null): boolean {
    if (section !== null && section === this.shown) return false;
    this.shown = section;
    const doc = this.article.ownerDocument;
    if (!section) {
      for (const node of this.shell?.nodes ?? []) node.remove();
      const had = this.shell !== null;
      this.shell = null;
      this.items = [];
      return had;
    }
    let rebuilt = false;
    if (!this.shell || this.shell.open !== section.open) {
      rebuilt = true;
      const fragment = this.fragments.take(section.open + section.close, doc);
      const list = fragment.querySelector('ol');
      if (!list) throw new Error('The Sources section has no list.');
      for (const item of this.items) for (const node of item.nodes) list.append(node);
      for (const node of this.shell?.nodes ?? []) node.remove();
      this.shell = { open: section.open, nodes: Array.from(fragment.childNodes), list };
      this.article.append(fragment);
      this.resettle();
    }
    const list = this.shell.list;
    const next = section.items;
    // Renumbering keeps entries in their places in this list (this.items is rebuilt from it below).
    const old = this.items;
    const run = changedRun(old, next, (a: LiveItem, b: string) => a.html === b);
    const changed = run.head !== run.oldEnd || run.head !== run.newEnd;
    // A skipped section keeps its height: after any change it is drawn in full once more.
    if (!rebuilt && changed && contentsSkipped(this.shell?.list)) this.resettle();
    // Entries that differ only in their numbers (a source cited before them) keep their nodes.
    const { head, oldEnd, newEnd } = narrowRun(run, (i, j) => this.renumbered(old, i, next[j]!, doc));
    if (head === oldEnd && head === newEnd) return rebuilt || changed;
    const anchor = old[oldEnd]?.nodes[0] ?? null;
    for (let i = head; i < oldEnd; i++) for (const node of old[i]!.nodes) node.remove();
    const middle: LiveItem[] = [];
    for (let i = head; i < newEnd; i++) {
      const html = next[i]!;
      // A source entry is the pipeline's own escaped markup (a note may hold raw HTML): many go in batches.
      if ((i - head) % PREFETCH === 0 && newEnd - head > 1) this.fragments.prefetch(next.slice(i, i + PREFETCH).filter((item) => SOURCE_ITEM.test(item)));
      const item = this.build(html, doc);
      for (const node of item.nodes) list.insertBefore(node, anchor);
      middle.push(item);
    }
    this.items = [...old.slice(0, head), ...middle, ...old.slice(oldEnd)];
    return true;
  }

  /**
   * Keeps `old[i]` in its place for `html` if it differs only in its numbers:
   * a link source's entry is renumbered in place (renumber.ts); a note's,
   * which may hold raw HTML, is drawn again where it stands. False if it
   * differs in more.
   */
  private renumbered(old: LiveItem[], i: number, html: string, doc: Document): boolean {
    const item = old[i]!;
    if (numberShape(item.html) !== numberShape(html)) return false;
    if (SOURCE_ITEM.test(html) && renumber(item.nodes, html)) {
      item.html = html;
      return true;
    }
    old[i] = this.redrawnInPlace(item, html, doc);
    return true;
  }

  /** `item` drawn again from `html` where it stands. */
  private redrawnInPlace(item: LiveItem, html: string, doc: Document): LiveItem {
    const next = this.build(html, doc);
    const anchor = item.nodes[0] ?? null;
    for (const node of next.nodes) anchor?.parentNode?.insertBefore(node, anchor);
    for (const node of item.nodes) node.remove();
    return next;
  }

  private build(html: string, doc: Document): LiveItem {
    const fragment = this.fragments.take(html, doc);
    const images = holdsImages(this.prepare?.(fragment));
    return { html, nodes: Array.from(fragment.childNodes), images };
  }
}
