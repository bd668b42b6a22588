/**
 * Notes at the foot of each page (`--notes page`), the layout print desks
 * expect. Each source or note is drawn once, as a `<span class="page-note">`
 * right after its first citation's marker; Paged.js (our bundled copy of the
 * `pagedjs` package) lays out the pages and floats those spans to the foot
 * of the page where they are cited (CSS `float: footnote`), and draws the
 * running head and page numbers in the page margins. Numbers stay ours (one
 * per source, shared with notes), so Paged's own counters are hidden.
 *
 * This page is the only one where script runs: the CSP admits exactly the
 * two inline scripts below by their SHA-256 (Paged.js and its three-line
 * configuration), the content is the same escaped, sanitized article as
 * every export, and the printer allows no request.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Token } from 'markdown-it';
import type { SourceEntry } from '../../../renderer/markdown/source-types';
import { listContents } from '../../../renderer/markdown/source-links';
import { safeHref } from '../../../renderer/markdown/source-url';
import type { SourceMark } from '../../../renderer/markdown/sources-list';
import { renderParsed, PAGE_NOTE_TOKEN, type ParsedDocument } from './export-markdown';
import { escapeHtml, htmlDocument } from './html-document';
import { printStylesheet } from './export-styles';
import { MARGINS, runningTitle } from './print-layout';
import type { PrintPageInput } from './print-page';

/** Set on <html> by the configuration script once every page is laid out. */
export const PAGED_DONE_ATTRIBUTE = 'data-byline-paged';
const CONFIG_SCRIPT = `window.PagedConfig = { auto: true, after: function () { document.documentElement.setAttribute('${PAGED_DONE_ATTRIBUTE}', 'done'); } };`;

let pagedSource: string | null = null;
function pagedScript(): string {
  // The package exports only its entry points: find its folder from the CommonJS one (lib/index.cjs).
  pagedSource ??= readFileSync(path.join(path.dirname(path.dirname(require.resolve('pagedjs'))), 'dist', 'paged.polyfill.min.js'), 'utf8');
  return pagedSource;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** A CSS string literal: quotes, backslashes, `<` and control characters escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f\u0000-\u001f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

export function pageNotesDocument({ doc, images, text, lang, options, generator }: PrintPageInput): string {
  placePageNotes(doc);
  const body = renderParsed(doc, images);
  const m = MARGINS;
  const pageCss = `
@page {
  size: ${options.pageSize === 'A4' ? 'A4' : 'letter'};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @top-left { content: ${cssString(runningTitle(text.title))}; font-family: 'Inter', sans-serif; font-size: 7.5pt; color: #5c574f; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'Inter', sans-serif; font-size: 7.5pt; color: #5c574f; }
}
.pagedjs_area [data-footnote-call]::after, [data-footnote-call]::after { content: none !important; }
[data-footnote-marker]::marker { content: none !important; }
[data-footnote-marker] { list-style: none !important; }
`;
  const paged = pagedScript();
  if (/<\/script/i.test(paged)) throw new Error('The bundled Paged.js can’t be inlined.');
  const csp = `default-src 'none'; script-src ${sha256(CONFIG_SCRIPT)} ${sha256(paged)}; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'`;
  return htmlDocument({ body, text, lang, generator, csp, scripts: [CONFIG_SCRIPT, paged] }, printStylesheet(pageCss));
}

/**
 * Puts a page-note token after the first citation of every entry cited in
 * the body, and drops those entries from the list at the end (entries first
 * cited inside another note stay there). Returns how many were placed.
 */
function placePageNotes(doc: ParsedDocument): number {
  const { tokens, md } = doc;
  const listStart = tokens.findIndex((t) => t.type === 'byline_sources_open');
  if (listStart < 0) return 0;
  const entries = new Map<number, string>();
  for (const source of doc.meta.sources) entries.set(source.number, sourceHtml(md, source));
  for (let i = listStart; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'byline_note_open') continue;
    const parts: string[] = [];
    for (let j = i + 1; j < tokens.length && tokens[j]!.type !== 'byline_note_close'; j++) {
      if (tokens[j]!.type === 'inline') parts.push(md.renderer.renderInline(tokens[j]!.children ?? [], md.options, doc.env));
    }
    entries.set((token.meta as { number: number }).number, parts.join(' '));
  }

  const placed = new Set<number>();
  for (let i = 0; i < listStart; i++) {
    const children = tokens[i]!.children;
    if (!children) continue;
    for (let j = 0; j < children.length; j++) {
      const child = children[j]!;
      const mark = child.meta as Partial<SourceMark> | null;
      if ((child.type !== 'link_close' && child.type !== 'byline_source_ref') || !mark || typeof mark.number !== 'number' || mark.index !== 1) continue;
      const html = entries.get(mark.number);
      if (html === undefined || placed.has(mark.number)) continue;
      const note = new (child.constructor as new (type: string, tag: string, nesting: number) => Token)(PAGE_NOTE_TOKEN, 'span', 0);
      note.content = `<span class="page-note"><span class="page-note-number">${mark.number}.</span>${html}</span>`;
      children.splice(j + 1, 0, note);
      placed.add(mark.number);
      j++;
    }
  }
  dropPlacedEntries(tokens, listStart, placed);
  return placed.size;
}

function sourceHtml(md: ParsedDocument['md'], entry: SourceEntry): string {
  const label = escapeHtml(entry.title || entry.text || entry.url);
  const href = safeHref(md, entry.url);
  const url = escapeHtml(entry.url);
  const link = href === null ? `<span class="source-url">${url}</span>` : `<a class="source-url" href="${escapeHtml(href)}">${url}</a>`;
  return `<span class="source-title">${label}</span>${entry.domain ? ` · ${escapeHtml(entry.domain)}` : ''} · ${link}`;
}

function dropPlacedEntries(tokens: Token[], listStart: number, placed: ReadonlySet<number>): void {
  const kept: Token[] = [];
  let skipping = false;
  for (let i = listStart + 1; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    const number = (token.meta as { number?: number; entry?: SourceEntry } | null)?.number ?? (token.meta as { entry?: SourceEntry } | null)?.entry?.number;
    if (token.type === 'byline_source_item') {
      if (!placed.has(number!)) kept.push(token);
      continue;
    }
    if (token.type === 'byline_note_open') skipping = placed.has(number!);
    if (!skipping) kept.push(token);
    if (token.type === 'byline_note_close') skipping = false;
  }
  if (kept.length === 0) {
    tokens.splice(listStart);
    return;
  }
  tokens.splice(listStart + 1, tokens.length - listStart - 2, ...kept);
  // What is left has gaps in its numbers: each item says its own (`value`).
  for (const token of kept) {
    if (token.type === 'byline_source_item' || token.type === 'byline_note_open') token.meta = { ...(token.meta as object), explicit: true };
  }
  // The heading says what is left: a list of sources and notes may keep only notes.
  tokens[listStart]!.meta = listContents(
    kept.flatMap((token): { kind: 'link' | 'note' }[] =>
      token.type === 'byline_source_item' ? [{ kind: 'link' }] : token.type === 'byline_note_open' ? [{ kind: 'note' }] : [],
    ),
  );
}
