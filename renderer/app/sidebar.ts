/**
 * The writing sidebar on the right of the panes: the outline or the sources
 * panel (one at a time), toggled by `view:outline` and `view:sources` from
 * the toolbar, the menus or the keyboard. Opening a panel moves focus into
 * it; Escape returns to the editor. Panels are fed from the pipeline's last
 * result (`onRendered`), never by rendering again, and the outline follows the
 * cursor.
 */
import type { RenderResult } from '../markdown';
import { createOutlinePanel } from '../ui/outline-panel';
import { createSourcesPanel } from '../ui/sources-panel';
import { emptyLinkReports, sourceReports } from '../ui/source-problems';
import type { AppContext } from './app-context';
import { registerCommand } from './command-registry';
import { citationPosition, lineStart, revealPosition } from './editor-jump';
import type { LiveRefresh } from './live-refresh';

export type PanelName = 'outline' | 'sources';

export interface Sidebar {
  readonly open: PanelName | null;
  toggle(panel: PanelName, focus?: boolean): void;
  /** The cursor moved to this 0-based line. */
  cursorLine(line: number): void;
}

export function installSidebar(app: AppContext, refresh: LiveRefresh): Sidebar {
  const root = document.getElementById('app')!;
  const aside = document.createElement('aside');
  aside.className = 'aids-sidebar';
  aside.id = 'aids-sidebar';
  aside.setAttribute('aria-label', 'Outline and sources');
  aside.hidden = true;
  const outline = createOutlinePanel((line) => revealPosition(app, lineStart(app, line)));
  const sources = createSourcesPanel({
    jumpToCitation: (citation) => revealPosition(app, citationPosition(app, citation, refresh.last?.meta.citations ?? [])),
    jumpToLine: (line) => revealPosition(app, lineStart(app, line)),
  });
  aside.append(outline.element, sources.element);
  document.querySelector('.panes')!.append(aside);
  aside.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      app.view.focus();
    }
  });

  let open: PanelName | null = null;
  /** What the open panel shows (the renderer keeps the same metadata object while it is unchanged). */
  let shown: { panel: PanelName; meta: RenderResult['meta'] } | null = null;

  function fill(result: RenderResult | null): void {
    if (!result || !open) return;
    if (shown?.panel === open && shown.meta === result.meta) return;
    shown = { panel: open, meta: result.meta };
    if (open === 'outline') outline.setHeadings(result.meta.headings);
    else sources.show(sourceReports(result.meta), emptyLinkReports(result.meta));
  }

  function cursorLine(line: number): void {
    if (open === 'outline') outline.setCursorLine(line);
  }

  function toggle(panel: PanelName, focus = true): void {
    open = open === panel ? null : panel;
    aside.hidden = open === null;
    outline.element.hidden = open !== 'outline';
    sources.element.hidden = open !== 'sources';
    if (open) root.dataset.aidsPanel = open;
    else delete root.dataset.aidsPanel;
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-aids-command="view:outline"], [data-aids-command="view:sources"]')) {
      button.setAttribute('aria-pressed', String(button.dataset.aidsCommand === `view:${open}`));
    }
    fill(refresh.last);
    cursorLine(app.view.state.doc.lineAt(app.view.state.selection.main.head).number - 1);
    if (open && focus) (open === 'outline' ? outline : sources).focusFirst();
    else if (!open && aside.contains(document.activeElement)) app.view.focus();
  }

  refresh.onRendered((result) => fill(result));
  registerCommand('view:outline', () => toggle('outline'));
  registerCommand('view:sources', () => toggle('sources'));

  return {
    get open() {
      return open;
    },
    toggle,
    cursorLine,
  };
}
