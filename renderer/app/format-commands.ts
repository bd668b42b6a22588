/**
 * The Format and Edit commands by name (`format:bold`, `edit:find`…), for the
 * menus and the toolbar: each runs its editor command on the open document
 * and gives the editor the focus back. The keys themselves are the editor's
 * own keymap (markdown-commands.ts, CodeMirror's search keymap).
 */
import { openSearchPanel } from '@codemirror/search';
import { MARKDOWN_COMMANDS, type MarkdownCommandName } from '../editor/markdown-commands';
import { pastePlainText } from '../editor/paste-from-web';
import type { AppContext } from './app-context';
import { registerCommand } from './command-registry';

export function installFormatCommands(app: AppContext): void {
  for (const name of Object.keys(MARKDOWN_COMMANDS) as MarkdownCommandName[]) {
    registerCommand(name, () => {
      MARKDOWN_COMMANDS[name](app.view);
      app.view.focus();
    });
  }
  registerCommand('edit:find', () => {
    openSearchPanel(app.view);
  });
  registerCommand('edit:replace', () => {
    openSearchPanel(app.view);
    requestAnimationFrame(() => app.view.dom.querySelector<HTMLInputElement>('.cm-search input[name=replace]')?.focus());
  });
  registerCommand('edit:paste-plain', () => pastePlainText(app.view));
}
