/**
 * The pipeline, as exports run it: the same markdown-it instance the preview
 * uses (Byline's dialect from renderer/markdown), with renderer rules
 * overridden by name only where an export must differ: raw HTML goes through
 * the export policy (raw-html.ts) and images are embedded or become their alt
 * text (embed-images.ts). Parsing and rendering are two steps so images can be
 * read from disk in between.
 */
import type { MarkdownIt, Token } from 'markdown-it';
import { createMarkdownIt } from '../../../renderer/markdown/create-markdown-it';
import { collectMeta, type DocumentMeta } from '../../../renderer/markdown/document-meta';
import { resolveConfig, type RenderOptions } from '../../../renderer/markdown/render';
import { installRawHtmlPolicy } from './raw-html';
import type { ImageResolution } from './embed-images';

export interface ParsedDocument {
  md: MarkdownIt;
  tokens: Token[];
  env: Record<string, unknown>;
  meta: DocumentMeta;
}

const IMAGES_KEY = 'bylineExportImages';
/** A token page-notes.ts inserts; its content is markup built and escaped there. */
export const PAGE_NOTE_TOKEN = 'byline_page_note';
const instances = new Map<string, MarkdownIt>();

function exportInstance(options: RenderOptions): MarkdownIt {
  const config = resolveConfig({ ...options, sourceLines: false });
  const key = JSON.stringify(config);
  let md = instances.get(key);
  if (!md) {
    md = createMarkdownIt(config);
    md.set({ xhtmlOut: false }); // HTML5 void tags (`<br>`), as validators expect; same elements
    installRawHtmlPolicy(md);
    installImageRule(md);
    md.renderer.rules[PAGE_NOTE_TOKEN] = (tokens, idx) => tokens[idx]!.content;
    instances.set(key, md);
  }
  return md;
}

/** Parses a document for export. Never throws on any input string. */
export function parseForExport(markdown: string, options: RenderOptions = {}): ParsedDocument {
  const md = exportInstance(options);
  const env: Record<string, unknown> = {};
  const tokens = md.parse(markdown, env);
  return { md, tokens, env, meta: collectMeta(tokens, env) };
}

/** The article's inner HTML (header, body, Sources), with images as resolved. */
export function renderParsed(doc: ParsedDocument, images: ReadonlyMap<string, ImageResolution> = new Map()): string {
  doc.env[IMAGES_KEY] = images;
  return doc.md.renderer.render(doc.tokens, doc.md.options, doc.env);
}

/** What a reader sees in place of an image that isn't embedded. */
export function imagePlaceholder(alt: string): string {
  return alt.trim() ? `[Image: ${alt.trim()}]` : '[Image]';
}

function installImageRule(md: MarkdownIt): void {
  const escape = md.utils.escapeHtml;
  md.renderer.rules.image = (tokens, idx, options, env, slf) => {
    const token = tokens[idx]!;
    const alt = slf.renderInlineAsText(token.children ?? [], options, env);
    const title = String(token.attrGet('title') ?? '');
    const titleAttr = title ? ` title="${escape(title)}"` : '';
    const images = (env as Record<string, unknown>)[IMAGES_KEY] as ReadonlyMap<string, ImageResolution> | undefined;
    const found = images?.get(String(token.attrGet('src') ?? ''));
    if (found?.kind === 'embedded') return `<img src="${found.dataUri}" alt="${escape(alt)}"${titleAttr}>`;
    return `<span class="image-placeholder"${titleAttr}>${escape(imagePlaceholder(alt))}</span>`;
  };
}
