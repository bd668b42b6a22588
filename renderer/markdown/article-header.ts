/**
 * The article header built from front matter: headline, dek and byline
 * ("By Author · 29 September 2016 · Publication"). Field text is Markdown
 * inline (so the typographer curls quotes and *titles* can be italic) but
 * never HTML: `<` is escaped before parsing and links, images and notes are
 * reduced to their text.
 */
import type { MarkdownIt, Renderer, Token } from 'markdown-it';
import type { FrontMatter } from './front-matter-fields';

/** The header's renderer for one instance (one locale, one date formatter). */
export function articleHeaderRenderer(md: MarkdownIt, locale: string): (token: Token, slf: Renderer) => string {
  let formatter: Intl.DateTimeFormat | null = null;
  const format = (date: Date): string => {
    formatter ??= dateFormatter(locale);
    return formatter.format(date);
  };
  return (token, slf) => renderArticleHeader(md, token, slf, format);
}

function renderArticleHeader(md: MarkdownIt, token: Token, slf: Renderer, format: (date: Date) => string): string {
  const fields = (token.meta as { frontMatter?: FrontMatter } | null)?.frontMatter;
  if (!fields || fields.error) return '';
  const { title, subtitle, author, date, publication } = fields;
  if (!title && !subtitle && !author && !date && !publication) return '';

  const parts: string[] = [];
  if (author) parts.push(`<span class="author">By ${inlineHtml(md, author)}</span>`);
  if (date) parts.push(dateHtml(md, date, format));
  if (publication) parts.push(`<span class="publication">${inlineHtml(md, publication)}</span>`);

  // The token carries class="article-header", and `data-line` when the source-lines plugin set it.
  let html = `<header${slf.renderAttrs(token)}>\n`;
  if (title) html += `<h1 class="headline">${inlineHtml(md, title)}</h1>\n`;
  if (subtitle) html += `<p class="dek">${inlineHtml(md, subtitle)}</p>\n`;
  if (parts.length > 0) html += `<p class="byline">${parts.join(' · ')}</p>\n`;
  return `${html}</header>\n`;
}

// What a header field may keep of inline Markdown.
const KEPT = new Set(['text', 'code_inline', 'em_open', 'em_close', 'strong_open', 'strong_close', 's_open', 's_close', 'softbreak']);

/** Inline Markdown with typography, without HTML, links, images or notes. */
export function inlineHtml(md: MarkdownIt, text: string): string {
  // With no `<` left, neither raw HTML nor autolinks can be parsed; `&lt;` renders as text.
  const env = {};
  const children = md.parseInline(text.replace(/</g, '&lt;'), env)[0]?.children ?? [];
  const kept: Token[] = [];
  for (const child of children) {
    if (KEPT.has(child.type)) kept.push(child);
    else if (child.type === 'image') {
      // A fresh parse, so the token is ours to turn into its alt text.
      child.type = 'text';
      child.children = null;
      kept.push(child);
    }
  }
  return md.renderer.renderInline(kept, md.options, env);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A valid `YYYY-MM-DD` (optionally with a time) as a localised date; anything else as written. */
function dateHtml(md: MarkdownIt, raw: string, format: (date: Date) => string): string {
  const formatted = formatDate(raw, format);
  if (formatted === null) return `<span class="date">${md.utils.escapeHtml(raw)}</span>`;
  return `<time datetime="${formatted.iso}">${md.utils.escapeHtml(formatted.text)}</time>`;
}

export function formatDate(raw: string, format: (date: Date) => string): { iso: string; text: string } | null {
  const match = ISO_DATE.exec(raw.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  // 2016-02-30 rolls over to March: not a real date, so shown as written.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return { iso, text: format(date) };
}

/** "29 September 2016" in en-GB; UTC, so the date never shifts with the machine's zone. */
export function dateFormatter(locale: string): Intl.DateTimeFormat {
  const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options);
  }
}
