/**
 * Parses one top-level block (a "unit") on its own, the way the full render
 * would see it, and records what it depends on and what it cites:
 * - the reference definitions and footnote labels it looked up (so a change to
 *   a definition elsewhere re-parses exactly the blocks that used it);
 * - the definitions it makes (reference links, footnotes), for the others;
 * - its citations in reading order, with the marker tokens that will show
 *   their numbers once the document-wide pass has assigned them;
 * - its headings and front matter, with lines relative to the unit's start.
 */
import type { MarkdownIt, Token } from 'markdown-it';
import type { FrontMatter } from '../front-matter-fields';
import type { Heading } from '../document-meta';
import { walkBlocks, type Numbering } from '../source-links';
import type { SourceMark } from '../sources-list';
import type { EmptyLink, LinkMode } from '../source-types';
import { sourceDomain, sourceKey } from '../source-url';
import { INLINE_PHASE_KEY, TAIL_KEY, type UnitTail } from './incremental-instance';

/** Lines at or above this were counted from a walk's fallback line, not from a line map. */
export const FALLBACK = 1 << 29;

export type CiteEvent =
  | { kind: 'link'; key: string; domain: string; url: string; title: string; text: string; line: number }
  | { kind: 'note'; localId: number; label: string | null; line: number };

/** One run of `walkBlocks`: the unit's body, one note definition, or one inline note. */
export interface Walk {
  tokens: Token[];
  events: CiteEvent[];
  /** The marker each event draws (parallel to events), null when it draws none. */
  marks: (SourceMark | null)[];
  emptyLinks: EmptyLink[];
  /** Bumped whenever a mark's number changes (its HTML must be drawn again). */
  version: number;
}

export interface ReferenceDef {
  label: string;
  href: string;
  title: string;
}

/** What the rest of the document defines, as seen by a unit while it parses. */
export interface DocumentContext {
  references: ReadonlyMap<string, { href: string; title: string }>;
  noteLabels: ReadonlySet<string>;
}

export interface ParsedUnit {
  text: string;
  atStart: boolean;
  body: Walk;
  defs: { label: string; walk: Walk }[];
  inlineNotes: Map<number, Walk>;
  /** The unit's own footnote list (markdown-it-footnote ids, local): a label, or an inline note. */
  list: ({ label: string } | { inline: true })[];
  refDefs: ReferenceDef[];
  /** Looked-up reference labels → what they resolved to ('' = undefined). */
  refDeps: Map<string, string>;
  /** Looked-up footnote labels → whether they were defined. */
  noteDeps: Map<string, boolean>;
  headings: Heading[];
  frontMatter: { fields: FrontMatter; bodyStartLine: number } | null;
  /**
   * Whether the document-wide pass reads this unit: it cites, holds notes,
   * headings or front matter. A keystroke in a unit that doesn't (most
   * paragraphs) leaves the numbering and the metadata as they were.
   */
  cites: boolean;
  /** Whether its body holds raw HTML (its HTML is then not ours alone, and may be tag soup). */
  rawHtml: boolean;
  /** See `citationSignature`; computed when first asked for. */
  signature?: string | null;
  /** Rendered body HTML with line placeholders (see unit-html.ts), and the body version it shows. */
  html: string | null;
  htmlVersion: number;
}

/**
 * What the document-wide pass reads from a unit that only cites in its body
 * (links, note references, empty links; no note definitions, headings or
 * front matter), as one string: two such units with the same signature get
 * the same numbers and add the same metadata. Null for any other unit.
 */
export function citationSignature(unit: ParsedUnit): string | null {
  if (unit.signature !== undefined) return unit.signature;
  const plain = unit.defs.length === 0 && unit.inlineNotes.size === 0 && unit.headings.length === 0 && unit.frontMatter === null;
  unit.signature = plain ? JSON.stringify([unit.body.events, unit.body.emptyLinks, unit.list]) : null;
  return unit.signature;
}

export function refValue(def: { href: string; title: string } | undefined): string {
  return def ? `${def.href}\u0000${def.title}` : '';
}

/** Parses `text`, the lines of one unit; `atStart` when it is the document's first (front matter). */
export function parseUnit(md: MarkdownIt, text: string, atStart: boolean, ctx: DocumentContext, mode: LinkMode, dialect: boolean): ParsedUnit {
  const refDefs: ReferenceDef[] = [];
  const refDeps = new Map<string, string>();
  const noteDeps = new Map<string, boolean>();
  const localNotes = new Map<string, number>();
  let inlinePhase = false;
  const references = new Proxy({} as Record<string, unknown>, {
    get(_target, label) {
      if (typeof label !== 'string' || !inlinePhase) return undefined;
      const def = ctx.references.get(label);
      refDeps.set(label, refValue(def));
      return def;
    },
    set(_target, label, value: { href: string; title: string }) {
      if (typeof label === 'string' && !inlinePhase) refDefs.push({ label, href: value.href, title: value.title });
      return true;
    },
  });
  const noteRefs = new Proxy({} as Record<string, unknown>, {
    get(_target, key) {
      if (typeof key !== 'string' || !inlinePhase) return undefined;
      const local = localNotes.get(key);
      if (local !== undefined) return local;
      const defined = ctx.noteLabels.has(key.slice(1));
      noteDeps.set(key.slice(1), defined);
      return defined ? -1 : undefined;
    },
    set(_target, key, value: number) {
      if (typeof key === 'string' && inlinePhase) localNotes.set(key, value);
      return true;
    },
  });
  const env: Record<string, unknown> = {
    references,
    footnotes: { refs: noteRefs },
    [INLINE_PHASE_KEY]: () => (inlinePhase = true),
  };
  const tokens = md.parse(atStart ? text : `\n${text}`, env);
  if (!atStart) shiftMaps(tokens, -1);

  const tail = (env[TAIL_KEY] as UnitTail | undefined) ?? { bodyEnd: tokens.length, defs: [], inlineNotes: [] };
  const body = newWalk(tokens.slice(0, tail.bodyEnd));
  const walks = new Map<string, Walk>();
  const defs = tail.defs.map(({ label, from, to }) => {
    const key = `${from}:${to}`;
    let walk = walks.get(key);
    if (!walk) walks.set(key, (walk = newWalk(tokens.slice(from, to))));
    return { label, walk };
  });
  const inlineNotes = new Map(tail.inlineNotes.map(({ id, from, to }) => [id, newWalk(tokens.slice(from, to))]));
  const list = ((env.footnotes as { list?: { label?: string }[] }).list ?? []).map((entry) =>
    entry.label !== undefined ? { label: entry.label } : ({ inline: true } as const),
  );

  if (dialect) {
    for (const walk of [body, ...new Set(defs.map((d) => d.walk)), ...inlineNotes.values()]) record(walk, mode);
  }

  const headings = headingsOf(body.tokens);
  const frontMatter = frontMatterOf(body.tokens);
  const cites =
    body.events.length > 0 || body.emptyLinks.length > 0 || defs.length > 0 || inlineNotes.size > 0 || list.length > 0 || headings.length > 0 || frontMatter !== null;
  const rawHtml = body.tokens.some((t) => t.type === 'html_block' || (t.type === 'inline' && !!t.children?.some((c) => c.type === 'html_inline')));
  return { text, atStart, body, defs, inlineNotes, list, refDefs, refDeps, noteDeps, headings, frontMatter, cites, rawHtml, html: null, htmlVersion: -1 };
}

function newWalk(tokens: Token[]): Walk {
  return { tokens, events: [], marks: [], emptyLinks: [], version: 0 };
}

function shiftMaps(tokens: Token[], by: number): void {
  for (const token of tokens) {
    if (token.map) token.map = [token.map[0] + by, token.map[1] + by];
  }
}

/** Runs the pipeline's own citation walk with a recorder: events in order, markers left as placeholders. */
function record(walk: Walk, mode: LinkMode): void {
  const { events, emptyLinks } = walk;
  const recorder = {
    store: { emptyLinks, citations: [] },
    source(url: string, title: string, text: string, line: number) {
      events.push({ kind: 'link', key: sourceKey(url), domain: sourceDomain(url), url, title, text, line });
      return { number: -events.length, index: 0 };
    },
    note(id: number, label: string | null, line: number) {
      events.push({ kind: 'note', localId: id, label, line });
      return { number: -events.length, index: 0 };
    },
  };
  walkBlocks(walk.tokens, 0, walk.tokens.length, FALLBACK, recorder as unknown as Numbering, mode);
  walk.marks = events.map(() => null);
  for (const token of walk.tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) {
      const meta = child.meta as SourceMark | null;
      if ((child.type === 'link_close' || child.type === 'byline_source_ref') && meta && typeof meta.number === 'number' && meta.number < 0) {
        walk.marks[-meta.number - 1] = meta;
      }
    }
  }
}

function headingsOf(tokens: Token[]): Heading[] {
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'heading_open') continue;
    const inline = tokens[i + 1];
    headings.push({
      level: Number(token.tag.slice(1)),
      text: inline?.children?.filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('') ?? '',
      line: token.map?.[0] ?? 0,
    });
  }
  return headings;
}

function frontMatterOf(tokens: Token[]): ParsedUnit['frontMatter'] {
  const token = tokens.find((t) => t.type === 'byline_front_matter');
  const fields = (token?.meta as { frontMatter?: FrontMatter } | undefined)?.frontMatter;
  return token && fields ? { fields, bodyStartLine: token.map?.[1] ?? 0 } : null;
}
