/**
 * What the find panel says about a query: every match in the document (up
 * to a limit, so a one-letter query in a long text stays cheap), which of
 * them is selected, and the words for it ("3 of 12", "12 matches",
 * "No matches"). Plain functions of the state and the query, no DOM.
 */
import type { EditorState, SelectionRange } from '@codemirror/state';
import type { SearchQuery } from '@codemirror/search';

/** More matches than this are counted as "10,000+". */
export const MATCH_LIMIT = 10_000;

export interface Matches {
  /** Start of each match, in document order. */
  from: number[];
  /** End of each match. */
  to: number[];
  /** More matches exist past the limit. */
  capped: boolean;
}

/** Every non-empty match of `query` in the document, up to `limit`. */
export function findMatches(state: EditorState, query: SearchQuery, limit = MATCH_LIMIT): Matches {
  const found: Matches = { from: [], to: [], capped: false };
  if (!query.valid) return found;
  const cursor = query.getCursor(state);
  for (let next = cursor.next(); !next.done; next = cursor.next()) {
    const { from, to } = next.value;
    if (from === to) continue;
    if (found.from.length === limit) {
      found.capped = true;
      break;
    }
    found.from.push(from);
    found.to.push(to);
  }
  return found;
}

/** The 1-based number of the match the selection is, or 0 when it is none of them. */
export function currentMatch(matches: Matches, selection: SelectionRange): number {
  let low = 0;
  let high = matches.from.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const from = matches.from[mid]!;
    if (from < selection.from) low = mid + 1;
    else if (from > selection.from) high = mid - 1;
    else return matches.to[mid] === selection.to ? mid + 1 : 0;
  }
  return 0;
}

/** The first match starting at or after `pos`, else the first in the document (searching wraps). */
export function matchFrom(matches: Matches, pos: number): { from: number; to: number } | null {
  if (matches.from.length === 0) return null;
  let low = 0;
  let high = matches.from.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (matches.from[mid]! < pos) low = mid + 1;
    else high = mid;
  }
  const i = low < matches.from.length ? low : 0;
  return { from: matches.from[i]!, to: matches.to[i]! };
}

const numbers = new Intl.NumberFormat('en-US');

/** "3 of 12", "12 matches", "1 match", "No matches"; empty for an empty query. */
export function matchStatus(query: SearchQuery, matches: Matches, current: number): string {
  if (!query.search) return '';
  if (query.regexp && !query.valid) return 'Not a valid pattern';
  const total = matches.from.length;
  if (total === 0) return 'No matches';
  const count = `${numbers.format(total)}${matches.capped ? '+' : ''}`;
  if (current > 0) return `${numbers.format(current)} of ${count}`;
  return total === 1 && !matches.capped ? '1 match' : `${count} matches`;
}
