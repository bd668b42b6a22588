/**
 * What the sources list needs to know about a link target, without the
 * WHATWG `URL` class (not in this folder's types, and too lenient about what
 * it accepts anyway): the identity used to give one number per source, the
 * domain shown beside it, and whether it may be a link in our own markup.
 */
import type { MarkdownIt } from 'markdown-it';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const AUTHORITY = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/**
 * The identity of a source. Two URLs are the same source when they differ only in:
 * - the case of the scheme and host (`HTTPS://Example.COM` = `https://example.com`);
 * - a default port (`:443` for https, `:80` for http) or an empty one;
 * - an empty path versus the root (`https://example.com` = `https://example.com/`);
 * - the fragment (`page#section` and `page` are one source: the same page).
 * Path, query, userinfo and http-vs-https are kept: they can name other things.
 */
export function sourceKey(url: string): string {
  const hash = url.indexOf('#');
  const bare = hash === -1 ? url : url.slice(0, hash);
  const parts = AUTHORITY.exec(bare);
  if (!parts) {
    const scheme = SCHEME.exec(bare);
    return scheme ? scheme[1]!.toLowerCase() + bare.slice(scheme[1]!.length) : bare;
  }
  const scheme = parts[1]!.toLowerCase();
  const { userinfo, host, port } = splitAuthority(parts[2]!);
  const keptPort = port === '' || port === DEFAULT_PORTS[scheme] ? '' : `:${port}`;
  let rest = parts[3]!;
  if (rest === '' || rest.startsWith('?')) rest = `/${rest}`;
  return `${scheme}://${userinfo}${host.toLowerCase()}${keptPort}${rest}`;
}

/** The site's domain: host without `www.`; for mailto the address's domain; '' when relative. */
export function sourceDomain(url: string): string {
  const parts = AUTHORITY.exec(url) ?? /^()\/\/([^/?#]*)(.*)$/.exec(url);
  if (parts) return splitAuthority(parts[2]!).host.toLowerCase().replace(/^www\./, '');
  if (/^mailto:/i.test(url)) {
    const address = url.slice(7).split(/[?,]/, 1)[0] ?? '';
    const at = address.lastIndexOf('@');
    return at === -1 ? '' : address.slice(at + 1).toLowerCase();
  }
  return '';
}

/**
 * The href we may emit in the sources list, or null to show the URL as text:
 * http, https, mailto and relative URLs (including `#anchors`) that
 * markdown-it's own validateLink accepts.
 */
export function safeHref(md: MarkdownIt, url: string): string | null {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return null;
  return md.validateLink(url) ? url : null;
}

/**
 * Whether a URL is relative to the page it sits in (`#anchor`, `/path`,
 * `notes.md`): no scheme and no `//host`. Such a link means nothing once the
 * HTML is pasted into someone else's page.
 */
export function isRelativeUrl(url: string): boolean {
  return !SCHEME.test(url) && !url.startsWith('//');
}

function splitAuthority(authority: string): { userinfo: string; host: string; port: string } {
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  // The port is digits after the last colon, outside an IPv6 literal's brackets.
  const port = /:(\d*)$/.exec(hostPort);
  if (port && !hostPort.endsWith(']')) return { userinfo, host: hostPort.slice(0, port.index), port: port[1]! };
  return { userinfo, host: hostPort, port: '' };
}
