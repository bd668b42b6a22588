/**
 * The promise of incremental rendering, as a property: after every edit in
 * a random sequence, the incremental renderer's HTML and metadata are exactly
 * `render()`'s for the same text. On the sample op-ed with several option
 * sets, and on a larger generated document (the sample's body repeated, with
 * extra reference definitions and notes).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '../../support/property-runs';
import { describe, expect, it } from 'vitest';
import { render, type RenderOptions } from '../../../renderer/markdown/index';
import { createIncrementalRenderer } from '../../../renderer/markdown/incremental/incremental-renderer';
import { applyEdit, editArb, generatedDocument } from './edit-model';

const sample = readFileSync(fileURLToPath(new URL('../../fixtures/sample-oped.md', import.meta.url)), 'utf8');

function checkSequence(start: string, options: RenderOptions, edits: Parameters<typeof applyEdit>[1][]): void {
  const incremental = createIncrementalRenderer(options);
  let text = start;
  const check = (): void => {
    const got = incremental.update(text);
    const full = render(text, options);
    expect(got.html()).toBe(full.html);
    expect(got.meta).toEqual(full.meta);
  };
  check();
  for (const edit of edits) {
    text = applyEdit(text, edit);
    check();
  }
}

const OPTION_SETS: RenderOptions[] = [
  { sourceLines: true },
  { links: 'footnotes', sourceLines: true },
  { links: 'inline' },
  { dialect: false, sourceLines: true },
];

describe('incremental rendering equals a full render after every edit', () => {
  OPTION_SETS.forEach((options, i) => {
    it(`on the sample op-ed, options ${JSON.stringify(options)}`, { timeout: propertyTimeout(300_000) }, () => {
      fc.assert(
        fc.property(fc.array(editArb, { minLength: 1, maxLength: 25 }), (edits) => checkSequence(sample, options, edits)),
        propertyRuns(120, 3201 + i),
      );
    });
  });

  it('on a generated 12k-word document', { timeout: propertyTimeout(300_000) }, () => {
    const big = generatedDocument(20);
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => checkSequence(big, { sourceLines: true }, edits)),
      propertyRuns(25, 3211),
    );
  });
});
