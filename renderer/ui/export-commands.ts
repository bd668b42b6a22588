/**
 * File → Export (HTML, PDF, Plain Text) and Edit → Copy as Rich Text. The
 * page only asks: where to (the system dialog where the shell has one, else
 * the app's path dialog, starting in the last export folder), and for PDF
 * the page settings. Main renders with the pipeline and writes the file;
 * afterwards the writer may open it. Copy as Rich Text puts the article's
 * HTML and its plain text on the clipboard together.
 */
import type { ExportFormat } from '../../electron/contract';
import type { AppContext } from '../app/app-context';
import { registerCommand, runCommand } from '../app/command-registry';
import { dialogFolders, dialogPlaces, fileDialogContext, suggestedSaveName } from '../app/document-commands';
import { browseForPath } from './path-dialog';
import { choose, showMessage } from './dialogs';
import { choosePdfSettings, showProgress } from './export-dialogs';

interface Flash {
  flash(message: string): void;
}

const EXTENSIONS: Record<ExportFormat, string> = { html: '.html', pdf: '.pdf', txt: '.txt' };
const LABELS: Record<ExportFormat, string> = { html: 'HTML', pdf: 'PDF', txt: 'Plain Text' };

/** The export's suggested name: the document's own name, else one from its headline, with the format's extension. */
export function exportName(documentPath: string | null, documentName: string, text: string, format: ExportFormat): string {
  return suggestedSaveName(documentPath, documentName, text).replace(/\.(?:md|markdown|mdown|txt)$/i, '') + EXTENSIONS[format];
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

async function chooseTarget(app: AppContext, format: ExportFormat): Promise<string | null> {
  const documentPath = app.session.path;
  const suggestedName = exportName(documentPath, app.session.name, app.view.state.doc.toString(), format);
  if (app.initial.app.nativeDialogs) {
    const result = await app.api.chooseExportTarget({ format, suggestedName, documentPath });
    if (result.ok) return result.value.path;
    if (result.error.code !== 'UNSUPPORTED') return null;
  }
  // The page's own dialog: the last export folder first, then where Save would start.
  const folders = [app.settings.exportFolder, ...dialogFolders(app)].filter((folder): folder is string => !!folder);
  return browseForPath(fileDialogContext(app), {
    mode: 'save',
    title: `Export ${LABELS[format]}`,
    action: 'Export',
    folders,
    name: suggestedName,
    extension: EXTENSIONS[format],
    places: dialogPlaces(app),
  });
}

export async function exportDocument(app: AppContext, format: ExportFormat, status: Flash): Promise<void> {
  let options = {};
  if (format === 'pdf') {
    const pdf = await choosePdfSettings({ pageSize: app.settings.exportPageSize, notes: app.settings.exportNotes });
    if (!pdf) return;
    if (pdf.pageSize !== app.settings.exportPageSize || pdf.notes !== app.settings.exportNotes) {
      await app.writeSettings({ exportPageSize: pdf.pageSize, exportNotes: pdf.notes });
    }
    options = pdf;
  }
  const targetPath = await chooseTarget(app, format);
  if (!targetPath) return;
  const done = format === 'pdf' ? showProgress('Making the PDF…') : () => undefined;
  let result;
  try {
    result = await app.api.exportDocument({ format, documentPath: app.session.path, text: app.view.state.doc.toString(), options, targetPath });
  } finally {
    done();
  }
  if (!result.ok) return showMessage('Can’t export', result.error.message);
  await app.reloadSettings();
  const { path, bytes, skippedImages } = result.value;
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  status.flash(`Exported ${name}`);
  const note = skippedImages > 0 ? ` ${skippedImages} image${skippedImages === 1 ? ' was' : 's were'} shown as text (only images beside the document are included).` : '';
  const choice = await choose(
    'Exported',
    `Saved “${name}” (${sizeText(bytes)}).${note}`,
    [
      { value: 'open', label: 'Open Exported File' },
      { value: 'ok', label: 'OK', primary: true },
    ],
    'ok',
  );
  if (choice === 'open') {
    const opened = await app.api.openExported({ path });
    if (!opened.ok) await showMessage('Can’t open the file', opened.error.message);
  }
}

export async function copyRichText(app: AppContext, status: Flash): Promise<void> {
  const result = await app.api.exportRichText({ text: app.view.state.doc.toString(), documentPath: app.session.path });
  if (!result.ok) return showMessage('Can’t copy', result.error.message);
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([result.value.html], { type: 'text/html' }),
        'text/plain': new Blob([result.value.text], { type: 'text/plain' }),
      }),
    ]);
    status.flash('Copied as rich text');
  } catch (error) {
    await showMessage('Can’t copy', `The clipboard refused the text: ${(error as Error)?.message ?? String(error)}`);
  }
}

/** Shift+Ctrl/Cmd+C: Copy as Rich Text (the menu shows it; the page handles the key). */
function isCopyRichTextKey(event: KeyboardEvent, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return mod && event.shiftKey && !event.altKey && event.code === 'KeyC';
}

export function installExportCommands(app: AppContext, status: Flash): void {
  for (const format of ['html', 'pdf', 'txt'] as const) registerCommand(`file:export-${format}`, () => exportDocument(app, format, status));
  registerCommand('edit:copy-rich-text', () => copyRichText(app, status));
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
  window.addEventListener(
    'keydown',
    (event) => {
      if (!isCopyRichTextKey(event, isMac) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      event.stopPropagation();
      void runCommand('edit:copy-rich-text');
    },
    true,
  );
}
