/**
 * Style checks in the editor: each issue from style-analysis.ts is a marked
 * range (underline or tint per check) with its explanation in a tooltip on
 * hover. Only prose is checked (paragraphs and headings, not front matter or
 * code), with Markdown masked out; only the visible ranges are decorated, and
 * each paragraph's result is cached by its text, so typing re-analyses one
 * paragraph. Which checks run comes from a facet (`styleChecks(config)`).
 */
import { Facet, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, hoverTooltip, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { syntaxTree } from '@codemirror/language';
import type { StyleCheckName } from '../../electron/contract';
import { analyzeStyle, DEFAULT_STYLE_OPTIONS, type StyleIssue } from './style-analysis';
import { maskMarkdown } from './prose-mask';
import { safeDecorations } from './safe-decorations';

export interface StyleCheckConfig {
  checks: readonly StyleCheckName[];
  longSentenceWords: number;
}

const styleConfig = Facet.define<StyleCheckConfig, StyleCheckConfig>({
  combine: (values) => values[0] ?? { checks: ['long-sentences'], longSentenceWords: DEFAULT_STYLE_OPTIONS.longSentenceWords },
});

/** Nodes whose text is prose to check. */
const PROSE = /^(?:Paragraph|ATXHeading\d|SetextHeading\d)$/;
const CACHE_LIMIT = 2000;

function markFor(issue: StyleIssue): Decoration {
  return Decoration.mark({ class: `cm-style-issue cm-style-${issue.check}`, issue });
}

class Analyzer {
  private cache = new Map<string, StyleIssue[]>();
  private checks: ReadonlySet<StyleCheckName>;
  constructor(readonly config: StyleCheckConfig) {
    this.checks = new Set(config.checks);
  }
  issues(text: string): StyleIssue[] {
    let found = this.cache.get(text);
    if (!found) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      found = analyzeStyle(maskMarkdown(text), this.checks, { longSentenceWords: this.config.longSentenceWords });
      this.cache.set(text, found);
    }
    return found;
  }
}

function issueRanges(view: EditorView, analyzer: Analyzer): Range<Decoration>[] {
  const { state } = view;
  const ranges: Range<Decoration>[] = [];
  const seen = new Set<number>();
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(state).iterate({
      from,
      to,
      enter(node) {
        if (node.name === 'FrontMatter' || node.name === 'FencedCode' || node.name === 'CodeBlock' || node.name === 'HTMLBlock') return false;
        if (!PROSE.test(node.name)) return;
        if (seen.has(node.from)) return false;
        seen.add(node.from);
        for (const issue of analyzer.issues(state.sliceDoc(node.from, node.to))) {
          ranges.push(markFor(issue).range(node.from + issue.from, node.from + issue.to));
        }
        return false;
      },
    });
  }
  return ranges;
}

function build(view: EditorView, analyzer: Analyzer): DecorationSet {
  if (analyzer.config.checks.length === 0) return Decoration.none;
  return safeDecorations('Style checks', view.state, 'plugin', () => issueRanges(view, analyzer));
}

const stylePlugin = ViewPlugin.fromClass(
  class {
    analyzer: Analyzer;
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.analyzer = new Analyzer(view.state.facet(styleConfig));
      this.decorations = build(view, this.analyzer);
    }
    update(update: ViewUpdate) {
      const config = update.state.facet(styleConfig);
      const reconfigured = config !== this.analyzer.config;
      if (reconfigured) this.analyzer = new Analyzer(config);
      if (reconfigured || update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) {
        this.decorations = build(update.view, this.analyzer);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** The explanations of the issues under the pointer. */
const styleTooltip = hoverTooltip((view, pos) => {
  const decorations = view.plugin(stylePlugin)?.decorations;
  if (!decorations) return null;
  const found: { from: number; to: number; issue: StyleIssue }[] = [];
  decorations.between(pos, pos, (from, to, value) => {
    found.push({ from, to, issue: value.spec.issue as StyleIssue });
  });
  if (found.length === 0) return null;
  return {
    pos: Math.min(...found.map((f) => f.from)),
    end: Math.max(...found.map((f) => f.to)),
    above: true,
    create() {
      const dom = document.createElement('div');
      dom.className = 'cm-style-tooltip';
      for (const { issue } of found) {
        const line = document.createElement('div');
        line.className = `cm-style-tooltip-item cm-style-${issue.check}-note`;
        line.textContent = issue.message;
        dom.append(line);
      }
      return { dom };
    },
  };
});

const styleTheme = EditorView.baseTheme({
  '.cm-style-long-sentences': { backgroundColor: 'var(--check-long, rgb(240 200 80 / 0.22))' },
  '.cm-style-passive-voice': { textDecoration: 'underline 2px dotted var(--check-passive, #3b6fb6)', textUnderlineOffset: '3px' },
  '.cm-style-adverbs': { textDecoration: 'underline 2px dotted var(--check-adverb, #8a4fb5)', textUnderlineOffset: '3px' },
  '.cm-style-hedges': { textDecoration: 'underline 2px dashed var(--check-hedge, #c27c12)', textUnderlineOffset: '3px' },
  '.cm-style-cliches': { textDecoration: 'underline 2px wavy var(--check-cliche, #b3362b)', textUnderlineOffset: '3px' },
  '.cm-style-repeated-words': { textDecoration: 'underline 2px wavy var(--check-repeat, #b3362b)', textUnderlineOffset: '3px' },
  '.cm-style-tooltip': {
    maxWidth: '26rem',
    padding: '0.35rem 0.6rem',
    fontFamily: 'var(--ui-font, system-ui, sans-serif)',
    fontSize: '0.8rem',
    lineHeight: '1.4',
  },
  '.cm-style-tooltip-item + .cm-style-tooltip-item': { marginTop: '0.3rem' },
});

/** Marks style issues in the prose; `config` says which checks run. */
export function styleChecks(config: StyleCheckConfig): Extension {
  return [styleConfig.of(config), stylePlugin, styleTooltip, styleTheme];
}
