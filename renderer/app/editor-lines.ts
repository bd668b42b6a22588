/**
 * The editor's text as the incremental renderer reads it: numbered lines
 * sliced straight from CodeMirror's document tree (never joined into one
 * string), and the lines a burst of transactions changed, from their
 * composed change set. So a keystroke costs the renderer the lines it
 * touched, whatever the length of the document.
 */
import type { ChangeSet, Text } from '@codemirror/state';
import type { LineChange, LineDocument } from '../markdown/incremental/text-lines';

export function lineDocument(doc: Text): LineDocument {
  return {
    lines: doc.lines,
    slice(from, to) {
      if (from >= doc.lines || to <= from) return '';
      const start = doc.line(from + 1).from;
      // Up to the start of line `to` (this slice's last line break included), or the end.
      const end = to >= doc.lines ? doc.length : doc.line(to + 1).from;
      return doc.sliceString(start, end);
    },
  };
}

/**
 * The lines `changes` touched, as `changedLines` reports them: old lines
 * [from, oldTo) became new lines [from, newTo), and every line after is the
 * same text, moved. Null when nothing changed.
 */
export function changedLineRange(before: Text, changes: ChangeSet, after: Text): LineChange | null {
  let fromA = Infinity;
  let toA = -1;
  let toB = -1;
  changes.iterChangedRanges((fa, ta, _fb, tb) => {
    fromA = Math.min(fromA, fa);
    toA = Math.max(toA, ta);
    toB = Math.max(toB, tb);
  });
  if (toA < 0) return null;
  return { from: before.lineAt(fromA).number - 1, oldTo: before.lineAt(toA).number, newTo: after.lineAt(toB).number };
}

/**
 * Collects the transactions between two renders: `take` returns the lines
 * they changed, or 'all' when it can't tell (the editor was given a new
 * document, or a change was missed), so the renderer starts over.
 */
export class PendingLines {
  private rendered: Text | null = null;
  private changes: ChangeSet | null = null;
  private end: Text | null = null;

  /** A transaction changed `before` into `after`. */
  add(before: Text, changes: ChangeSet, after: Text): void {
    const follows = this.changes ? this.end === before : this.rendered === before;
    if (!follows) {
      this.changes = null;
      this.end = null;
      return;
    }
    this.changes = this.changes ? this.changes.compose(changes) : changes;
    this.end = after;
  }

  /** What changed between the last render and `doc`, which is rendered now. */
  take(doc: Text): LineChange | null | 'all' {
    const rendered = this.rendered;
    const changes = this.changes;
    const end = this.end;
    this.rendered = doc;
    this.changes = null;
    this.end = null;
    if (rendered === doc) return null;
    if (!rendered || !changes || end !== doc) return 'all';
    return changedLineRange(rendered, changes, doc);
  }
}
