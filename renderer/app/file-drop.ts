/**
 * A Markdown file dropped on the window opens. Electron tells the page the
 * dropped file's path (`pathForFile`, webUtils in the preload), so the file
 * opens as itself. A page in the Chromium shell can't learn a dropped file's
 * path, so it opens an unsaved copy with the file's name (Save As keeps it).
 * Text dropped into the editor stays CodeMirror's business.
 */
import { showMessage } from '../ui/dialogs';
import type { AppContext } from './app-context';
import type { DocumentCommands } from './document-commands';

/** A dropped copy larger than this is refused (the service refuses opened files above 64 MB too). */
export const MAX_DROPPED_BYTES = 64 * 1024 * 1024;

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function installFileDrop(app: AppContext, documents: DocumentCommands): void {
  window.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });

  window.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    // Never let the browser navigate to the dropped file.
    event.preventDefault();
    event.stopPropagation();
    const file = event.dataTransfer?.files[0];
    if (file) void open(file);
  }, true);

  async function open(file: File): Promise<void> {
    const path = app.api.pathForFile?.(file) ?? null;
    if (path) {
      if (await documents.confirmDiscard()) await documents.openPath(path);
      return;
    }
    if (file.size > MAX_DROPPED_BYTES) {
      return showMessage("Can't open the file", `Can't open “${file.name}”: it is larger than 64 MB, too large for Byline.`);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
    if (utf16) {
      return documents.openCopy(file.name, new TextDecoder(utf16).decode(bytes));
    }
    if (bytes.includes(0)) return showMessage("Can't open the file", `Can't open “${file.name}”: it is not a text file.`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return showMessage("Can't open the file", `Can't open “${file.name}”: it is not valid UTF-8 text. Open it with File → Open to keep its bytes.`);
    }
    await documents.openCopy(file.name, text);
  }
}
