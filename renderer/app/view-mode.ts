/** Editor only, split, or preview only: toolbar radios, shortcuts, remembered in settings. */
import type { ViewMode } from '../../electron/contract';
import type { AppContext } from './app-context';
import { registerCommand } from './command-registry';

export function setViewMode(app: AppContext, mode: ViewMode, persist = true): void {
  document.getElementById('app')!.dataset.view = mode;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.view-toggle [data-command]')) {
    button.setAttribute('aria-checked', String(button.dataset.command === `view:${mode}`));
  }
  if (persist && app.settings.viewMode !== mode) void app.writeSettings({ viewMode: mode });
}

export function installViewModes(app: AppContext): void {
  for (const mode of ['editor', 'split', 'preview'] as const) registerCommand(`view:${mode}`, () => setViewMode(app, mode));
  setViewMode(app, app.settings.viewMode, false);
}
