/**
 * Counts a document's words off the main thread (a module worker, served
 * from the app's own origin as the CSP requires): on a book-length draft the
 * count takes tens of milliseconds, which typing must never wait for.
 */
import { countWords } from '../markdown';

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<{ id: number; text: string }>) => void): void;
  postMessage(message: { id: number; words: number }): void;
};

scope.addEventListener('message', (event) => {
  scope.postMessage({ id: event.data.id, words: countWords(event.data.text) });
});
