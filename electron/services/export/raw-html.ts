/**
 * Raw HTML written in a document, made safe for exports without a DOM (the
 * CLI runs in plain Node). The preview sanitizes with DOMPurify in the page;
 * here each tag is re-emitted by us or dropped: allowlisted tags (a subset of
 * the preview's, see renderer/preview/sanitize.ts; a unit test holds it to
 * that) with allowlisted attributes, values escaped and links checked;
 * comments, doctypes and unknown tags are dropped; script-like elements are
 * dropped with their content; every other `<` is text. Tags are balanced
 * within each raw-HTML block (and within each paragraph for inline HTML), so
 * nothing a document writes can close or reopen our own markup.
 */
import type { MarkdownIt, Token } from 'markdown-it';
import { isRelativeUrl } from '../../../renderer/markdown/source-url';
import { PORTABLE_ENV_KEY } from '../../../renderer/markdown/sources-list';

export const EXPORT_ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr',
  'u', 'ul', 'var',
]);

/** No `id` (it would collide with our anchors), no `data-*`, no `style`, no handlers. */
export const EXPORT_ALLOWED_ATTR: ReadonlySet<string> = new Set([
  'href', 'title', 'class', 'alt', 'start', 'value', 'reversed', 'colspan', 'rowspan', 'datetime', 'lang', 'dir', 'cite',
]);

const VOID = new Set(['br', 'hr']);
/** Dropped together with everything up to their closing tag. */
const DROP_CONTENT = new Set(['script', 'style', 'template', 'textarea', 'title', 'iframe', 'object', 'noscript', 'svg', 'math', 'xmp', 'noembed', 'noframes', 'select']);
const URL_ATTR = new Set(['href', 'cite']);
const SAFE_URL = /^(?:(?:https?|mailto):|#|\/(?!\/)|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;

/** Open tags of one scope (a block, or one paragraph's inline HTML). */
export class TagScope {
  private open: string[] = [];

  /** @param portable HTML for someone else's page (Copy as Rich Text): relative URLs are dropped, an `<a>` left without one is its text. */
  constructor(
    private readonly md: MarkdownIt,
    private readonly portable = false,
  ) {}

  /** Safe HTML for a run of raw HTML. */
  clean(raw: string): string {
    let out = '';
    let last = 0;
    MARKUP.lastIndex = 0;
    for (let match = MARKUP.exec(raw); match; match = MARKUP.exec(raw)) {
      out += this.text(raw.slice(last, match.index));
      last = MARKUP.lastIndex;
      const name = match[2]?.toLowerCase();
      if (!name) continue; // comment, doctype, processing instruction
      const closing = match[1] === '/';
      if (!closing && DROP_CONTENT.has(name)) {
        const end = new RegExp(`</${name}\\s*>`, 'i');
        const rest = end.exec(raw.slice(last));
        last = rest ? last + rest.index + rest[0].length : raw.length;
        MARKUP.lastIndex = last;
        continue;
      }
      if (!EXPORT_ALLOWED_TAGS.has(name)) continue;
      out += closing ? this.close(name) : this.openTag(name, match[3] ?? '');
    }
    return out + this.text(raw.slice(last));
  }

  /** Closes whatever the scope left open. */
  finish(): string {
    return this.open.splice(0).reverse().map((name) => `</${name}>`).join('');
  }

  private text(raw: string): string {
    return raw.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  private openTag(name: string, rawAttrs: string): string {
    let attrs = '';
    let linked = false;
    ATTRIBUTE.lastIndex = 0;
    for (let m = ATTRIBUTE.exec(rawAttrs); m; m = ATTRIBUTE.exec(rawAttrs)) {
      const attr = m[1]!.toLowerCase();
      if (!EXPORT_ALLOWED_ATTR.has(attr)) continue;
      const value = this.md.utils.unescapeAll(m[2] ?? m[3] ?? m[4] ?? '');
      if (URL_ATTR.has(attr) && !(SAFE_URL.test(value.trim()) && this.md.validateLink(value.trim()))) continue;
      if (URL_ATTR.has(attr) && this.portable && isRelativeUrl(value.trim())) continue;
      attrs += ` ${attr}="${this.md.utils.escapeHtml(value)}"`;
      if (attr === 'href') linked = true;
    }
    if (name === 'a' && this.portable && !linked) return ''; // its closing tag finds nothing open: the text stays
    if (name === 'a') attrs += ' rel="noopener noreferrer"';
    if (VOID.has(name)) return `<${name}${attrs}>`;
    this.open.push(name);
    return `<${name}${attrs}>`;
  }

  private close(name: string): string {
    const at = this.open.lastIndexOf(name);
    if (at < 0) return '';
    return this.open.splice(at).reverse().map((n) => `</${n}>`).join('');
  }
}

/** Installs the policy as markdown-it renderer rules on an export instance. */
export function installRawHtmlPolicy(md: MarkdownIt): void {
  const scopes = new WeakMap<Token[], TagScope>();
  const portable = (env: unknown): boolean => (env as Record<string, unknown>)[PORTABLE_ENV_KEY] === true;
  md.renderer.rules.html_block = (tokens, idx, _options, env) => {
    const scope = new TagScope(md, portable(env));
    return scope.clean(tokens[idx]!.content) + scope.finish();
  };
  md.renderer.rules.html_inline = (tokens, idx, _options, env) => {
    let scope = scopes.get(tokens);
    if (!scope) {
      scope = new TagScope(md, portable(env));
      scopes.set(tokens, scope);
    }
    const html = scope.clean(tokens[idx]!.content);
    const more = tokens.slice(idx + 1).some((t) => t.type === 'html_inline');
    return more ? html : html + scope.finish();
  };
}
