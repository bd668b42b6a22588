/** The journal's patches: the single span an editor change set touched, and applying it. */
import { ChangeSet, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { applyJournalPatch } from '../../../electron/services/journal-entry';
import { changeSpan } from '../../../renderer/app/change-span';

/** A small deterministic PRNG, so a failure names its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'b', ' ', '\n', 'é', '😀', '😁', '🇸🇾', '“', 'the mayor said ', '\ud83d', '\ude00'];

function pieces(next: () => number, count: number): string {
  return Array.from({ length: count }, () => PIECES[Math.floor(next() * PIECES.length)]!).join('');
}

function isWellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

const text = (s: string) => Text.of(s.split('\n'));

describe('change span', () => {
  it('is the keystroke itself in a long text', () => {
    const before = text('The mayor said the trees would stay.\n'.repeat(20_000));
    const changes = ChangeSet.of({ from: 400_000, insert: 'x' }, before.length);
    expect(changeSpan(changes, changes.apply(before))).toEqual({ from: 400_000, to: 400_000, insert: 'x' });
  });

  it('is empty for no changes', () => {
    const doc = text('Draft');
    expect(changeSpan(ChangeSet.empty(doc.length), doc)).toEqual({ from: 5, to: 5, insert: '' });
  });

  it('covers several edits from the first to the last', () => {
    const before = text('0123456789');
    const changes = ChangeSet.of([{ from: 2, to: 3, insert: 'ab' }, { from: 7, to: 9 }], before.length);
    expect(changeSpan(changes, changes.apply(before))).toEqual({ from: 2, to: 9, insert: 'ab3456' });
  });

  it('never splits a surrogate pair', () => {
    // Replacing only the low half of 😀 by 😁's: the span takes in the whole pair.
    const before = text('a😀b');
    const changes = ChangeSet.of({ from: 2, to: 3, insert: '\ude01' }, before.length);
    expect(changeSpan(changes, changes.apply(before))).toEqual({ from: 1, to: 3, insert: '😁' });
    // A high half typed before a lone low half: the pair it forms is sent whole.
    const lone = text('x\ude00');
    const joined = ChangeSet.of({ from: 1, insert: '\ud83d' }, lone.length);
    expect(changeSpan(joined, joined.apply(lone))).toEqual({ from: 1, to: 2, insert: '😀' });
  });

  it('turns the text before into the text after over random edit sequences, composed', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const before = text(pieces(next, Math.floor(next() * 40)));
      let doc = before;
      let composed = ChangeSet.empty(before.length);
      const steps = 1 + Math.floor(next() * 4);
      for (let step = 0; step < steps; step++) {
        const from = Math.floor(next() * (doc.length + 1));
        const to = Math.min(doc.length, from + Math.floor(next() * 6));
        const changes = ChangeSet.of({ from, to, insert: pieces(next, Math.floor(next() * 3)) }, doc.length);
        doc = changes.apply(doc);
        composed = composed.compose(changes);
      }
      const span = changeSpan(composed, doc);
      expect(applyJournalPatch(before.toString(), span), `seed ${seed}`).toBe(doc.toString());
      expect(span.from <= span.to && span.to <= before.length, `seed ${seed}`).toBe(true);
      // Well-formed whenever the document around the span is.
      if (isWellFormed(doc.toString())) expect(isWellFormed(span.insert), `seed ${seed}`).toBe(true);
    }
  });
});
