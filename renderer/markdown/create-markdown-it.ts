/**
 * Builds the configured markdown-it instance: the CommonMark core (+ GFM
 * tables and strikethrough), and on top of it Byline's dialect: typographer,
 * footnotes, front matter header, quote figures and footnoted sources.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { sourceLinesPlugin } from './source-lines';
import { linearFootnoteTailPlugin } from './footnote-tail';
import { inlineNoteIdsPlugin } from './inline-note-ids';
import { quotePairs, type QuoteStyleName } from './quote-styles';
import { frontMatterPlugin } from './front-matter';
import { quoteFiguresPlugin } from './quote-figures';
import { sourceLinksPlugin } from './source-links';
import type { LinkMode } from './source-types';

export interface PipelineConfig {
  /** Byline's dialect on top of the core; false = the core alone (the options below are then ignored). */
  dialect: boolean;
  /** Curly quotes, dashes and ellipses. */
  typographer: boolean;
  /** Which quotation marks the typographer uses. */
  quoteStyle: QuoteStyleName;
  /** Body links as link only, source marker only, or both (see source-links.ts). */
  links: LinkMode;
  /** BCP 47 locale for dates in the article header. */
  locale: string;
  /** Adds `data-line` (0-based source line) to top-level blocks, for scroll sync. */
  sourceLines: boolean;
}

/**
 * The core: what markdown-it's 'commonmark' preset outputs (XHTML-style void
 * tags, raw HTML allowed, no linkify), plus tables and strikethrough, which
 * no CommonMark example uses. The conformance test holds it to that.
 */
export function createCoreMarkdownIt(options: { typographer?: boolean; quotes?: string[] } = {}): MarkdownItInstance {
  return new MarkdownIt('default', {
    html: true,
    xhtmlOut: true,
    linkify: false,
    typographer: options.typographer ?? false,
    ...(options.quotes ? { quotes: options.quotes } : {}),
  });
}

export function createMarkdownIt(config: PipelineConfig): MarkdownItInstance {
  if (!config.dialect) {
    const core = createCoreMarkdownIt();
    if (config.sourceLines) core.use(sourceLinesPlugin);
    return core;
  }
  const md = createCoreMarkdownIt({ typographer: config.typographer, quotes: quotePairs(config.quoteStyle) });
  md.use(footnote);
  md.use(linearFootnoteTailPlugin); // the plugin's own tail is quadratic in the number of notes
  md.use(inlineNoteIdsPlugin); // the plugin's inline notes lose references first made inside them
  md.use(frontMatterPlugin, { locale: config.locale });
  md.use(quoteFiguresPlugin);
  md.use(sourceLinksPlugin, { links: config.links });
  if (config.sourceLines) md.use(sourceLinesPlugin);
  return md;
}
