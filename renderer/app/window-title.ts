/** The window title and the toolbar's document name, with the unsaved marker. */
import { windowTitle, type DocumentSession } from '../ui/document-session';

/** Called after every refresh: touches the page only when something changed (each write costs a style pass). */
export function updateWindowTitle(session: DocumentSession): void {
  const snapshot = session.snapshot();
  const title = windowTitle(snapshot);
  if (document.title !== title) document.title = title;
  const name = document.getElementById('doc-title')!;
  if (name.textContent !== snapshot.name) name.textContent = snapshot.name;
  const root = document.getElementById('app')!;
  if (root.dataset.dirty !== String(snapshot.dirty)) root.dataset.dirty = String(snapshot.dirty);
}
