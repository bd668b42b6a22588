/**
 * The markdown-it instance the incremental renderer parses blocks with: the
 * same factory and config as `render()`, with three changes that make one
 * block parseable on its own:
 * - the document-wide core rules (markdown-it-footnote's tail and Byline's
 *   source numbering) are off; `unitTail` takes the tail's place and only
 *   moves a block's own note definitions and inline notes aside, so the
 *   typographer still treats them exactly as the full render does;
 * - `data-line` is not added by the source-lines plugin: block HTML is cached
 *   apart from where the block sits (see `unit-html.ts`);
 * - footnote definitions get a line map (markdown-it-footnote leaves it
 *   out), so every top-level block knows the lines it spans.
 */
import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import { createMarkdownIt, type PipelineConfig } from '../create-markdown-it';

/** What `unitTail` leaves in the core state's env for the caller. */
export interface UnitTail {
  /** Index in `state.tokens` where the block's own tokens end. */
  bodyEnd: number;
  /** Footnote definitions in source order: label and their token range in `state.tokens`. */
  defs: { label: string; from: number; to: number }[];
  /** Inline notes (`^[…]`): local footnote id → token range (paragraph_open, inline, paragraph_close). */
  inlineNotes: { id: number; from: number; to: number }[];
}

export const TAIL_KEY = 'bylineIncrementalTail';
/** A function in env called when the block phase is over (references are all read). */
export const INLINE_PHASE_KEY = 'bylineIncrementalInlinePhase';

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
interface RuleEntry {
  name: string;
  fn: BlockRule;
  alt: string[];
}

export function createIncrementalInstance(config: PipelineConfig): MarkdownIt {
  const md = createMarkdownIt({ ...config, sourceLines: false });
  md.core.ruler.before('inline', 'byline_unit_inline_phase', (state) => {
    (state.env as Record<string, (() => void) | undefined>)[INLINE_PHASE_KEY]?.();
  });
  if (!config.dialect) return md;
  const rules = (md.block.ruler as unknown as { __rules__: RuleEntry[] }).__rules__;
  const footnoteDef = rules.find((rule) => rule.name === 'footnote_def');
  if (footnoteDef) {
    const original = footnoteDef.fn;
    md.block.ruler.at(
      'footnote_def',
      (state, startLine, endLine, silent) => {
        const at = state.tokens.length;
        const ok = original(state, startLine, endLine, silent);
        const open = state.tokens[at];
        if (ok && !silent && open?.type === 'footnote_reference_open') open.map = [startLine, state.line];
        return ok;
      },
      { alt: footnoteDef.alt },
    );
  }
  md.core.ruler.after('footnote_tail', 'byline_unit_tail', unitTail);
  md.core.ruler.disable(['footnote_tail', 'byline_source_links']);
  return md;
}

/**
 * Like markdown-it-footnote's tail, for one block: definitions leave the
 * block's stream for the end of it, inline notes' contents are wrapped in a
 * paragraph after them. Nothing is numbered or dropped here.
 */
function unitTail(state: StateCore): void {
  // The same walk as markdown-it-footnote's tail (including its handling of
  // a definition inside a definition), keeping what it would move.
  const body: Token[] = [];
  const closed: { label: string; tokens: Token[] }[] = [];
  let insideRef = false;
  let current: Token[] = [];
  let currentLabel = '';
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      insideRef = true;
      current = [];
      currentLabel = (token.meta as { label: string }).label;
    } else if (token.type === 'footnote_reference_close') {
      insideRef = false;
      closed.push({ label: currentLabel, tokens: current });
    } else if (insideRef) current.push(token);
    else body.push(token);
  }
  const tail: UnitTail = { bodyEnd: body.length, defs: [], inlineNotes: [] };
  const out = body;
  const placed = new Map<Token[], { from: number; to: number }>();
  for (const { label, tokens } of closed) {
    let range = placed.get(tokens);
    if (!range) {
      range = { from: out.length, to: out.length + tokens.length };
      placed.set(tokens, range);
      for (const token of tokens) out.push(token);
    }
    tail.defs.push({ label, ...range });
  }
  const list = (state.env as { footnotes?: { list?: { tokens?: Token[]; content?: string }[] } }).footnotes?.list ?? [];
  list.forEach((entry, id) => {
    if (!entry?.tokens) return;
    const open = new state.Token('paragraph_open', 'p', 1);
    open.block = true;
    const inline = new state.Token('inline', '', 0);
    inline.children = entry.tokens;
    inline.content = entry.content ?? '';
    const close = new state.Token('paragraph_close', 'p', -1);
    close.block = true;
    tail.inlineNotes.push({ id, from: out.length, to: out.length + 3 });
    out.push(open, inline, close);
  });
  state.tokens = out;
  (state.env as Record<string, unknown>)[TAIL_KEY] = tail;
}
