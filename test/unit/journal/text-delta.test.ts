/** The journal's patches: the single changed span between two texts, and applying it. */
import { describe, expect, it } from 'vitest';
import { applyTextDelta, textDelta } from '../../../renderer/app/text-delta';

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

const PIECES = ['a', 'b', ' ', '\n', 'é', '😀', '😁', '🇸🇾', '“', 'the mayor said '];

/** A text as pieces (whole characters and words), so edits never cut a character in half. */
function pieces(next: () => number, count: number): string[] {
  return Array.from({ length: count }, () => PIECES[Math.floor(next() * PIECES.length)]!);
}

function isWellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

describe('text delta', () => {
  it('is empty for equal texts and exact for a keystroke in a long one', () => {
    const long = 'The mayor said the trees would stay. '.repeat(20_000);
    expect(textDelta(long, long)).toEqual({ from: long.length, to: long.length, insert: '' });
    const typed = long.slice(0, 400_000) + 'x' + long.slice(400_000);
    expect(textDelta(long, typed)).toEqual({ from: 400_000, to: 400_000, insert: 'x' });
    const deleted = long.slice(0, 123) + long.slice(124);
    // "Th[e] mayor": deleting either of two equal neighbours is the same text; the span is one character.
    const d = textDelta(long, deleted);
    expect(d.to - d.from).toBe(1);
    expect(d.insert).toBe('');
    expect(applyTextDelta(long, d)).toBe(deleted);
  });

  it('never splits a surrogate pair', () => {
    // The two emoji share their high surrogate: a naive prefix would end between the halves.
    expect(textDelta('a😀b', 'a😁b')).toEqual({ from: 1, to: 3, insert: '😁' });
    // Same for a shared low surrogate at the end.
    const before = 'x\ud83d\ude00';
    const after = 'x\ud83c\ude00';
    expect(textDelta(before, after)).toEqual({ from: 1, to: 3, insert: after.slice(1) });
  });

  it('turns any text into any other, with a well-formed insert, over random edits', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const start = pieces(next, Math.floor(next() * 60));
      const edited = [...start];
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        edited.splice(Math.floor(next() * (edited.length + 1)), Math.floor(next() * 6), ...pieces(next, Math.floor(next() * 3)));
      }
      const before = start.join('');
      const after = edited.join('');
      const delta = textDelta(before, after);
      expect(applyTextDelta(before, delta), `seed ${seed}`).toBe(after);
      expect(isWellFormed(delta.insert), `seed ${seed}`).toBe(true);
      expect(delta.from <= delta.to && delta.to <= before.length, `seed ${seed}`).toBe(true);
      // Minimal up to a surrogate pair: the span starts at the first difference (or the pair holding it).
      let prefix = 0;
      while (prefix < Math.min(before.length, after.length) && before[prefix] === after[prefix]) prefix++;
      expect(prefix - delta.from, `seed ${seed}`).toBeGreaterThanOrEqual(0);
      expect(prefix - delta.from, `seed ${seed}`).toBeLessThanOrEqual(1);
    }
  });
});
