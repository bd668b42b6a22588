/**
 * What the sources panel shows, as a pure function of the pipeline's
 * metadata: every numbered source with its citations and its problems —
 * a malformed URL, a web link that isn't https, a bare URL as link text —
 * plus the links that have no URL at all. The same URL cited under
 * different link texts ("a survey", later "the Pew data") is ordinary in an
 * op-ed, so it is a quiet note, not a problem. No DOM: tested in Node.
 */
import type { Citation, DocumentMeta, SourceEntry } from '../markdown';

export interface SourceReport {
  number: number;
  url: string;
  domain: string;
  /** The source's title attribute (from whichever citation has one), else its first link text, as the Sources list names it. */
  title: string;
  citations: Citation[];
  /** What is wrong: shown as problems and counted. */
  problems: string[];
  /** Worth knowing, nothing wrong: shown quietly, not counted. */
  notes: string[];
}

export interface EmptyLinkReport {
  line: number;
  text: string;
  problem: string;
}

const BARE_URL_TEXT = /^(?:https?:\/\/|www\.)\S+$|^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?$/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LOOKS_LIKE_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#:]|$)/i;

/** A sentence about what's wrong with a URL, or null when it is a good web or mail link. */
export function urlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return 'The link has no URL.';
  if (/\s/.test(trimmed)) return 'The URL contains spaces.';
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (!scheme) {
    if (trimmed.startsWith('#')) return null;
    if (LOOKS_LIKE_DOMAIN.test(trimmed)) return 'The URL has no https:// in front, so it is a relative link.';
    return 'A relative link: it will not work where the piece is published.';
  }
  if (scheme === 'mailto') return /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+/i.test(trimmed) ? null : 'The email address is malformed.';
  if (scheme !== 'http' && scheme !== 'https') return `An unusual link type (${scheme}:).`;
  let host = '';
  try {
    host = new URL(trimmed).hostname;
  } catch {
    return 'The URL is malformed.';
  }
  if (!/^\/\/[^/]/.test(trimmed.slice(scheme.length + 1))) return 'The URL is malformed (it needs // after the scheme).';
  if (!host.includes('.') && host !== 'localhost') return `The URL is malformed (“${host}” is not a web address).`;
  return null;
}

function normalText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Quoted, unless the text already is (a link text may carry its own quotation marks, any language's). */
function quoted(text: string): string {
  return /^["'“‘«»„‚‹›「『].*["'”’»«“‹›」』]$/su.test(text) ? text : `“${text}”`;
}

/** “a”, “b” and “c”. */
function quotedList(items: readonly string[]): string {
  const all = items.map(quoted);
  return all.length < 2 ? all.join('') : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

function reportFor(source: SourceEntry, citations: Citation[]): SourceReport {
  const problems: string[] = [];
  const notes: string[] = [];
  const malformed = urlProblem(source.url);
  if (malformed) problems.push(malformed);
  else if (/^http:/i.test(source.url)) problems.push('Not https: the link is not secure.');
  const texts = new Map<string, string>();
  for (const citation of citations) if (citation.text.trim() && !texts.has(normalText(citation.text))) texts.set(normalText(citation.text), citation.text.trim());
  if (texts.size > 1) {
    const cited = `Cited as ${quotedList([...texts.values()])}.`;
    // Without a title the Sources list names the source by its first link text, which may be “a survey”: say how to name it.
    notes.push(source.title ? cited : `${cited} The Sources list calls it ${quoted(source.text || source.url)}; to name it, give a link a title: [text](url "Name").`);
  }
  const bare = citations.find((c) => BARE_URL_TEXT.test(c.text.trim()));
  if (bare) problems.push(`A bare URL as link text: “${bare.text.trim()}”. Describe the source instead.`);
  return {
    number: source.number,
    url: source.url,
    domain: source.domain,
    title: source.title || source.text || source.url,
    citations,
    problems,
    notes,
  };
}

export function sourceReports(meta: Pick<DocumentMeta, 'sources' | 'citations'>): SourceReport[] {
  return meta.sources.map((source) =>
    reportFor(
      source,
      meta.citations.filter((c) => c.kind === 'link' && c.number === source.number),
    ),
  );
}

export function emptyLinkReports(meta: Pick<DocumentMeta, 'emptyLinks'>): EmptyLinkReport[] {
  return meta.emptyLinks.map((link) => ({ line: link.line, text: link.text, problem: `“${link.text || 'A link'}” has no URL.` }));
}
