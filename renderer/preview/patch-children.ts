/**
 * Patches a container's children to match new content, touching only what
 * changed: the equal run at the start and at the end is kept as it is (with its
 * scroll position, selection and loaded images), the middle is replaced.
 */
export function patchChildren(container: Element, next: DocumentFragment | Element): { replaced: number; kept: number } {
  const oldNodes = Array.from(container.childNodes);
  const newNodes = Array.from(next.childNodes);
  let start = 0;
  while (start < oldNodes.length && start < newNodes.length && oldNodes[start]!.isEqualNode(newNodes[start]!)) start++;
  let oldEnd = oldNodes.length;
  let newEnd = newNodes.length;
  while (oldEnd > start && newEnd > start && oldNodes[oldEnd - 1]!.isEqualNode(newNodes[newEnd - 1]!)) {
    oldEnd--;
    newEnd--;
  }
  const anchor = oldNodes[oldEnd] ?? null;
  for (let i = start; i < oldEnd; i++) oldNodes[i]!.remove();
  const doc = container.ownerDocument;
  for (let i = start; i < newEnd; i++) container.insertBefore(doc.importNode(newNodes[i]!, true), anchor);
  return { replaced: newEnd - start, kept: oldNodes.length - (oldEnd - start) };
}
