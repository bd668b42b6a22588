/**
 * The Sources section at the end of the document, drawn entry by entry with
 * the pipeline's own tokens and renderer rules (`appendSourcesList`), each
 * entry's HTML cached until its number, citations or note text change.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { appendSourcesList, listContents } from '../source-links';
import type { LinkMode } from '../source-types';
import type { GlobalResult } from './global-pass';
import type { Walk } from './unit-parse';

export interface SourcesSection {
  open: string;
  /** One `<li>…</li>\n` per listed source or note, in number order. */
  items: string[];
  close: string;
}

type Entry = GlobalResult['entries'][number];
type ListEntries = Parameters<typeof appendSourcesList>[2];

interface Drawn {
  section: SourcesSection;
  listed: Entry[];
  /** For each listed note, its tokens and their version when drawn. */
  walks: (Walk | undefined)[];
  versions: number[];
}

export class SourcesSectionCache {
  private readonly sources = new Map<string, string>();
  private readonly notes = new WeakMap<Walk, { key: string; html: string }>();
  private readonly state: StateCore;
  /** The last section and what it was drawn from: most passes change no entry. */
  private last: Drawn | null = null;

  constructor(private readonly md: MarkdownIt) {
    this.state = new md.core.State('', md, {});
  }

  /** The section for `result`; the very same object as last time when no entry changed. */
  render(result: GlobalResult, mode: LinkMode): SourcesSection | null {
    const listed = result.entries.filter((entry) => entry.kind === 'note' || mode !== 'inline');
    if (listed.length === 0) return null;
    const walks = listed.map((entry) => (entry.kind === 'note' ? result.noteWalks.get(entry.id) : undefined));
    const versions = walks.map((walk) => walk?.version ?? -1);
    const last = this.last;
    const unchanged = (i: number): boolean =>
      !!last && i < last.listed.length && sameEntry(last.listed[i]!, listed[i]!) && last.walks[i] === walks[i] && last.versions[i] === versions[i];
    if (last && last.listed.length === listed.length) {
      let same = true;
      for (let i = 0; i < listed.length && same; i++) same = unchanged(i);
      if (same) return last.section;
    }
    const frame: Token[] = [];
    appendSourcesList(this.state, frame, [] as ListEntries, new Map());
    frame[0]!.meta = listContents(listed);
    const options = this.md.options;
    const open = this.md.renderer.render([frame[0]!], options, {});
    const close = this.md.renderer.render([frame[1]!], options, {});
    if (this.sources.size > 20_000) this.sources.clear();
    const items = listed.map((entry, i) => (unchanged(i) ? last!.section.items[i]! : this.item(entry, result.noteWalks)));
    const section = { open, items, close };
    this.last = { section, listed, walks, versions };
    return section;
  }

  private item(entry: Entry, noteWalks: Map<number, Walk>): string {
    if (entry.kind === 'link') {
      const key = [entry.number, entry.citations, entry.url, entry.title ?? '\u0000', entry.text, entry.domain].join('\u0001');
      let html = this.sources.get(key);
      if (html === undefined) this.sources.set(key, (html = this.draw(entry, new Map())));
      return html;
    }
    const walk = noteWalks.get(entry.id);
    const key = `${entry.number}|${entry.citations}|${walk?.version ?? -1}`;
    const cached = walk && this.notes.get(walk);
    if (cached && cached.key === key) return cached.html;
    const html = this.draw(entry, new Map(walk ? [[entry.id, walk.tokens]] : []));
    if (walk) this.notes.set(walk, { key, html });
    return html;
  }

  private draw(entry: Entry, bodies: Map<number, Token[]>): string {
    const out: Token[] = [];
    appendSourcesList(this.state, out, [entry] as ListEntries, bodies);
    return this.md.renderer.render(out.slice(1, -1), this.md.options, {});
  }
}

/** Whether two entries draw the same list item (for notes, their text is compared by the caller). */
function sameEntry(a: Entry, b: Entry): boolean {
  if (a.kind === 'link' && b.kind === 'link') {
    return a.number === b.number && a.citations === b.citations && a.url === b.url && a.title === b.title && a.text === b.text && a.domain === b.domain;
  }
  return a.kind === 'note' && b.kind === 'note' && a.number === b.number && a.citations === b.citations && a.id === b.id;
}
