/**
 * What the incremental renderer re-parses: only the units an edit touched,
 * plus exactly the units that looked up a definition the edit changed.
 * Numbers that move (a new first citation above) redraw the marker's block
 * without re-parsing it.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../../renderer/markdown/index';
import { createIncrementalRenderer } from '../../../renderer/markdown/incremental/incremental-renderer';

const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} cites [site ${i}](https://example.com/${i}).`);

function setup(text: string) {
  const renderer = createIncrementalRenderer({ sourceLines: true });
  const first = renderer.update(text);
  return { renderer, first };
}

describe('cache invalidation', () => {
  it('re-parses only the edited paragraph and keeps every other unit object', () => {
    const text = paragraphs.join('\n\n');
    const { renderer, first } = setup(text);
    const next = renderer.update(text.replace('Paragraph 20 cites', 'Paragraph 20 now cites'));
    expect(next.parsedUnits).toBe(1);
    const kept = next.units.filter((unit, i) => unit.parsed === first.units[i]!.parsed).length;
    expect(kept).toBe(first.units.length - 1);
    expect(next.html()).toBe(render(text.replace('Paragraph 20 cites', 'Paragraph 20 now cites'), { sourceLines: true }).html);
  });

  it('shifts lines without re-parsing or redrawing the blocks below', () => {
    const text = paragraphs.join('\n\n');
    const { renderer, first } = setup(text);
    const edited = `\n\n${text}`;
    const next = renderer.update(edited);
    // A blank unit now leads, and the first paragraph is no longer at line 0 (where front matter could be).
    expect(next.units.length).toBe(first.units.length + 1);
    expect(next.units.slice(2).every((unit, i) => unit.parsed === first.units[i + 1]!.parsed && unit.html === first.units[i + 1]!.html)).toBe(true);
    expect(next.parsedUnits).toBe(2);
    expect(next.html()).toBe(render(edited, { sourceLines: true }).html);
  });

  it('redraws blocks whose numbers moved when a new source is cited above them', () => {
    const text = paragraphs.join('\n\n');
    const { renderer, first } = setup(text);
    const edited = text.replace('Paragraph 0 cites', 'Paragraph 0 cites [a new one](https://example.org/new) and');
    const next = renderer.update(edited);
    expect(next.parsedUnits).toBe(1);
    expect(next.units[5]!.parsed).toBe(first.units[5]!.parsed);
    expect(next.units[5]!.html).not.toBe(first.units[5]!.html);
    expect(next.html()).toBe(render(edited, { sourceLines: true }).html);
  });

  it('re-parses the units that use a reference definition when it changes, and only those', () => {
    const text = [...paragraphs.slice(0, 10), 'See [the ref][r].', ...paragraphs.slice(10, 20), '[r]: https://example.com/one'].join('\n\n');
    const { renderer } = setup(text);
    const edited = text.replace('https://example.com/one', 'https://example.com/two');
    const next = renderer.update(edited);
    expect(next.parsedUnits).toBe(2); // the definition and the paragraph using it
    expect(next.html()).toBe(render(edited, { sourceLines: true }).html);
  });

  it('re-parses a note reference when its definition appears or goes', () => {
    const text = ['Cites a note.[^n]', ...paragraphs.slice(0, 5)].join('\n\n');
    const { renderer, first } = setup(text);
    expect(first.html()).toContain('[^n]');
    const defined = `${text}\n\n[^n]: The note.`;
    const next = renderer.update(defined);
    expect(next.html()).toBe(render(defined, { sourceLines: true }).html);
    expect(next.html()).not.toContain('[^n]');
    expect(renderer.update(text).html()).toBe(first.html());
  });

  it('takes a unit back from the pool when its text returns (undo, moved block)', () => {
    const text = paragraphs.join('\n\n');
    const { renderer, first } = setup(text);
    const without = text.replace(`\n\n${paragraphs[7]}`, '');
    renderer.update(without);
    const back = renderer.update(text);
    expect(back.parsedUnits).toBe(0);
    expect(back.units[7]!.parsed).toBe(first.units[7]!.parsed);
  });
});
