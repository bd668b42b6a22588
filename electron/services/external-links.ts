/**
 * The last gate before a link leaves the app for the system browser: only
 * http, https and mailto URLs pass, however the page was fooled into asking.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol !== 'mailto:' && !parsed.hostname) return false;
  return !parsed.username && !parsed.password;
}
