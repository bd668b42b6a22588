/**
 * The name Save suggests for a new piece, made from its headline: short, lower
 * case, ASCII where the script has an ASCII form, stop words dropped (but never
 * every word), never empty, never a name Windows reserves.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileSlug, suggestedFileName, MAX_SLUG_CHARS } from '../../../renderer/markdown/file-name';
import { documentHeadline } from '../../../renderer/markdown/headline';
import { propertyRuns } from '../../support/property-runs';

describe('the slug of a headline', () => {
  it('keeps the headline’s first clause’s key words', () => {
    expect(fileSlug("Kerry: If Russia Doesn't Back Down From Aleppo... We Will Sit in a Corner and Pout")).toBe('kerry-russia-aleppo');
    expect(fileSlug("Close the Library on Sundays? Then Don't Call It a Public Library")).toBe('close-library-sundays');
    expect(fileSlug('Why Now? The Case for a Carbon Tax')).toBe('now-case-carbon-tax');
    expect(fileSlug('Against the Four-Day Week')).toBe('four-day-week');
    expect(fileSlug('Zoning is destiny, and this piece has the most words of all three.')).toBe('zoning-destiny');
    expect(fileSlug("Kerry's Silent Treatment")).toBe('kerry-silent-treatment');
    expect(fileSlug('Brexit: A Year On')).toBe('brexit-year');
  });

  it('caps a long clause at five words and the length limit, cutting between words', () => {
    expect(fileSlug('Councils Everywhere Quietly Closing Libraries Nobody Asked Residents Anything')).toBe('councils-everywhere-quietly-closing-libraries');
    const long = fileSlug('Supercalifragilisticexpialidocious Antidisestablishmentarianism Pneumonoultramicroscopic');
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_CHARS);
    expect(long).toBe('supercalifragilisticexpialidocious');
    expect(fileSlug('x'.repeat(200))).toBe('x'.repeat(MAX_SLUG_CHARS));
  });

  it('folds accents and ligatures to ASCII, and keeps scripts that have no ASCII form', () => {
    expect(fileSlug('Grüße aus Zürich: Straße, Œuvre, Ærø')).toBe('grusse-aus-zurich');
    expect(fileSlug('Ça ne va pas, São Paulo')).toBe('ca-ne-va-pas');
    expect(fileSlug('Łódź — FInal Đuro')).toBe('lodz-final-duro');
    expect(fileSlug('Путин и Алеппо')).toBe('путин-и-алеппо');
    expect(fileSlug('普京与阿勒颇')).toBe('普京与阿勒颇');
    expect(fileSlug('नमस्ते दुनिया')).toBe('नमस्ते-दुनिया');
  });

  it('keeps the words when every one is a stop word', () => {
    expect(fileSlug('To Be or Not to Be')).toBe('to-be-or-not-to');
    expect(fileSlug('What Now?')).toBe('now');
  });

  it('is never empty and never a reserved name', () => {
    expect(fileSlug('')).toBe('untitled');
    expect(fileSlug('   ?!… —  ')).toBe('untitled');
    expect(fileSlug('🎉🎉')).toBe('untitled');
    expect(fileSlug('', 'untitled-draft')).toBe('untitled-draft');
    expect(fileSlug('CON')).toBe('con-piece');
    expect(fileSlug('The Aux')).toBe('aux-piece');
    expect(fileSlug('LPT1')).toBe('lpt1-piece');
    expect(fileSlug('a/b\\c:d*e?f"g<h>i|j')).not.toMatch(/[/\\:*?"<>|]/);
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
  });

  it('for any text: lower case, no separators or dots, short, never empty', () => {
    // Plain checks, not expect(): a thousand expect() calls cost seconds on a loaded machine.
    const wellFormed = (slug: string) =>
      slug.length > 0 &&
      slug.length <= MAX_SLUG_CHARS + '-piece'.length &&
      !/[/\\:*?"<>|.\s\u0000-\u001f]/.test(slug) &&
      !/^-|-$|--/.test(slug) &&
      slug === slug.toLowerCase() &&
      !/^(?:con|prn|aux|nul|com\d|lpt\d)$/.test(slug);
    // Headline-ish pieces (stop words, reserved names, accents, other scripts, separators) and any graphemes.
    const pieces = ['the', 'Kerry', "don't", 'Œuvre', 'CON', 'lpt1', '...', ' ', '/', '\\', '.', '—', ':', 'ß', 'Путин', '普京', '🎉', '\u0301', '3.5', "'s"];
    const headline = fc.oneof(
      fc.string({ maxLength: 200, unit: 'grapheme' }),
      fc.string({ maxLength: 200, unit: 'binary-ascii' }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(headline, (text) => wellFormed(fileSlug(text))),
      propertyRuns(300, 22_09),
    );
  });
});

describe('the headline a name is made from', () => {
  it('is the front matter title, else the first # heading, else the first words', () => {
    expect(documentHeadline('---\ntitle: "Front Matter Wins"\n---\n\n# Heading\n\nBody.')).toBe('Front Matter Wins');
    expect(documentHeadline('---\nauthor: Me\n---\n\nIntro.\n\n# The *Real* Cost of [Trams](https://x.org/a_(b))\n')).toBe('The Real Cost of Trams');
    expect(documentHeadline('```\n# not a heading\n```\n\nWhile [“anonymous US officials”](https://wire.example.com/x "t") threaten…')).toBe(
      'While “anonymous US officials” threaten…',
    );
    expect(documentHeadline('![photo](a.jpg)\n\n> **A quote** first\n')).toBe('A quote first');
    expect(documentHeadline('---\ntitle: ""\nauthor: \n---\n\n')).toBeNull();
    expect(documentHeadline('')).toBeNull();
  });

  it('names a piece: <slug>.md, untitled.md when there is nothing to go on', () => {
    expect(suggestedFileName('---\ntitle: "Kerry: If Russia Doesn\'t Back Down From Aleppo..."\n---\n\nText')).toBe('kerry-russia-aleppo.md');
    expect(suggestedFileName('# Bring Back the Trams\n')).toBe('bring-trams.md');
    expect(suggestedFileName('---\ntitle: ""\nauthor: \ndate: 2026-12-06\n---\n\n')).toBe('untitled.md');
    expect(suggestedFileName('')).toBe('untitled.md');
  });
});
