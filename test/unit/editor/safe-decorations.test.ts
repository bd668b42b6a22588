// Runs in Node, without a DOM: the guard every decoration source of the editor goes through.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EditorState } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { decorationProblem, safeDecorations } from '../../../renderer/editor/safe-decorations';

class Chip extends WidgetType {
  toDOM(): HTMLElement {
    throw new Error('not drawn in these tests');
  }
}

/** A two-line document whose exceptions land in `logged`. */
function setup(text = 'See [the survey](https://example.org/stats\n) here.') {
  const logged: string[] = [];
  const state = EditorState.create({ doc: text, extensions: EditorView.exceptionSink.of((e) => logged.push(String(e))) });
  return { state, logged };
}

const ranges = (set: ReturnType<typeof safeDecorations>) => {
  const found: [number, number][] = [];
  set.between(0, 1e9, (from, to) => void found.push([from, to]));
  return found;
};

describe('safeDecorations', () => {
  it('drops a view plugin’s replacement across a line break, keeps the rest, and says so once', () => {
    const { state, logged } = setup();
    const across = Decoration.replace({ widget: new Chip() }).range(16, 45);
    const within = Decoration.replace({ widget: new Chip() }).range(4, 5);
    const mark = Decoration.mark({ class: 'x' }).range(0, 48);
    expect(ranges(safeDecorations('Chips test', state, 'plugin', () => [across, within, mark]))).toEqual([[0, 48], [4, 5]]);
    expect(logged).toEqual(['RangeError: Chips test: skipped a replacement across a line break from a view plugin (16–45)']);
    safeDecorations('Chips test', state, 'plugin', () => [across]);
    expect(logged).toHaveLength(1);
  });

  it('lets a state field replace a line break (CodeMirror allows it there)', () => {
    const { state, logged } = setup();
    const across = Decoration.replace({}).range(16, 45);
    expect(ranges(safeDecorations('Field test', state, 'field', () => [across]))).toEqual([[16, 45]]);
    expect(logged).toEqual([]);
  });

  it('drops block widgets from a plugin and ranges outside the document', () => {
    const { state, logged } = setup();
    const block = Decoration.widget({ widget: new Chip(), block: true }).range(0);
    const past = Decoration.mark({ class: 'x' }).range(40, 400);
    expect(ranges(safeDecorations('Odd test', state, 'plugin', () => [block, past]))).toEqual([]);
    expect(logged).toEqual([
      'RangeError: Odd test: skipped a block decoration from a view plugin (at 0–0)',
      `RangeError: Odd test: skipped out of the document (40–400 in a document of ${state.doc.length})`,
    ]);
  });

  it('takes ranges in any order', () => {
    const { state } = setup('one\ntwo\nthree');
    const line = Decoration.line({ class: 'q' });
    expect(ranges(safeDecorations('Order test', state, 'plugin', () => [line.range(8), line.range(0), line.range(4)]))).toEqual([[0, 0], [4, 4], [8, 8]]);
  });

  it('turns a builder that throws into no decorations and a report, instead of a crash', () => {
    const { state, logged } = setup();
    const set = safeDecorations('Throw test', state, 'plugin', () => {
      throw new TypeError('bad node');
    });
    expect(set.size).toBe(0);
    expect(logged).toEqual(['RangeError: Throw test: skipped every decoration: its builder threw (TypeError: bad node)']);
  });

  it('says nothing about ranges CodeMirror accepts', () => {
    const { state } = setup();
    expect(decorationProblem(Decoration.replace({}).range(4, 16), state, 'plugin')).toBeNull();
    expect(decorationProblem(Decoration.mark({ class: 'x' }).range(0, state.doc.length), state, 'plugin')).toBeNull();
  });
});

describe('every decoration source in renderer/editor', () => {
  const dir = fileURLToPath(new URL('../../../renderer/editor/', import.meta.url));
  const sources = readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && name !== 'safe-decorations.ts')
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }))
    .filter(({ text }) => /\{ decorations: |EditorView\.decorations\./.test(text));

  it('finds the sources it checks', () => {
    expect(sources.map((s) => s.name).sort()).toEqual(['focus-mode.ts', 'front-matter-error.ts', 'link-chips.ts', 'quote-styling.ts', 'style-checks.ts']);
  });

  it.each(sources.map((s) => [s.name, s.text]))('%s builds its decorations through safeDecorations only', (_name, text) => {
    expect(text).toContain('safeDecorations(');
    expect(text).not.toMatch(/RangeSetBuilder|Decoration\.set\(/);
  });
});
