/**
 * The preview: pipeline output, sanitized, patched into a sandboxed frame.
 * Rendering is incremental (renderer/markdown/incremental): each update
 * parses and sanitizes only the blocks an edit touched and patches them in
 * place (block-patcher.ts), so scroll position, selection and loaded images
 * survive typing anywhere else.
 * The frame has no `allow-scripts` and a script-free CSP, so nothing in a
 * document can run there or reach the app's API; this page fills its DOM.
 * Clicks on links are handled here: anchors scroll, web and mail links go to
 * the system browser through main, everything else does nothing.
 */
import type { RenderResult } from '../markdown';
import type { QuoteStyleName } from '../markdown';
import {
  createIncrementalRenderer,
  type IncrementalRenderer,
  type LineChange,
  type LineDocument,
  type RenderedUnit,
} from '../markdown/incremental/incremental-renderer';
import { createSanitizer } from './sanitize';
import { BlockPatcher } from './block-patcher';
import { FragmentCache } from './fragment-cache';
import { ShownPrefix } from './shown-prefix';
import type { ImageUse, PreviewImages } from './remote-images';

export interface PreviewOptions {
  quoteStyle: QuoteStyleName;
  openExternal(url: string): void;
  /**
   * Rewrites images of sanitized content before it reaches the frame (see
   * remote-images.ts). Applied to each new block as it is inserted; when
   * `scope()` returns a new object, every block holding such images is
   * drawn again (the rest keep their nodes).
   */
  images?: Pick<PreviewImages, 'apply'> & Partial<Pick<PreviewImages, 'scope'>>;
}

/** The pipeline's result for what the preview shows, with the units it was drawn from (for the counts). */
export interface PreviewResult extends RenderResult {
  readonly units: readonly RenderedUnit[];
}

export interface PreviewPane {
  /**
   * Renders `doc` now, given the lines changed since the last update
   * ('all' for a new document; see `IncrementalRenderer.edit`).
   */
  update(doc: LineDocument, change: LineChange | null | 'all'): PreviewResult;
  /**
   * Draws more of a document still being drawn (see shown-prefix.ts), for
   * about `budgetMs`; false once every block is on show.
   */
  fill(budgetMs: number): boolean;
  /** Whether every block of the last update is on show. */
  readonly complete: boolean;
  setQuoteStyle(style: QuoteStyleName): void;
  /** The frame's document and the blocks on show, for scroll sync. */
  readonly document: Document;
  readonly patcher: BlockPatcher;
  /** The images on show that an image scope decides on (for the remote images bar). */
  imageUse(): ImageUse;
}

const EXTERNAL = /^(?:https?:|mailto:)/i;

/**
 * Blocks a newly opened document shows at once: the first screens. The rest
 * are drawn in background steps (`fill`, live-refresh.ts), so opening a book-length file doesn't
 * hold the page for a second and more (measured at 100k words: 1.35 s of
 * drawing). Edits to a document on show are drawn whole, however long.
 */
const OPENING_BLOCKS = 60;

export async function createPreviewPane(frame: HTMLIFrameElement, options: PreviewOptions): Promise<PreviewPane> {
  const doc = await frameDocument(frame);
  const article = doc.getElementById('document');
  if (!article) throw new Error('The preview frame is missing its article element.');
  // With an image policy, images load only once it gives their source back (sanitize.ts, holdImages).
  const sanitize = createSanitizer(window, { holdImages: !!options.images });
  let quoteStyle = options.quoteStyle;
  const fragments = new FragmentCache(sanitize);
  const images = options.images;
  const patcher = new BlockPatcher(article, fragments, images ? (root) => images.apply(root) : undefined);
  let imageScope = images?.scope?.();
  let renderer: IncrementalRenderer | null = null;
  let shown = new ShownPrefix();
  /** Blocks one fill step draws: adjusted to what a step took. */
  let fillStep = OPENING_BLOCKS;
  /** `data-drawing` on the frame while part of the document is still to come (tests and the bench wait on it). */
  const markDrawing = (): void => {
    if (frame.hasAttribute('data-drawing') === shown.complete) frame.toggleAttribute('data-drawing', !shown.complete);
  };

  doc.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      doc.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView({ block: 'center' });
    } else if (EXTERNAL.test(href)) {
      options.openExternal(href);
    }
  });

  return {
    update(doc, change) {
      const t0 = performance.now();
      renderer ??= createIncrementalRenderer({ quoteStyle, sourceLines: true });
      const result = renderer.edit(doc, change);
      const t1 = performance.now();
      const scope = images?.scope?.();
      if (scope !== imageScope) {
        imageScope = scope;
        // Only images beside the document or on the web look different under another scope.
        const use = patcher.imageUse();
        if (use.hasLocal || use.remoteUrls.length > 0) patcher.redrawImages();
      }
      if (change === 'all') shown = new ShownPrefix();
      patcher.patch(shown.update(result, change === 'all' || !shown.complete ? OPENING_BLOCKS : Infinity));
      markDrawing();
      performance.measure('byline:render', { start: t0, end: t1 });
      performance.measure('byline:patch', { start: t1, end: performance.now() });
      return {
        meta: result.meta,
        units: result.units,
        get html() {
          return result.html();
        },
      };
    },
    fill(budgetMs) {
      if (shown.complete) return false;
      const t0 = performance.now();
      const before = shown.counts;
      const view = shown.grow(fillStep);
      if (view) patcher.patch(view);
      const took = performance.now() - t0;
      const drawn = shown.counts.units + shown.counts.items - before.units - before.items;
      // Aim the next step at the budget, from what this one cost a block (smoothed: blocks differ).
      if (drawn > 0) fillStep = Math.max(8, Math.min(1000, Math.round((fillStep + (drawn * budgetMs) / Math.max(took, 0.1)) / 2)));
      markDrawing();
      performance.measure('byline:fill', { start: t0, end: performance.now() });
      return !shown.complete;
    },
    get complete() {
      return shown.complete;
    },
    setQuoteStyle(style) {
      if (style !== quoteStyle) renderer = null;
      quoteStyle = style;
    },
    document: doc,
    patcher,
    imageUse: () => patcher.imageUse(),
  };
}

/** Resolves once the frame's own document (preview.html) has loaded. */
function frameDocument(frame: HTMLIFrameElement): Promise<Document> {
  const ready = () => {
    const doc = frame.contentDocument;
    return doc && doc.readyState === 'complete' && doc.getElementById('document') ? doc : null;
  };
  const now = ready();
  if (now) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const onLoad = () => {
      const doc = ready();
      if (doc) {
        frame.removeEventListener('load', onLoad);
        resolve(doc);
      }
    };
    frame.addEventListener('load', onLoad);
    setTimeout(() => reject(new Error('The preview frame did not load.')), 10_000);
  });
}
