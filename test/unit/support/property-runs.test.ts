/**
 * `npm test` never depends on chance: every property runs with its fixed
 * seed unless soaking, and no test is focused or skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { propertyRunsFrom } from '../../support/property-runs';

const TEST_ROOT = path.join(__dirname, '../..');

function testSources(dir: string = TEST_ROOT): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testSources(file));
    else if (entry.name.endsWith('.ts')) out.push({ file: path.relative(TEST_ROOT, file), text: readFileSync(file, 'utf8') });
  }
  return out;
}

/** The text of each call `name(…)` in `text`, parentheses balanced (strings with parentheses are rare enough in our calls). */
function calls(text: string, name: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf(`${name}(`); at >= 0; at = text.indexOf(`${name}(`, at + 1)) {
    let depth = 0;
    let end = at + name.length;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    out.push(text.slice(at, end + 1));
  }
  return out;
}

describe('property parameters', () => {
  it('use the fixed seed and the runs given in npm test', () => {
    expect(propertyRunsFrom({}, 150, 3101)).toEqual({ numRuns: 150, seed: 3101 });
  });

  it('draw a fresh seed and multiply the runs when soaking', () => {
    expect(propertyRunsFrom({ BYLINE_SOAK: '1' }, 150, 3101, () => 42)).toEqual({ numRuns: 1500, seed: 42 });
    expect(propertyRunsFrom({ BYLINE_SOAK: '1', BYLINE_SOAK_FACTOR: '3' }, 15, 1, () => -7)).toEqual({ numRuns: 45, seed: -7 });
    expect(() => propertyRunsFrom({ BYLINE_SOAK: '1', BYLINE_SOAK_FACTOR: 'lots' }, 15, 1)).toThrow(/BYLINE_SOAK_FACTOR/);
  });

  it('replay exactly the case a soak reported', () => {
    expect(propertyRunsFrom({ BYLINE_PROPERTY_REPLAY: '{"seed":1573467976,"path":"30:5:3"}' }, 150, 3101)).toEqual({
      seed: 1573467976,
      path: '30:5:3',
      numRuns: 150,
      endOnFailure: true,
    });
    expect(() => propertyRunsFrom({ BYLINE_PROPERTY_REPLAY: '{"path":"1"}' }, 1, 1)).toThrow(/BYLINE_PROPERTY_REPLAY/);
  });
});

describe('the test suite', () => {
  const sources = testSources().filter(({ file }) => !file.startsWith(`unit${path.sep}support${path.sep}`));

  it('finds the test sources it checks', () => {
    expect(sources.filter(({ text }) => text.includes('fc.assert(')).length).toBeGreaterThanOrEqual(7);
  });

  it('takes every property’s parameters from propertyRuns (a fixed seed in npm test)', () => {
    const unseeded = sources.flatMap(({ file, text }) =>
      ['fc.assert', 'fc.check'].flatMap((name) => calls(text, name).filter((call) => !call.includes('propertyRuns(')).map((call) => `${file}: ${call.slice(0, 80)}`)),
    );
    expect(unseeded).toEqual([]);
  });

  it('has no focused or skipped tests, and nothing random', () => {
    const offending = sources.flatMap(({ file, text }) =>
      [/\b(?:it|test|describe)\.(?:only|skip|skipIf|runIf|todo)\b/, /\bfit\(|\bxit\(|\bxdescribe\(/, /Math\.random\(/]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${file}: ${pattern}`),
    );
    expect(offending).toEqual([]);
  });
});
