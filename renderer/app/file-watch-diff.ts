/**
 * What changed between two versions of a document, for the "changed on disk"
 * prompt: the smallest single edit that turns one text into the other (used to
 * reload without moving the cursor), and a line diff to show the writer.
 * Pure functions, no DOM.
 */

/** The one replacement (common prefix and suffix kept) that turns `from` into `to`. */
export function minimalEdit(from: string, to: string): { from: number; to: number; insert: string } | null {
  if (from === to) return null;
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from.charCodeAt(endFrom - 1) === to.charCodeAt(endTo - 1)) {
    endFrom--;
    endTo--;
  }
  return { from: start, to: endFrom, insert: to.slice(start, endTo) };
}

export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string };

/** Above this many cells the line diff falls back to "all removed, all added" for the changed middle. */
const MAX_CELLS = 4_000_000;

/** A line diff (longest common subsequence) of `mine` → `theirs`; common head and tail are trimmed first. */
export function lineDiff(mine: string, theirs: string): DiffLine[] {
  const a = mine.split('\n');
  const b = theirs.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ kind: 'same', text }));
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    out.push(...midA.map((text): DiffLine => ({ kind: 'removed', text })), ...midB.map((text): DiffLine => ({ kind: 'added', text })));
  } else {
    const n = midA.length;
    const m = midB.length;
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] =
          midA[i] === midB[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        out.push({ kind: 'same', text: midA[i]! });
        i++;
        j++;
      } else if (j < m && (i === n || lcs[i * (m + 1) + j + 1]! >= lcs[(i + 1) * (m + 1) + j]!)) {
        out.push({ kind: 'added', text: midB[j]! });
        j++;
      } else {
        out.push({ kind: 'removed', text: midA[i]! });
        i++;
      }
    }
  }
  out.push(...a.slice(a.length - tail).map((text): DiffLine => ({ kind: 'same', text })));
  return out;
}

/** The diff as unified-diff lines ("  ", "- ", "+ "), with unchanged runs longer than 2×context folded. */
export function unifiedLines(diff: DiffLine[], context = 3): string[] {
  const lines: string[] = [];
  const changed = diff.map((line) => line.kind !== 'same');
  const near = (index: number) => {
    for (let k = Math.max(0, index - context); k <= Math.min(diff.length - 1, index + context); k++) if (changed[k]) return true;
    return false;
  };
  let folded = 0;
  diff.forEach((line, index) => {
    if (line.kind === 'same' && !near(index)) {
      folded++;
      return;
    }
    if (folded > 0) lines.push(`… ${folded} unchanged line${folded === 1 ? '' : 's'}`);
    folded = 0;
    lines.push(`${line.kind === 'same' ? '  ' : line.kind === 'removed' ? '- ' : '+ '}${line.text}`);
  });
  if (folded > 0) lines.push(`… ${folded} unchanged line${folded === 1 ? '' : 's'}`);
  return lines;
}
