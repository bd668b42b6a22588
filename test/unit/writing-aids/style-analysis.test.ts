// Runs in Node: each style check on fixture sentences, and the readability formula.
import { describe, expect, it } from 'vitest';
import type { StyleCheckName } from '../../../electron/contract';
import { analyzeStyle } from '../../../renderer/editor/style-analysis';
import { countSyllables, fleschKincaidGrade, gradeOfBlocks, textStats } from '../../../renderer/editor/readability';
import { splitSentences } from '../../../renderer/editor/sentences';
import { maskMarkdown } from '../../../renderer/editor/prose-mask';

function flagged(text: string, check: StyleCheckName): string[] {
  return analyzeStyle(text, new Set([check])).map((issue) => text.slice(issue.from, issue.to));
}

describe('sentences', () => {
  const text = 'Dr. Smith met Mr. Jones at 5 p.m. on Monday. J. K. Rowling wrote it. "Really?" she asked. Yes! E.g. this… And that.';
  it('splits at end marks, not after abbreviations, initials or a quote followed by lower case', () => {
    expect(splitSentences(text).map((s) => text.slice(s.from, s.to))).toEqual([
      'Dr. Smith met Mr. Jones at 5 p.m. on Monday.',
      'J. K. Rowling wrote it.',
      '"Really?" she asked.',
      'Yes!',
      'E.g. this…',
      'And that.',
    ]);
  });
});

describe('long sentences (on by default)', () => {
  const long = `${'word '.repeat(31).trim()}. Short one.`;
  it('flags a sentence over 30 words, and only that one', () => {
    expect(flagged(long, 'long-sentences')).toEqual([`${'word '.repeat(31).trim()}.`]);
    expect(flagged(`${'word '.repeat(30).trim()}.`, 'long-sentences')).toEqual([]);
  });
  it('takes its threshold as an option', () => {
    expect(analyzeStyle('One two three four.', new Set(['long-sentences']), { longSentenceWords: 3 })).toHaveLength(1);
  });
});

describe('passive voice', () => {
  it('flags a form of "to be" with a past participle, regular or irregular', () => {
    expect(flagged('The branch was closed on Sunday.', 'passive-voice')).toEqual(['was closed']);
    expect(flagged('Mistakes were made.', 'passive-voice')).toEqual(['were made']);
    expect(flagged('It keeps being asked to prove it.', 'passive-voice')).toEqual(['being asked']);
    expect(flagged('Services that are widely used.', 'passive-voice')).toEqual(['are widely used']);
    expect(flagged('The letter had been written by hand.', 'passive-voice')).toEqual(['been written']);
  });
  it('leaves the active voice and adjectives after "to be" alone', () => {
    expect(flagged('The council closed the branch.', 'passive-voice')).toEqual([]);
    expect(flagged('It is modest, all right.', 'passive-voice')).toEqual([]);
    expect(flagged('There is a need for it.', 'passive-voice')).toEqual([]);
  });
  it('does not reach across punctuation', () => {
    expect(flagged('The answer was: closed.', 'passive-voice')).toEqual([]);
  });
});

describe('adverbs', () => {
  it('flags -ly adverbs but not -ly nouns and adjectives', () => {
    expect(flagged('She quickly and quietly left the family home early.', 'adverbs')).toEqual(['quickly', 'quietly']);
    expect(flagged('A lovely, friendly, daily reply.', 'adverbs')).toEqual([]);
  });
});

describe('hedges and weasel words', () => {
  it('flags listed phrases as whole words, across line breaks and either apostrophe', () => {
    expect(flagged('I think the plan is arguably\nfine. Some people say so.', 'hedges')).toEqual(['I think', 'arguably', 'Some people say']);
    expect(flagged('Experts say it’s perhaps too late.', 'hedges')).toEqual(['Experts say', 'perhaps']);
  });
  it('does not match inside other words', () => {
    expect(flagged('Prathery is a place; overy is not a word.', 'hedges')).toEqual([]);
  });
});

describe('clichés', () => {
  it('flags listed phrases, longest first', () => {
    expect(flagged('At the end of the day, it is the tip of the iceberg.', 'cliches')).toEqual(['At the end of the day', 'the tip of the iceberg']);
    expect(flagged('A game-changer and low-hanging fruit.', 'cliches')).toEqual(['game-changer', 'low-hanging fruit']);
  });
  it('leaves fresh prose alone', () => {
    expect(flagged('The library is the oldest piece of shared infrastructure the city owns.', 'cliches')).toEqual([]);
  });
});

describe('repeated words', () => {
  it('flags a word written twice in a row, in any case', () => {
    expect(flagged('It was the the best. The\nthe end.', 'repeated-words')).toEqual(['the the', 'The\nthe']);
  });
  it('allows known pairs and words split by punctuation', () => {
    expect(flagged('He had had enough. Well, well done.', 'repeated-words')).toEqual([]);
  });
});

describe('Markdown is masked without moving offsets', () => {
  it('hides link targets, code, marks and footnote markers', () => {
    const source = '> **Bold** [text](https://example.org/a "T") `code` done.[^1]';
    const masked = maskMarkdown(source);
    expect(masked).toHaveLength(source.length);
    expect(masked.replace(/\s+/g, ' ').trim()).toBe('Bold text done.');
    expect(masked.indexOf('text')).toBe(source.indexOf('text'));
  });
});

describe('Flesch–Kincaid grade', () => {
  it('estimates syllables from vowel groups', () => {
    expect(['cat', 'water', 'library', 'committee', 'makes', 'wanted', 'jumped', 'table', 'readability', "don't"].map(countSyllables)).toEqual([
      1, 2, 3, 3, 1, 2, 1, 2, 5, 1,
    ]);
  });
  it('applies 0.39 × words/sentences + 11.8 × syllables/words − 15.59', () => {
    expect(textStats('The cat sat on the mat.')).toEqual({ sentences: 1, words: 6, syllables: 6 });
    expect(fleschKincaidGrade({ sentences: 1, words: 6, syllables: 6 })).toBe(-1.4); // 2.34 + 11.8 − 15.59 = −1.45, Math.round rounds half up
    expect(fleschKincaidGrade({ sentences: 2, words: 40, syllables: 60 })).toBe(9.9); // 7.8 + 17.7 − 15.59 = 9.91
    expect(fleschKincaidGrade({ sentences: 0, words: 0, syllables: 0 })).toBeNull();
  });
  it('counts a heading without a full stop as a sentence of its own', () => {
    expect(gradeOfBlocks(['A heading', 'The cat sat on the mat.'])).toBe(fleschKincaidGrade({ sentences: 2, words: 8, syllables: 9 }));
  });
});
