/**
 * Electron's side of export: the native save dialog filtered to the export's
 * format, and the exporter wired with the hidden-window PDF printer and the
 * system's default app for "Open exported file".
 */
import path from 'node:path';
import { dialog, shell, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { ExportFormat, Settings } from '../../contract';
import { createExportService, type ExportService } from '../../services/export/export-service';
import { createElectronPrinter } from './pdf-printer';

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  html: { name: 'Web page (HTML)', extensions: ['html', 'htm'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  txt: { name: 'Plain text', extensions: ['txt'] },
};

export function createElectronExporter(
  parentWindow: () => BrowserWindow | null,
  settings: { read(): Promise<Settings>; write(patch: Partial<Settings>): Promise<Settings> },
  version: string,
): ExportService {
  return createExportService({
    version,
    createPrinter: async () => createElectronPrinter(),
    settings,
    async openFile(file) {
      const problem = await shell.openPath(file);
      if (problem) throw new Error(problem);
    },
    async chooseTarget({ format, suggestedName, defaultDir }) {
      const options: SaveDialogOptions = {
        title: `Export ${format === 'txt' ? 'Plain Text' : format.toUpperCase()}`,
        defaultPath: defaultDir ? path.join(defaultDir, suggestedName) : suggestedName,
        filters: [FILTERS[format], { name: 'All Files', extensions: ['*'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  });
}
