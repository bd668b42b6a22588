/**
 * `byline export …` without a window: reads each file, exports it, writes
 * the result atomically and says so in one line per file ("[2/3] …" when
 * there are several). A file that can't be read or written is one line on
 * stderr and a nonzero exit; the other files are still exported. The PDF
 * printer (a headless browser) starts once, on the first PDF, and is closed
 * at the end.
 */
import { mkdir } from 'node:fs/promises';
import { readDocument } from '../files';
import { parseExportArgs } from './cli-args';
import { renderExport } from './export-document';
import type { PdfPrinter } from './pdf-printer';
import { writeExport } from './write-export';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliExportDeps {
  version: string;
  /** Starts the PDF printer (called at most once per run). */
  createPrinter(): Promise<PdfPrinter>;
}

/** Exit codes: 0 all exported, 1 some file failed, 2 bad command line. */
export async function runExportCommand(args: readonly string[], io: CliIo, deps: CliExportDeps): Promise<number> {
  const parsed = parseExportArgs(args);
  if (!parsed.ok) {
    io.err(`byline export: ${parsed.message}`);
    return 2;
  }
  const { format, options, jobs, outDir } = parsed.value;
  if (outDir) {
    try {
      await mkdir(outDir, { recursive: true });
    } catch {
      io.err(`byline export: can’t create the folder “${outDir}”.`);
      return 1;
    }
  }
  let printer: Promise<PdfPrinter> | null = null;
  const getPrinter = () => (printer ??= deps.createPrinter());
  let failed = 0;
  try {
    for (const [n, job] of jobs.entries()) {
      const prefix = jobs.length > 1 ? `[${n + 1}/${jobs.length}] ` : '';
      const read = await readDocument(job.source);
      if (!read.ok) {
        io.err(`byline: ${prefix}${read.error.message}`);
        failed++;
        continue;
      }
      const doc = read.value.doc;
      const rendered = await renderExport({ format, markdown: doc.text, documentPath: doc.path, options }, { version: deps.version, printer: getPrinter });
      if (!rendered.ok) {
        io.err(`byline: ${prefix}${rendered.error.message}`);
        failed++;
        if (rendered.error.code === 'UNSUPPORTED') break; // no printer: the next PDF would fail the same way
        continue;
      }
      for (const image of rendered.value.skippedImages) {
        io.err(`byline: ${prefix}note: image “${image.src}” in ${doc.name} was not embedded: ${image.reason}.`);
      }
      const written = await writeExport(job.target, rendered.value.bytes);
      if (!written.ok) {
        io.err(`byline: ${prefix}${written.error.message}`);
        failed++;
        continue;
      }
      io.out(`${prefix}${doc.name} → ${written.value.path} (${formatSize(written.value.bytes)})`);
    }
  } finally {
    if (printer) await (await (printer as Promise<PdfPrinter>).catch(() => null))?.close();
  }
  return failed > 0 ? 1 : 0;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

