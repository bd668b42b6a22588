/**
 * The incremental renderer against `render()` on every input we have: the
 * fixture files (each with its options) and every CommonMark spec example,
 * rendered from scratch, and as an edit from the previous example (so the
 * block splitter's windows meet every construct the spec knows).
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import * as spec from 'commonmark-spec';
import { render, type RenderOptions } from '../../../renderer/markdown/index';
import { createIncrementalRenderer } from '../../../renderer/markdown/incremental/incremental-renderer';
import { loadFixtureDir } from '../markdown/fixture-loader';

const dir = fileURLToPath(new URL('../../fixtures/markdown', import.meta.url));

function expectSame(text: string, options: RenderOptions, got: ReturnType<ReturnType<typeof createIncrementalRenderer>['update']>): void {
  const full = render(text, options);
  expect(got.html()).toBe(full.html);
  expect(got.meta).toEqual(full.meta);
}

describe('incremental render of the fixtures equals render()', () => {
  for (const file of loadFixtureDir(dir)) {
    it(`${file.name}: each fixture alone, and all of them one after another`, { timeout: 60_000 }, () => {
      for (const sourceLines of [false, true]) {
        const options = { ...file.options, sourceLines };
        const chained = createIncrementalRenderer(options);
        for (const fixture of file.fixtures) {
          expectSame(fixture.input, options, createIncrementalRenderer(options).update(fixture.input));
          expectSame(fixture.input, options, chained.update(fixture.input));
        }
      }
    });
  }
});

describe('incremental render of the CommonMark examples equals render()', () => {
  const cases: RenderOptions[] = [{ dialect: false, sourceLines: true }, { sourceLines: true }, { links: 'footnotes' }];
  for (const options of cases) {
    it(`with ${JSON.stringify(options)}`, { timeout: 120_000 }, () => {
      const chained = createIncrementalRenderer(options);
      let previous = '';
      for (const example of spec.tests) {
        expectSame(example.markdown, options, createIncrementalRenderer(options).update(example.markdown));
        // As an edit: the previous example with this one appended, then this one alone.
        const joined = `${previous}\n${example.markdown}`;
        expectSame(joined, options, chained.update(joined));
        expectSame(example.markdown, options, chained.update(example.markdown));
        previous = example.markdown;
      }
    });
  }
});
