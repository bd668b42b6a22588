/**
 * The Chromium shell's part in never losing a word: one crash journal for the
 * process, a file watcher and a drafts-folder watcher for its window, and the
 * rules for ending.
 *
 * - Closing the window with unsaved text: the page's `beforeunload` keeps it
 *   open; we answer the dialog "stay" and send the page `window:close`, which
 *   asks Save / Don't Save / Cancel and then calls `closeWindow` → a clean end.
 * - A clean end clears this session's journal (`clearAll`). Any other end
 *   (page crash, browser gone, a signal while something is unsaved) keeps it
 *   (`dispose`), so the next start offers the text back.
 * - SIGTERM/SIGINT: the page is asked (PAGE_QUIT_HOOK) to journal everything
 *   now and say whether it is dirty; only "clean" clears. If the page can't
 *   answer, the journal is cleared only when it holds nothing of ours.
 */
import { promises as fsp } from 'node:fs';
import type { Page } from 'playwright-core';
import { PAGE_QUIT_HOOK, type MainEvent } from '../../contract';
import { createFileWatcher, type FileWatcher } from '../../services/file-watcher';
import { createFolderWatcher, type FolderWatcher } from '../../services/folder-watcher';
import { createJournal, type Journal } from '../../services/journal';

/** How long a stopping shell waits for the page to journal its text. */
export const QUIT_ANSWER_MS = 3000;

export interface AttachedWindow {
  page: Page;
  send(event: MainEvent): Promise<void>;
  close(): Promise<void>;
}

export interface ChromiumLifecycle {
  journal: Journal;
  watcher: FileWatcher;
  draftsWatcher: FolderWatcher;
  /** Binds the window once it exists (the API handler is created before the page). */
  attach(window: AttachedWindow): void;
  /** The page settled every buffer and asks to close: a clean end. */
  closeWindow(): Promise<void>;
  /** A signal asks the shell to stop: ask the page, end, close the browser. */
  stop(): Promise<void>;
  /** The browser or window went away by itself: end cleanly only if nothing unsaved is ours. */
  closed(): Promise<void>;
}

/** True when this session has journal entries (unsaved text it must keep). */
export async function hasOwnEntries(journal: Pick<Journal, 'dir' | 'sessionId'>): Promise<boolean> {
  const names = await fsp.readdir(journal.dir).catch(() => [] as string[]);
  return names.some((name) => name.startsWith(`${journal.sessionId}.`) && name.endsWith('.json'));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createChromiumLifecycle(profileDir: string): ChromiumLifecycle {
  const journal = createJournal({ profileDir });
  let send: (event: MainEvent) => void = () => {};
  const watcher = createFileWatcher({ onEvent: (event) => send(event) });
  const draftsWatcher = createFolderWatcher({ onEvent: (event) => send(event) });
  let current: AttachedWindow | null = null;
  let crashed = false;
  let ending: Promise<void> | null = null;

  function end(clean: boolean): Promise<void> {
    ending ??= (async () => {
      watcher.close();
      draftsWatcher.close();
      if (clean) await journal.clearAll();
      else journal.dispose();
    })();
    return ending;
  }

  async function pageSaysClean(page: Page): Promise<boolean | undefined> {
    const answer = await withTimeout(
      page
        .evaluate(async (hook) => {
          const prepare = (globalThis as unknown as Record<string, (() => Promise<{ dirty: boolean }>) | undefined>)[hook];
          return prepare ? await prepare() : null;
        }, PAGE_QUIT_HOOK)
        .catch(() => null),
      QUIT_ANSWER_MS,
    );
    return answer ? !answer.dirty : undefined;
  }

  async function closed(): Promise<void> {
    if (ending) return ending;
    return end(!crashed && !(await hasOwnEntries(journal)));
  }

  return {
    journal,
    watcher,
    draftsWatcher,
    attach(attached) {
      current = attached;
      send = (event) => void attached.send(event).catch(() => undefined);
      attached.page.on('crash', () => (crashed = true));
      // The window closed without asking (it was clean): end, then let the browser go.
      attached.page.on('close', () => void closed().then(() => attached.close()));
      attached.page.on('dialog', (dialog) => {
        // The shell dismisses every dialog ("stay" for beforeunload); the page asks its own question.
        if (dialog.type() === 'beforeunload') send({ type: 'menu-command', command: 'window:close' });
      });
    },
    async closeWindow() {
      await end(true);
      await current?.close();
    },
    async stop() {
      const clean = current && !crashed ? await pageSaysClean(current.page) : false;
      await end(clean ?? (!crashed && !(await hasOwnEntries(journal))));
      await current?.close();
    },
    closed,
  };
}
