/**
 * Draws what `source-links.ts` builds: the superscript markers and the
 * Sources section. Sources and notes are one `<ol>` in number order; each
 * `<li>` also carries `value="N"`, so the numbers stay right when an output
 * lists only some entries (notes alone in link-only output, or notes moved to
 * the foot of the page in PDF). Every string from the document is escaped;
 * hrefs pass `safeHref`.
 *
 *   <sup class="source-ref"><a href="#source-N" id="source-ref-N-K">N</a></sup>
 *   <section class="sources" aria-labelledby="sources-heading">
 *   <h2 id="sources-heading">Sources</h2>     ("Notes" when it lists only notes)
 *   <ol>
 *   <li id="source-1" value="1" class="source"><span class="source-title">…</span>
 *     · <span class="source-domain">…</span> · <a class="source-url" href="…">…</a> ↩…</li>
 *   <li id="source-2" value="2" class="note"><p>Note text ↩…</p></li>
 *   </ol>
 *   </section>
 */
import type { MarkdownIt, Token } from 'markdown-it';
import type { SourceEntry } from './source-types';
import { safeHref } from './source-url';

/** Marks `source-links.ts` leaves on tokens: a numbered link's close (or a note reference). */
export interface SourceMark {
  number: number;
  index: number;
  /** Drawn without the link's own `</a>` (footnote-only output, or a note reference). */
  plain: boolean;
}

/** On link_open/link_close: draw no `<a>` (footnote-only output). */
export const PLAIN = Object.freeze({ plain: true });

/**
 * `explicitNumbers`: give every `<li>` its `value`. Only the inline-links
 * output lists some entries (the notes) and so has gaps; elsewhere the list is
 * 1…N in order and needs none. Chromium lays out a list whose items all carry
 * `value` in quadratic time (5,000 sources: 10 s), so we don't add them there.
 */
export function installSourcesListRenderers(md: MarkdownIt, { explicitNumbers }: { explicitNumbers: boolean }): void {
  const value = (number: number): string => (explicitNumbers ? ` value="${number}"` : '');
  const escape = md.utils.escapeHtml;
  const rules = md.renderer.rules;

  const marker = ({ number, index }: SourceMark): string =>
    `<sup class="source-ref"><a href="#source-${number}" id="source-ref-${number}-${index}">${number}</a></sup>`;
  rules.byline_source_ref = (tokens, idx) => marker(tokens[idx]!.meta as unknown as SourceMark);
  // Links keep markdown-it's own rendering, followed by their marker.
  rules.link_open = (tokens, idx, options, _env, slf) =>
    tokens[idx]!.meta === PLAIN ? '' : slf.renderToken(tokens, idx, options);
  rules.link_close = (tokens, idx, options, _env, slf) => {
    const meta = tokens[idx]!.meta as unknown as SourceMark | typeof PLAIN | null;
    if (!meta) return slf.renderToken(tokens, idx, options);
    const close = meta.plain ? '' : slf.renderToken(tokens, idx, options);
    return meta === PLAIN ? close : close + marker(meta as SourceMark);
  };

  rules.byline_sources_open = (tokens, idx) => {
    const heading = (tokens[idx]!.meta as { hasSources: boolean }).hasSources ? 'Sources' : 'Notes';
    return `<section class="sources" aria-labelledby="sources-heading">\n<h2 id="sources-heading">${heading}</h2>\n<ol>\n`;
  };
  rules.byline_sources_close = () => '</ol>\n</section>\n';

  rules.byline_source_item = (tokens, idx) => {
    const entry = (tokens[idx]!.meta as { entry: SourceEntry }).entry;
    const shownUrl = escape(readableUrl(md, entry.url));
    const label = entry.title || entry.text || readableUrl(md, entry.url);
    const href = safeHref(md, entry.url);
    let html = `<li id="source-${entry.number}"${value(entry.number)} class="source"><span class="source-title">${escape(label)}</span>`;
    if (entry.domain) html += ` · <span class="source-domain">${escape(entry.domain)}</span>`;
    html += href === null ? ` · <span class="source-url">${shownUrl}</span>` : ` · <a class="source-url" href="${escape(href)}">${shownUrl}</a>`;
    return `${html}${backrefs(entry.number, entry.citations)}</li>\n`;
  };

  rules.byline_note_open = (tokens: Token[], idx: number) => {
    const { number } = tokens[idx]!.meta as { number: number };
    return `<li id="source-${number}"${value(number)} class="note">`;
  };
  rules.byline_note_close = () => '</li>\n';
  rules.byline_backrefs = (tokens, idx) => {
    const { number, citations } = tokens[idx]!.meta as { number: number; citations: number };
    return backrefs(number, citations);
  };
}

/** One ↩ per citation (U+FE0E keeps iOS from drawing it as an emoji). */
function backrefs(number: number, citations: number): string {
  let html = '';
  for (let k = 1; k <= citations; k++) {
    html += ` <a href="#source-ref-${number}-${k}" class="source-backref" aria-label="Back to citation ${k}">\u21a9\ufe0e</a>`;
  }
  return html;
}

/** The URL as a reader would type it (percent-escapes and punycode decoded). */
function readableUrl(md: MarkdownIt, url: string): string {
  // Decoding is costly; most URLs have nothing to decode.
  if (!url.includes('%') && !url.includes('xn--')) return url;
  try {
    return md.normalizeLinkText(url);
  } catch {
    return url;
  }
}
