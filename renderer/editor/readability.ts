/**
 * The Flesch–Kincaid grade level: 0.39 × (words / sentences) + 11.8 ×
 * (syllables / words) − 15.59, roughly the US school grade a reader needs.
 * Syllables are estimated from vowel groups (English; a silent final "e",
 * "-es" and "-ed" don't count), which is what every FK tool does. Pure.
 */
import { countWordsInText } from '../markdown/word-count';
import { splitSentences } from './sentences';

export interface ReadabilityStats {
  sentences: number;
  words: number;
  syllables: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

/** Estimated syllables in one English word (at least 1). */
export function countSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return /\p{N}/u.test(word) ? 1 : 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, w.match(/[aeiouy]{1,2}/g)?.length ?? 0);
}

/** Sentences, words and syllables of one block of plain prose (a heading counts as a sentence). */
export function textStats(plain: string): ReadabilityStats {
  let words = 0;
  let syllables = 0;
  for (const match of plain.matchAll(WORD)) {
    words++;
    for (const part of match[0].split('-')) syllables += countSyllables(part);
  }
  const sentences = words === 0 ? 0 : Math.max(1, splitSentences(plain).filter((s) => countWordsInText(plain.slice(s.from, s.to)) > 0).length);
  return { sentences, words, syllables };
}

export function addStats(a: ReadabilityStats, b: ReadabilityStats): ReadabilityStats {
  return { sentences: a.sentences + b.sentences, words: a.words + b.words, syllables: a.syllables + b.syllables };
}

/** The grade, to one decimal; null without words. */
export function fleschKincaidGrade(stats: ReadabilityStats): number | null {
  if (stats.words === 0 || stats.sentences === 0) return null;
  const grade = 0.39 * (stats.words / stats.sentences) + 11.8 * (stats.syllables / stats.words) - 15.59;
  return Math.round(grade * 10) / 10;
}

/** The grade of several blocks of plain prose taken together (a document). */
export function gradeOfBlocks(blocks: readonly string[]): number | null {
  let total: ReadabilityStats = { sentences: 0, words: 0, syllables: 0 };
  for (const block of blocks) total = addStats(total, textStats(block));
  return fleschKincaidGrade(total);
}
