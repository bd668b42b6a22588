/**
 * Keeps the status bar's writing figures current: the body's words,
 * characters, reading time and grade, and the front matter's target, after
 * every preview refresh, from the units the pipeline parsed (body-stats.ts
 * counts only the blocks that are new); and the selection's counts and the
 * current paragraph's grade when the cursor moves. All of it runs after the
 * editor's frame is painted, never before it: the body's figures with the
 * preview's refresh, so they change in the preview's frame, not a third one.
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

/**
 * The count right after a refresh may take this long (a keystroke's takes
 * some microseconds: only the block typed in is new); a longer one, a long
 * document's first, goes on in slices of COUNT_SLICE_MS between frames.
 */
const FIRST_SLICE_MS = 1;
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

  // Right after a refresh, so the figures change in the preview's frame; a count that takes longer (a
  // newly opened long document) goes on in slices between frames.
  function recount(budgetMs: number): void {
    const result = refresh.last;
    if (!result) return;
    const figures = stats.count(result.units, budgetMs);
    if (!figures) {
      // A new document's figures are all to come: say so rather than show the last one's. An edit's
      // long paste keeps the figures from before it until the count is done (they are nearly right).
      if (refresh.lastWasNew && shown !== result) statusBar.showCounting();
      slices.schedule();
      return;
    }
    target = result.meta.frontMatter?.target ?? null;
    if (shown !== result) {
      shown = result;
      body = figures;
      measureCursor();
      show();
    }
  }
  const slices = createAfterPaint(() => recount(COUNT_SLICE_MS));
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

  refresh.onRendered(() => {
    slices.cancel();
    recount(FIRST_SLICE_MS);
  });

  return {
    cursorMoved() {
      cursor.schedule();
    },
  };
}
