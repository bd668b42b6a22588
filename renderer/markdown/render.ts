/**
 * THE pipeline: Markdown → HTML + metadata.
 *
 * DOM-free and Node-free (see this folder's tsconfig), so the preview, every
 * export and the CLI render with the same code and the preview is the export.
 * Byline's dialect is markdown-it plugins registered in `create-markdown-it.ts`;
 * per-document state (numbering, metadata) lives in markdown-it's `env`.
 */
import { createMarkdownIt, type PipelineConfig } from './create-markdown-it';
import type { DocumentMeta } from './document-meta';
import { collectMeta } from './document-meta';
import { isQuoteStyle } from './quote-styles';
import { LINK_MODES, type LinkMode } from './source-types';

export type { DocumentMeta } from './document-meta';
export type { PipelineConfig } from './create-markdown-it';

export interface RenderOptions extends Partial<PipelineConfig> {}

export interface RenderResult {
  html: string;
  meta: DocumentMeta;
}

export const DEFAULT_PIPELINE_CONFIG: Readonly<PipelineConfig> = Object.freeze({
  dialect: true,
  typographer: true,
  quoteStyle: 'en',
  links: 'both',
  locale: 'en-GB',
  sourceLines: false,
});

// One instance per distinct config; a handful in practice, capped anyway.
const MAX_INSTANCES = 32;
const instances = new Map<string, ReturnType<typeof createMarkdownIt>>();

function instanceFor(config: PipelineConfig): ReturnType<typeof createMarkdownIt> {
  const key = JSON.stringify(config);
  let md = instances.get(key);
  if (!md) {
    if (instances.size >= MAX_INSTANCES) instances.clear();
    md = createMarkdownIt(config);
    instances.set(key, md);
  }
  return md;
}

/** Options as a complete config, field by field: unknown values fall back to the defaults. */
export function resolveConfig(options: RenderOptions = {}): PipelineConfig {
  const d = DEFAULT_PIPELINE_CONFIG;
  const dialect = typeof options.dialect === 'boolean' ? options.dialect : d.dialect;
  const sourceLines = typeof options.sourceLines === 'boolean' ? options.sourceLines : d.sourceLines;
  // Without the dialect the other options do nothing: one instance serves them all.
  if (!dialect) return { ...d, dialect, sourceLines };
  return {
    dialect,
    typographer: typeof options.typographer === 'boolean' ? options.typographer : d.typographer,
    quoteStyle: isQuoteStyle(options.quoteStyle) ? options.quoteStyle : d.quoteStyle,
    links: LINK_MODES.includes(options.links as LinkMode) ? (options.links as LinkMode) : d.links,
    locale: validLocale(options.locale) ?? d.locale,
    sourceLines,
  };
}

function validLocale(locale: unknown): string | undefined {
  if (typeof locale !== 'string' || locale === '') return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

/** Renders a whole document. Never throws on any input string. */
export function render(markdown: string, options: RenderOptions = {}): RenderResult {
  const md = instanceFor(resolveConfig(options));
  const env: Record<string, unknown> = {};
  const tokens = md.parse(markdown, env);
  const html = md.renderer.render(tokens, md.options, env);
  return { html, meta: collectMeta(tokens, env) };
}
