/** The pipeline's public face: render, count. Nothing here touches DOM or Node. */
export {
  render,
  resolveConfig,
  DEFAULT_PIPELINE_CONFIG,
  type RenderOptions,
  type RenderResult,
  type DocumentMeta,
  type PipelineConfig,
} from './render';
export type { Heading, FrontMatter, FrontMatterError, Citation, EmptyLink, LinkMode, NoteEntry, SourceEntry } from './document-meta';
export { createMarkdownIt, createCoreMarkdownIt } from './create-markdown-it';
export { countBlocks, countWords, countText, countWordsInText, readableBlocks, stripFrontMatter, type TextCounts } from './word-count';
export { QUOTE_STYLES, isQuoteStyle, type QuoteStyleName } from './quote-styles';
export { LINK_MODES } from './source-types';
export { createIncrementalRenderer, type IncrementalRenderer, type IncrementalResult } from './incremental/incremental-renderer';
