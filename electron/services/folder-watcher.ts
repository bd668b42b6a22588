/**
 * Watches the drafts folder and tells the page to list it again when anything
 * in it changes (debounced: a save is a burst of events). If the folder can't
 * be watched (missing, or it disappears), it retries now and then.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { MainEvent } from '../contract';

export type FolderWatchEvent = Extract<MainEvent, { type: 'drafts-changed' }>;

export interface FolderWatcherOptions {
  onEvent: (event: FolderWatchEvent) => void;
  debounceMs?: number;
  retryMs?: number;
}

export interface FolderWatcher {
  /** The folder to watch, or null to stop; replaces the previous one. */
  setFolder(folder: string | null): void;
  close(): void;
}

export function createFolderWatcher(options: FolderWatcherOptions): FolderWatcher {
  const debounceMs = options.debounceMs ?? 300;
  let folder: string | null = null;
  let watcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | undefined;
  const retry = setInterval(() => attach(), options.retryMs ?? 5000);
  retry.unref();

  function changed(): void {
    clearTimeout(timer);
    const current = folder;
    timer = setTimeout(() => {
      if (current === null || current !== folder) return;
      try {
        options.onEvent({ type: 'drafts-changed', folder: current });
      } catch {
        // A failing listener must not stop the watcher.
      }
    }, debounceMs);
    timer.unref();
  }

  function detach(): void {
    watcher?.close();
    watcher = null;
    clearTimeout(timer);
  }

  function attach(): void {
    if (watcher || folder === null) return;
    try {
      const current = watch(folder, { persistent: false }, () => changed());
      current.on('error', () => {
        current.close();
        if (watcher === current) watcher = null;
        changed();
      });
      watcher = current;
    } catch {
      // Not there (yet): the retry timer tries again.
    }
  }

  return {
    setFolder(next) {
      const resolved = next === null ? null : path.resolve(next);
      if (resolved === folder) return;
      detach();
      folder = resolved;
      attach();
    },
    close() {
      detach();
      folder = null;
      clearInterval(retry);
    },
  };
}
