/**
 * Which navigations a Byline window lets happen: the app's own pages, and
 * (in subframes only) the inert `about:blank` / `about:srcdoc` documents a
 * frame may start with. A link in a document never navigates the window; the
 * page hands web links to the system browser through the API instead.
 */
import { isAppUrl } from './app-url';

const INERT_FRAME_URLS = new Set(['about:blank', 'about:srcdoc']);

export function isAllowedNavigation(url: string, isMainFrame: boolean): boolean {
  if (isAppUrl(url)) return true;
  return !isMainFrame && INERT_FRAME_URLS.has(url);
}

/** Schemes a request may use at all: the app itself, Chromium's devtools, and in-memory data. No network. */
const ALLOWED_REQUEST_PROTOCOLS = new Set([`byline:`, 'devtools:', 'data:', 'blob:']);

export function isAllowedRequest(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (!ALLOWED_REQUEST_PROTOCOLS.has(protocol)) return false;
  return protocol !== 'byline:' || isAppUrl(url);
}
