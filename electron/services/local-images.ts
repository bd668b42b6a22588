/**
 * Images beside a document, for the preview: `![](pic.png)` is shown from the
 * document's own folder and nowhere else. Main gives each folder an
 * unguessable token; the page rewrites a relative image to
 * `/local-image/<token>/<relative path>` on the app's origin, and this handler
 * answers only with a real raster image (PNG, JPEG, GIF, WebP, AVIF, by its
 * bytes, never its name; no SVG) whose real path (symlinks resolved) is inside
 * that folder. `..` escapes, absolute paths, UNC and drive paths, symlinks
 * that lead out, directories, devices and huge files are all 404.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppResponse } from './app-server';
import { sniffImageType as sniffImage, type ImageMime } from './export/image-type';

export const LOCAL_IMAGE_PREFIX = '/local-image/';
/** Larger files are not served (the preview is not an image viewer). */
export const MAX_LOCAL_IMAGE_BYTES = 32 * 1024 * 1024;
/** Folders remembered at once (the current document's, and a few before it for in-flight loads). */
const MAX_FOLDERS = 8;

/** Images are recognised by their bytes, one rule for the preview and exports (SVG never). */
export { sniffImageType as sniffImage, type ImageMime } from './export/image-type';

/** True when `target` is strictly below `root` (both real, absolute paths). */
export function isInsideFolder(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * A document-relative image path as the page sends it (already URL-decoded),
 * or null when it is not one: empty, NUL, absolute (`/x`, `C:\x`, `C:x`),
 * UNC or any backslash (a separator on Windows), or a URL with a scheme.
 */
export function relativeImagePath(relative: string): string | null {
  if (relative === '' || relative.length > 4096 || relative.includes('\0') || relative.includes('\\')) return null;
  if (relative.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(relative)) return null;
  return relative;
}

export type LocalImageFile = { ok: true; file: string; mime: ImageMime; bytes: Buffer } | { ok: false; reason: string };

/** Reads `relative` (below `folder`) if it is a real image inside the folder; never throws. */
export async function readImageInFolder(folder: string, relative: string): Promise<LocalImageFile> {
  const clean = relativeImagePath(relative);
  if (clean === null) return { ok: false, reason: 'not a path inside the document’s folder' };
  try {
    const root = await fsp.realpath(folder);
    const target = await fsp.realpath(path.resolve(root, clean));
    if (!isInsideFolder(root, target)) return { ok: false, reason: 'outside the document’s folder' };
    const handle = await fsp.open(target, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return { ok: false, reason: 'not a file' };
      if (stat.size > MAX_LOCAL_IMAGE_BYTES) return { ok: false, reason: 'too large' };
      const bytes = await handle.readFile();
      const mime = sniffImage(bytes);
      if (!mime) return { ok: false, reason: 'not a PNG, JPEG, GIF, WebP or AVIF image' };
      return { ok: true, file: target, mime, bytes };
    } finally {
      await handle.close();
    }
  } catch {
    return { ok: false, reason: 'could not be read' };
  }
}

export interface LocalImages {
  /**
   * The folder of the document at `documentPath` (absolute), or nothing for an
   * untitled document: the path prefix its images are served under, or null.
   */
  folderBase(documentPath: string | null): string | null;
  /** Answers `/local-image/<token>/<path>`; anything else under the prefix is 404. */
  serve(pathname: string): Promise<AppResponse>;
}

export function createLocalImages(): LocalImages {
  const folders = new Map<string, string>(); // token → folder
  const tokens = new Map<string, string>(); // folder → token

  return {
    folderBase(documentPath) {
      if (documentPath === null || !path.isAbsolute(documentPath) || documentPath.includes('\0')) return null;
      const folder = path.dirname(path.resolve(documentPath));
      let token = tokens.get(folder);
      if (!token) {
        token = randomBytes(16).toString('hex');
        tokens.set(folder, token);
        folders.set(token, folder);
        if (folders.size > MAX_FOLDERS) {
          const [oldToken, oldFolder] = folders.entries().next().value as [string, string];
          folders.delete(oldToken);
          tokens.delete(oldFolder);
        }
      }
      return `${LOCAL_IMAGE_PREFIX}${token}/`;
    },
    async serve(pathname) {
      const match = /^\/local-image\/([0-9a-f]{32})\/(.+)$/.exec(pathname);
      const folder = match ? folders.get(match[1]!) : undefined;
      if (!match || !folder) return notFound();
      let relative: string;
      try {
        relative = decodeURIComponent(match[2]!);
      } catch {
        return notFound();
      }
      const image = await readImageInFolder(folder, relative);
      if (!image.ok) return notFound();
      return imageResponse(image.mime, image.bytes);
    },
  };
}

/** An image, and only an image: sniffed type, no sniffing by the browser, no script if opened as a page. */
export function imageResponse(mime: string, bytes: Uint8Array): AppResponse {
  return {
    status: 200,
    headers: {
      'Content-Type': mime,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'",
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
    body: bytes,
  };
}

export function notFound(): AppResponse {
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: Buffer.from('Not found') };
}
