/**
 * What the status bar says, as pure functions: reading time, target progress
 * and counts in words a writer reads ("612 / 650 words").
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

/** "612 / 650 words" and the fraction for the bar (capped at 1); over target says so. */
export function formatTarget(words: number, target: number): { label: string; fraction: number; over: boolean } {
  const over = words > target;
  return {
    label: `${number.format(words)} / ${number.format(target)} words${over ? ` (${number.format(words - target)} over)` : ''}`,
    fraction: target > 0 ? Math.min(1, words / target) : 0,
    over,
  };
}

export function formatGrade(grade: number | null): string {
  return grade === null ? '–' : grade.toFixed(1);
}
