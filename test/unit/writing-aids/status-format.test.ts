// Runs in Node: what the status bar says about readability and the word target, in words a writer reads.
import { describe, expect, it } from 'vitest';
import { formatReadability, formatTarget, TARGET_TOLERANCE } from '../../../renderer/ui/status-format';

describe('readability in the status bar', () => {
  it('says “Readability: grade 8”, a whole grade, and explains it in the tooltip', () => {
    const shown = formatReadability(7.9, 6.2);
    expect(shown.text).toBe('Readability: grade 8');
    expect(shown.title).toContain('Flesch–Kincaid');
    expect(shown.title).toContain('years of school');
    expect(shown.title).toContain('This paragraph: grade 6.');
  });

  it('leaves the paragraph out of the tooltip where there is none (the cursor in the front matter)', () => {
    expect(formatReadability(10.4, null).title).not.toContain('paragraph:');
    expect(formatReadability(10.4, null).text).toBe('Readability: grade 10');
  });

  it('calls very simple text very easy instead of a grade below 1 (the formula goes negative)', () => {
    expect(formatReadability(-3.4, -3.4).text).toBe('Readability: very easy');
    expect(formatReadability(0.4, null).text).toBe('Readability: very easy');
    expect(formatReadability(-2.2, -2.2).title).toContain('This paragraph: very easy.');
    expect(formatReadability(1.2, null).text).toBe('Readability: grade 1');
  });

  it('never shows the old cryptic form', () => {
    for (const [grade, paragraph] of [[7.9, null], [12, 3], [-1, null]] as const) {
      expect(formatReadability(grade, paragraph).text).not.toMatch(/¶|–|Grade \d+\.\d/);
    }
  });
});

describe('progress to the word target', () => {
  it('is under, on (within ±5 %) or over the target', () => {
    expect(TARGET_TOLERANCE).toBe(0.05);
    const state = (words: number) => formatTarget(words, 650).state;
    expect([state(0), state(545), state(617)]).toEqual(['under', 'under', 'under']);
    expect([state(618), state(650), state(682)]).toEqual(['on', 'on', 'on']);
    expect([state(683), state(900)]).toEqual(['over', 'over']);
  });

  it('says so in the label and the tooltip, not only in colour', () => {
    expect(formatTarget(545, 650)).toMatchObject({ label: '545 / 650 words', fraction: 545 / 650 });
    expect(formatTarget(640, 650).label).toBe('640 / 650 words · on target');
    expect(formatTarget(660, 650).label).toBe('660 / 650 words · on target');
    expect(formatTarget(1200, 650)).toMatchObject({ label: '1,200 / 650 words (550 over)', fraction: 1 });
    expect(formatTarget(545, 650).title).toBe('Target from the front matter: 650 words. 618 to 682 words is on target.');
  });
});
