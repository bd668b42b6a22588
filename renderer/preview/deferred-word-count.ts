/**
 * The status bar's word count without blocking typing: short documents are
 * counted at once, long ones in a worker (one count in flight; the latest
 * text waits its turn, older ones are dropped). Falls back to counting in
 * idle time when no worker can be started.
 */
import { countWords } from '../markdown';

const SYNC_LIMIT = 40_000; // characters: a few ms to count at most

export function createDeferredWordCount(onCount: (words: number) => void): (text: string) => void {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./word-count-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  let id = 0;
  let inFlight = false;
  let waiting: string | null = null;

  const send = (text: string): void => {
    inFlight = true;
    worker!.postMessage({ id: ++id, text });
  };
  worker?.addEventListener('message', (event: MessageEvent<{ id: number; words: number }>) => {
    inFlight = false;
    if (waiting !== null) {
      const text = waiting;
      waiting = null;
      send(text);
    } else if (event.data.id === id) onCount(event.data.words);
  });
  worker?.addEventListener('error', () => {
    worker = null;
  });

  let idle = 0;
  return (text) => {
    if (text.length <= SYNC_LIMIT) {
      id++; // a count still in flight is for older text
      waiting = null;
      onCount(countWords(text));
    } else if (worker) {
      if (inFlight) waiting = text;
      else send(text);
    } else {
      if (idle) cancelIdleCallback(idle);
      idle = requestIdleCallback(() => onCount(countWords(text)), { timeout: 2000 });
    }
  };
}
