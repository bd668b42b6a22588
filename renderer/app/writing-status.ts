/**
 * Keeps the status bar's writing figures current: the body's words,
 * characters, reading time and grade, and the front matter's target, after
 * every preview refresh, from the units the pipeline parsed (body-stats.ts
 * counts only the blocks that are new); and the selection's counts and the
 * current paragraph's grade when the cursor moves. All of it runs after the
 * editor's frame is painted, never before it.
 */
import type { EditorState } from '@codemirror/state';
import { countText, readableBlocks, type TextCounts } from '../markdown';
import { paragraphAt } from '../editor/focus-mode';
import { gradeOfBlocks } from '../editor/readability';
import { createAfterPaint } from '../preview/after-paint';
import type { StatusBar } from '../ui/status-bar';
import type { AppContext } from './app-context';
import { BodyStats, type BodyFigures } from './body-stats';
import type { LiveRefresh } from './live-refresh';

/** A first count of a long document goes in slices of this much, between frames. */
const COUNT_SLICE_MS = 8;

export interface WritingStatus {
  /** The selection or cursor moved. */
  cursorMoved(): void;
}

function selectionCounts(state: EditorState): TextCounts | null {
  const ranges = state.selection.ranges.filter((r) => !r.empty);
  if (ranges.length === 0) return null;
  return countText(ranges.map((r) => state.sliceDoc(r.from, r.to)).join('\n\n'), { frontMatter: state.selection.main.from === 0 });
}

export function installWritingStatus(app: AppContext, refresh: LiveRefresh, statusBar: StatusBar): WritingStatus {
  let body: BodyFigures = { words: 0, characters: 0, grade: null };
  let target: number | null = null;
  let selection: TextCounts | null = null;
  let paragraphGrade: number | null = null;
  const stats = new BodyStats();
  let shown: unknown = null;

  const show = () => statusBar.showCounts({ ...body, target, selection, paragraphGrade });

  // After the refresh's own frame: count what is new, in slices if there is much.
  const recount = createAfterPaint(() => {
    const result = refresh.last;
    if (!result) return;
    const figures = stats.count(result.units, COUNT_SLICE_MS);
    if (!figures) {
      // A new document's figures are all to come: say so rather than show the last one's. An edit's
      // long paste keeps the figures from before it until the count is done (they are nearly right).
      if (refresh.lastWasNew && shown !== result) statusBar.showCounting();
      recount.schedule();
      return;
    }
    target = result.meta.frontMatter?.target ?? null;
    if (shown !== result) {
      shown = result;
      body = figures;
      measureCursor();
      show();
    }
  });
  const cursor = createAfterPaint(() => {
    measureCursor();
    show();
  });

  // What the last measure saw: a keystroke asks twice (the cursor moved, then
  // the refresh landed), and the second time nothing has changed.
  let measured: { doc: EditorState['doc']; selection: EditorState['selection']; bodyStart: number } | null = null;

  function measureCursor(): void {
    const { state } = app.view;
    const bodyStart = (refresh.last?.meta.bodyStartLine ?? 0) + 1;
    if (measured && measured.doc === state.doc && measured.selection.eq(state.selection) && measured.bodyStart === bodyStart) return;
    measured = { doc: state.doc, selection: state.selection, bodyStart };
    selection = selectionCounts(state);
    const [first, last] = paragraphAt(state, state.selection.main.head);
    if (first < bodyStart) {
      paragraphGrade = null;
      return;
    }
    const text = state.sliceDoc(state.doc.line(first).from, state.doc.line(last).to);
    paragraphGrade = gradeOfBlocks(readableBlocks(text, { frontMatter: false }));
  }

  refresh.onRendered(() => recount.schedule());

  return {
    cursorMoved() {
      cursor.schedule();
    },
  };
}
