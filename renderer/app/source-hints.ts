/**
 * Tells the writer where each source marker points: feeds the editor's link
 * chips with the pipeline's numbering after every render (and the front
 * matter's error, if any, to its line), and shows a tooltip
 * (title and URL) when the pointer rests on a marker in the preview. The
 * tooltip is drawn by this page over the frame, so the preview's DOM stays
 * exactly the rendered document.
 */
import type { RenderResult } from '../markdown';
import { linkCitationsIn, setLinkCitations, type LinkCitation } from '../editor/link-chips';
import { frontMatterProblemIn, setFrontMatterProblem } from '../editor/front-matter-error';
import type { AppContext } from './app-context';
import type { LiveRefresh } from './live-refresh';

export function linkCitations(result: RenderResult): LinkCitation[] {
  const titles = new Map(result.meta.sources.map((s) => [s.number, s.title || s.text || s.url]));
  return result.meta.citations
    .filter((c) => c.kind === 'link')
    .map((c) => ({ line: c.line, number: c.number, url: c.url, title: titles.get(c.number) ?? '' }));
}

function sameCitations(a: readonly LinkCitation[], b: readonly LinkCitation[]): boolean {
  return a.length === b.length && a.every((c, i) => c.line === b[i]!.line && c.number === b[i]!.number && c.url === b[i]!.url && c.title === b[i]!.title);
}

export function installSourceHints(app: AppContext, refresh: LiveRefresh, frame: HTMLIFrameElement): void {
  // The render metadata last handled, and the citation list that left in the editor state.
  // Compared by identity: a new state (a document opened, reverted or restored, even with
  // the same text) starts with no citations and no problem, and is fed again though the
  // render is the same.
  let seen: RenderResult['meta'] | null = null;
  let fedCitations: readonly LinkCitation[] | null = null;
  refresh.onRendered((result) => {
    const { state } = app.view;
    // The renderer keeps the same metadata object while no source, note or heading changed.
    if (result.meta === seen && linkCitationsIn(state) === fedCitations) return;
    seen = result.meta;
    const error = result.meta.frontMatter?.error ?? null;
    const problem = frontMatterProblemIn(state);
    if ((error?.line ?? null) !== (problem?.line ?? null) || (error?.message ?? null) !== (problem?.message ?? null)) {
      app.view.dispatch({ effects: setFrontMatterProblem.of(error && { line: error.line, message: error.message }) });
    }
    const next = linkCitations(result);
    if (!sameCitations(linkCitationsIn(app.view.state), next)) app.view.dispatch({ effects: setLinkCitations.of(next) });
    fedCitations = linkCitationsIn(app.view.state);
  });

  const tooltip = document.createElement('div');
  tooltip.className = 'marker-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  document.body.append(tooltip);

  const frameDoc = frame.contentDocument;
  if (!frameDoc) return;
  frameDoc.addEventListener('mouseover', (event) => {
    const marker = (event.target as Element | null)?.closest?.('.source-ref a');
    const number = marker ? Number(/^#source-(\d+)$/.exec(marker.getAttribute('href') ?? '')?.[1]) : NaN;
    const meta = refresh.last?.meta;
    const source = meta?.sources.find((s) => s.number === number);
    const note = meta?.notes.find((n) => n.number === number);
    if (!marker || (!source && !note)) {
      tooltip.hidden = true;
      return;
    }
    tooltip.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = source ? source.title || source.text || source.domain : `Note ${number}`;
    tooltip.append(title);
    if (source) {
      const url = document.createElement('span');
      url.className = 'marker-tooltip-url';
      url.textContent = source.url;
      tooltip.append(url);
    }
    const frameBox = frame.getBoundingClientRect();
    const box = marker.getBoundingClientRect();
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(frameBox.left + box.left, window.innerWidth - tooltip.offsetWidth - 8)}px`;
    tooltip.style.top = `${frameBox.top + box.bottom + 6}px`;
  });
  frameDoc.addEventListener('mouseout', (event) => {
    if ((event.target as Element | null)?.closest?.('.source-ref a')) tooltip.hidden = true;
  });
  frameDoc.addEventListener('scroll', () => (tooltip.hidden = true), { passive: true });
}
