/**
 * Footnoted source links. Every body link (inline or reference-style, in
 * paragraphs, headings, quotes, captions and notes) gets a number; one number
 * per distinct source (see `sourceKey`), and Markdown footnotes share the same
 * counter, so the reader sees one sequence 1, 2, 3… in order of first
 * citation. The body is read first, then the notes in their number order
 * (links inside a note are cited where the reader meets them: in the list).
 *
 * Not numbered: images, autolinks (`<https://…>`), in-page `#anchors`, and
 * empty URLs (reported in `emptyLinks`).
 *
 * A core rule after 'text_join' (so link texts already have the typographer's
 * quotes) and after markdown-it-footnote's 'footnote_tail' (whose note tokens
 * it takes over): it adds marker tokens and rebuilds the footnotes block as
 * one numbered list of sources and notes (see `sources-list.ts`).
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { bylineEnv, type BylineEnv } from './byline-env';
import type { LinkMode, NoteEntry, SourceEntry } from './source-types';
import { sourceDomain, sourceKey } from './source-url';
import { installSourcesListRenderers, PLAIN, type ListContents, type SourceMark } from './sources-list';

export interface SourceLinksOptions {
  /** How body links appear: link only, marker only (text without `<a>`), or both. */
  links: LinkMode;
}

export function sourceLinksPlugin(md: MarkdownIt, options: SourceLinksOptions): void {
  md.core.ruler.after('text_join', 'byline_source_links', (state) => sourceLinks(state, options.links));
  installSourcesListRenderers(md, { explicitNumbers: options.links === 'inline' });
}

export interface NoteRecord extends NoteEntry {
  /** markdown-it-footnote's id for the note. */
  id: number;
}

type Entry = SourceEntry | NoteRecord;

/**
 * The numbering of one document: one counter for sources and notes, in order
 * of first citation. Shared by the full render and the incremental global
 * pass (which passes each URL's source key and domain, computed once per block).
 */
export class Numbering<Store extends Pick<BylineEnv, 'citations'> = BylineEnv> {
  readonly entries: Entry[] = [];
  readonly bySource = new Map<string, SourceEntry>();
  readonly byNote = new Map<number, NoteRecord>();
  /** Notes in number order, read after the body. */
  readonly noteQueue: NoteRecord[] = [];

  constructor(readonly store: Store) {}

  source(url: string, title: string, text: string, line: number, key: string = sourceKey(url), domain?: string): { number: number; index: number } {
    let entry = this.bySource.get(key);
    if (!entry) {
      entry = { kind: 'link', number: this.entries.length + 1, url, title: null, text, domain: domain ?? sourceDomain(url), citations: 0, line };
      this.bySource.set(key, entry);
      this.entries.push(entry);
    }
    if (entry.title === null && title !== '') entry.title = title;
    const index = ++entry.citations;
    this.store.citations.push({ kind: 'link', number: entry.number, index, line, text, url });
    return { number: entry.number, index };
  }

  /**
   * Reads the notes in the order a reader meets them, calling `read` once per
   * note: every cited note in number order (a note cited only from another
   * note joins the queue as it is cited), then each note nobody cites (its
   * only citation sat in a dropped definition), in `ids` order, each followed
   * by whatever it cites. Every note is read, so every marker inside a note,
   * however it is reached, gets its number.
   */
  readNotes(ids: Iterable<number>, read: (note: NoteRecord) => void): void {
    let q = 0;
    const drain = (): void => {
      while (q < this.noteQueue.length) read(this.noteQueue[q++]!);
    };
    drain();
    for (const id of ids) {
      if (this.byNote.has(id)) continue;
      this.note(id, null, 0, false);
      drain();
    }
  }

  note(id: number, label: string | null, line: number, cited = true): { number: number; index: number } {
    let entry = this.byNote.get(id);
    if (!entry) {
      entry = { kind: 'note', id, number: this.entries.length + 1, label, citations: 0, line };
      this.byNote.set(id, entry);
      this.entries.push(entry);
      this.noteQueue.push(entry);
    }
    if (!cited) return { number: entry.number, index: 0 };
    const index = ++entry.citations;
    this.store.citations.push({ kind: 'note', number: entry.number, index, line, text: label ?? '', url: '' });
    return { number: entry.number, index };
  }
}

function sourceLinks(state: StateCore, mode: LinkMode): void {
  if (state.inlineMode) return; // header fields and other snippets: nothing to number
  const store = bylineEnv(state.env);
  const numbering = new Numbering(store);
  const tokens = state.tokens;

  // markdown-it-footnote's block, when there is one, is the tail of the stream.
  let bodyEnd = tokens.length;
  if ((state.env as { footnotes?: { list?: unknown[] } }).footnotes?.list) {
    for (let i = tokens.length - 1; i >= 0; i--) {
      if (tokens[i]!.type === 'footnote_block_open') {
        bodyEnd = i;
        break;
      }
    }
  }
  const noteBodies = collectNoteBodies(tokens, bodyEnd);

  walkBlocks(tokens, 0, bodyEnd, 0, numbering, mode);
  numbering.readNotes([...noteBodies.keys()].sort((a, b) => a - b), (note) => {
    const body = noteBodies.get(note.id) ?? [];
    walkBlocks(body, 0, body.length, note.line, numbering, mode);
  });

  for (const entry of numbering.entries) {
    if (entry.kind === 'link') store.sources.push(entry);
    else store.notes.push({ kind: 'note', number: entry.number, label: entry.label, citations: entry.citations, line: entry.line });
  }

  const listed = numbering.entries.filter((entry) => entry.kind === 'note' || mode !== 'inline');
  tokens.length = bodyEnd; // the footnotes block: its notes are in noteBodies
  if (listed.length > 0) appendSourcesList(state, tokens, listed, noteBodies);
}

/** markdown-it-footnote's block: footnote id → the note's content tokens. */
function collectNoteBodies(tokens: Token[], start: number): Map<number, Token[]> {
  const bodies = new Map<number, Token[]>();
  let current: Token[] | null = null;
  for (let i = start + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'footnote_open') {
      current = [];
      bodies.set((token.meta as { id: number }).id, current);
    } else if (token.type === 'footnote_close') current = null;
    else if (token.type === 'footnote_anchor') continue; // back-links are ours to draw
    else if (current) current.push(token);
  }
  return bodies;
}

export function walkBlocks(tokens: Token[], from: number, to: number, fallbackLine: number, numbering: Numbering, mode: LinkMode): void {
  let line = fallbackLine;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.map) line = token.map[0];
    if (token.type === 'inline' && token.children) walkInline(token, line, numbering, mode);
  }
}

function walkInline(inline: Token, startLine: number, numbering: Numbering, mode: LinkMode): void {
  // Tokens are marked in place (meta, type), never copied or inserted: the
  // renderer draws markers from the marks (see sources-list.ts).
  const children = inline.children!;
  const store = numbering.store;
  let line = startLine;
  let link: { open: Token; text: string; line: number; numbered: boolean } | null = null;

  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        line++;
        if (link) link.text += ' ';
        break;
      case 'text':
      case 'code_inline':
      case 'image':
        if (link) link.text += child.content;
        break;
      case 'link_open': {
        const href = attr(child, 'href');
        const auto = child.markup === 'autolink' || child.markup === 'linkify';
        link = { open: child, text: '', line, numbered: !auto && href !== '' && !href.startsWith('#') };
        // In footnote-only output the text of a numbered (or empty) link stands alone.
        if (mode === 'footnotes' && !auto && !href.startsWith('#')) child.meta = PLAIN;
        break;
      }
      case 'link_close':
        if (link) {
          const href = attr(link.open, 'href');
          const text = link.text.trim();
          const plain = link.open.meta === PLAIN;
          if (link.numbered) {
            const { number, index } = numbering.source(href, attr(link.open, 'title'), text, link.line);
            if (mode !== 'inline') child.meta = { number, index, plain } satisfies SourceMark;
            else if (plain) child.meta = PLAIN;
          } else {
            if (href === '' && link.open.markup !== 'autolink') store.emptyLinks.push({ line: link.line, text });
            if (plain) child.meta = PLAIN;
          }
          link = null;
        }
        break;
      case 'footnote_ref': {
        const meta = child.meta as { id: number; label?: string };
        const { number, index } = numbering.note(meta.id, meta.label ?? null, line);
        child.type = 'byline_source_ref';
        child.meta = { number, index, plain: true } satisfies SourceMark;
        break;
      }
    }
  }
}

function attr(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null ? '' : String(value);
}


/** Whether a list of these entries holds sources, notes, or both (its heading says so). */
export function listContents(entries: readonly { kind: 'link' | 'note' }[]): ListContents {
  return { hasSources: entries.some((entry) => entry.kind === 'link'), hasNotes: entries.some((entry) => entry.kind === 'note') };
}

/** The list at the end: every numbered entry, sources and notes alike, in number order. */
export function appendSourcesList(state: StateCore, out: Token[], entries: Entry[], noteBodies: Map<number, Token[]>): void {
  const open = new state.Token('byline_sources_open', 'section', 1);
  open.block = true;
  open.meta = listContents(entries);
  out.push(open);
  for (const entry of entries) {
    if (entry.kind === 'link') {
      const item = new state.Token('byline_source_item', 'li', 0);
      item.block = true;
      item.meta = { entry };
      out.push(item);
      continue;
    }
    const noteOpen = new state.Token('byline_note_open', 'li', 1);
    noteOpen.block = true;
    noteOpen.meta = { number: entry.number };
    out.push(noteOpen);
    const body = noteBodies.get(entry.id) ?? [];
    const backrefs = new state.Token('byline_backrefs', '', 0);
    backrefs.meta = { number: entry.number, citations: entry.citations };
    // Back-links go inside the last paragraph, as markdown-it-footnote does.
    const last = body[body.length - 1];
    const tail = last && last.type === 'paragraph_close' ? body.length - 1 : body.length;
    for (let i = 0; i < tail; i++) out.push(body[i]!);
    out.push(backrefs);
    if (tail < body.length) out.push(last!);
    const noteClose = new state.Token('byline_note_close', 'li', -1);
    noteClose.block = true;
    out.push(noteClose);
  }
  const close = new state.Token('byline_sources_close', 'section', -1);
  close.block = true;
  out.push(close);
}
