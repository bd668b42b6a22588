/**
 * Notes, as a property (issue 31's siblings): documents built from the note
 * constructs that interact in the numbering — references, definitions
 * (repeated, self-citing, citing each other), inline notes (nested, citing
 * references), and links inside all of them — edited at random. After every
 * edit the incremental renderer equals `render()`, and the output holds
 * together on its own: entries numbered 1…n in order, every marker a
 * positive number pointing at an entry, every citation id unique, every
 * back-link pointing at a citation. The second half catches what equality
 * can't: both renderers wrong in the same way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render, type RenderOptions } from '../../../renderer/markdown/index';
import { createIncrementalRenderer } from '../../../renderer/markdown/incremental/incremental-renderer';
import { propertyRuns, propertyTimeout } from '../../support/property-runs';
import { applyEdit, editArb } from './edit-model';

const label = fc.constantFrom('a', 'b', 'c');
const url = fc.constantFrom('https://example.com/1', 'https://example.com/2', 'https://example.org/3');
const link = fc.tuple(fc.constantFrom('a link', 'the study', ''), url).map(([text, to]) => `[${text}](${to})`);
const ref = label.map((l) => `[^${l}]`);

/** Inline content: words, links, note references and inline notes (nested two deep). */
const inline: fc.Arbitrary<string> = fc.letrec<{ text: string; note: string }>((tie) => ({
  text: fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Words', 'more words.', 'A claim') }, link, ref, { weight: 2, arbitrary: tie('note') }), {
      minLength: 1,
      maxLength: 5,
      depthIdentifier: 'inline',
    })
    .map((parts) => parts.join(' ')),
  note: fc.oneof({ depthSize: 'small', depthIdentifier: 'inline' }, fc.constant('^[plain note]'), tie('text').map((text) => `^[${text}]`)),
})).text;

const block = fc.oneof(
  { weight: 4, arbitrary: inline },
  { weight: 3, arbitrary: fc.tuple(label, inline).map(([l, text]) => `[^${l}]: ${text}`) },
  { weight: 1, arbitrary: fc.tuple(label, inline, inline).map(([l, a, b]) => `[^${l}]: ${a}\n\n    ${b}`) },
  { weight: 1, arbitrary: fc.tuple(inline).map(([text]) => `> ${text}\n>\n> — Someone, in ${text}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('r', 'R'), url).map(([r, to]) => `[${r}]: ${to}\n\nSee [the reference][r].`) },
);
const documentArb = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n\n') + '\n');

/** The output's numbering is consistent with itself, whatever the input. */
function expectWellNumbered(html: string, options: RenderOptions = {}): void {
  const entries = [...html.matchAll(/<li id="source-(-?\d+)"/g)].map((m) => Number(m[1]));
  if (options.links === 'inline') {
    // Only notes are listed, under the numbers they share with the sources.
    entries.forEach((n, i) => expect(n).toBeGreaterThan(i === 0 ? 0 : entries[i - 1]!));
  } else expect(entries).toEqual(entries.map((_, i) => i + 1));
  const known = new Set(entries);
  const refIds = new Set<string>();
  for (const m of html.matchAll(/<sup class="source-ref"><a href="#source-(-?\d+)" id="(source-ref-(-?\d+)-(-?\d+))">(-?\d+)<\/a><\/sup>/g)) {
    const [, target, id, number, index, shown] = m;
    expect(Number(target), m[0]).toBeGreaterThan(0);
    expect(known.has(Number(target)), `${m[0]} points at no entry`).toBe(true);
    expect(number, m[0]).toBe(target);
    expect(shown, m[0]).toBe(target);
    expect(Number(index), m[0]).toBeGreaterThan(0);
    expect(refIds.has(id!), `${id} twice`).toBe(false);
    refIds.add(id!);
  }
  // No marker the pattern above missed (a negative or malformed one).
  expect(html.split('class="source-ref"').length - 1).toBe(refIds.size);
  for (const m of html.matchAll(/<a href="#(source-ref-[^"]*)" class="source-backref"/g)) {
    expect(refIds.has(m[1]!), `back-link to ${m[1]} has no citation`).toBe(true);
  }
}

function check(text: string, options: RenderOptions, incremental: ReturnType<typeof createIncrementalRenderer>): void {
  const full = render(text, options);
  const got = incremental.update(text);
  expect(got.html()).toBe(full.html);
  expect(got.meta).toEqual(full.meta);
  expectWellNumbered(full.html, options);
}

describe('notes, references and inline notes, edited at random', () => {
  const cases: { options: RenderOptions; seed: number }[] = [
    { options: { sourceLines: true }, seed: 3301 },
    { options: { links: 'footnotes' }, seed: 3302 },
    { options: { links: 'inline' }, seed: 3303 },
  ];
  for (const { options, seed } of cases) {
    it(`render the same incrementally and number consistently, options ${JSON.stringify(options)}`, { timeout: propertyTimeout(300_000) }, () => {
      fc.assert(
        fc.property(documentArb, fc.array(fc.oneof(editArb, fc.tuple(fc.nat(), block).map(([at, snippet]) => ({ at, snippet }))), { maxLength: 12 }), (start, edits) => {
          const incremental = createIncrementalRenderer(options);
          let text = start;
          check(text, options, incremental);
          for (const edit of edits) {
            if ('snippet' in edit) {
              const at = edit.at % (text.length + 1);
              text = `${text.slice(0, at)}\n\n${edit.snippet}\n\n${text.slice(at)}`;
            } else text = applyEdit(text, edit);
            check(text, options, incremental);
          }
        }),
        propertyRuns(150, seed),
      );
    });
  }

  it('the invariant check fails on a marker pointing nowhere (it can fail)', () => {
    const broken = render('Claim.[^a]\n\n[^a]: A note.\n').html.replace('href="#source-1"', 'href="#source--1"');
    expect(() => expectWellNumbered(broken)).toThrow();
  });
});
