/**
 * The preview: pipeline output, sanitized, patched into a sandboxed frame.
 * The frame has no `allow-scripts` and a script-free CSP, so nothing in a
 * document can run there or reach the app's API; this page fills its DOM.
 * Clicks on links are handled here: anchors scroll, web and mail links go to
 * the system browser through main, everything else does nothing.
 */
import { render, type RenderResult } from '../markdown';
import type { QuoteStyleName } from '../markdown';
import { createSanitizer } from './sanitize';
import { patchChildren } from './patch-children';

export interface PreviewOptions {
  quoteStyle: QuoteStyleName;
  openExternal(url: string): void;
}

export interface PreviewPane {
  /** Renders now; returns the pipeline result (for the outline, counts…). */
  update(markdown: string): RenderResult;
  setQuoteStyle(style: QuoteStyleName): void;
}

const EXTERNAL = /^(?:https?:|mailto:)/i;

export async function createPreviewPane(frame: HTMLIFrameElement, options: PreviewOptions): Promise<PreviewPane> {
  const doc = await frameDocument(frame);
  const article = doc.getElementById('document');
  if (!article) throw new Error('The preview frame is missing its article element.');
  const sanitize = createSanitizer(window);
  let quoteStyle = options.quoteStyle;

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
    update(markdown) {
      const t0 = performance.now();
      const result = render(markdown, { quoteStyle, sourceLines: true });
      const t1 = performance.now();
      const clean = sanitize(result.html);
      const t2 = performance.now();
      patchChildren(article, clean);
      performance.measure('byline:render', { start: t0, end: t1 });
      performance.measure('byline:sanitize', { start: t1, end: t2 });
      performance.measure('byline:patch', { start: t2, end: performance.now() });
      return result;
    },
    setQuoteStyle(style) {
      quoteStyle = style;
    },
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
