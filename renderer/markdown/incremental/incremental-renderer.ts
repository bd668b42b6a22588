/**
 * Incremental rendering: the same HTML and metadata as `render()`, after
 * every edit, for the cost of the blocks the edit touched.
 *
 * 1. The text is split into units (top-level blocks, see unit-split.ts); only
 *    a window around the edit is tokenized again.
 * 2. Each unit is parsed on its own (unit-parse.ts) and kept: unchanged units
 *    keep their tokens, a unit whose text comes back (undo, paste, a moved
 *    block) is taken from a pool. A unit that looked up a reference or note
 *    definition is parsed again when that definition changes.
 * 3. The document-wide pass (global-pass.ts) numbers sources and notes and
 *    updates only the markers whose numbers moved.
 * 4. Units draw their HTML when new or when their markers changed; line
 *    numbers are placeholders filled in at the end (unit-html.ts); the
 *    Sources section is drawn entry by entry (sources-section.ts).
 */
import type { MarkdownIt } from 'markdown-it';
import type { DocumentMeta } from '../document-meta';
import { resolveConfig, type RenderOptions } from '../render';
import { globalPass, type PlacedUnit } from './global-pass';
import { createIncrementalInstance } from './incremental-instance';
import { SourcesSectionCache, type SourcesSection } from './sources-section';
import { lineStarts, sliceLines } from './text-lines';
import { unitHtml, withLines } from './unit-html';
import { parseUnit, refValue, type DocumentContext, type ParsedUnit } from './unit-parse';
import { splitAfterEdit, splitAll, type SplitInput } from './unit-split';

export type { SourcesSection } from './sources-section';

export interface RenderedUnit {
  /** First source line of the unit. */
  start: number;
  /** Same object for as long as the unit's parse is reused. */
  parsed: ParsedUnit;
  /** The unit's HTML with line placeholders (see unit-html.ts); '' for definitions. */
  html: string;
}

export interface IncrementalResult {
  units: RenderedUnit[];
  sources: SourcesSection | null;
  meta: DocumentMeta;
  /** The whole document's HTML, exactly as `render()` returns it. */
  html(): string;
  /** How many units were parsed for this update (the rest were reused). */
  parsedUnits: number;
}

export interface IncrementalRenderer {
  update(markdown: string): IncrementalResult;
}

const POOL_LIMIT = 400;

export function createIncrementalRenderer(options: RenderOptions = {}): IncrementalRenderer {
  const config = resolveConfig(options);
  const md: MarkdownIt = createIncrementalInstance(config);
  const sections = new SourcesSectionCache(md);
  let doc: SplitInput | null = null;
  let placed: PlacedUnit[] = [];
  let ctx: DocumentContext = { references: new Map(), noteLabels: new Set() };
  let ctxKey = '';
  /** Parses of units no longer in the document, by text, for when it comes back. */
  const pool = new Map<string, ParsedUnit[]>();

  const keyOf = (text: string, atStart: boolean): string => (atStart ? '1' : '0') + text;
  const parse = (text: string, atStart: boolean): ParsedUnit => parseUnit(md, text, atStart, ctx, config.links, config.dialect);
  const take = (key: string): ParsedUnit | undefined => {
    const list = pool.get(key);
    const unit = list?.pop();
    if (list && list.length === 0) pool.delete(key);
    return unit;
  };
  const release = (unit: ParsedUnit): void => {
    const key = keyOf(unit.text, unit.atStart);
    const list = pool.get(key);
    if (list) list.push(unit);
    else pool.set(key, [unit]);
    while (pool.size > POOL_LIMIT) pool.delete(pool.keys().next().value!);
  };

  return {
    update(markdown) {
      const text = normalize(markdown);
      const next: SplitInput = { text, starts: lineStarts(text) };
      const split = doc ? splitAfterEdit(md, doc, placed.map((u) => u.start), next) : splitAll(md, next);
      const old = placed;
      const fresh = new Set<ParsedUnit>();
      const units: PlacedUnit[] = [];
      // The old units in the re-read window: most come back unchanged.
      const tailOld = Math.min(split.tailOld, old.length);
      const replaced = new Map<string, ParsedUnit[]>();
      for (let i = split.keptHead; i < tailOld; i++) {
        const unit = old[i]!.parsed;
        const key = keyOf(unit.text, unit.atStart);
        const list = replaced.get(key);
        if (list) list.push(unit);
        else replaced.set(key, [unit]);
      }
      for (let i = 0; i < split.units.length; i++) {
        const start = split.units[i]!;
        if (i < split.keptHead) units.push({ start, parsed: old[i]!.parsed });
        else if (i >= split.tailNew) units.push({ start, parsed: old[split.tailOld + i - split.tailNew]!.parsed });
        else {
          const unitText = sliceLines(text, next.starts, start, split.units[i + 1] ?? next.starts.length);
          const atStart = start === 0;
          const key = keyOf(unitText, atStart);
          let parsed = replaced.get(key)?.shift();
          if (!parsed) {
            parsed = take(key) ?? parse(unitText, atStart);
            fresh.add(parsed);
          }
          units.push({ start, parsed });
        }
      }
      // Old units the edit replaced and nobody took: kept for a while (undo, moved blocks).
      for (const list of replaced.values()) for (const unit of list) release(unit);

      // Definitions anywhere decide how the units read their links and notes.
      const nextCtx = documentContext(units);
      const changed = nextCtx.key !== ctxKey;
      ctx = nextCtx.ctx;
      ctxKey = nextCtx.key;
      let parsedUnits = 0;
      for (const unit of units) {
        if (!changed && !fresh.has(unit.parsed)) continue;
        if (fresh.has(unit.parsed) && unit.parsed.html === null) parsedUnits++;
        if (!readsCurrent(unit.parsed, ctx)) {
          unit.parsed = parse(unit.parsed.text, unit.parsed.atStart);
          parsedUnits++;
        }
      }
      doc = next;
      placed = units;

      const global = globalPass(units);
      const rendered: RenderedUnit[] = units.map(({ start, parsed }) => ({ start, parsed, html: unitHtml(md, parsed, config.sourceLines) }));
      const sources = config.dialect ? sections.render(global, config.links) : null;
      return {
        units: rendered,
        sources,
        meta: global.meta,
        parsedUnits,
        html() {
          let html = '';
          for (const unit of rendered) html += config.sourceLines ? withLines(unit.html, unit.start) : unit.html;
          if (sources) html += sources.open + sources.items.join('') + sources.close;
          return html;
        },
      };
    },
  };
}

/** As markdown-it's normalize rule: one kind of line break, no NUL. */
function normalize(text: string): string {
  let out = text;
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  if (out.includes('\0')) out = out.replace(/\0/g, '\uFFFD');
  return out;
}

function documentContext(units: readonly PlacedUnit[]): { ctx: DocumentContext; key: string } {
  const references = new Map<string, { href: string; title: string }>();
  const noteLabels = new Set<string>();
  for (const { parsed } of units) {
    for (const def of parsed.refDefs) if (!references.has(def.label)) references.set(def.label, { href: def.href, title: def.title });
    for (const def of parsed.defs) noteLabels.add(def.label);
  }
  let key = '';
  for (const [label, def] of references) key += `${label}\u0001${refValue(def)}\u0002`;
  key += '\u0003';
  for (const label of noteLabels) key += `${label}\u0001`;
  return { ctx: { references, noteLabels }, key };
}

function readsCurrent(unit: ParsedUnit, ctx: DocumentContext): boolean {
  for (const [label, seen] of unit.refDeps) if (refValue(ctx.references.get(label)) !== seen) return false;
  for (const [label, seen] of unit.noteDeps) if (ctx.noteLabels.has(label) !== seen) return false;
  return true;
}
