// Runs in Node: the counting rule (renderer/markdown/word-count.ts) on the sample op-ed and on each exclusion.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countText, countWords, readableBlocks } from '../../../renderer/markdown/word-count';
import { readingMinutes, READING_WPM } from '../../../renderer/ui/status-format';

const sample = readFileSync(fileURLToPath(new URL('../../fixtures/sample-oped.md', import.meta.url)), 'utf8');

describe('counting the sample op-ed', () => {
  it('counts 545 words and 3,085 characters of body text', () => {
    expect(countText(sample)).toEqual({ words: 545, characters: 3085 });
    expect(countWords(sample)).toBe(545);
  });
  it('reads in 3 minutes at 238 words a minute', () => {
    expect(READING_WPM).toBe(238);
    expect(readingMinutes(545)).toBe(3);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
  });
  it('keeps the footnote text but not its marker, and splits quote from attribution', () => {
    const blocks = readableBlocks(sample);
    expect(blocks.at(-1)).toBe('Figures are for the four largest branches; the smaller branches do not record visits by hour.');
    expect(blocks).toContain('— A Riverton councillor, at the pilot\'s one-year review');
    expect(blocks.join(' ')).not.toMatch(/https?:|\[\^|hours\]|target|Riverside Argument/);
  });
});

describe('the counting rule', () => {
  const count = (markdown: string) => countText(markdown).words;
  it('skips front matter, link targets, images, footnote markers, HTML and bare URLs', () => {
    expect(count('---\ntitle: Five words in the title\ntarget: 650\n---\nOne two.')).toBe(2);
    expect(count('A [linked phrase](https://example.org/a/b "Title words") here.')).toBe(4);
    expect(count('Text ![an image alt](pic.png) end.')).toBe(2);
    expect(count('Claim.[^note]\n\n[^note]: Two words.')).toBe(3);
    expect(count('Plain <span class="x">text</span> and https://example.org/x?y=1 www.example.com end.')).toBe(4);
    expect(count('See [the ref][1].\n\n[1]: https://example.org "Ignored title"')).toBe(3);
  });
  it('skips Markdown punctuation', () => {
    expect(count('# Heading one\n\n> - **bold** _it_ `code`\n\n1. item\n\n---\n\n| a | b |\n|---|---|\n| c | d |')).toBe(10);
  });
  it('treats apostrophes and inner hyphens as part of a word; dashes split', () => {
    expect(count("Don't stop a one-year plan — 2024–25.")).toBe(7); // Don't, stop, a, one-year, plan, 2024, 25
  });
  it('counts characters as the plain text: one space between words, none between paragraphs', () => {
    expect(countText('**Bold** move.\n\nNext   one.')).toEqual({ words: 4, characters: 10 + 9 });
    expect(countText('café ☕').characters).toBe(6);
  });
  it('counts a selection without looking for front matter', () => {
    expect(countText('---\nnot: front matter\n---\nx', { frontMatter: false }).words).toBe(4);
  });
});
