/** The window title and the toolbar's document name, with the unsaved marker. */
import { windowTitle, type DocumentSession } from '../ui/document-session';

export function updateWindowTitle(session: DocumentSession): void {
  const snapshot = session.snapshot();
  document.title = windowTitle(snapshot);
  document.getElementById('doc-title')!.textContent = snapshot.name;
  document.getElementById('app')!.dataset.dirty = String(snapshot.dirty);
}
