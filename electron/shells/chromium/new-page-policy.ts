/**
 * What the Chromium shell does with a page it did not open. The app never
 * opens windows, so every other page is closed. One kind is also a request:
 * Chrome answers Ctrl+N, Ctrl+T and Ctrl+Shift+N (keys a page cannot keep
 * from the browser) by opening its New Tab page in a new window or tab; the
 * writer meant "new document", so that page becomes the app's New.
 *
 * Only the browser can open its New Tab page: web content may not load
 * chrome:// URLs (window.open and links to them are refused or left blank),
 * so a page the app's content opened is never taken for the command.
 */
export type NewPageAction = 'new-document' | 'close';

/** The New Tab page's addresses (Chrome picks one by its search engine and version). */
const NEW_TAB_PAGES: ReadonlySet<string> = new Set([
  'chrome://newtab/',
  'chrome://new-tab-page/',
  'chrome://new-tab-page-third-party/',
  'chrome-search://local-ntp/local-ntp.html',
]);

export function actionForNewPage(url: string): NewPageAction {
  return NEW_TAB_PAGES.has(url) ? 'new-document' : 'close';
}
