/** The block splitter: units tile the document, and an edit re-reads only a window around it. */
import { describe, expect, it } from 'vitest';
import { createIncrementalInstance } from '../../../renderer/markdown/incremental/incremental-instance';
import { changedLines, stringLines } from '../../../renderer/markdown/incremental/text-lines';
import { blockStarts, splitAfterEdit, splitAll, frontMatterClose } from '../../../renderer/markdown/incremental/unit-split';
import { resolveConfig } from '../../../renderer/markdown/index';

const md = createIncrementalInstance(resolveConfig({}));
const doc = stringLines;
const change = (before: ReturnType<typeof doc>, after: ReturnType<typeof doc>) => changedLines(before.text, before.starts, after.text, after.starts);
const edit = (before: ReturnType<typeof doc>, old: number[], after: ReturnType<typeof doc>) =>
  splitAfterEdit(md, frontMatterClose(before), old, after, change(before, after));

describe('splitting a document into units', () => {
  it('starts a unit at every top-level block, definitions included, and at line 0', () => {
    const text = '\n\nPara one\ncontinued\n\n> quote\n\n[ref]: https://example.com\n\n[^n]: A note\n    more note\n\n- a\n- b\n';
    expect(splitAll(md, doc(text)).units).toEqual([0, 2, 5, 7, 9, 12]);
  });

  it('keeps front matter as one unit', () => {
    const text = '---\ntitle: T\n---\n\nBody\n';
    expect(splitAll(md, doc(text)).units).toEqual([0, 4]);
    expect(frontMatterClose(doc(text))).toBe(2);
    expect(frontMatterClose(doc('---\ntitle: T\n'))).toBe(-1);
    expect(frontMatterClose(doc('Body'))).toBeNull();
  });

  it('never reads a later `---` as front matter in a window', () => {
    // A rule, then a setext heading: not a header.
    expect(blockStarts(md, doc('Body\n\n---\ntitle: x\n---\n'), 2, 5)).toEqual([2, 3]);
  });
});

describe('splitting after an edit', () => {
  const paragraphs = Array.from({ length: 50 }, (_, i) => `Paragraph ${i}.`).join('\n\n');

  it('keeps the units before the edit and moves the ones after it', () => {
    const before = doc(paragraphs);
    const old = splitAll(md, before).units;
    const edited = doc(paragraphs.replace('Paragraph 20.', 'Paragraph 20.\n\nA new one.'));
    const split = edit(before, old, edited);
    expect(split.units).toEqual(splitAll(md, edited).units);
    expect(split.keptHead).toBeGreaterThan(15);
    expect(split.shift).toBe(2);
    expect(split.units.length - split.tailNew).toBeGreaterThan(25);
  });

  it('follows a block that swallows what follows it (an unclosed fence)', () => {
    const before = doc(paragraphs);
    const old = splitAll(md, before).units;
    const edited = doc(paragraphs.replace('Paragraph 10.', '```\nParagraph 10.'));
    expect(edit(before, old, edited).units).toEqual(splitAll(md, edited).units);
  });

  it('joins a paragraph to the block before when a table loses its delimiter row', () => {
    const text = 'Intro line\n| a | b |\n|---|---|\n| c | d |\n\nAfter.';
    const before = doc(text);
    const old = splitAll(md, before).units;
    expect(old).toEqual([0, 1, 5]);
    const edited = doc(text.replace('|---|---|', 'no longer a table'));
    expect(edit(before, old, edited).units).toEqual([0, 5]);
  });

  it('re-reads from the top when an edit closes front matter far below', () => {
    const text = `---\ntitle: T\n\n${paragraphs}`;
    const before = doc(text);
    const old = splitAll(md, before).units;
    const edited = doc(text.replace('Paragraph 30.', '---'));
    const split = edit(before, old, edited);
    expect(split.units).toEqual(splitAll(md, edited).units);
    expect(split.units[1]).toBeGreaterThan(60);
  });
});
