/**
 * The welcome document is read in the soft-wrapping editor: a paragraph
 * hard-wrapped at 80 columns shows as ragged lines there, so every paragraph
 * is one line (lists and quotes keep one line per item or quote line).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripFrontMatter } from '../../../renderer/markdown/word-count';

const WELCOME = readFileSync(path.join(__dirname, '../../../assets/welcome.md'), 'utf8');

describe('the welcome document', () => {
  it('has one line per paragraph, no hard wraps', () => {
    const body = stripFrontMatter(WELCOME);
    const wrapped: string[] = [];
    for (const block of body.trim().split(/\n{2,}/)) {
      const lines = block.split('\n');
      const kind = /^(?:[-*+] |\d+\. )/.test(lines[0]!) ? 'list' : lines[0]!.startsWith('>') ? 'quote' : 'paragraph';
      if (kind === 'list' && lines.every((line) => /^(?:[-*+] |\d+\. )/.test(line))) continue;
      if (kind === 'quote' && lines.every((line) => line.startsWith('>'))) continue;
      if (kind === 'paragraph' && lines.length === 1) continue;
      wrapped.push(block);
    }
    expect(wrapped).toEqual([]);
  });
});
