/**
 * The prefix a long document's preview shows while it is being drawn
 * (shown-prefix.ts): always a prefix of the current document's blocks, then
 * of its Sources entries; never more new blocks at once than allowed; edits
 * past its end leave it alone, edits before it move it; growing it reaches
 * the full result itself.
 */
import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '../../support/property-runs';
import { describe, expect, it } from 'vitest';
import { createIncrementalRenderer, type IncrementalResult } from '../../../renderer/markdown/incremental/incremental-renderer';
import { mapPrefix, ShownPrefix } from '../../../renderer/preview/shown-prefix';
import { applyEdit, editArb, generatedDocument } from '../incremental/edit-model';

const same = (a: string, b: string): boolean => a === b;

/** `view` shows the first blocks of `full`, the very same ones, and the Sources only once every block is there. */
function expectPrefix(view: IncrementalResult, full: IncrementalResult, prefix: ShownPrefix): void {
  const { units, items } = prefix.counts;
  expect(view.units).toEqual(full.units.slice(0, units));
  for (let i = 0; i < units; i++) expect(view.units[i]).toBe(full.units[i]);
  if (units < full.units.length || items === 0) expect(view.sources === null || prefix.complete).toBe(true);
  else expect(view.sources?.items).toEqual(full.sources!.items.slice(0, items));
  expect(view.meta).toBe(full.meta);
  if (prefix.complete) expect(view).toBe(full);
}

describe('mapPrefix', () => {
  const old = ['a', 'b', 'c', 'd', 'e', 'f'];
  it('keeps an end before the edit and moves one after it', () => {
    expect(mapPrefix(old, ['a', 'b', 'c', 'd', 'X', 'f'], 3, 10, same)).toBe(3);
    expect(mapPrefix(old, ['a', 'X', 'Y', 'c', 'd', 'e', 'f'], 4, 10, same)).toBe(5);
    expect(mapPrefix(old, ['c', 'd', 'e', 'f'], 4, 10, same)).toBe(2);
  });
  it('takes in the whole changed middle when its end fell inside it, up to the limit', () => {
    expect(mapPrefix(old, ['a', 'X', 'Y', 'Z', 'e', 'f'], 2, 10, same)).toBe(4);
    expect(mapPrefix(old, ['a', 'X', 'Y', 'Z', 'e', 'f'], 2, 2, same)).toBe(3);
  });
  it('keeps a complete prefix complete unless the change is longer than the limit', () => {
    expect(mapPrefix(old, [...old, 'g', 'h'], 6, 10, same)).toBe(8);
    expect(mapPrefix([], old, 0, 4, same)).toBe(4);
    expect(mapPrefix([], old, 0, Infinity, same)).toBe(6);
    expect(mapPrefix(old, ['a', 'b'], 6, 1, same)).toBe(2);
  });
});

describe('the prefix on show', () => {
  it('is a prefix of the current document after any edits and grows, and ends as the full result', { timeout: propertyTimeout(120_000) }, () => {
    const start = generatedDocument(4);
    const step = fc.oneof(
      { weight: 3, arbitrary: editArb.map((edit) => ({ edit })) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }).map((grow) => ({ grow })) },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(step, { minLength: 1, maxLength: 12 }), (opening, steps) => {
        const renderer = createIncrementalRenderer({ sourceLines: true });
        const prefix = new ShownPrefix();
        let text = start;
        let full = renderer.update(text);
        let view = prefix.update(full, opening);
        expect(prefix.counts.units).toBe(Math.min(opening, full.units.length));
        expectPrefix(view, full, prefix);
        for (const s of steps) {
          if ('edit' in s) {
            const before = prefix.counts.units;
            text = applyEdit(text, s.edit);
            full = renderer.update(text);
            view = prefix.update(full, opening);
            // Never more new blocks on screen than an opening draws.
            expect(prefix.counts.units).toBeLessThanOrEqual(Math.max(before, 0) + opening + Math.abs(full.units.length - before));
          } else {
            view = prefix.grow(s.grow)!;
          }
          expectPrefix(view, full, prefix);
        }
        let guard = 0;
        while (!prefix.complete && guard++ < 10_000) view = prefix.grow(25)!;
        expect(view).toBe(full);
        // Once complete, edits drawn whole keep it complete: the result itself, every block and entry counted.
        for (const s of steps) {
          if (!('edit' in s)) continue;
          text = applyEdit(text, s.edit);
          full = renderer.update(text);
          expect(prefix.update(full, Infinity)).toBe(full);
          expect(prefix.counts).toEqual({ units: full.units.length, items: full.sources?.items.length ?? 0 });
        }
      }),
      propertyRuns(40, 4201),
    );
  });

  it('leaves its end alone for an edit past it, and moves it with an edit before it', () => {
    const renderer = createIncrementalRenderer({ sourceLines: true });
    const paragraphs = Array.from({ length: 100 }, (_, i) => `Paragraph ${i}.`);
    const prefix = new ShownPrefix();
    prefix.update(renderer.update(paragraphs.join('\n\n')), 20);
    expect(prefix.counts).toEqual({ units: 20, items: 0 });
    paragraphs[80] = 'Edited far below.';
    prefix.update(renderer.update(paragraphs.join('\n\n')), 20);
    expect(prefix.counts.units).toBe(20);
    paragraphs.splice(3, 0, 'New one.', 'New two.');
    const view = prefix.update(renderer.update(paragraphs.join('\n\n')), 20);
    expect(prefix.counts.units).toBe(22);
    expect(view.units[21]!.html).toContain('Paragraph 19.');
  });

  it('shows the Sources entries once every block is on show, and a complete preview draws any edit whole', () => {
    const renderer = createIncrementalRenderer({ sourceLines: true });
    const text = Array.from({ length: 30 }, (_, i) => `See [source ${i}](https://example.com/${i}).`).join('\n\n');
    const prefix = new ShownPrefix();
    let view = prefix.update(renderer.update(text), 10);
    expect(view.sources).toBeNull();
    view = prefix.grow(25)!;
    expect(prefix.counts).toEqual({ units: 30, items: 5 });
    expect(view.sources?.items).toHaveLength(5);
    view = prefix.grow(100)!;
    expect(prefix.complete).toBe(true);
    const pasted = `${text}\n\n${Array.from({ length: 200 }, (_, i) => `Pasted ${i}.`).join('\n\n')}`;
    const full = renderer.update(pasted);
    expect(prefix.update(full, Infinity)).toBe(full);
  });
});
