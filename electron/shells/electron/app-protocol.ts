/**
 * Serves the built renderer on `byline://app/`: a privileged, standard,
 * secure scheme (so the page has a real origin, `'self'` in its CSP means the
 * app, and `fetch` works) that does not bypass the CSP. Only host `app`
 * answers; the files and the CSP header come from the shared app server.
 */
import { protocol } from 'electron';
import { createAppServer, type AppServerOptions } from '../../services/app-server';
import { APP_HOST, APP_SCHEME } from './app-url';

/** Must run before the app is ready, and only once. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false },
    },
  ]);
}

/** Call once the app is ready. */
export function handleAppScheme(rendererDir: string, options: AppServerOptions = {}): void {
  const server = createAppServer(rendererDir, options);
  protocol.handle(APP_SCHEME, async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.hostname !== APP_HOST || url.port || url.username || url.password) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const { status, headers, body } = await server.handle(url.pathname);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status, headers });
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
