/**
 * The status bar's body figures (body-stats.ts) kept as sums adjusted by
 * each edit's changed run: after any series of edits, counted in slices that
 * run out of time part way or at once, they equal a count from scratch.
 */
import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '../../support/property-runs';
import { describe, expect, it } from 'vitest';
import { BodyStats } from '../../../renderer/app/body-stats';
import { createIncrementalRenderer } from '../../../renderer/markdown/incremental/incremental-renderer';
import { applyEdit, editArb, generatedDocument } from '../incremental/edit-model';

/** A clock that moves on a millisecond each time it is read: a budget of b ms lasts about b reads. */
function tickingClock(): () => number {
  let t = 0;
  return () => t++;
}

describe('BodyStats', () => {
  it('equals a count from scratch after every edit, however the counting is sliced', { timeout: propertyTimeout(120_000) }, () => {
    const start = generatedDocument(3);
    fc.assert(
      fc.property(fc.array(fc.record({ edit: editArb, budget: fc.constantFrom(0, 1, 3, Infinity) }), { minLength: 1, maxLength: 15 }), (steps) => {
        const renderer = createIncrementalRenderer({ sourceLines: true });
        const stats = new BodyStats();
        let text = start;
        expect(stats.count(renderer.update(text).units)).toEqual(new BodyStats().count(renderer.update(text).units));
        for (const { edit, budget } of steps) {
          text = applyEdit(text, edit);
          const units = renderer.update(text).units;
          const clock = tickingClock();
          let figures = stats.count(units, budget, clock);
          // Sliced: ask again until done, as the status bar does between frames; work done is kept.
          for (let guard = 0; !figures && guard < 10_000; guard++) figures = stats.count(units, budget, clock);
          expect(figures).toEqual(new BodyStats().count(units));
        }
      }),
      propertyRuns(40, 2101),
    );
  });

  it('stops when the budget runs out, and a later count of other units starts from what was last counted in full', () => {
    const renderer = createIncrementalRenderer({ sourceLines: true });
    const stats = new BodyStats();
    const a = renderer.update(generatedDocument(2)).units;
    expect(stats.count(a)).not.toBeNull();
    const b = renderer.update(generatedDocument(4)).units;
    expect(stats.count(b, 0, tickingClock())).toBeNull();
    // Back to the first document's units (a document reopened): all counted already.
    expect(stats.count(a, 0, tickingClock())).toEqual(new BodyStats().count(a));
  });
});
