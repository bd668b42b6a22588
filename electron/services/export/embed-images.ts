/**
 * Local images for a standalone export: each `![alt](src)` of the document is
 * embedded as a data: URI when it is a real image file inside the document's
 * own folder (or below it). Refused: `..` escapes, absolute paths elsewhere,
 * symlinks that lead outside, non-images, huge files. Remote images are never
 * fetched (an export must not reach the network on a stranger's say-so): they
 * become their alt text, as does every refused image.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Token } from 'markdown-it';
import { sniffImageType } from './image-type';

/** Larger images are not embedded (a standalone file should stay mailable). */
export const MAX_IMAGE_BYTES = 16 * 1024 * 1024;

export type ImageResolution =
  | { kind: 'embedded'; dataUri: string; mime: string; bytes: number }
  | { kind: 'remote' }
  | { kind: 'refused'; reason: string };

/** Every image src in the token stream (body, captions, notes), once each. */
export function collectImageSources(tokens: readonly Token[]): string[] {
  const found = new Set<string>();
  const visit = (list: readonly Token[] | null) => {
    for (const token of list ?? []) {
      if (token.type === 'image') found.add(String(token.attrGet('src') ?? ''));
      visit(token.children);
    }
  };
  visit(tokens);
  return [...found];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Decides, for each src, what the export shows; never throws. */
export async function resolveImages(sources: readonly string[], documentDir: string | null): Promise<Map<string, ImageResolution>> {
  const resolved = new Map<string, ImageResolution>();
  for (const src of sources) resolved.set(src, await resolveImage(src, documentDir));
  return resolved;
}

export async function resolveImage(src: string, documentDir: string | null): Promise<ImageResolution> {
  if (/^(?:https?:)?\/\//i.test(src)) return { kind: 'remote' };
  if (SCHEME.test(src)) return { kind: 'refused', reason: 'only image files beside the document are embedded' };
  if (!documentDir) return { kind: 'refused', reason: 'the document is not saved in a folder yet' };
  let relative: string;
  try {
    relative = decodeURIComponent(src.replace(/[?#].*$/, ''));
  } catch {
    return { kind: 'refused', reason: 'the image path is not valid' };
  }
  if (relative === '' || relative.includes('\0')) return { kind: 'refused', reason: 'the image path is empty' };
  try {
    const root = await fsp.realpath(documentDir);
    const target = await fsp.realpath(path.resolve(documentDir, relative));
    if (!isInside(root, target)) return { kind: 'refused', reason: 'the image is outside the document’s folder' };
    const stat = await fsp.stat(target);
    if (!stat.isFile()) return { kind: 'refused', reason: 'the image is not a file' };
    if (stat.size > MAX_IMAGE_BYTES) return { kind: 'refused', reason: 'the image is larger than 16 MB' };
    const bytes = await fsp.readFile(target);
    const mime = sniffImageType(bytes);
    if (!mime) return { kind: 'refused', reason: 'the file is not a PNG, JPEG, GIF, WebP or AVIF image' };
    return { kind: 'embedded', mime, bytes: bytes.length, dataUri: `data:${mime};base64,${bytes.toString('base64')}` };
  } catch {
    return { kind: 'refused', reason: 'the image file could not be read' };
  }
}

/** True when `target` is below `root` (both already real paths). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
