/**
 * The app's own address: the renderer is served on the privileged custom
 * scheme `byline://app/`, never from `file:` or the network. Pure, so the
 * checks that depend on it can be tested without Electron.
 */
export const APP_SCHEME = 'byline';
export const APP_HOST = 'app';
/** The page every window loads. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/** True for any URL on `byline://app` (no port, no credentials), whatever its path. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
