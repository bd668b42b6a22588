// Runs in Node with a fake ipcRenderer: the API the preload exposes.
import { describe, expect, it } from 'vitest';
import { API_METHODS, EVENT_CHANNEL, type MainEvent } from '../../../electron/contract';
import { createPreloadApi, type IpcTransport } from '../../../electron/shells/electron/preload-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(reply: (channel: string, request: unknown) => Promise<unknown> = async () => ({ ok: true, value: null })) {
  const calls: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Listener[]>();
  const ipc: IpcTransport = {
    invoke: (channel, ...args) => {
      calls.push({ channel, args });
      return reply(channel, args[0]);
    },
    on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
    removeListener: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)),
  };
  const emit = (channel: string, data: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc internals', senderId: 0 }, data);
  };
  return { ipc, calls, listeners, emit };
}

describe('preload API', () => {
  it('has one method per operation plus onEvent, and nothing of ipcRenderer', () => {
    const api = createPreloadApi(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_METHODS), 'onEvent'].sort());
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'removeListener']) expect(api).not.toHaveProperty(key);
  });

  it('invokes each method on its own channel with its request', async () => {
    const { ipc, calls } = fakeIpc();
    const api = createPreloadApi(ipc);
    await api.saveFile({ path: '/a.md', text: 'x', format: { eol: 'lf', bom: false } });
    await api.initialState();
    await api.openExternal({ url: 'https://example.com/' });
    expect(calls).toEqual([
      { channel: 'file:save', args: [{ path: '/a.md', text: 'x', format: { eol: 'lf', bom: false } }] },
      { channel: 'app:initial-state', args: [null] },
      { channel: 'link:open-external', args: [{ url: 'https://example.com/' }] },
    ]);
  });

  it('returns what main answers', async () => {
    const { ipc } = fakeIpc(async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } }));
    await expect(createPreloadApi(ipc).openFile({ path: '/gone.md' })).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Gone.' },
    });
  });

  it('turns a failed IPC call into an error value', async () => {
    const { ipc } = fakeIpc(async () => {
      throw new Error('No handler registered');
    });
    const result = await createPreloadApi(ipc).readSettings();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('IO');
  });

  it('passes main events to the listener without the IPC event object', () => {
    const { ipc, emit } = fakeIpc();
    const received: unknown[][] = [];
    createPreloadApi(ipc).onEvent((...args: unknown[]) => received.push(args));
    const event: MainEvent = { type: 'menu-command', command: 'file:save' };
    emit(EVENT_CHANNEL, event);
    expect(received).toEqual([[event]]);
  });

  it('unsubscribes exactly the listener it subscribed', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const api = createPreloadApi(ipc);
    const first: MainEvent[] = [];
    const second: MainEvent[] = [];
    const stopFirst = api.onEvent((event) => first.push(event));
    api.onEvent((event) => second.push(event));
    stopFirst();
    stopFirst();
    emit(EVENT_CHANNEL, { type: 'menu-command', command: 'view:split' });
    expect(first).toEqual([]);
    expect(second).toEqual([{ type: 'menu-command', command: 'view:split' }]);
    expect(listeners.get(EVENT_CHANNEL)).toHaveLength(1);
  });
});
