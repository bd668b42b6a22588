import { describe, expect, it } from 'vitest';
import { changedRun, narrowRun, sameHead } from '../../../renderer/preview/changed-run';

const eq = (a: string, b: string): boolean => a === b;
const run = (old: string, next: string) => changedRun([...old], [...next], eq);

describe('changedRun', () => {
  it('finds an edit in the middle', () => {
    expect(run('abcde', 'abXde')).toEqual({ head: 2, oldEnd: 3, newEnd: 3 });
  });
  it('finds an insertion and a deletion', () => {
    expect(run('abde', 'abcde')).toEqual({ head: 2, oldEnd: 2, newEnd: 3 });
    expect(run('abcde', 'abde')).toEqual({ head: 2, oldEnd: 3, newEnd: 2 });
  });
  it('is empty for equal lists and whole for unrelated ones', () => {
    expect(run('abc', 'abc')).toEqual({ head: 3, oldEnd: 3, newEnd: 3 });
    expect(run('abc', 'xyz')).toEqual({ head: 0, oldEnd: 3, newEnd: 3 });
    expect(run('', 'ab')).toEqual({ head: 0, oldEnd: 0, newEnd: 2 });
  });
  it('never lets the tail overlap the head (repeated items)', () => {
    expect(run('aaa', 'aaaa')).toEqual({ head: 3, oldEnd: 3, newEnd: 4 });
    expect(run('aaaa', 'aa')).toEqual({ head: 2, oldEnd: 4, newEnd: 2 });
  });
  it('compares items of two kinds', () => {
    const old = [{ html: 'a' }, { html: 'b' }];
    expect(changedRun(old, ['a', 'c'], (x, y) => x.html === y)).toEqual({ head: 1, oldEnd: 2, newEnd: 2 });
  });
  it('stops the head at a limit', () => {
    expect(sameHead([...'abcd'], [...'abcd'], eq, 2)).toBe(2);
    expect(changedRun([...'abcd'], [...'abXd'], eq, sameHead([...'abcd'], [...'abXd'], eq, 1))).toEqual({ head: 1, oldEnd: 3, newEnd: 3 });
  });
  it('narrows a run past pairs that may be kept, from the tail and then the head', () => {
    const old = [...'aBCdE'];
    const next = [...'abcXe'];
    const tried: string[] = [];
    const keep = (i: number, j: number) => (tried.push(`${i}${j}`), old[i]!.toLowerCase() === next[j]);
    expect(narrowRun(changedRun(old, next, eq), keep)).toEqual({ head: 3, oldEnd: 4, newEnd: 4 });
    expect(tried).toEqual(['44', '33', '11', '22', '33']);
  });
  it('does not try a single pair left after the tail again', () => {
    const tried: string[] = [];
    expect(narrowRun({ head: 1, oldEnd: 3, newEnd: 3 }, (i, j) => (tried.push(`${i}${j}`), i === 2))).toEqual({ head: 1, oldEnd: 2, newEnd: 2 });
    expect(tried).toEqual(['22', '11']);
  });
});
