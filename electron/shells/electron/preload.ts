/**
 * The preload: exposes the contract's API to the page as `window.byline`, and
 * nothing else. Runs sandboxed, so it is bundled into one file and may only
 * require `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from '../../contract';
import { createPreloadApi } from './preload-bridge';

contextBridge.exposeInMainWorld(
  API_GLOBAL,
  createPreloadApi({
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    on: (channel, listener) => ipcRenderer.on(channel, listener),
    removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
  }),
);
