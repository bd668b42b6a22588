/**
 * Documents for `npm run bench`: the sample op-ed (test/fixtures) followed by
 * more copies of its body, each copy citing its own sources and notes (its
 * URLs and note labels carry the copy's number), the way a book-length file
 * of columns or chapters would. About 545 words a copy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../test/e2e/harness';

const sample = readFileSync(path.join(ROOT, 'test/fixtures/sample-oped.md'), 'utf8');
const body = sample.replace(/^---\n[\s\S]*?\n---\n/, '');

/** The sample, then `copies - 1` more copies of its body with their own sources. */
export function benchDocument(copies: number): string {
  const parts = [sample];
  for (let i = 1; i < copies; i++) {
    parts.push(
      body
        .replace(/\]\((https?:\/\/[^\s)]+)/g, (_, url: string) => `](${url}?part=${i}`)
        .replace(/\[\^([a-z]+)\]/g, (_, label: string) => `[^${label}-${i}]`),
    );
  }
  return parts.join('\n');
}

/** Where the bench types: inside a sentence of plain prose near the top (no link around it). */
export const TYPING_ANCHOR = 'who actually run the buildings';

export function typingOffset(text: string): number {
  const at = text.indexOf(TYPING_ANCHOR);
  if (at < 0) throw new Error(`the bench document lost its typing anchor "${TYPING_ANCHOR}"`);
  return at + TYPING_ANCHOR.length;
}
