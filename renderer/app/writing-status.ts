/**
 * Keeps the status bar's writing figures current: the body's words,
 * characters, reading time and grade (recounted at most every 150 ms while
 * typing, at once when a document loads), the front matter's target (from
 * the pipeline's last result), and the selection's counts and the current
 * paragraph's grade (when the cursor moves, once per frame).
 */
import type { EditorState } from '@codemirror/state';
import { countBlocks, countText, readableBlocks, type TextCounts } from '../markdown';
import { paragraphAt } from '../editor/focus-mode';
import { gradeOfBlocks } from '../editor/readability';
import type { StatusBar } from '../ui/status-bar';
import type { AppContext } from './app-context';
import type { LiveRefresh } from './live-refresh';

const RECOUNT_MS = 150;

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
  let body = { words: 0, characters: 0, grade: null as number | null };
  let target: number | null = null;
  let selection: TextCounts | null = null;
  let paragraphGrade: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  const show = () => statusBar.showCounts({ ...body, target, selection, paragraphGrade });

  function recount(): void {
    clearTimeout(timer);
    timer = undefined;
    const blocks = readableBlocks(app.view.state.doc.toString());
    body = { ...countBlocks(blocks), grade: gradeOfBlocks(blocks) };
    measureCursor();
    show();
  }

  function measureCursor(): void {
    const { state } = app.view;
    selection = selectionCounts(state);
    const [first, last] = paragraphAt(state, state.selection.main.head);
    const bodyStart = (refresh.last?.meta.bodyStartLine ?? 0) + 1;
    if (first < bodyStart) {
      paragraphGrade = null;
      return;
    }
    const text = state.sliceDoc(state.doc.line(first).from, state.doc.line(last).to);
    paragraphGrade = gradeOfBlocks(readableBlocks(text, { frontMatter: false }));
  }

  app.onDocChanged(() => {
    if (!timer) timer = setTimeout(recount, RECOUNT_MS);
  });
  app.onDocumentLoaded(recount);
  refresh.onRendered((result) => {
    const next = result.meta.frontMatter?.target ?? null;
    if (next !== target) {
      target = next;
      show();
    }
  });

  return {
    cursorMoved() {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        measureCursor();
        show();
      });
    },
  };
}
