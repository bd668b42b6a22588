/**
 * Where each image of a rendered document may come from, decided on the
 * sanitized DOM before it reaches the preview frame (where images would start
 * loading). Nothing here fetches; it rewrites `<img src>`:
 *
 * - `data:image/…` stays (already in memory);
 * - a relative path (`pic.png`, `img/a.png`) goes to main's contained handler
 *   for the document's folder, `/local-image/<token>/<path>`, when the document
 *   has a folder; never when the path climbs out of it (`../`);
 * - an http(s) or protocol-relative (`//host/x.png`) image goes to main's
 *   proxy, `/remote-image/<token>/<url>`, only when the writer chose to load
 *   this document's remote images, else it becomes a placeholder;
 * - everything else (absolute and `file:` paths, UNC `\\host\share`, drive
 *   letters, other schemes) becomes a placeholder, never a request.
 *
 * The scope (bases and allowed URLs) comes from main (`images:scope`) and
 * applies only to the document it was set for, so a new document never
 * inherits the previous one's consent.
 */
import { HELD_IMAGE_SRC } from './sanitize';

export type ImageSource =
  | { kind: 'embedded' }
  | { kind: 'local'; path: string }
  | { kind: 'remote'; url: string }
  | { kind: 'blocked'; reason: 'path' | 'scheme' | 'unc' };

/** The document a scope belongs to: its session object and its path. */
export interface ImageOwner {
  owner: object | null;
  path: string | null;
}

export interface ImageScope extends ImageOwner {
  localBase: string | null;
  remoteBase: string | null;
  /** Normalised remote URLs main agreed to proxy. */
  allowed: ReadonlySet<string>;
}

const EMPTY: ImageScope = Object.freeze({ owner: null, path: null, localBase: null, remoteBase: null, allowed: new Set<string>() });

/** What a browser would make of the attribute value: outer blanks trimmed, tabs and newlines dropped. */
function urlText(src: string): string {
  // eslint-disable-next-line no-control-regex
  return src.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Classifies an `<img src>` value. Pure; the same rules as main's handlers, checked again there. */
export function classifyImageSource(src: string): ImageSource {
  const text = urlText(src);
  if (/^data:image\//i.test(text)) return { kind: 'embedded' };
  if (text.startsWith('\\') || decoded(text).startsWith('\\')) return { kind: 'blocked', reason: 'unc' };
  if (/^(?:https?:)?[/\\]{2}/i.test(text) || /^https?:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text, 'https://byline.invalid/');
    } catch {
      return { kind: 'blocked', reason: 'scheme' };
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.username || url.password) {
      return { kind: 'blocked', reason: 'scheme' };
    }
    return { kind: 'remote', url: url.href };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return { kind: 'blocked', reason: 'scheme' };
  if (text === '' || text.startsWith('/') || text.startsWith('?') || text.startsWith('#')) return { kind: 'blocked', reason: 'path' };
  const path = decoded(text.replace(/[?#].*$/, ''));
  if (path.includes('\\') || path.includes('\0') || /^[a-z]:/i.test(path) || path.startsWith('/')) return { kind: 'blocked', reason: 'path' };
  // `..` may not climb above the folder (main also checks real paths, for symlinks).
  let depth = 0;
  for (const segment of path.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '.' && segment !== '') depth++;
    if (depth < 0) return { kind: 'blocked', reason: 'path' };
  }
  return depth > 0 ? { kind: 'local', path } : { kind: 'blocked', reason: 'path' };
}

/** The images a piece of the preview holds that a scope decides on. */
export interface ImageUse {
  /** Remote image URLs, normalised, once each, in order. */
  remoteUrls: string[];
  /** Whether it holds a document-relative image (a new scope would change it). */
  hasLocal: boolean;
}

/** Prepares new preview content before it is inserted (image sources); says which images it holds. */
export type PrepareBlock = (root: DocumentFragment) => ImageUse | void;

/** `use` when it holds anything a scope decides on, else null. */
export function holdsImages(use: ImageUse | void): ImageUse | null {
  return use && (use.hasLocal || use.remoteUrls.length > 0) ? use : null;
}

export interface PreviewImages {
  /** Rewrites every `<img>` under `root` (sanitized content not yet in the frame); says what it met. */
  apply(root: ParentNode): ImageUse;
  /** The scope in force now (EMPTY when it belongs to another document). */
  scope(): ImageScope;
  setScope(scope: ImageScope): void;
}

const PLACEHOLDER_TEXT: Record<Exclude<ImageSource['kind'], 'embedded'> | 'unsaved', string> = {
  remote: 'Remote image not loaded',
  local: 'Image not shown',
  unsaved: 'Save the document to show its images',
  blocked: 'Image not shown: only images in the document’s folder are shown',
};

/** @param current The document on screen now (read at every `apply`). */
export function createPreviewImages(current: () => ImageOwner): PreviewImages {
  let scope: ImageScope = EMPTY;

  const inForce = (): ImageScope => {
    const now = current();
    return scope.owner !== null && scope.owner === now.owner && scope.path === now.path ? scope : EMPTY;
  };

  return {
    apply(root) {
      const active = inForce();
      const seen = new Set<string>();
      let hasLocal = false;
      for (const img of Array.from(root.querySelectorAll('img'))) {
        img.removeAttribute('srcset');
        const raw = img.getAttribute(HELD_IMAGE_SRC) ?? img.getAttribute('src') ?? '';
        img.removeAttribute(HELD_IMAGE_SRC);
        const source = classifyImageSource(raw);
        if (source.kind === 'embedded') {
          img.setAttribute('src', raw);
          continue;
        }
        if (source.kind === 'local') hasLocal = true;
        if (source.kind === 'local' && active.localBase) {
          img.setAttribute('src', active.localBase + encodeURIComponent(source.path));
          continue;
        }
        if (source.kind === 'remote') {
          seen.add(source.url);
          if (active.remoteBase && active.allowed.has(source.url)) {
            img.setAttribute('src', active.remoteBase + encodeURIComponent(source.url));
            img.setAttribute('referrerpolicy', 'no-referrer');
            continue;
          }
        }
        const label = source.kind === 'local' ? PLACEHOLDER_TEXT.unsaved : PLACEHOLDER_TEXT[source.kind];
        img.replaceWith(placeholder(img, label, source.kind === 'remote' ? source.url : ''));
      }
      return { remoteUrls: [...seen], hasLocal };
    },
    scope: inForce,
    setScope(next) {
      scope = next;
    },
  };
}

/** `[Remote image not loaded: alt · example.com]`, built from text. */
function placeholder(img: Element, label: string, url: string): Element {
  const doc = img.ownerDocument;
  const span = doc.createElement('span');
  span.className = url ? 'image-placeholder remote' : 'image-placeholder';
  span.setAttribute('role', 'img');
  const alt = img.getAttribute('alt') ?? '';
  let host = '';
  if (url) {
    try {
      host = new URL(url).host;
    } catch {
      host = '';
    }
  }
  const text = [label, alt, host].filter(Boolean).join(' · ');
  span.setAttribute('aria-label', text);
  if (url) span.setAttribute('title', url);
  span.textContent = `[${text}]`;
  return span;
}
