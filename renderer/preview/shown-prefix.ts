/**
 * How much of the document the preview shows while it is still drawing it.
 *
 * Drawing a block costs the browser about a quarter of a millisecond
 * (sanitizing, building its nodes), so a book-length document opened would
 * hold the page for over a second if drawn at once, keystrokes included.
 * Instead the preview shows a prefix of the blocks: an update draws at most
 * `maxNew` new ones, and the rest follow in background steps (`grow`).
 * (The pane limits only an opened document so; an edit to a document on
 * show passes no limit and is drawn whole.) The Sources section comes after the
 * last block, so its entries are shown only once every block is, and grow
 * the same way. Edits while the prefix is short move its end with the text
 * they shift, so what is on show stays a prefix of the current document.
 *
 * Pure: it counts; preview-pane.ts hands the prefix to the patcher.
 */
import type { IncrementalResult, RenderedUnit, SourcesSection } from '../markdown/incremental/incremental-renderer';
import { changedRun, sameHead } from './changed-run';

export interface Shown {
  /** Blocks on show, from the first. */
  units: number;
  /** Entries of the Sources section on show (only once every block is). */
  items: number;
}

/**
 * Where a prefix `shown` long of `old` ends in `next` when no more than
 * `maxNew` items of `next` may be new to it: an end before the changed
 * middle stays, one after it moves with the middle's change in length, and
 * one inside it (or a complete prefix whose change is too long to draw at
 * once) is cut at `maxNew` past the middle's start.
 */
export function mapPrefix<T>(old: readonly T[], next: readonly T[], shown: number, maxNew: number, same: (a: T, b: T) => boolean): number {
  const complete = shown >= old.length;
  const limit = complete ? old.length : shown;
  const head = sameHead(old, next, same, limit);
  if (!complete && head >= shown) return shown; // the edit is past the end on show
  const { oldEnd, newEnd } = changedRun(old, next, same, head);
  if (newEnd - head > maxNew) return head + maxNew;
  if (complete) return next.length;
  if (shown >= oldEnd) return shown + (next.length - old.length);
  return newEnd;
}

const sameUnit = (a: RenderedUnit, b: RenderedUnit): boolean => a.parsed === b.parsed && a.html === b.html;
const sameItem = (a: string, b: string): boolean => a === b;

export class ShownPrefix {
  private full: IncrementalResult | null = null;
  private shown: Shown = { units: 0, items: 0 };

  /** The next full result: returns what of it to draw now, at most `maxNew` blocks or entries new to the screen. */
  update(next: IncrementalResult, maxNew: number): IncrementalResult {
    // Everything on show and no limit: all of the next result is, without comparing lists (every keystroke, once drawn).
    if (maxNew === Infinity && this.complete) {
      this.full = next;
      this.shown = { units: next.units.length, items: next.sources?.items.length ?? 0 };
      return next;
    }
    const old = this.full;
    const units = mapPrefix(old?.units ?? [], next.units, this.shown.units, maxNew, sameUnit);
    let items = 0;
    if (units === next.units.length) {
      // The section appears once the last block is on show: its entries from then on.
      const oldItems = old && this.shown.units === old.units.length ? (old.sources?.items ?? []) : [];
      const budget = Math.max(0, maxNew - (units - Math.min(units, this.shown.units)));
      items = mapPrefix(oldItems, next.sources?.items ?? [], oldItems.length === 0 ? 0 : this.shown.items, budget, sameItem);
    }
    this.full = next;
    this.shown = { units, items };
    return this.view();
  }

  /** Shows up to `count` more blocks (then entries); returns what to draw. */
  grow(count: number): IncrementalResult | null {
    const full = this.full;
    if (!full) return null;
    const total = full.units.length;
    const units = Math.min(total, this.shown.units + count);
    const spare = count - (units - this.shown.units);
    const items = units === total ? Math.min(full.sources?.items.length ?? 0, this.shown.items + spare) : 0;
    this.shown = { units, items };
    return this.view();
  }

  /** Whether every block and entry is on show. */
  get complete(): boolean {
    const full = this.full;
    return !full || (this.shown.units === full.units.length && this.shown.items === (full.sources?.items.length ?? 0));
  }

  get counts(): Shown {
    return this.shown;
  }

  private view(): IncrementalResult {
    const full = this.full!;
    if (this.complete) return full;
    const { units, items } = this.shown;
    const whole = units === full.units.length;
    const sources: SourcesSection | null = whole && full.sources && items > 0 ? { ...full.sources, items: full.sources.items.slice(0, items) } : null;
    return { ...full, units: full.units.slice(0, units), sources };
  }
}
