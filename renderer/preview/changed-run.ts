/**
 * The run of a list that an edit changed: everything before `head` and from
 * `oldEnd` (in the old list) / `newEnd` (in the new one) on is the same in
 * both. An edit changes one place, so comparing from both ends finds it
 * without diffing the middle; the patchers redraw only that run.
 */
export interface ChangedRun {
  head: number;
  oldEnd: number;
  newEnd: number;
}

/** How many leading items are the same in both lists, looking at no more than `limit`. */
export function sameHead<A, B>(old: readonly A[], next: readonly B[], same: (a: A, b: B) => boolean, limit = old.length): number {
  let head = 0;
  while (head < limit && head < old.length && head < next.length && same(old[head]!, next[head]!)) head++;
  return head;
}

/** The changed run, given that the first `head` items are the same (`sameHead`). */
export function changedRun<A, B>(old: readonly A[], next: readonly B[], same: (a: A, b: B) => boolean, head = sameHead(old, next, same)): ChangedRun {
  let oldEnd = old.length;
  let newEnd = next.length;
  while (oldEnd > head && newEnd > head && same(old[oldEnd - 1]!, next[newEnd - 1]!)) {
    oldEnd--;
    newEnd--;
  }
  return { head, oldEnd, newEnd };
}

/**
 * `run` narrowed from its tail, then its head, past pairs `keep(oldIndex,
 * newIndex)` accepts (items a patcher can keep in place though they differ,
 * e.g. renumbered). When a single pair is left after the tail (a keystroke's
 * block), it is the pair the tail stopped at, so it isn't tried again.
 */
export function narrowRun(run: ChangedRun, keep: (oldIndex: number, newIndex: number) => boolean): ChangedRun {
  let { head, oldEnd, newEnd } = run;
  while (oldEnd > head && newEnd > head && keep(oldEnd - 1, newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  if (oldEnd - head > 1 || newEnd - head > 1) while (head < oldEnd && head < newEnd && keep(head, head)) head++;
  return { head, oldEnd, newEnd };
}
