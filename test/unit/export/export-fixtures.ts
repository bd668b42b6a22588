/** Shared helpers for the export unit tests: the sample op-ed, and exports rendered in memory. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderExport, type ExportInput } from '../../../electron/services/export/export-document';

export const SAMPLE_PATH = path.resolve(__dirname, '../../fixtures/sample-oped.md');
export const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');

export async function exportText(input: Omit<ExportInput, 'documentPath'> & { documentPath?: string | null }): Promise<string> {
  const result = await renderExport({ documentPath: null, ...input }, { version: '9.9.9' });
  if (!result.ok) throw new Error(result.error.message);
  return new TextDecoder().decode(result.value.bytes);
}
