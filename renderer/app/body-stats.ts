/**
 * The body's figures for the status bar (words, characters, Flesch–Kincaid
 * grade), kept per top-level block: each unit the preview's renderer parsed
 * is counted once, when it first appears, and the document's figures are the
 * sum — exactly `countText` of the whole text (word-count.ts counts block by
 * block too), for the cost of the block being typed in: the sums are kept
 * and adjusted by the run of units an edit replaced (changed-run.ts), so a
 * keystroke doesn't visit every block's figures.
 *
 * Counting a long document for the first time takes a while (about 2 µs a
 * word), so `count` stops after a time budget and says so; the caller asks
 * again in a later task and the work already done is kept.
 */
import type { RenderedUnit } from '../markdown/incremental/incremental-renderer';
import type { ParsedUnit } from '../markdown/incremental/unit-parse';
import { countBlocks, unitBlocks } from '../markdown/word-count';
import { fleschKincaidGrade, textStats, type ReadabilityStats } from '../editor/readability';
import { changedRun } from '../preview/changed-run';

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

interface Totals {
  words: number;
  characters: number;
  sentences: number;
  syllables: number;
}

const sameParsed = (a: Pick<RenderedUnit, 'parsed'>, b: Pick<RenderedUnit, 'parsed'>): boolean => a.parsed === b.parsed;

export class BodyStats {
  private readonly cache = new WeakMap<ParsedUnit, UnitFigures>();
  /** The units last counted in full, and their sums: the next count adjusts them by what changed. */
  private counted: { units: readonly Pick<RenderedUnit, 'parsed'>[]; totals: Totals } | null = null;

  /** The figures of `units`, or null when the budget ran out first (ask again later). */
  count(units: readonly Pick<RenderedUnit, 'parsed'>[], budgetMs = Infinity, now: () => number = () => performance.now()): BodyFigures | null {
    const deadline = now() + budgetMs;
    const last = this.counted;
    // An edit changes a run of units: take the old run's figures out of the sums and put the new run's in.
    const run = last ? changedRun(last.units, units, sameParsed) : { head: 0, oldEnd: 0, newEnd: units.length };
    const totals: Totals = last ? { ...last.totals } : { words: 0, characters: 0, sentences: 0, syllables: 0 };
    if (last) for (let i = run.head; i < run.oldEnd; i++) add(totals, this.cache.get(last.units[i]!.parsed)!, -1);
    let fresh = 0;
    for (let i = run.head; i < run.newEnd; i++) {
      const { parsed } = units[i]!;
      let figures = this.cache.get(parsed);
      if (!figures) {
        // Check the clock every few blocks counted afresh, not for the cached ones.
        if (++fresh % 8 === 0 && now() > deadline) return null;
        figures = unitFigures(parsed);
        this.cache.set(parsed, figures);
      }
      add(totals, figures, 1);
    }
    this.counted = { units, totals };
    const { words, characters, sentences, syllables } = totals;
    return { words, characters, grade: fleschKincaidGrade({ words, sentences, syllables }) };
  }
}

function add(totals: Totals, figures: UnitFigures, sign: 1 | -1): void {
  totals.words += sign * figures.words;
  totals.characters += sign * figures.characters;
  totals.sentences += sign * figures.sentences;
  totals.syllables += sign * figures.syllables;
}
