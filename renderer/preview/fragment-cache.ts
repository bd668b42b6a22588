/**
 * Sanitized HTML fragments by their HTML, so a block is sanitized once: when
 * it first appears, not on every keystroke, and not again when it comes back
 * (undo, a moved paragraph). Callers clone what they take; the cache is
 * bounded (least recently used entries go first).
 *
 * `prefetch` sanitizes many blocks in one call (a document opened, a long
 * paste): the sanitizer's fixed cost per call (a fresh inert document) is
 * most of the work for a paragraph. Only for well-formed HTML (the
 * pipeline's own, no raw HTML): the pieces are joined with separators and
 * split again, which can't be trusted for tag soup.
 */
import type { Sanitizer } from './sanitize';

/** Joins prefetched pieces; an element the sanitizer keeps, with an attribute no document can produce. */
const SEPARATOR_ATTR = 'data-line';
const SEPARATOR_VALUE = `sep${Math.random().toString(36).slice(2, 10)}`;
const BATCH = 200;

export class FragmentCache {
  private readonly entries = new Map<string, DocumentFragment>();

  constructor(
    private readonly sanitize: Sanitizer,
    private readonly limit = 600,
  ) {}

  /** Sanitizes the well-formed `htmls` not cached yet, a batch a call. */
  prefetch(htmls: readonly string[]): void {
    const missing = [...new Set(htmls.filter((html) => html !== '' && !this.entries.has(html)))];
    for (let i = 0; i < missing.length; i += BATCH) this.sanitizeBatch(missing.slice(i, i + BATCH));
  }

  private sanitizeBatch(htmls: string[]): void {
    const separator = `<i ${SEPARATOR_ATTR}="${SEPARATOR_VALUE}"></i>`;
    const joined = this.sanitize(htmls.join(separator));
    const pieces: ChildNode[][] = [[]];
    for (const node of Array.from(joined.childNodes)) {
      if (node.nodeType === 1 && (node as Element).getAttribute(SEPARATOR_ATTR) === SEPARATOR_VALUE) pieces.push([]);
      else pieces[pieces.length - 1]!.push(node);
    }
    if (pieces.length !== htmls.length) return; // not as well-formed as promised: each is sanitized on its own when taken
    htmls.forEach((html, i) => {
      const fragment = joined.ownerDocument.createDocumentFragment();
      fragment.append(...pieces[i]!);
      this.store(html, fragment);
    });
  }

  private store(html: string, fragment: DocumentFragment): void {
    this.entries.set(html, fragment);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A fresh copy of `html`, sanitized, owned by `doc`. */
  take(html: string, doc: Document): DocumentFragment {
    let fragment = this.entries.get(html);
    if (fragment) this.entries.delete(html);
    else fragment = this.sanitize(html);
    this.store(html, fragment);
    return doc.importNode(fragment, true);
  }
}
