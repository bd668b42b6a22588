/**
 * The one way our editor features hand decorations to CodeMirror, so that a
 * bad one can never take the editor down.
 *
 * CodeMirror checks a plugin's decorations only while it draws, deep inside
 * its update: a replacement across a line break or a block widget from a
 * view plugin throws there, halfway through the DOM, and the editor's DOM and
 * its document drift apart (text nobody typed is read back in as input).
 * A builder that throws takes its whole feature down. So every decoration
 * source (view plugin or state field) builds a plain list of ranges and
 * passes it through `safeDecorations`, which drops each range CodeMirror
 * would reject, and turns a builder that throws into "no decorations"; both
 * are reported once per source and kind through CodeMirror's `logException`
 * (the `EditorView.exceptionSink` facet, else the console).
 */
import type { EditorState, Range } from '@codemirror/state';
import { Decoration, logException, type DecorationSet } from '@codemirror/view';

/** How the decorations reach the editor: a view plugin's are held to stricter rules than a state field's. */
export type DecorationProvider = 'plugin' | 'field';

/** Why CodeMirror would reject this range (a short kind, then the detail), or null when it is fine. */
export function decorationProblem(range: Range<Decoration>, state: EditorState, provider: DecorationProvider): [kind: string, detail: string] | null {
  const { from, to, value } = range;
  const length = state.doc.length;
  if (!(from >= 0 && to >= from && to <= length)) return ['out of the document', `${from}–${to} in a document of ${length}`];
  if (provider === 'plugin' && value.point) {
    if ((value.spec as { block?: boolean }).block) return ['a block decoration from a view plugin', `at ${from}–${to}`];
    if (to > state.doc.lineAt(from).to) return ['a replacement across a line break from a view plugin', `${from}–${to}`];
  }
  return null;
}

const reported = new Set<string>();
/** Reports stop after this many kinds (a hostile document must not fill the console). */
const REPORT_LIMIT = 50;

function report(state: EditorState, source: string, kind: string, detail: string, cause?: unknown): void {
  const key = `${source}\u0000${kind}`;
  if (reported.has(key) || reported.size >= REPORT_LIMIT) return;
  reported.add(key);
  const error = new RangeError(`${source}: skipped ${kind} (${detail})`, cause === undefined ? undefined : { cause });
  logException(state, error, `${source} decorations`);
}

/**
 * The decorations `collect` returns, minus those CodeMirror would reject;
 * none (and a report) if `collect` throws. `source` names the feature in the
 * report. Ranges may come in any order.
 */
export function safeDecorations(
  source: string,
  state: EditorState,
  provider: DecorationProvider,
  collect: () => readonly Range<Decoration>[],
): DecorationSet {
  let ranges: readonly Range<Decoration>[];
  try {
    ranges = collect();
  } catch (error) {
    report(state, source, 'every decoration: its builder threw', String(error), error);
    return Decoration.none;
  }
  const kept: Range<Decoration>[] = [];
  for (const range of ranges) {
    const problem = decorationProblem(range, state, provider);
    if (problem) report(state, source, ...problem);
    else kept.push(range);
  }
  try {
    return Decoration.set(kept, true);
  } catch (error) {
    report(state, source, 'every decoration: the set could not be built', String(error), error);
    return Decoration.none;
  }
}
