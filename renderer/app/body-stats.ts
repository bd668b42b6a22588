/**
 * The body's figures for the status bar (words, characters, Flesch–Kincaid
 * grade), kept per top-level block: each unit the preview's renderer parsed
 * is counted once, when it first appears, and the document's figures are the
 * sum — exactly `countText` of the whole text (word-count.ts counts block by
 * block too), for the cost of the block being typed in.
 *
 * Counting a long document for the first time takes a while (about 2 µs a
 * word), so `count` stops after a time budget and says so; the caller asks
 * again in a later task and the work already done is kept.
 */
import type { RenderedUnit } from '../markdown/incremental/incremental-renderer';
import type { ParsedUnit } from '../markdown/incremental/unit-parse';
import { countBlocks, unitBlocks } from '../markdown/word-count';
import { fleschKincaidGrade, textStats, type ReadabilityStats } from '../editor/readability';

export interface BodyFigures {
  words: number;
  characters: number;
  grade: number | null;
}

interface UnitFigures extends ReadabilityStats {
  characters: number;
}

const NOTHING: UnitFigures = { words: 0, characters: 0, sentences: 0, syllables: 0 };

export function unitFigures(unit: Pick<ParsedUnit, 'text' | 'frontMatter'>): UnitFigures {
  if (unit.frontMatter) return NOTHING;
  const blocks = unitBlocks(unit.text);
  const { words, characters } = countBlocks(blocks);
  let sentences = 0;
  let syllables = 0;
  for (const block of blocks) {
    const stats = textStats(block);
    sentences += stats.sentences;
    syllables += stats.syllables;
  }
  return { words, characters, sentences, syllables };
}

export class BodyStats {
  private readonly cache = new WeakMap<ParsedUnit, UnitFigures>();

  /** The figures of `units`, or null when the budget ran out first (ask again later). */
  count(units: readonly Pick<RenderedUnit, 'parsed'>[], budgetMs = Infinity, now: () => number = () => performance.now()): BodyFigures | null {
    const deadline = now() + budgetMs;
    let words = 0;
    let characters = 0;
    let sentences = 0;
    let syllables = 0;
    let counted = 0;
    for (const { parsed } of units) {
      let figures = this.cache.get(parsed);
      if (!figures) {
        // Check the clock every few blocks counted afresh, not for the cached ones.
        if (++counted % 8 === 0 && now() > deadline) return null;
        figures = unitFigures(parsed);
        this.cache.set(parsed, figures);
      }
      words += figures.words;
      characters += figures.characters;
      sentences += figures.sentences;
      syllables += figures.syllables;
    }
    return { words, characters, grade: fleschKincaidGrade({ words, sentences, syllables }) };
  }
}
