/// <reference path="./turndown-plugin-gfm.d.ts" />
/**
 * Rich HTML from the clipboard (a web page, a word processor) → clean
 * Markdown. The HTML is untrusted: it goes through the preview's DOMPurify
 * policy first (no scripts, styles, event handlers, frames, forms; web, mail
 * and relative links only), then loses ids, classes and tracking query
 * parameters, and only then reaches turndown (with GFM tables,
 * strikethrough and task lists). Links, emphasis, lists, headings and
 * blockquotes survive; images are dropped (hot-linked pictures and tracking
 * pixels are not what a writer means to paste).
 */
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { createSanitizer } from '../preview/sanitize';

/**
 * Query parameters that only track the reader: `utm_*` campaign tags and the
 * click ids of the big ad networks and mailers. Everything else in a URL is kept.
 */
const TRACKING_PARAM = /^(?:utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|oly_enc_id|oly_anon_id|vero_id|__s)$/i;

/** A URL without its tracking parameters (unchanged when it has none, or doesn't parse). */
export function stripTracking(href: string): string {
  if (!/^https?:/i.test(href) || !href.includes('?')) return href;
  try {
    const url = new URL(href);
    const keys = [...url.searchParams.keys()];
    if (!keys.some((k) => TRACKING_PARAM.test(k))) return href;
    for (const key of keys) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
    return url.toString();
  } catch {
    return href;
  }
}

/**
 * Not security (DOMPurify is): Chromium reports a CSP violation for every
 * inline style and event handler it merely parses, so blocks and attributes
 * the sanitizer drops anyway are cut from the text first to keep the console
 * quiet.
 */
const PARSE_NOISE: readonly RegExp[] = [
  /<(script|style|head|noscript|template)\b[\s\S]*?<\/\1\s*>/gi,
  /\s(?:style|on[a-z]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi,
];

export type HtmlToMarkdown = (html: string) => string;

/** A converter bound to a window (the app page, or jsdom in tests). */
export function createHtmlToMarkdown(win: Window): HtmlToMarkdown {
  const sanitize = createSanitizer(win);
  const turndown = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  turndown.use(gfm);
  // Bare anchors and empty links are only noise once pasted.
  turndown.addRule('emptyLink', {
    filter: (node) => node.nodeName === 'A' && !(node.textContent ?? '').trim(),
    replacement: () => '',
  });
  // Pasted images would be hot-linked from someone else's site (or be tracking pixels): add images on purpose.
  turndown.addRule('noImages', { filter: 'img', replacement: () => '' });
  // `- item` and `1. item`, as the editor's own list commands write them.
  turndown.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as HTMLElement | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1') || 1;
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !/\n$/.test(body) ? '\n' : '');
    },
  });
  turndown.addRule('anchorWithoutHref', {
    filter: (node) => node.nodeName === 'A' && !node.getAttribute('href'),
    replacement: (content) => content,
  });
  // An inert document: nothing in it loads (tracking pixels) while turndown walks it.
  const scratch = win.document.implementation.createHTMLDocument('');
  return (html) => {
    const fragment = sanitize(PARSE_NOISE.reduce((text, pattern) => text.replace(pattern, ''), html));
    for (const img of fragment.querySelectorAll('img')) img.remove();
    for (const el of fragment.querySelectorAll('*')) {
      el.removeAttribute('id');
      el.removeAttribute('class');
      el.removeAttribute('rel');
      el.removeAttribute('data-line');
      for (const attr of ['href', 'src']) {
        const value = el.getAttribute(attr);
        if (value) el.setAttribute(attr, stripTracking(value));
      }
    }
    const holder = scratch.createElement('div');
    holder.append(scratch.importNode(fragment, true));
    return turndown
      .turndown(holder)
      .replace(/\u00a0/g, ' ')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  };
}
