/**
 * Electron's security checklist, applied: every web contents may neither
 * open windows nor attach webviews; Byline's windows may not navigate away
 * from the app; the session grants no permission (but sanitized clipboard
 * writes from the app page, for Copy as Rich Text), downloads nothing and
 * reaches no network. Links the page asks to open go to the system browser
 * (http, https and mailto only).
 */
import { app, session, type WebContents } from 'electron';
import { isAllowedNavigation, isAllowedRequest } from './navigation-policy';
import { isAppUrl } from './app-url';
import { openExternalSafely } from './native-hooks';

/** Session-wide rules; call once the app is ready, before any window loads. */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  // One exception: the app page may write (sanitized) rich text to the clipboard (Copy as Rich Text).
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(details.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  ses.on('will-download', (event) => event.preventDefault());
}

/** Rules for every web contents main ever creates (windows, devtools, frames). */
export function lockDownAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}

/** A Byline window's page: it may load the app's own pages and nothing else. */
export function confineToApp(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, true)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, event.isMainFrame)) event.preventDefault();
  });
}
