/**
 * Sanitized HTML fragments by their HTML, so a block is sanitized once: when
 * it first appears, not on every keystroke, and not again when it comes back
 * (undo, a moved paragraph). Callers clone what they take; the cache is
 * bounded (least recently used entries go first).
 */
import type { Sanitizer } from './sanitize';

export class FragmentCache {
  private readonly entries = new Map<string, DocumentFragment>();

  constructor(
    private readonly sanitize: Sanitizer,
    private readonly limit = 600,
  ) {}

  /** A fresh copy of `html`, sanitized, owned by `doc`. */
  take(html: string, doc: Document): DocumentFragment {
    let fragment = this.entries.get(html);
    if (fragment) this.entries.delete(html);
    else fragment = this.sanitize(html);
    this.entries.set(html, fragment);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return doc.importNode(fragment, true);
  }
}
