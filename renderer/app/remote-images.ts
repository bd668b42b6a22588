/**
 * The writer's say over the preview's images, per document: images beside a
 * saved document show from its folder; remote images show as placeholders
 * until the writer chooses "Load remote images" in the bar above the preview
 * (loading them tells their sites the document was opened). The choice lasts
 * while the document is open and is never carried to another document.
 * Main learns the scope through `images:scope`; the rewriting itself is
 * `preview/remote-images.ts`.
 */
import type { PreviewPane } from '../preview/preview-pane';
import type { PreviewImages } from '../preview/remote-images';
import type { AppContext } from './app-context';
import type { LiveRefresh } from './live-refresh';

export function installRemoteImages(app: AppContext, refresh: LiveRefresh, images: PreviewImages, preview: Pick<PreviewPane, 'imageUse'>, frame: HTMLIFrameElement): void {
  let consentFor: object | null = null;
  let dismissedFor: object | null = null;
  let busy = false;

  const bar = document.createElement('div');
  bar.className = 'remote-images-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Remote images');
  bar.hidden = true;
  const message = document.createElement('span');
  const load = document.createElement('button');
  load.type = 'button';
  load.className = 'primary';
  load.textContent = 'Load remote images';
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Not now';
  bar.append(message, load, dismiss);
  document.body.append(bar);

  /** Asks main for the current document's scope, then renders again with it. */
  async function rescope(): Promise<void> {
    if (busy) return;
    busy = true;
    let redraw = false;
    try {
      const owner = app.session;
      const path = owner.path;
      const use = preview.imageUse();
      const remoteUrls = consentFor === owner ? use.remoteUrls : [];
      // Only a document with images the new scope changes needs drawing again.
      redraw = use.hasLocal || remoteUrls.length > 0 || images.scope().remoteBase !== null;
      const result = await app.api.setImageScope({ documentPath: path, remoteUrls });
      // The writer may have moved on meanwhile: a scope is only for its own document.
      if (app.session !== owner || owner.path !== path) return;
      images.setScope(
        result.ok
          ? { owner, path, localBase: result.value.localBase, remoteBase: result.value.remoteBase, allowed: new Set(result.value.remoteBase ? remoteUrls : []) }
          : { owner, path, localBase: null, remoteBase: null, allowed: new Set() },
      );
    } finally {
      busy = false;
    }
    if (redraw) refresh.flush();
  }

  function needsScope(): boolean {
    const scope = images.scope();
    const session = app.session;
    if (scope.owner !== session) return session.path !== null || consentFor === session;
    return consentFor === session && preview.imageUse().remoteUrls.some((url) => !scope.allowed.has(url));
  }

  function place(): void {
    const box = frame.getBoundingClientRect();
    bar.style.left = `${box.left}px`;
    bar.style.top = `${box.top}px`;
    bar.style.width = `${box.width}px`;
  }

  function showBar(): void {
    const session = app.session;
    const count = preview.imageUse().remoteUrls.length;
    const show = count > 0 && consentFor !== session && dismissedFor !== session && frame.getBoundingClientRect().width > 0;
    if (show) {
      message.textContent = `This document has ${count === 1 ? 'a remote image' : `${count} remote images`}. Loading them lets their sites know you opened it.`;
      place();
    }
    if (bar.hidden !== !show) bar.hidden = !show;
  }

  refresh.onRendered(() => {
    showBar();
    if (!busy && needsScope()) void rescope();
  });
  load.addEventListener('click', () => {
    consentFor = app.session;
    bar.hidden = true;
    void rescope();
  });
  dismiss.addEventListener('click', () => {
    dismissedFor = app.session;
    bar.hidden = true;
  });
  new ResizeObserver(() => showBar()).observe(frame);
  window.addEventListener('resize', () => showBar());
}
