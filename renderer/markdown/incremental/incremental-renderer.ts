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
import { globalPass, type GlobalResult, type PlacedUnit } from './global-pass';
import { createIncrementalInstance } from './incremental-instance';
import { SourcesSectionCache, type SourcesSection } from './sources-section';
import { changedLines, stringLines, type LineChange, type LineDocument, type StringLines } from './text-lines';
import { unitHtml, withLines } from './unit-html';
import { citationSignature, parseUnit, refValue, type DocumentContext, type ParsedUnit } from './unit-parse';
import { frontMatterClose, splitAfterEdit, splitAll } from './unit-split';

export type { SourcesSection } from './sources-section';
export type { LineChange, LineDocument } from './text-lines';

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
  /** The same object as the previous result's when no source or note changed. */
  sources: SourcesSection | null;
  /** The same object as the previous result's when nothing in it changed. */
  meta: DocumentMeta;
  /** The whole document's HTML, exactly as `render()` returns it. */
  html(): string;
  /** How many units were parsed for this update (the rest were reused). */
  parsedUnits: number;
}

export interface IncrementalRenderer {
  /** Renders `markdown`, finding what changed since the last call by comparing texts. */
  update(markdown: string): IncrementalResult;
  /**
   * Renders `doc` when the caller knows which lines changed since the last
   * call (the editor does), so nothing reads the whole text. `change: null`
   * means nothing changed; `'all'` renders from scratch (a new document).
   */
  edit(doc: LineDocument, change: LineChange | null | 'all'): IncrementalResult;
}

const POOL_LIMIT = 400;

export function createIncrementalRenderer(options: RenderOptions = {}): IncrementalRenderer {
  const config = resolveConfig(options);
  const md: MarkdownIt = createIncrementalInstance(config);
  const sections = new SourcesSectionCache(md);
  let placed: PlacedUnit[] = [];
  let rendered = false;
  /** The last text given to `update`, while `edit` has not been called since. */
  let lastString: StringLines | null = null;
  let oldFrontMatter: number | null = null;
  let ctx: DocumentContext = { references: new Map(), noteLabels: new Set() };
  let ctxKey = '';
  let global: GlobalResult | null = null;
  let sources: SourcesSection | null = null;
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

  function run(next: LineDocument, change: LineChange | null | 'all'): IncrementalResult {
    const fromScratch = change === 'all' || !rendered;
    const split = fromScratch ? splitAll(md, next) : splitAfterEdit(md, oldFrontMatter, placed.map((u) => u.start), next, change);
    const old = fromScratch ? [] : placed;
    const fresh = new Set<ParsedUnit>();
    const units: PlacedUnit[] = [];
    // The old units in the re-read window: most come back unchanged.
    const tailOld = Math.min(split.tailOld, old.length);
    const replaced = new Map<string, ParsedUnit[]>();
    // What the window held and holds that the document-wide parts depend on.
    let windowDefines = false;
    const citedBefore: PlacedUnit[] = [];
    const citedAfter: PlacedUnit[] = [];
    for (let i = split.keptHead; i < tailOld; i++) {
      const unit = old[i]!.parsed;
      windowDefines ||= defines(unit);
      if (unit.cites) citedBefore.push(old[i]!);
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
        const unitText = withoutNul(next.slice(start, split.units[i + 1] ?? next.lines));
        const atStart = start === 0;
        const key = keyOf(unitText, atStart);
        let parsed = replaced.get(key)?.shift();
        if (!parsed) {
          parsed = take(key) ?? parse(unitText, atStart);
          fresh.add(parsed);
        }
        windowDefines ||= defines(parsed);
        if (parsed.cites) citedAfter.push({ start, parsed });
        units.push({ start, parsed });
      }
    }
    // Old units the edit replaced and nobody took: kept for a while (undo, moved blocks).
    for (const list of replaced.values()) for (const unit of list) release(unit);

    // Definitions anywhere decide how the units read their links and notes.
    let ctxChanged = false;
    if (fromScratch || windowDefines) {
      const nextCtx = documentContext(units);
      ctxChanged = nextCtx.key !== ctxKey;
      ctx = nextCtx.ctx;
      ctxKey = nextCtx.key;
    }
    let parsedUnits = 0;
    let reparsed = false;
    const [from, to] = ctxChanged ? [0, units.length] : [split.keptHead, split.tailNew];
    for (let i = from; i < to; i++) {
      const unit = units[i]!;
      if (!ctxChanged && !fresh.has(unit.parsed)) continue;
      if (fresh.has(unit.parsed) && unit.parsed.html === null) parsedUnits++;
      if (!readsCurrent(unit.parsed, ctx)) {
        unit.parsed = parse(unit.parsed.text, unit.parsed.atStart);
        parsedUnits++;
        reparsed = true;
      }
    }
    placed = units;
    rendered = true;
    oldFrontMatter = frontMatterClose(next);

    // The numbering, the Sources section and the metadata stand unless
    // something that cites, defines or heads changed, or moved (line numbers).
    let shifted = false;
    for (let i = split.tailNew; split.shift !== 0 && !shifted && i < units.length; i++) shifted = units[i]!.parsed.cites;
    const sameCitations = !fromScratch && !ctxChanged && !reparsed && !shifted && citeAlike(citedBefore, citedAfter);
    if (!global || !sameCitations) {
      global = globalPass(units);
      sources = config.dialect ? sections.render(global, config.links) : null;
    }
    const list: RenderedUnit[] = units.map(({ start, parsed }) => ({ start, parsed, html: unitHtml(md, parsed, config.sourceLines) }));
    const section = sources;
    return {
      units: list,
      sources: section,
      meta: global.meta,
      parsedUnits,
      html() {
        let html = '';
        for (const unit of list) html += config.sourceLines ? withLines(unit.html, unit.start) : unit.html;
        if (section) html += section.open + section.items.join('') + section.close;
        return html;
      },
    };
  }

  return {
    update(markdown) {
      const next = stringLines(normalize(markdown));
      const change = lastString ? changedLines(lastString.text, lastString.starts, next.text, next.starts) : 'all';
      lastString = next;
      return run(next, change);
    },
    edit(doc, change) {
      lastString = null;
      return run(doc, change);
    },
  };
}

/**
 * Whether the units an edit replaced cite exactly what the units it put in
 * their place cite (typing in a paragraph away from its links): then every
 * number stands, and each new unit takes its markers' numbers from the unit
 * it replaced.
 */
function citeAlike(before: readonly PlacedUnit[], after: readonly PlacedUnit[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const [was, now] = [before[i]!, after[i]!];
    if (was.start !== now.start) return false; // its citations' lines moved
    if (was.parsed === now.parsed) continue; // the window only read it again
    const signature = citationSignature(was.parsed);
    if (signature === null || signature !== citationSignature(now.parsed)) return false;
  }
  for (let i = 0; i < before.length; i++) if (before[i]!.parsed !== after[i]!.parsed) copyMarks(before[i]!.parsed, after[i]!.parsed);
  return true;
}

function copyMarks(from: ParsedUnit, to: ParsedUnit): void {
  const source = from.body.marks;
  const target = to.body.marks;
  let changed = false;
  for (let k = 0; k < target.length; k++) {
    const mark = target[k];
    const was = source[k];
    if (!mark || !was || (mark.number === was.number && mark.index === was.index)) continue;
    mark.number = was.number;
    mark.index = was.index;
    changed = true;
  }
  if (changed) to.body.version++;
}

/** Whether a unit defines a reference or a note (the others read those). */
function defines(unit: ParsedUnit): boolean {
  return unit.refDefs.length > 0 || unit.defs.length > 0;
}

function withoutNul(text: string): string {
  return text.includes('\0') ? text.replace(/\0/g, '\uFFFD') : text;
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
