/**
 * The page's handle on the Node side, whichever shell provides it: Electron's
 * preload exposes the finished API; the Chromium shell exposes a transport
 * binding, which we wrap with the same `createApi`, so both behave alike.
 */
import {
  API_GLOBAL,
  CHROMIUM_EVENT_NAME,
  CHROMIUM_INVOKE_BINDING,
  createApi,
  type BylineApi,
  type Invoke,
  type MainEvent,
} from '../electron/contract';

type BylineWindow = Window & {
  [API_GLOBAL]?: BylineApi;
  [CHROMIUM_INVOKE_BINDING]?: (channel: string, request: unknown) => Promise<unknown>;
};

export function connectApi(win: Window = window): BylineApi {
  const w = win as BylineWindow;
  const exposed = w[API_GLOBAL];
  if (exposed) return exposed;
  const binding = w[CHROMIUM_INVOKE_BINDING];
  if (!binding) throw new Error('Byline must be started by one of its shells (npm start).');
  const invoke = ((channel, request) => binding(channel, request)) as Invoke;
  return createApi(invoke, (listener) => {
    const handler = (event: Event) => listener((event as CustomEvent<MainEvent>).detail);
    win.addEventListener(CHROMIUM_EVENT_NAME, handler);
    return () => win.removeEventListener(CHROMIUM_EVENT_NAME, handler);
  });
}
