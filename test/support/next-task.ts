/**
 * Resolves on the next turn of the event loop. A property whose runs build
 * DOM under jsdom awaits this at the start of each run: jsdom holds node
 * iterators through WeakRefs, and a WeakRef keeps its target alive until the
 * current job ends, so a synchronous `fc.assert` keeps every document of
 * every run until the last one (30 MB a run for the chunked preview).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
