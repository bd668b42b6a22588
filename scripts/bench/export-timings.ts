/**
 * Export timings for `npm run bench`: the sample op-ed and a ~20k-word
 * document (the sample's body repeated) exported to HTML, plain text and PDF
 * in memory, median of several runs. PDF times use a warm printer (the
 * browser launch is reported on its own line). `exportBenchRows()` returns
 * printable lines; run this file directly to print them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countWords } from '../../renderer/markdown';
import { renderExport } from '../../electron/services/export/export-document';
import type { ExportFormat } from '../../electron/services/export/export-options';
import { createChromiumPrinter } from '../../electron/shells/chromium/pdf-printer';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE_PATH = path.join(ROOT, 'test/fixtures/sample-oped.md');

function documentOf(words: number): string {
  const sample = readFileSync(SAMPLE_PATH, 'utf8');
  const body = sample.replace(/^---\n[\s\S]*?\n---\n/, '');
  let text = sample;
  while (countWords(text) < words) text += `\n${body}`;
  return text;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

export async function exportBenchRows(): Promise<string[]> {
  const rows = ['', 'Export: median ms per file (in memory; PDF with a warm headless Chromium)'];
  rows.push(`${pad('document', 10)} ${pad('words', 7)} ${pad('format', 7)} ${pad('median', 9)} ${pad('runs', 5)} ${pad('size', 9)}`);
  const t0 = performance.now();
  let printer: Awaited<ReturnType<typeof createChromiumPrinter>> | null = null;
  try {
    printer = await createChromiumPrinter();
    rows.push(`  (PDF printer launch: ${(performance.now() - t0).toFixed(0)} ms, once per run of the CLI)`);
  } catch (error) {
    rows.push(`  (no PDF: ${(error as Error).message})`);
  }
  const documents = [
    { name: 'sample', text: readFileSync(SAMPLE_PATH, 'utf8') },
    { name: '20k words', text: documentOf(20_000) },
  ];
  try {
    for (const doc of documents) {
      for (const format of ['html', 'txt', 'pdf'] as ExportFormat[]) {
        if (format === 'pdf' && !printer) continue;
        const runs = format === 'pdf' ? 3 : 10;
        const times: number[] = [];
        let size = 0;
        for (let i = 0; i < runs + 1; i++) {
          const start = performance.now();
          const result = await renderExport(
            { format, markdown: doc.text, documentPath: SAMPLE_PATH },
            { version: 'bench', ...(printer ? { printer: async () => printer! } : {}) },
          );
          const elapsed = performance.now() - start;
          if (!result.ok) throw new Error(result.error.message);
          size = result.value.bytes.length;
          if (i > 0) times.push(elapsed); // the first run warms caches (fonts, stylesheets)
        }
        rows.push(
          `${pad(doc.name, 10)} ${pad(countWords(doc.text), 7)} ${pad(format, 7)} ${pad(median(times).toFixed(1), 9)} ${pad(runs, 5)} ${pad(`${Math.round(size / 1024)} KB`, 9)}`,
        );
      }
    }
  } finally {
    await printer?.close();
  }
  return rows;
}

if (require.main === module) {
  void exportBenchRows().then((rows) => console.log(rows.join('\n')));
}
