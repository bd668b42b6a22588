/**
 * Remote images the writer agreed to load, for the preview. The page never
 * reaches the network (its CSP allows images from the app's origin only, and
 * each shell blocks every other request); once the writer chooses "Load remote
 * images" for a document, the page hands main that document's image URLs and
 * rewrites each `<img>` to `/remote-image/<token>/<encoded URL>` on the app's
 * origin. Main fetches only URLs in that set — http(s), no credentials —
 * without cookies or referrer, and answers only with a real raster image
 * (declared `image/*`, not SVG, recognised by its bytes, size-capped).
 */
import { randomBytes } from 'node:crypto';
import type { AppResponse } from './app-server';
import { imageResponse, notFound, sniffImage } from './local-images';
import type { NetworkLog } from './network-log';

export const REMOTE_IMAGE_PREFIX = '/remote-image/';
export const MAX_REMOTE_IMAGE_BYTES = 16 * 1024 * 1024;
export const MAX_REMOTE_IMAGES = 500;
export const MAX_REMOTE_URL_CHARS = 4096;
const FETCH_TIMEOUT_MS = 20_000;
const CACHE_ENTRIES = 64;

/** The URL as main will fetch it (normalised), or null when it isn't a plain http(s) URL. */
export function checkRemoteImageUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_REMOTE_URL_CHARS) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  return parsed.href;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RemoteImages {
  /** Replaces the allowed set (already checked URLs); the path prefix to use, or null for none. */
  allow(urls: readonly string[]): string | null;
  serve(pathname: string): Promise<AppResponse>;
}

export function createRemoteImages(options: { log?: NetworkLog; fetch?: FetchLike } = {}): RemoteImages {
  const log = options.log ?? (() => undefined);
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  let token = '';
  let allowed = new Set<string>();
  const cache = new Map<string, { mime: string; bytes: Uint8Array }>();

  async function load(url: string): Promise<{ mime: string; bytes: Uint8Array } | null> {
    const cached = cache.get(url);
    if (cached) return cached;
    log('fetched', url);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
    try {
      const response = await doFetch(url, {
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
        signal: controller.signal,
        headers: { Accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.8' },
      });
      // Redirects may only land on http(s) again (fetch itself follows nothing else).
      if (!response.ok || (response.url && !checkRemoteImageUrl(response.url))) return null;
      const declared = (response.headers.get('content-type') ?? '').toLowerCase();
      if (!declared.startsWith('image/') || declared.includes('svg')) return null;
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_REMOTE_IMAGE_BYTES) return null;
      const bytes = await readCapped(response, MAX_REMOTE_IMAGE_BYTES);
      const mime = bytes && sniffImage(bytes);
      if (!bytes || !mime) return null;
      const image = { mime, bytes };
      cache.set(url, image);
      if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
      return image;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    allow(urls) {
      allowed = new Set(urls.slice(0, MAX_REMOTE_IMAGES));
      if (allowed.size === 0) {
        token = '';
        return null;
      }
      if (!token) token = randomBytes(16).toString('hex');
      return `${REMOTE_IMAGE_PREFIX}${token}/`;
    },
    async serve(pathname) {
      const match = /^\/remote-image\/([0-9a-f]{32})\/([^/]+)$/.exec(pathname);
      if (!match || !token || match[1] !== token) return notFound();
      let url: string;
      try {
        url = decodeURIComponent(match[2]!);
      } catch {
        return notFound();
      }
      if (!allowed.has(url)) return notFound();
      const image = await load(url);
      return image ? imageResponse(image.mime, image.bytes) : notFound();
    },
  };
}

async function readCapped(response: Response, max: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
