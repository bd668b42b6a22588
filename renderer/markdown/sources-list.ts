/**
 * Draws what `source-links.ts` builds: the superscript markers and the
 * Sources section. Sources and notes are one `<ol>` in number order; each
 * `<li>` also carries `value="N"`, so the numbers stay right when an output
 * lists only some entries (notes alone in link-only output, or notes moved to
 * the foot of the page in PDF). Every string from the document is escaped;
 * hrefs pass `safeHref`.
 *
 * HTML that will live in someone else's page (Copy as Rich Text: a CMS, an
 * email, a newsletter tool) is rendered with `env[PORTABLE_ENV_KEY] = true`:
 * nothing in it links into the article itself or relative to where it was
 * made, since such a link would be dead there (the browser's clipboard even
 * turns `#source-1` into an absolute URL to the app). Markers are plain
 * superscript numbers, as in print; there are no back-links; a relative URL
 * is text, not a link.
 *
 *   <sup class="source-ref"><a href="#source-N" id="source-ref-N-K">N</a></sup>
 *   <section class="sources" aria-labelledby="sources-heading">
 *   <h2 id="sources-heading">Sources and notes</h2>   (see `listHeading`)
 *   <ol>
 *   <li id="source-1" value="1" class="source"><span class="source-title">…</span>
 *     · <span class="source-domain">…</span> · <a class="source-url" href="…">…</a> ↩…</li>
 *   <li id="source-2" value="2" class="note"><p>Note text ↩…</p></li>
 *   </ol>
 *   </section>
 */
import type { MarkdownIt, Token } from 'markdown-it';
import type { SourceEntry } from './source-types';
import { isRelativeUrl, safeHref } from './source-url';

/** Marks `source-links.ts` leaves on tokens: a numbered link's close (or a note reference). */
export interface SourceMark {
  number: number;
  index: number;
  /** Drawn without the link's own `</a>` (footnote-only output, or a note reference). */
  plain: boolean;
}

/** On link_open/link_close: draw no `<a>` (footnote-only output). */
export const PLAIN = Object.freeze({ plain: true });

/** What the list holds: set on `byline_sources_open` (source-links.ts, and the incremental renderer's sources-section.ts). */
// A type, not an interface: token meta is a `Record<string, unknown>`.
export type ListContents = {
  hasSources: boolean;
  hasNotes: boolean;
};

/**
 * The list's heading says what it holds: "Sources", "Notes", or "Sources and
 * notes". Sources and notes keep one numbering and one list in number order,
 * so a reader of a printed page who meets a 5 finds it in the one place
 * where the numbers run 1, 2, 3…; the heading just doesn't call a note a source.
 * The plain-text export uses the same words.
 */
export function listHeading({ hasSources, hasNotes }: ListContents): string {
  if (hasSources && hasNotes) return 'Sources and notes';
  return hasSources ? 'Sources' : 'Notes';
}

/** The env key that asks for portable HTML (see above). */
export const PORTABLE_ENV_KEY = 'bylinePortable';

const isPortable = (env: unknown): boolean => (env as Record<string, unknown> | null)?.[PORTABLE_ENV_KEY] === true;

/** In portable HTML, a link whose URL is relative is drawn as its text alone. */
function unlinked(token: Token | undefined, env: unknown): boolean {
  return !!token && isPortable(env) && token.markup !== 'autolink' && isRelativeUrl(String(token.attrGet('href') ?? ''));
}

/** The link_open that a link_close closes (links don't nest). */
function openingOf(tokens: Token[], close: number): Token | undefined {
  for (let i = close - 1; i >= 0; i--) if (tokens[i]!.type === 'link_open') return tokens[i];
  return undefined;
}

/**
 * `explicitNumbers`: give every `<li>` its `value`. Only the inline-links
 * output lists some entries (the notes) and so has gaps; elsewhere the list is
 * 1…N in order and needs none. Chromium lays out a list whose items all carry
 * `value` in quadratic time (5,000 sources: 10 s), so we don't add them there.
 */
export function installSourcesListRenderers(md: MarkdownIt, { explicitNumbers }: { explicitNumbers: boolean }): void {
  // `explicit` on an item's meta: an output that dropped some entries (notes at the foot of the page) numbers the rest itself.
  const value = (number: number, meta: { explicit?: boolean }): string => (explicitNumbers || meta.explicit ? ` value="${number}"` : '');
  const escape = md.utils.escapeHtml;
  const rules = md.renderer.rules;

  const marker = ({ number, index }: SourceMark, env: unknown): string =>
    isPortable(env)
      ? `<sup class="source-ref">${number}</sup>`
      : `<sup class="source-ref"><a href="#source-${number}" id="source-ref-${number}-${index}">${number}</a></sup>`;
  rules.byline_source_ref = (tokens, idx, _options, env) => marker(tokens[idx]!.meta as unknown as SourceMark, env);
  // Links keep markdown-it's own rendering, followed by their marker.
  rules.link_open = (tokens, idx, options, env, slf) =>
    tokens[idx]!.meta === PLAIN || unlinked(tokens[idx], env) ? '' : slf.renderToken(tokens, idx, options);
  rules.link_close = (tokens, idx, options, env, slf) => {
    const meta = tokens[idx]!.meta as unknown as SourceMark | typeof PLAIN | null;
    const drawn = !(meta?.plain ?? false) && !(isPortable(env) && unlinked(openingOf(tokens, idx), env));
    const close = drawn ? slf.renderToken(tokens, idx, options) : '';
    return !meta || meta === PLAIN ? close : close + marker(meta as SourceMark, env);
  };

  rules.byline_sources_open = (tokens, idx) => {
    const heading = listHeading(tokens[idx]!.meta as ListContents);
    return `<section class="sources" aria-labelledby="sources-heading">\n<h2 id="sources-heading">${heading}</h2>\n<ol>\n`;
  };
  rules.byline_sources_close = () => '</ol>\n</section>\n';

  rules.byline_source_item = (tokens, idx, _options, env) => {
    const meta = tokens[idx]!.meta as { entry: SourceEntry; explicit?: boolean };
    const entry = meta.entry;
    const shownUrl = escape(readableUrl(md, entry.url));
    const label = entry.title || entry.text || readableUrl(md, entry.url);
    const href = isPortable(env) && isRelativeUrl(entry.url) ? null : safeHref(md, entry.url);
    let html = `<li id="source-${entry.number}"${value(entry.number, meta)} class="source"><span class="source-title">${escape(label)}</span>`;
    if (entry.domain) html += ` · <span class="source-domain">${escape(entry.domain)}</span>`;
    html += href === null ? ` · <span class="source-url">${shownUrl}</span>` : ` · <a class="source-url" href="${escape(href)}">${shownUrl}</a>`;
    return `${html}${isPortable(env) ? '' : backrefs(entry.number, entry.citations)}</li>\n`;
  };

  rules.byline_note_open = (tokens: Token[], idx: number) => {
    const meta = tokens[idx]!.meta as { number: number; explicit?: boolean };
    return `<li id="source-${meta.number}"${value(meta.number, meta)} class="note">`;
  };
  rules.byline_note_close = () => '</li>\n';
  rules.byline_backrefs = (tokens, idx, _options, env) => {
    const { number, citations } = tokens[idx]!.meta as { number: number; citations: number };
    return isPortable(env) ? '' : backrefs(number, citations);
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
