/**
 * Random and mutated Markdown through the pipeline (and the preview's
 * sanitizer policy on its output): it never throws, and its cost stays
 * near-linear in the input size. Mutations start from the hostile corpus and
 * the fixtures. The complexity check compares the work (rule calls, counted)
 * at two sizes 10× apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '../../support/property-runs';
import { describe, expect, it } from 'vitest';
import type { MarkdownIt } from 'markdown-it';
import { createMarkdownIt, render, resolveConfig } from '../../../renderer/markdown';
import { buildShape, SHAPES } from '../../hostile/shapes';
import { loadCorpus } from '../../hostile/corpus';

const FIXTURES = path.join(__dirname, '../../fixtures');
const seeds: string[] = [
  ...loadCorpus(0.01).map((d) => d.text).filter((t) => t.length < 20_000),
  readFileSync(path.join(FIXTURES, 'sample-oped.md'), 'utf8'),
  ...readdirSync(path.join(FIXTURES, 'markdown')).map((f) => readFileSync(path.join(FIXTURES, 'markdown', f), 'utf8')),
];

/** Markdown-ish tokens: the characters and constructs parsers get wrong. */
const piece = fc.oneof(
  fc.constantFrom('*', '**', '_', '__', '~~', '`', '```', '[', ']', '(', ')', '![', '[^', '^[', '<', '>', '> ', '- ', '1. ', '# ', '---', '...', '|', '|---|', '\\', '&', '&#0;', '&#x6A;', ':', '"', "'", '—', '-- ', '\n', '\n\n', '    ', '\t', '\u0000', '\ud800', '\u202e'),
  fc.constantFrom('javascript:alert(1)', 'https://e.example/x', '//e.example/x.png', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '[^__proto__]', '__proto__', '<script>', '</p>', '<!--', '-->', '[a]: https://e.example "t"'),
  fc.string({ maxLength: 8 }),
);
const markdown = fc.array(piece, { maxLength: 200 }).map((parts) => parts.join(''));

/** A seed document with random edits: splice in pieces, cut, duplicate. */
const mutated = fc
  .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(64), piece), { maxLength: 12 }))
  .map(([seed, edits]) => {
    let text = seed;
    for (const [at, cut, insert] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + cut);
    }
    return text;
  });

const withFrontMatter = fc.tuple(fc.array(piece, { maxLength: 30 }), markdown).map(([fm, body]) => `---\n${fm.join('')}\n---\n${body}`);

function renderAll(text: string): void {
  const out = render(text, { sourceLines: true });
  expect(typeof out.html).toBe('string');
  render(text, { links: 'footnotes', quoteStyle: 'de' });
  render(text, { dialect: false });
}

describe('the pipeline under fuzzing', () => {
  it('never throws on random Markdown', () => {
    fc.assert(fc.property(markdown, (text) => renderAll(text)), propertyRuns(300, 7));
  }, propertyTimeout(60_000));

  it('never throws on mutated corpus documents and fixtures', () => {
    fc.assert(fc.property(mutated, (text) => renderAll(text)), propertyRuns(150, 11));
  }, propertyTimeout(120_000));

  it('never throws on random front matter', () => {
    fc.assert(fc.property(withFrontMatter, (text) => renderAll(text)), propertyRuns(200, 13));
  }, propertyTimeout(60_000));

});

/**
 * The pipeline's work on `text`, counted: calls to every parser rule (core,
 * block, inline and its post-processing) of a pipeline instance. Rules are
 * where scanning happens (a link label scanned again from each `[` shows up
 * as calls to the inline rules), and unlike time the count is the same on
 * every machine and every run. The timed version of this check is in
 * `npm run bench`.
 */
function ruleCalls(extra?: (md: MarkdownIt) => void): (text: string) => number {
  const md = createMarkdownIt(resolveConfig({ sourceLines: true }));
  extra?.(md);
  let calls = 0;
  type Rule = { fn: (...args: unknown[]) => unknown };
  for (const ruler of [md.core.ruler, md.block.ruler, md.inline.ruler, md.inline.ruler2] as unknown as { __rules__: Rule[]; __cache__: unknown }[]) {
    for (const rule of ruler.__rules__) {
      const fn = rule.fn;
      rule.fn = function (this: unknown, ...args: unknown[]) {
        calls++;
        return fn.apply(this, args);
      };
    }
    ruler.__cache__ = null;
  }
  return (text) => {
    calls = 0;
    const env = {};
    md.renderer.render(md.parse(text, env), md.options, env);
    return calls;
  };
}

describe('the pipeline’s work is linear in the input', () => {
  const work = ruleCalls();
  it.each(Object.keys(SHAPES))('%s: 10× the input, under 12× the rule calls', (name) => {
    const small = work(buildShape(name, 1000));
    const large = work(buildShape(name, 10_000));
    expect(large / small, `${name}: ${small} → ${large} rule calls`).toBeLessThan(12);
  });

  it('sees a rule that reads the document again for each paragraph (the check can fail)', () => {
    const quadratic = ruleCalls((md) =>
      md.core.ruler.push('reparse_all_before', (state) => {
        const inlines = state.tokens.filter((token) => token.type === 'inline');
        inlines.forEach((_, i) => inlines.slice(0, i).forEach((before) => state.md.inline.parse(before.content, state.md, state.env, [])));
      }),
    );
    const small = quadratic(buildShape('headings', 100));
    const large = quadratic(buildShape('headings', 1000));
    expect(large / small).toBeGreaterThan(12);
  });

  it('renders the full-size denial-of-service documents', () => {
    // No time limit but the test's own: a hang fails it, a slow machine doesn't.
    for (const doc of loadCorpus(1).filter((d) => d.category === 'dos')) {
      expect(typeof render(doc.text, { sourceLines: true }).html, doc.name).toBe('string');
    }
  }, 300_000);
});
