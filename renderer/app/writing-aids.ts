/**
 * The writing aids, installed as one feature: status bar figures, themes and
 * the settings pane, Markdown commands and the Format/Tools menus, the outline
 * and sources sidebar, style checks, focus and typewriter modes, distraction-
 * free full screen, paste from the web, and the first-run welcome. main.ts
 * calls `installWritingAids` before the first document loads (its editor
 * extensions join every document's state) and `afterStart` once start-up
 * files are open.
 */
import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import type { Settings } from '../../electron/contract';
import type { EditorOptions } from '../editor/create-editor';
import { markdownCommandKeymap } from '../editor/markdown-commands';
import { pasteFromWeb } from '../editor/paste-from-web';
import { searchPanelTheme } from '../editor/search-panel-theme';
import { openSettingsPane } from '../ui/settings-pane';
import type { StatusBar } from '../ui/status-bar';
import { installWritingToolbar } from '../ui/writing-toolbar';
import { writingCommandForKey } from '../ui/writing-shortcuts';
import type { AppContext } from './app-context';
import { registerCommand, runCommand } from './command-registry';
import type { DocumentCommands } from './document-commands';
import { installEditorModes } from './editor-modes';
import { installFormatCommands } from './format-commands';
import type { LiveRefresh } from './live-refresh';
import { installSidebar } from './sidebar';
import { applyAppearance, installThemes } from './themes';
import { welcomeOnFirstRun } from './welcome';
import { installWritingStatus } from './writing-status';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
/** Appearance changes (sliders) are applied at once and saved after this pause. */
const SAVE_APPEARANCE_MS = 300;

export interface WritingAids {
  afterStart(documents: Pick<DocumentCommands, 'load' | 'confirmDiscard'>): Promise<void>;
}

export function installWritingAids(
  app: AppContext,
  editorOptions: EditorOptions,
  refresh: LiveRefresh,
  statusBar: StatusBar,
  previewFrame: HTMLIFrameElement,
): WritingAids {
  installThemes(app, previewFrame);
  const modes = installEditorModes(app);
  const status = installWritingStatus(app, refresh, statusBar);
  const sidebar = installSidebar(app, refresh);
  installFormatCommands(app);

  const cursorActivity = EditorView.updateListener.of((update) => {
    if (!update.selectionSet && !update.docChanged) return;
    status.cursorMoved();
    if (sidebar.open === 'outline') sidebar.cursorLine(update.state.doc.lineAt(update.state.selection.main.head).number - 1);
  });
  // The text is focusable anyway (contenteditable); saying so lets checkers see the scroller is reachable by keyboard.
  const focusableContent = EditorView.contentAttributes.of({ tabindex: '0' });
  const previous = editorOptions.extensions;
  editorOptions.extensions = (): Extension => [previous?.() ?? [], markdownCommandKeymap(), pasteFromWeb(), searchPanelTheme(), modes.extensions(), cursorActivity, focusableContent];

  let pending: Partial<Settings> = {};
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  function changeSetting(patch: Partial<Settings>): void {
    pending = { ...pending, ...patch };
    applyAppearance({ ...app.settings, ...pending }, window.matchMedia('(prefers-color-scheme: dark)').matches, previewFrame);
    const discrete = !('fontSize' in patch) && !('lineWidth' in patch);
    clearTimeout(saveTimer);
    const save = () => {
      const patchToSave = pending;
      pending = {};
      void app.writeSettings(patchToSave);
    };
    if (discrete) save();
    else saveTimer = setTimeout(save, SAVE_APPEARANCE_MS);
  }
  registerCommand('app:settings', () => openSettingsPane({ ...app.settings, ...pending }, changeSetting));

  installWritingToolbar(isMac, { focusMode: () => app.settings.focusMode, typewriter: () => app.settings.typewriterScrolling }, (command) => void runCommand(command));
  const onKeyDown = (event: KeyboardEvent) => {
    // The key first: this runs on every keystroke, and most are plain typing.
    const command = writingCommandForKey(event, isMac);
    if (!command || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    event.stopPropagation();
    void runCommand(command);
  };
  window.addEventListener('keydown', onKeyDown, true);
  previewFrame.contentDocument?.addEventListener('keydown', onKeyDown, true);

  return {
    afterStart: (documents) => welcomeOnFirstRun(app, documents),
  };
}
