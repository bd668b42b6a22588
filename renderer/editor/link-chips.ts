/**
 * Source chips: while the cursor is elsewhere, each link's `(url "title")`
 * (or a reference link's `[label]`) folds into a small numbered chip — the
 * number the preview and exports give that source — and expands again when
 * the cursor enters the link. Hovering a chip shows the source's title and URL.
 *
 * Numbers come from the pipeline's metadata for the last render
 * (`setLinkCitations`), matched to links by block and URL, so the editor
 * never numbers anything on its own and can't disagree with the output. A
 * link whose target runs onto the next line keeps its Markdown (a chip never
 * hides a line break).
 */
import { StateEffect, StateField, type EditorState, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { syntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';
import { safeDecorations } from './safe-decorations';
import { labelKey, referenceDefinitions, targetKey } from './link-targets';

/** What a chip needs to know about one numbered link citation. */
export interface LinkCitation {
  /** 0-based source line. */
  line: number;
  number: number;
  url: string;
  /** Source title (title attribute, else link text). */
  title: string;
}

export const setLinkCitations = StateEffect.define<readonly LinkCitation[]>();

/**
 * A line with more links than this keeps its raw Markdown: a chip is an inline
 * widget, and thousands of them in one wrapped line make every layout of that
 * line slow (a hostile document, never a column).
 */
export const MAX_CHIPS_PER_LINE = 100;

/** The citations the chips show: as fed (`list`, kept to compare with the next render) and grouped by 0-based line, in reading order. */
interface Citations {
  list: readonly LinkCitation[];
  byLine: ReadonlyMap<number, readonly LinkCitation[]>;
}

const citationsField = StateField.define<Citations>({
  create: () => ({ list: [], byLine: new Map() }),
  update(value, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setLinkCitations)) {
        const byLine = new Map<number, LinkCitation[]>();
        for (const citation of effect.value) {
          const list = byLine.get(citation.line) ?? [];
          list.push(citation);
          byLine.set(citation.line, list);
        }
        return { list: effect.value, byLine };
      }
    }
    return value;
  },
});

/**
 * The citations this editor state's chips show. Each new state (a document
 * opened, reverted, restored) starts with none, so whoever feeds the chips
 * compares the next render with this, never with what it fed an earlier state.
 */
export function linkCitationsIn(state: EditorState): readonly LinkCitation[] {
  return state.field(citationsField, false)?.list ?? [];
}

class ChipWidget extends WidgetType {
  constructor(
    readonly number: number,
    readonly label: string,
    readonly jumpTo: number,
  ) {
    super();
  }
  override eq(other: ChipWidget): boolean {
    return other.number === this.number && other.label === this.label && other.jumpTo === this.jumpTo;
  }
  toDOM(view: EditorView): HTMLElement {
    const chip = document.createElement('span');
    chip.className = 'cm-link-chip';
    chip.textContent = String(this.number);
    chip.title = this.label;
    chip.setAttribute('aria-label', `Source ${this.number}: ${this.label}`);
    chip.addEventListener('mousedown', (event) => {
      event.preventDefault();
      view.dispatch({ selection: { anchor: this.jumpTo } });
      view.focus();
    });
    return chip;
  }
  override ignoreEvent(): boolean {
    return false;
  }
}

/**
 * Hands out one block's citations to the links found in it, by URL: the
 * n-th link in the block to a URL gets the n-th citation of that URL. A link
 * whose target matches no citation (the pipeline read the Markdown
 * differently, say) gets no chip rather than a neighbour's number. Linear in
 * the block's links, however many (a hostile document can put thousands on
 * one line).
 */
class BlockCitations {
  private readonly byKey = new Map<string, { list: LinkCitation[]; next: number }>();
  constructor(ordered: readonly LinkCitation[]) {
    for (const citation of ordered) {
      const key = targetKey(citation.url);
      const entry = this.byKey.get(key);
      if (entry) entry.list.push(citation);
      else this.byKey.set(key, { list: [citation], next: 0 });
    }
  }
  take(url: string): LinkCitation | undefined {
    const matches = this.byKey.get(targetKey(url));
    return matches && matches.next < matches.list.length ? matches.list[matches.next++] : undefined;
  }
}

/**
 * The part of a link that folds (from after the text's `]` to the link's
 * end) and where it points: its URL as typed, or a reference's label.
 */
function foldRange(link: SyntaxNode, state: EditorState): { from: number; url: string; label: string | null } | null {
  let closeText: SyntaxNode | null = null;
  let url = '';
  let label: string | null = null;
  for (let child = link.firstChild; child; child = child.nextSibling) {
    if (child.name === 'LinkMark' && !closeText && state.sliceDoc(child.from, child.to) === ']') closeText = child;
    else if (child.name === 'URL') url = state.sliceDoc(child.from, child.to);
    else if (child.name === 'LinkLabel') label = state.sliceDoc(child.from + 1, child.to - 1);
  }
  if (!closeText || closeText.to >= link.to) return null;
  if (!url && label === null) return null;
  // A collapsed reference, `[text][]`, is labelled by its text.
  if (!url && label !== null && label.trim() === '') label = state.sliceDoc(link.from + 1, closeText.from);
  return { from: closeText.to, url, label };
}

/** The blocks whose inline content the pipeline numbers line by line. */
const INLINE_BLOCK = /^(?:Paragraph|ATXHeading\d|SetextHeading\d|TableHeader|TableRow)$/;

/**
 * The 0-based source lines of the block holding `link`. Citations are
 * matched within the block, not the line: the pipeline counts a link's line
 * from its block's first line by the line breaks it sees as text, so a break
 * inside an earlier link's `(url⏎)` or a code span puts the links after it
 * on an earlier line than the editor does.
 */
function blockLines(link: SyntaxNode, state: EditorState): [number, number] {
  for (let node = link.parent; node; node = node.parent) {
    if (INLINE_BLOCK.test(node.name)) return [state.doc.lineAt(node.from).number - 1, state.doc.lineAt(node.to).number - 1];
  }
  const line = state.doc.lineAt(link.from).number - 1;
  return [line, line];
}

/** The citations the pipeline put on lines `first`…`last`, in reading order. */
function citationsOnLines(byLine: ReadonlyMap<number, readonly LinkCitation[]>, [first, last]: [number, number]): LinkCitation[] {
  const cited: LinkCitation[] = [];
  if (last - first < byLine.size) {
    for (let line = first; line <= last; line++) cited.push(...(byLine.get(line) ?? []));
  } else {
    const lines = [...byLine.keys()].filter((line) => line >= first && line <= last).sort((a, b) => a - b);
    for (const line of lines) cited.push(...byLine.get(line)!);
  }
  return cited;
}

function chipRanges(view: EditorView): Range<Decoration>[] {
  const { state } = view;
  const byLine = state.field(citationsField).byLine;
  const chips: Range<Decoration>[] = [];
  if (byLine.size === 0) return chips;
  const selection = state.selection.main;
  const blocks = new Map<number, BlockCitations>();
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(state).iterate({
      from,
      to,
      enter(node) {
        if (node.name !== 'Link') return;
        const range = foldRange(node.node, state);
        if (!range) return false;
        const line = state.doc.lineAt(node.from).number - 1;
        if ((byLine.get(line)?.length ?? 0) > MAX_CHIPS_PER_LINE) return false;
        const lines = blockLines(node.node, state);
        let inBlock = blocks.get(lines[0]);
        if (!inBlock) blocks.set(lines[0], (inBlock = new BlockCitations(citationsOnLines(byLine, lines))));
        const target = range.url || (range.label !== null ? referenceDefinitions(state.doc).get(labelKey(range.label)) : undefined);
        const citation = target ? inBlock.take(target) : undefined;
        // No citation: the pipeline saw no link here. Any link it did see lies inside.
        if (!citation) return;
        // A target that runs onto the next line (`(url⏎)`, a title below) stays as typed:
        // a view plugin may not replace a line break, and the writer should see it anyway.
        if (state.doc.lineAt(range.from).to < node.to) return false;
        const cursorInside = selection.from <= node.to && selection.to >= node.from;
        if (cursorInside) return false;
        const label = citation.title ? `${citation.title} — ${citation.url}` : citation.url;
        chips.push(Decoration.replace({ widget: new ChipWidget(citation.number, label, range.from + 1) }).range(range.from, node.to));
        return false;
      },
    });
  }
  return chips;
}

function buildChips(view: EditorView): DecorationSet {
  return safeDecorations('Source chips', view.state, 'plugin', () => chipRanges(view));
}

const chipPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = buildChips(view);
    }
    update(update: ViewUpdate) {
      if (
        update.docChanged ||
        update.selectionSet ||
        update.viewportChanged ||
        update.startState.field(citationsField) !== update.state.field(citationsField) ||
        syntaxTree(update.startState) !== syntaxTree(update.state)
      ) {
        this.decorations = buildChips(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const chipTheme = EditorView.baseTheme({
  '.cm-link-chip': {
    display: 'inline-block',
    minWidth: '1.35em',
    padding: '0 0.35em',
    margin: '0 0.1em',
    borderRadius: '0.7em',
    fontFamily: 'var(--ui-font, system-ui, sans-serif)',
    fontSize: '0.68em',
    fontWeight: '600',
    lineHeight: '1.5',
    textAlign: 'center',
    verticalAlign: '0.35em',
    color: 'var(--paper, #fff)',
    backgroundColor: 'var(--accent, #a4372a)',
    cursor: 'pointer',
  },
});

/** Folds link targets into numbered source chips; feed it with `setLinkCitations`. */
export function linkChips(): Extension {
  return [citationsField, chipPlugin, chipTheme];
}
