/**
 * Serves the built renderer to a shell (Electron's custom protocol, the
 * Chromium shell's routed origin), with the Content-Security-Policy as a
 * response header. Each page load gets a fresh style nonce, which CodeMirror
 * uses for the styles it injects; no inline script is ever allowed.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { STYLE_NONCE_META } from '../contract';

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** The app page: only its own scripts; styles from its own files or carrying this load's nonce. */
export function appPageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The preview frame: no script at all, no network; styles and images only from the app itself. */
export const PREVIEW_FRAME_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

export interface AppServer {
  /** `pathname` of the request URL, e.g. "/" or "/assets/index-abc.js". */
  handle(pathname: string): Promise<AppResponse>;
}

export interface AppServerOptions {
  /** The preview's image routes (`/local-image/…`, `/remote-image/…`); without it they are 404. */
  images?: { handle(pathname: string): Promise<AppResponse> | null };
}

export function createAppServer(rootDir: string, options: AppServerOptions = {}): AppServer {
  const root = path.resolve(rootDir);
  return {
    async handle(pathname) {
      const image = options.images?.handle(pathname);
      if (image) return image;
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        return notFound();
      }
      const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
      const file = path.resolve(root, relative);
      if (!file.startsWith(root + path.sep) || decoded.includes('\0')) return notFound();
      let body: Buffer;
      try {
        body = await fsp.readFile(file);
      } catch {
        return notFound();
      }
      const ext = path.extname(file).toLowerCase();
      const headers: Record<string, string> = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      };
      if (ext !== '.html') return { status: 200, headers, body };
      if (path.basename(file) === 'preview.html') {
        return { status: 200, headers: { ...headers, 'Content-Security-Policy': PREVIEW_FRAME_CSP }, body };
      }
      const nonce = randomBytes(16).toString('base64');
      const html = body.toString('utf8').replace('<head>', `<head>\n    <meta name="${STYLE_NONCE_META}" content="${nonce}">`);
      return {
        status: 200,
        headers: { ...headers, 'Content-Security-Policy': appPageCsp(nonce) },
        body: Buffer.from(html, 'utf8'),
      };
    },
  };
}

function notFound(): AppResponse {
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not found') };
}
