/**
 * The Electron shell's part in never losing a word: the crash journal (one per
 * process), the open-file and drafts-folder watchers (one pair; Electron
 * shows one document window at a time, so they are emptied when it closes),
 * and how windows and the app end.
 *
 * - A dirty page's `beforeunload` keeps its window open; Electron reports
 *   `will-prevent-unload`, and instead of a native two-button box we send the
 *   page `window:close`: it asks Save / Don't Save / Cancel, then calls
 *   `closeWindow` and we close the window (and finish quitting, if that is
 *   what started it).
 * - Quitting after every window closed that way is a clean quit: the journal
 *   is cleared (`clearAll`) before the app exits. If a page crashed since it
 *   loaded, the journal is kept (`dispose`) for the next start.
 * - SIGTERM/SIGINT: the page is asked (PAGE_QUIT_HOOK) to journal its text
 *   now; the journal is cleared only when it says nothing is unsaved.
 */
import { app, type BrowserWindow } from 'electron';
import { PAGE_QUIT_HOOK, type MainEvent } from '../../contract';
import { createFileWatcher, type FileWatcher } from '../../services/file-watcher';
import { createFolderWatcher, type FolderWatcher } from '../../services/folder-watcher';
import { createJournal, type Journal } from '../../services/journal';

const QUIT_ANSWER_MS = 3000;

export interface ElectronLifecycle {
  journal: Journal;
  watcher: FileWatcher;
  draftsWatcher: FolderWatcher;
  /** For `ShellHooks.closeWindow`: the page settled its buffers. */
  closeWindow(): Promise<void>;
  /** Call for each new window: tracks crashes, forwards prevented unloads to the page, empties the watchers on close. */
  track(win: BrowserWindow): void;
}

export function createElectronLifecycle(options: {
  profileDir: string;
  deliver(event: MainEvent): void;
  liveWindow(): BrowserWindow | null;
}): ElectronLifecycle {
  const journal = createJournal({ profileDir: options.profileDir });
  const watcher = createFileWatcher({ onEvent: (event) => options.deliver(event) });
  const draftsWatcher = createFolderWatcher({ onEvent: (event) => options.deliver(event) });
  let quitting = false;
  let quitAfterClose = false;
  let crashed = false;
  let ended = false;

  async function end(clean: boolean): Promise<void> {
    watcher.close();
    draftsWatcher.close();
    if (clean) await journal.clearAll().catch(() => undefined);
    else journal.dispose();
  }

  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('will-quit', (event) => {
    if (ended) return;
    event.preventDefault();
    ended = true;
    void end(!crashed).then(() => app.quit());
  });

  async function stopOnSignal(): Promise<void> {
    if (ended) return;
    const win = options.liveWindow();
    let clean = !win;
    if (win && !crashed) {
      const script = `(async () => { const f = window[${JSON.stringify(PAGE_QUIT_HOOK)}]; return f ? await f() : null; })()`;
      const answer = (await Promise.race([
        win.webContents.executeJavaScript(script).catch(() => null),
        new Promise((resolve) => setTimeout(() => resolve(null), QUIT_ANSWER_MS)),
      ])) as { dirty?: boolean } | null;
      clean = answer?.dirty === false;
    }
    ended = true;
    await end(clean);
    app.exit(0);
  }
  process.on('SIGTERM', () => void stopOnSignal());
  process.on('SIGINT', () => void stopOnSignal());

  return {
    journal,
    watcher,
    draftsWatcher,
    async closeWindow() {
      const win = options.liveWindow();
      if (!win) return;
      // Closed once the reply has gone out; the page lets this unload through.
      setImmediate(() => {
        if (!win.isDestroyed()) win.close();
        if (quitAfterClose) app.quit();
      });
    },
    track(win) {
      // Once a page crashed, this process never clears the journal: its buffers wait for the next start.
      win.webContents.on('render-process-gone', () => (crashed = true));
      win.webContents.on('will-prevent-unload', () => {
        // Not prevented here: the window stays open while the page asks its own question.
        quitAfterClose = quitting;
        quitting = false;
        options.deliver({ type: 'menu-command', command: 'window:close' });
      });
      win.on('closed', () => {
        void watcher.setWatched([]);
        draftsWatcher.setFolder(null);
      });
    },
  };
}
