/**
 * The standalone HTML export: one file with everything inline (CSS, fonts,
 * images as data: URIs), no script, and a Content-Security-Policy that lets
 * nothing load or run even if something slipped through. `<title>`, author,
 * description (the dek) and keywords come from the front matter; `lang`
 * from the document's locale. Also the fragment for pasting into a CMS:
 * the `<article>` alone, no styles.
 */
import type { FrontMatter } from '../../../renderer/markdown/front-matter-fields';
import type { ParsedDocument } from './export-markdown';
import { htmlStylesheet, styleElement } from './export-styles';
import { fieldText } from './plain-inline';

export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

export interface DocumentText {
  /** Plain text of the headline (typographic quotes), or the file name without front matter or `# Heading`. */
  title: string;
  author: string | null;
  description: string | null;
  keywords: string[];
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The document's metadata as plain text (for `<title>`, `<meta>`, the PDF header). */
export function documentText(doc: ParsedDocument, fallbackTitle: string): DocumentText {
  const fields: FrontMatter | null = doc.meta.frontMatter && !doc.meta.frontMatter.error ? doc.meta.frontMatter : null;
  const title = fields?.title ? fieldText(doc.md, fields.title) : doc.meta.title ? fieldText(doc.md, doc.meta.title) : '';
  return {
    title: title || fallbackTitle,
    author: fields?.author ? fieldText(doc.md, fields.author) : null,
    description: fields?.subtitle ? fieldText(doc.md, fields.subtitle) : null,
    keywords: fields?.tags ?? [],
  };
}

/** A valid BCP 47 tag for `lang`, else English. */
export function langTag(locale: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(locale ?? 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export interface HtmlDocumentInput {
  /** The article's inner HTML from `renderParsed`. */
  body: string;
  text: DocumentText;
  lang: string;
  /** `<meta name="generator">`, e.g. "Byline 0.1.0". */
  generator: string;
  /** The print page with notes at the foot of each page: its own CSP and our Paged.js scripts. */
  csp?: string;
  scripts?: string[];
}

export function articleElement(body: string, lang: string): string {
  return `<article class="article" lang="${escapeHtml(lang)}">\n${body}</article>\n`;
}

export function htmlDocument({ body, text, lang, generator, csp = EXPORT_CSP, scripts = [] }: HtmlDocumentInput, stylesheet: string = htmlStylesheet()): string {
  const meta = [
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`, // constants without `"` or `<`
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(text.title)}</title>`,
    text.author ? `<meta name="author" content="${escapeHtml(text.author)}">` : '',
    text.description ? `<meta name="description" content="${escapeHtml(text.description)}">` : '',
    text.keywords.length ? `<meta name="keywords" content="${escapeHtml(text.keywords.join(', '))}">` : '',
    `<meta name="generator" content="${escapeHtml(generator)}">`,
  ].filter(Boolean);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    ...meta,
    styleElement(stylesheet),
    ...scripts.map((script) => `<script>${script.replace(/<\/script/gi, '<\\/script')}</script>`),
    '</head>',
    '<body>',
    '<main>',
    articleElement(body, lang).trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
