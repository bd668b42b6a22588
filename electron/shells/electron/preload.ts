/**
 * The preload: exposes the contract's API to the page as `window.byline`, and
 * nothing else. Runs sandboxed, so it is bundled into one file and may only
 * require `electron`.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_GLOBAL } from '../../contract';
import { createPreloadApi } from './preload-bridge';

contextBridge.exposeInMainWorld(API_GLOBAL, {
  ...createPreloadApi({
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    on: (channel, listener) => ipcRenderer.on(channel, listener),
    removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
  }),
  // A file dropped on the window: its path, so it opens as itself (webUtils throws for anything else).
  pathForFile: (file: unknown): string | null => {
    try {
      return webUtils.getPathForFile(file as File) || null;
    } catch {
      return null;
    }
  },
});
