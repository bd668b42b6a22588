// Runs in Node, without a DOM: the find panel's matches, current match and count.
import { EditorSelection, EditorState } from '@codemirror/state';
import { SearchQuery } from '@codemirror/search';
import { describe, expect, it } from 'vitest';
import { currentMatch, findMatches, matchFrom, matchStatus } from '../../../renderer/editor/find-matches';

const TEXT = 'Library hours were cut.\n\nThe library closed; the library board said a library is a luxury.';
const state = EditorState.create({ doc: TEXT });
const query = (search: string, options: Partial<ConstructorParameters<typeof SearchQuery>[0]> = {}) => new SearchQuery({ search, ...options });

describe('the find panel’s count', () => {
  it('finds every match, case-insensitive unless asked', () => {
    expect(findMatches(state, query('library')).from).toEqual([0, 29, 49, 70]);
    expect(findMatches(state, query('library', { caseSensitive: true })).from).toEqual([29, 49, 70]);
    expect(findMatches(state, query('lib', { wholeWord: true })).from).toEqual([]);
  });

  it('says which match is selected, of how many', () => {
    const matches = findMatches(state, query('library'));
    expect(matchStatus(query('library'), matches, currentMatch(matches, EditorSelection.range(49, 56)))).toBe('3 of 4');
    expect(matchStatus(query('library'), matches, currentMatch(matches, EditorSelection.range(0, 7)))).toBe('1 of 4');
  });

  it('gives the total alone when the selection is no match, and singular for one', () => {
    const matches = findMatches(state, query('library'));
    expect(matchStatus(query('library'), matches, currentMatch(matches, EditorSelection.cursor(3)))).toBe('4 matches');
    expect(matchStatus(query('library'), matches, currentMatch(matches, EditorSelection.range(49, 55)))).toBe('4 matches');
    const one = findMatches(state, query('luxury'));
    expect(matchStatus(query('luxury'), one, 0)).toBe('1 match');
  });

  it('says "No matches" when there are none, nothing for an empty query, and flags a broken pattern', () => {
    expect(matchStatus(query('libraryx'), findMatches(state, query('libraryx')), 0)).toBe('No matches');
    expect(matchStatus(query(''), findMatches(state, query('')), 0)).toBe('');
    const broken = query('li(b', { regexp: true });
    expect(matchStatus(broken, findMatches(state, broken), 0)).toBe('Not a valid pattern');
  });

  it('counts up to a limit and says there are more', () => {
    const many = EditorState.create({ doc: 'a '.repeat(50) });
    const matches = findMatches(many, query('a'), 20);
    expect(matches.from).toHaveLength(20);
    expect(matchStatus(query('a'), matches, 3)).toBe('3 of 20+');
    expect(matchStatus(query('a'), findMatches(EditorState.create({ doc: 'a '.repeat(1200) }), query('a')), 1000)).toBe('1,000 of 1,200');
  });

  it('skips empty regular-expression matches', () => {
    expect(findMatches(state, query('q*', { regexp: true })).from).toEqual([]);
  });

  it('searches on from a position, wrapping to the first match', () => {
    const matches = findMatches(state, query('library'));
    expect(matchFrom(matches, 0)).toEqual({ from: 0, to: 7 });
    expect(matchFrom(matches, 30)).toEqual({ from: 49, to: 56 });
    expect(matchFrom(matches, 71)).toEqual({ from: 0, to: 7 });
    expect(matchFrom(findMatches(state, query('nothing')), 0)).toBeNull();
  });
});
