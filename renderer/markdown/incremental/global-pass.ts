/**
 * The document-wide pass, cheap enough for every keystroke: numbers every
 * source and note from the units' recorded citations in the pipeline's order
 * (body, then notes as first cited, then notes cited only from uncited notes;
 * see `sourceLinks` in source-links.ts; the same `Numbering`, fed each URL's
 * source key computed once per unit instead of once per pass),
 * writes the numbers into the units' marker tokens, and bumps the version
 * of each walk whose numbers moved so only those are drawn again. Also
 * gathers the document's metadata.
 */
import type { DocumentMeta, Heading } from '../document-meta';
import type { EmptyLink, NoteEntry, SourceEntry } from '../source-types';
import { Numbering, type NoteRecord } from '../source-links';
import { FALLBACK, type ParsedUnit, type Walk } from './unit-parse';

export interface PlacedUnit {
  start: number;
  parsed: ParsedUnit;
}

interface NoteBody {
  walk: Walk;
  base: number;
  localIds: number[];
}

export interface GlobalResult {
  meta: DocumentMeta;
  /** Sources and notes in number order (what the Sources section lists before filtering). */
  entries: (SourceEntry | NoteRecord)[];
  /** Global footnote id → the tokens of its note. */
  noteWalks: Map<number, Walk>;
}

export function globalPass(units: readonly PlacedUnit[]): GlobalResult {
  const numbering = new Numbering({ citations: [] });
  const emptyLinks: EmptyLink[] = [];
  const sources: SourceEntry[] = [];
  const notes: NoteEntry[] = [];

  // Global footnote ids, as markdown-it-footnote assigns them over the whole stream.
  const labelIds = new Map<string, number>();
  const localIds: number[][] = [];
  const bodies: (NoteBody | undefined)[] = [];
  const pendingLabels: { id: number; label: string }[] = [];
  let nextId = 0;
  const lastDef = new Map<string, { walk: Walk; base: number; localIds: number[] }>();
  const noIds: number[] = [];
  units.forEach(({ start, parsed }, u) => {
    if (parsed.list.length === 0 && parsed.defs.length === 0) {
      localIds[u] = noIds;
      return;
    }
    const ids: number[] = [];
    parsed.list.forEach((entry, local) => {
      if ('label' in entry) {
        let id = labelIds.get(entry.label);
        if (id === undefined) {
          labelIds.set(entry.label, (id = nextId++));
          pendingLabels.push({ id, label: entry.label });
        }
        ids[local] = id;
      } else {
        ids[local] = nextId;
        bodies[nextId++] = { walk: parsed.inlineNotes.get(local)!, base: start, localIds: ids };
      }
    });
    localIds[u] = ids;
    for (const def of parsed.defs) lastDef.set(def.label, { walk: def.walk, base: start, localIds: ids });
  });
  for (const { id, label } of pendingLabels) {
    const def = lastDef.get(label);
    if (def) bodies[id] = def;
  }

  const run = (walk: Walk, base: number, fallback: number, ids: number[]): void => {
    const { events, marks } = walk;
    let changed = false;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const line = event.line >= FALLBACK ? event.line - FALLBACK + fallback : event.line + base;
      const { number, index } =
        event.kind === 'link'
          ? numbering.source(event.url, event.title, event.text, line, event.key, event.domain)
          : numbering.note(ids[event.localId]!, event.label, line);
      const mark = marks[i];
      if (mark && (mark.number !== number || mark.index !== index)) {
        mark.number = number;
        mark.index = index;
        changed = true;
      }
    }
    for (const empty of walk.emptyLinks) {
      emptyLinks.push({ line: empty.line >= FALLBACK ? empty.line - FALLBACK + fallback : empty.line + base, text: empty.text });
    }
    if (changed) walk.version++;
  };

  const headings: Heading[] = [];
  let frontMatter: ParsedUnit['frontMatter'] = null;
  for (let u = 0; u < units.length; u++) {
    const { start, parsed } = units[u]!;
    if (parsed.body.events.length > 0 || parsed.body.emptyLinks.length > 0) run(parsed.body, start, start, localIds[u]!);
    for (const h of parsed.headings) headings.push({ level: h.level, text: h.text, line: h.line + start });
    if (parsed.frontMatter) frontMatter = parsed.frontMatter;
  }
  const ids = Array.from({ length: nextId }, (_, id) => id);
  numbering.readNotes(ids, (note) => {
    const body = bodies[note.id];
    if (body) run(body.walk, body.base, note.line, body.localIds);
  });

  const entries: GlobalResult['entries'] = [];
  for (const entry of numbering.entries) {
    entries.push(entry);
    if (entry.kind === 'link') sources.push(entry);
    else notes.push({ kind: 'note', number: entry.number, label: entry.label, citations: entry.citations, line: entry.line });
  }
  const noteWalks = new Map<number, Walk>();
  bodies.forEach((body, id) => body && noteWalks.set(id, body.walk));

  const fm = frontMatter as ParsedUnit['frontMatter'];
  const first = headings[0];
  const meta: DocumentMeta = {
    title: fm?.fields.title ?? (first && first.level === 1 ? first.text : null),
    headings,
    frontMatter: fm?.fields ?? null,
    bodyStartLine: fm?.bodyStartLine ?? 0,
    sources,
    notes,
    citations: numbering.store.citations,
    emptyLinks,
  };
  return { meta, entries, noteWalks };
}
