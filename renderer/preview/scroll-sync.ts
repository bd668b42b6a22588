/**
 * Scroll sync both ways between the editor and the preview, by source line:
 * the preview's blocks carry `data-line` (kept current by the block patcher),
 * so the line at the top of one pane is found by binary search over the
 * blocks (a dozen layout reads on a book-length document), and the other
 * pane scrolls to the same line, interpolating within a block. One sync per
 * frame; a scroll we caused ourselves is recognised and not echoed back.
 */
import type { EditorView } from '@codemirror/view';
import type { LiveBlock } from './block-patcher';
import type { PreviewPane } from './preview-pane';

interface Anchor {
  block: LiveBlock;
  el: Element;
}

export interface ScrollSync {
  /** The source line (fractional) at the top of the editor. */
  editorTopLine(): number;
  /** Scrolls the preview so `line` is at its top. */
  scrollPreviewTo(line: number): void;
  destroy(): void;
}

export function installScrollSync(view: EditorView, pane: PreviewPane, frame: HTMLIFrameElement): ScrollSync {
  const doc = pane.document;
  const win = doc.defaultView!;
  let anchors: Anchor[] = [];
  let anchorsVersion = -1;
  let expectPreview: number | null = null;
  let expectEditor: number | null = null;
  let frameId = 0;
  let leader: 'editor' | 'preview' | null = null;

  const currentAnchors = (): Anchor[] => {
    if (anchorsVersion !== pane.patcher.version) {
      anchorsVersion = pane.patcher.version;
      anchors = [];
      for (const block of pane.patcher.blocks) if (block.lines[0]) anchors.push({ block, el: block.lines[0].el });
    }
    return anchors;
  };
  const lineOf = (a: Anchor): number => a.block.start + a.block.lines[0]!.rel;
  const topOf = (a: Anchor): number => a.el.getBoundingClientRect().top + win.scrollY;

  function editorTopLine(): number {
    const scroller = view.scrollDOM;
    const height = scroller.getBoundingClientRect().top - view.documentTop;
    const block = view.lineBlockAtHeight(Math.max(0, height));
    const line = view.state.doc.lineAt(block.from).number - 1;
    return line + Math.min(1, Math.max(0, (height - block.top) / Math.max(1, block.height)));
  }

  function scrollPreviewTo(line: number): void {
    const list = currentAnchors();
    if (list.length === 0) return;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineOf(list[mid]!) <= line) lo = mid;
      else hi = mid - 1;
    }
    const a = list[lo]!;
    const b = list[lo + 1];
    let y = topOf(a);
    if (b && lineOf(a) <= line) y += ((line - lineOf(a)) / Math.max(1, lineOf(b) - lineOf(a))) * (topOf(b) - y);
    const target = Math.max(0, Math.round(y - 8));
    if (Math.abs(win.scrollY - target) < 1) return;
    expectPreview = target;
    win.scrollTo(0, target);
  }

  function previewTopLine(): number | null {
    const list = currentAnchors();
    if (list.length === 0) return null;
    const y = win.scrollY + 8;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (topOf(list[mid]!) <= y) lo = mid;
      else hi = mid - 1;
    }
    const a = list[lo]!;
    const b = list[lo + 1];
    const top = topOf(a);
    if (!b || y < top) return lineOf(a);
    return lineOf(a) + ((y - top) / Math.max(1, topOf(b) - top)) * (lineOf(b) - lineOf(a));
  }

  function scrollEditorTo(line: number): void {
    const text = view.state.doc;
    const whole = Math.min(text.lines, Math.floor(line) + 1);
    const block = view.lineBlockAt(text.line(whole).from);
    const scroller = view.scrollDOM;
    const offset = view.documentTop - scroller.getBoundingClientRect().top + scroller.scrollTop;
    const target = Math.max(0, Math.round(block.top + (line - Math.floor(line)) * block.height + offset));
    if (Math.abs(scroller.scrollTop - target) < 1) return;
    expectEditor = target;
    scroller.scrollTop = target;
  }

  const visible = (): boolean => frame.clientHeight > 0 && view.scrollDOM.clientHeight > 0;
  const sync = (): void => {
    frameId = 0;
    if (!visible()) return;
    const start = performance.now();
    if (leader === 'editor') scrollPreviewTo(editorTopLine());
    else if (leader === 'preview') {
      const line = previewTopLine();
      if (line !== null) scrollEditorTo(line);
    }
    // Timed for `npm run bench`.
    performance.measure(`byline:scroll-sync:${leader}`, { start, end: performance.now() });
  };
  const request = (from: 'editor' | 'preview'): void => {
    leader = from;
    if (!frameId) frameId = requestAnimationFrame(sync);
  };

  const onEditorScroll = (): void => {
    const top = view.scrollDOM.scrollTop;
    if (expectEditor !== null && Math.abs(top - expectEditor) <= 1) {
      expectEditor = null;
      return;
    }
    expectEditor = null;
    request('editor');
  };
  const onPreviewScroll = (): void => {
    if (expectPreview !== null && Math.abs(win.scrollY - expectPreview) <= 1) {
      expectPreview = null;
      return;
    }
    expectPreview = null;
    request('preview');
  };
  view.scrollDOM.addEventListener('scroll', onEditorScroll, { passive: true });
  doc.addEventListener('scroll', onPreviewScroll, { passive: true });

  return {
    editorTopLine,
    scrollPreviewTo,
    destroy() {
      view.scrollDOM.removeEventListener('scroll', onEditorScroll);
      doc.removeEventListener('scroll', onPreviewScroll);
      if (frameId) cancelAnimationFrame(frameId);
    },
  };
}
