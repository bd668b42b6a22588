/// <reference path="./welcome-text.d.ts" />
/**
 * First run: when Byline starts with no file and has never welcomed this
 * writer (`settings.welcomed`), it opens a short, unsaved welcome document
 * (assets/welcome.md) showing the conventions — front matter, an attributed
 * quote, sources — and the shortcuts. Shown once; `help:welcome` reopens it.
 */
import welcomeText from '../../assets/welcome.md?raw';
import type { DocumentData } from '../../electron/contract';
import type { AppContext } from './app-context';
import { registerCommand } from './command-registry';
import type { DocumentCommands } from './document-commands';

export const WELCOME_NAME = 'Welcome to Byline';

function welcomeDocument(blank: DocumentData): DocumentData {
  return { ...blank, path: null, name: WELCOME_NAME, text: welcomeText, mtimeMs: null, warnings: [] };
}

export async function showWelcome(app: AppContext, documents: Pick<DocumentCommands, 'load' | 'confirmDiscard'>): Promise<void> {
  if (!(await documents.confirmDiscard())) return;
  const blank = await app.api.newFile();
  if (blank.ok) documents.load(welcomeDocument(blank.value));
}

/** After start-up files are open: the welcome, once, if nothing else was opened. */
export async function welcomeOnFirstRun(app: AppContext, documents: Pick<DocumentCommands, 'load' | 'confirmDiscard'>): Promise<void> {
  registerCommand('help:welcome', () => showWelcome(app, documents));
  if (app.settings.welcomed) return;
  const untouched = app.session?.path === null && app.view.state.doc.length === 0 && app.initial.startupFiles.length === 0;
  if (untouched) await showWelcome(app, documents);
  await app.writeSettings({ welcomed: true });
}
