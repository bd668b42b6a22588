/**
 * CommonMark conformance. With Byline's dialect off, the pipeline must give
 * exactly what markdown-it's 'commonmark' preset gives for every spec example
 * (so the core passes the spec exactly as markdown-it does); with the dialect
 * on, no example may make it throw.
 */
import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import * as spec from 'commonmark-spec';
import { render } from '../../../renderer/markdown/index';

const examples = spec.tests;
const reference = new MarkdownIt('commonmark');

describe('CommonMark core (dialect off)', () => {
  it('has the whole spec to check', () => {
    expect(examples.length).toBeGreaterThan(600);
  });

  it.each(examples.map((example) => [example.number, example.section, example] as const))(
    'example %i (%s) renders as markdown-it commonmark does',
    (_number, _section, example) => {
      expect(render(example.markdown, { dialect: false }).html).toBe(reference.render(example.markdown));
    },
  );
});

describe('Byline dialect on the CommonMark examples', () => {
  for (const links of ['both', 'footnotes', 'inline'] as const) {
    it(`renders every example without throwing (links: ${links})`, () => {
      for (const example of examples) {
        const result = render(example.markdown, { links, sourceLines: true });
        expect(typeof result.html, `example ${example.number}`).toBe('string');
      }
    });
  }
});
