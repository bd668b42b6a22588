/**
 * What the status bar says, as pure functions: reading time, target progress,
 * readability and counts in words a writer reads ("612 / 650 words",
 * "Readability: grade 8").
 */

/** Silent reading speed for non-fiction in English (Brysbaert 2019: 238 words a minute). */
export const READING_WPM = 238;

/** Whole minutes, rounded up; 0 only for an empty text. */
export function readingMinutes(words: number): number {
  return words <= 0 ? 0 : Math.ceil(words / READING_WPM);
}

const number = new Intl.NumberFormat('en');

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${number.format(count)} ${count === 1 ? one : many}`;
}

export function formatReadingTime(words: number): string {
  const minutes = readingMinutes(words);
  return minutes === 0 ? 'no reading time' : `${minutes} min read`;
}

/**
 * Within this fraction of the target either way, a piece is on target: a desk
 * asking for 650 words takes 620 or 680 as asked, and a writer aiming for the
 * number shouldn't see "not there yet" at 640.
 */
export const TARGET_TOLERANCE = 0.05;

export type TargetState = 'under' | 'on' | 'over';

/** The word range that counts as on target. */
export function targetRange(target: number): { low: number; high: number } {
  return { low: Math.ceil(target * (1 - TARGET_TOLERANCE)), high: Math.floor(target * (1 + TARGET_TOLERANCE)) };
}

/**
 * "612 / 650 words", the fraction for the bar (capped at 1), and where the
 * count stands: under (neutral), on target (±5 %, green), over (amber). The
 * label says it too, so it isn't told by colour alone.
 */
export function formatTarget(words: number, target: number): { label: string; fraction: number; state: TargetState; title: string } {
  const { low, high } = targetRange(target);
  const state: TargetState = words < low ? 'under' : words > high ? 'over' : 'on';
  const counts = `${number.format(words)} / ${number.format(target)} words`;
  return {
    label: state === 'on' ? `${counts} · on target` : state === 'over' ? `${counts} (${number.format(words - target)} over)` : counts,
    fraction: target > 0 ? Math.min(1, words / target) : 0,
    state,
    title: `Target from the front matter: ${number.format(target)} words. ${number.format(low)} to ${number.format(high)} words is on target.`,
  };
}

/** A Flesch–Kincaid grade as a writer reads it: a whole school grade, or "very easy" below grade 1 (the formula goes negative). */
function gradeWords(grade: number): string {
  const whole = Math.round(grade);
  return whole < 1 ? 'very easy' : `grade ${whole}`;
}

/**
 * "Readability: grade 8", with a tooltip saying what that means and the
 * grade of the paragraph at the cursor (null: the cursor is in no paragraph).
 */
export function formatReadability(grade: number, paragraphGrade: number | null): { text: string; title: string } {
  const paragraph = paragraphGrade === null ? '' : `\nThis paragraph: ${gradeWords(paragraphGrade)}.`;
  return {
    text: `Readability: ${gradeWords(grade)}`,
    title:
      'Flesch–Kincaid grade level: about the years of school a reader needs to follow the text easily. ' +
      'Newspapers aim for grade 8 to 10; shorter sentences and shorter words bring it down.' +
      paragraph,
  };
}
