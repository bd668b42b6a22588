/**
 * The page's API over Electron IPC, built from the few `ipcRenderer`
 * functions it needs (passed in, so it can be tested with a fake). Only the
 * contract's channels are ever invoked, only `MainEvent` data reaches a
 * listener (never Electron's event object), and nothing of `ipcRenderer`
 * itself is exposed.
 */
import {
  createApi,
  EVENT_CHANNEL,
  isChannel,
  type BylineApi,
  type Invoke,
  type MainEvent,
  type Result,
} from '../../contract';

/** The slice of `ipcRenderer` the bridge uses. */
export interface IpcTransport {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const unreachable: Result<never> = {
  ok: false,
  error: { code: 'IO', message: "Byline couldn't reach its main process. Your text is still in the editor; try again." },
};

export function createPreloadApi(ipc: IpcTransport): BylineApi {
  const invoke: Invoke = async (channel, request) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'Unknown operation.' } };
    }
    try {
      return (await ipc.invoke(channel, request)) as never;
    } catch {
      return unreachable;
    }
  };

  const subscribe = (listener: (event: MainEvent) => void): (() => void) => {
    const forward = (_event: unknown, data: unknown) => listener(data as MainEvent);
    ipc.on(EVENT_CHANNEL, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(EVENT_CHANNEL, forward);
    };
  };

  return createApi(invoke, subscribe);
}
