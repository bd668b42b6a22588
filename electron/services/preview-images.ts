/**
 * The images one window's preview may show, behind one contract call
 * (`images:scope`) and one set of routes on the app's origin, shared by both
 * shells: files in the open document's folder (`local-images.ts`) and the
 * remote URLs the writer agreed to load for it (`remote-images.ts`).
 */
import type { RequestOf, ResponseOf } from '../contract';
import type { AppResponse } from './app-server';
import { createLocalImages, LOCAL_IMAGE_PREFIX } from './local-images';
import type { NetworkLog } from './network-log';
import { createRemoteImages, REMOTE_IMAGE_PREFIX, type FetchLike } from './remote-images';

export interface PreviewImages {
  /** Sets the window's scope (replacing the previous one); the path prefixes for the page. */
  scope(request: RequestOf<'images:scope'>): ResponseOf<'images:scope'>;
  /** Answers an image route, or null when `pathname` is not one (the app's own files). */
  handle(pathname: string): Promise<AppResponse> | null;
}

export function createPreviewImages(options: { log?: NetworkLog; fetch?: FetchLike } = {}): PreviewImages {
  const local = createLocalImages();
  const remote = createRemoteImages(options);
  return {
    scope({ documentPath, remoteUrls }) {
      return { localBase: local.folderBase(documentPath), remoteBase: remote.allow(remoteUrls) };
    },
    handle(pathname) {
      if (pathname.startsWith(LOCAL_IMAGE_PREFIX)) return local.serve(pathname);
      if (pathname.startsWith(REMOTE_IMAGE_PREFIX)) return remote.serve(pathname);
      return null;
    },
  };
}
