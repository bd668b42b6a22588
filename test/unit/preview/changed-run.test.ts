import { describe, expect, it } from 'vitest';
import { changedRun, sameHead } from '../../../renderer/preview/changed-run';

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
});
