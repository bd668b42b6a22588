/**
 * Random and mutated Markdown through the pipeline (and the preview's
 * sanitizer policy on its output): it never throws, and its cost stays
 * near-linear in the input size. Mutations start from the hostile corpus and
 * the fixtures. The complexity check compares the per-byte cost at two sizes
 * (10× apart) with a generous bound; it is not a speed target.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { propertyRuns } from '../../support/property-runs';
import { describe, expect, it } from 'vitest';
import { render } from '../../../renderer/markdown';
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
  }, 60_000);

  it('never throws on mutated corpus documents and fixtures', () => {
    fc.assert(fc.property(mutated, (text) => renderAll(text)), propertyRuns(150, 11));
  }, 120_000);

  it('never throws on random front matter', () => {
    fc.assert(fc.property(withFrontMatter, (text) => renderAll(text)), propertyRuns(200, 13));
  }, 60_000);

});

/** Best-of-N time of rendering `text`, in ms. */
function bestTime(text: string, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    render(text, { sourceLines: true });
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Shapes that have made Markdown parsers quadratic. `unit(i)` is one repeat. */
const SHAPES: Record<string, (i: number) => string> = {
  'pathological emphasis': () => '*a**',
  'mixed emphasis': () => 'a*b_',
  'unclosed emphasis runs': () => '*a **a ',
  'strikethrough runs': () => '~~a',
  'nested brackets': () => '[',
  'unclosed links': () => '[a](',
  'links': (i) => `[l](https://e.example/${i}) `,
  'reference links': (i) => `[r${i}] `,
  'footnotes': (i) => `w[^n${i}] `,
  'inline notes': (i) => `w^[n ${i}] `,
  'backticks': () => '`a``',
  'angle brackets': () => '<',
  'raw HTML': () => '<div>',
  'quotes': (i) => `${'> '.repeat(i % 50)}q\n`,
  'lists': (i) => `${'  '.repeat(i % 50)}- i\n`,
  'table rows': (i) => (i === 0 ? '|a|b|c|\n|-|-|-|\n' : `|${i}|x|y|\n`),
  'headings': (i) => `## h${i}\n\n`,
};

function build(shape: (i: number) => string, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += shape(i);
  // Reference and note definitions, so those shapes resolve.
  if (shape === SHAPES['reference links']) for (let i = 0; i < count; i++) text += `\n[r${i}]: https://e.example/${i}`;
  if (shape === SHAPES.footnotes) for (let i = 0; i < count; i++) text += `\n\n[^n${i}]: note`;
  return text;
}

describe('the pipeline’s cost is near-linear in the input', () => {
  // Timing on a shared machine is noisy: best of several runs after a warm-up, and one retry.
  it.each(Object.keys(SHAPES))('%s: 10× the input costs under 40× the time', { retry: 2, timeout: 60_000 }, (name) => {
    const shape = SHAPES[name]!;
    const small = build(shape, 1000);
    const large = build(shape, 10_000);
    bestTime(small, 3); // warm up
    const smallMs = Math.max(bestTime(small, 7), 1);
    const largeMs = bestTime(large, 3);
    const ratio = largeMs / smallMs;
    expect(ratio, `${name}: ${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`).toBeLessThan(40);
  });

  it('renders the full-size denial-of-service documents in bounded time', () => {
    for (const doc of loadCorpus(1).filter((d) => d.category === 'dos')) {
      const start = performance.now();
      render(doc.text, { sourceLines: true });
      expect(performance.now() - start, doc.name).toBeLessThan(30_000);
    }
  }, 300_000);
});
