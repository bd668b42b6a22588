/**
 * The sources panel: every numbered source with its domain, title, how often
 * it is cited, its problems (marked, and counted in the summary) and quiet
 * notes (muted, not counted), then the links that have no URL. Each citation
 * is a button that moves the editor to it.
 */
import type { Citation } from '../markdown';
import type { EmptyLinkReport, SourceReport } from './source-problems';
import { plural } from './status-format';

export interface SourcesPanel {
  readonly element: HTMLElement;
  show(sources: readonly SourceReport[], emptyLinks: readonly EmptyLinkReport[]): void;
  focusFirst(): void;
}

export interface SourcesPanelActions {
  jumpToCitation(citation: Citation): void;
  jumpToLine(line: number): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function createSourcesPanel(actions: SourcesPanelActions): SourcesPanel {
  const element = el('section', 'aids-panel sources-panel');
  element.id = 'sources-panel';
  element.setAttribute('aria-labelledby', 'sources-panel-heading');
  const heading = el('h2', 'aids-panel-title', 'Sources');
  heading.id = 'sources-panel-heading';
  heading.tabIndex = -1;
  const summary = el('p', 'sources-summary');
  const list = el('ol', 'sources-list');
  const emptySection = el('div', 'empty-links');
  element.append(heading, summary, list, emptySection);
  let signature = '';

  return {
    element,
    show(sources, emptyLinks) {
      const next = JSON.stringify([sources, emptyLinks]);
      if (next === signature) return;
      signature = next;
      const problems = sources.filter((s) => s.problems.length > 0).length + emptyLinks.length;
      summary.textContent =
        sources.length === 0 && emptyLinks.length === 0
          ? 'No sources cited yet. Link a phrase to its source: [phrase](https://…).'
          : `${plural(sources.length, 'source')}${problems ? ` · ${plural(problems, 'problem')}` : ' · no problems'}`;
      list.replaceChildren(
        ...sources.map((source) => {
          const item = el('li', `source-item${source.problems.length ? ' has-problems' : ''}`);
          item.dataset.number = String(source.number);
          const head = el('div', 'source-head');
          const number = el('span', 'source-number', String(source.number));
          number.setAttribute('aria-hidden', 'true');
          const title = el('button', 'source-title', source.title);
          title.type = 'button';
          title.title = source.url;
          title.setAttribute('aria-label', `Source ${source.number}: ${source.title}, ${source.domain || 'no domain'}, cited ${plural(source.citations.length, 'time')}`);
          title.addEventListener('click', () => source.citations[0] && actions.jumpToCitation(source.citations[0]));
          head.append(number, title);
          const meta = el('div', 'source-meta');
          meta.append(el('span', 'source-domain', source.domain || source.url || '(no URL)'), el('span', 'source-count', `cited ${plural(source.citations.length, 'time')}`));
          const cites = el('div', 'source-citations');
          source.citations.forEach((citation, i) => {
            const jump = el('button', 'citation-jump', `${i + 1}`);
            jump.type = 'button';
            jump.title = `Line ${citation.line + 1}: “${citation.text}”`;
            jump.setAttribute('aria-label', `Go to citation ${i + 1} of source ${source.number}, line ${citation.line + 1}`);
            jump.addEventListener('click', () => actions.jumpToCitation(citation));
            cites.append(jump);
          });
          item.append(head, meta, cites);
          if (source.problems.length) {
            const ul = el('ul', 'source-problems');
            ul.setAttribute('aria-label', 'Problems');
            for (const problem of source.problems) ul.append(el('li', 'source-problem', problem));
            item.append(ul);
          }
          if (source.notes.length) {
            const ul = el('ul', 'source-notes');
            ul.setAttribute('aria-label', 'Notes');
            for (const note of source.notes) ul.append(el('li', 'source-note', note));
            item.append(ul);
          }
          return item;
        }),
      );
      emptySection.replaceChildren();
      if (emptyLinks.length) {
        emptySection.append(el('h3', 'empty-links-title', 'Links without a URL'));
        const ul = el('ul', 'empty-links-list');
        for (const link of emptyLinks) {
          const li = el('li', 'empty-link');
          const button = el('button', 'empty-link-jump', `Line ${link.line + 1}: ${link.problem}`);
          button.type = 'button';
          button.addEventListener('click', () => actions.jumpToLine(link.line));
          li.append(button);
          ul.append(li);
        }
        emptySection.append(ul);
      }
    },
    focusFirst() {
      (list.querySelector<HTMLButtonElement>('button') ?? emptySection.querySelector<HTMLButtonElement>('button') ?? heading).focus();
    },
  };
}
