/**
 * Moves the editor's cursor to a place in the text and centres it there —
 * what the outline and sources panels do on click. Shows the editor first if
 * only the preview was on screen.
 */
import { EditorView } from '@codemirror/view';
import type { Citation } from '../markdown';
import type { AppContext } from './app-context';
import { runCommand } from './command-registry';

export function revealPosition(app: AppContext, pos: number): void {
  if (document.getElementById('app')?.dataset.view === 'preview') void runCommand('view:split');
  const view = app.view;
  const at = Math.max(0, Math.min(pos, view.state.doc.length));
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }), userEvent: 'select.jump' });
  view.focus();
}

/** The start of a 0-based source line. */
export function lineStart(app: AppContext, line: number): number {
  const doc = app.view.state.doc;
  return doc.line(Math.max(1, Math.min(line + 1, doc.lines))).from;
}

/**
 * Where a citation's link starts in the text: on its line, the `[` of the
 * link whose target is the citation's URL (the k-th such link when the line
 * cites it more than once), else of its link text, else the line's start.
 */
export function citationPosition(app: AppContext, citation: Citation, all: readonly Citation[]): number {
  const doc = app.view.state.doc;
  if (citation.line + 1 > doc.lines) return doc.length;
  const line = doc.line(citation.line + 1);
  const nth = all.filter((c) => c.line === citation.line && c.url === citation.url && c.index < citation.index && c.number === citation.number).length;
  const targets = [citation.url, safeDecode(citation.url)];
  for (const target of targets) {
    let from = 0;
    let found = -1;
    for (let k = 0; k <= nth; k++) {
      found = line.text.indexOf(`](${target}`, from);
      if (found < 0) break;
      from = found + 1;
    }
    if (found >= 0) {
      const open = line.text.lastIndexOf('[', found);
      return line.from + Math.max(0, open);
    }
  }
  const byText = citation.text ? line.text.indexOf(`[${citation.text}`) : -1;
  return line.from + Math.max(0, byText);
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
