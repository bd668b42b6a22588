/**
 * One export, start to finish, without a window: Markdown in, the file's
 * bytes out (HTML, fragment, plain text or PDF). Shared by the CLI, the app's
 * `export:run` channel and the bench. Errors are values with a sentence for
 * the writer.
 */
import path from 'node:path';
import type { Result } from '../../contract';
import { collectImageSources, resolveImages, type ImageResolution } from './embed-images';
import { parseForExport, renderParsed } from './export-markdown';
import { resolveExportOptions, type ExportFormat, type ExportOptions } from './export-options';
import { articleElement, documentText, htmlDocument, langTag } from './html-document';
import { plainText } from './plain-text';
import { printPage } from './print-page';
import { printOptions } from './print-layout';
import { PrintError, type PdfPrinter } from './pdf-printer';

export interface ExportInput {
  format: ExportFormat;
  markdown: string;
  /** The document's file (images beside it, fallback title); null when untitled. */
  documentPath: string | null;
  options?: Partial<ExportOptions>;
}

export interface ExportDeps {
  /** For `<meta name="generator">`. */
  version: string;
  /** The PDF printer; asked for only when a PDF is exported. */
  printer?: () => Promise<PdfPrinter>;
}

export interface ExportOutput {
  bytes: Uint8Array;
  /** Images that were not embedded, with why (for a notice; the export shows their alt text). */
  skippedImages: { src: string; reason: string }[];
}

const encoder = new TextEncoder();

export async function renderExport(input: ExportInput, deps: ExportDeps): Promise<Result<ExportOutput>> {
  const options = resolveExportOptions(input.format, input.options);
  const doc = parseForExport(input.markdown, {
    links: options.links,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.quoteStyle ? { quoteStyle: options.quoteStyle as never } : {}),
  });
  const fallbackTitle = input.documentPath ? path.basename(input.documentPath).replace(/\.[^.]+$/, '') : 'Untitled';
  const text = documentText(doc, fallbackTitle);
  const lang = langTag(options.locale);
  const generator = `Byline ${deps.version}`;

  if (input.format === 'txt') return ok(encoder.encode(plainText(doc, { width: options.wrap, ...(options.locale ? { locale: options.locale } : {}) })), []);

  const documentDir = input.documentPath ? path.dirname(input.documentPath) : null;
  const images = await resolveImages(collectImageSources(doc.tokens), documentDir);
  const skipped = skippedImages(images);
  if (input.format === 'html') {
    const body = renderParsed(doc, images);
    const html = options.fragment ? articleElement(body, lang) : htmlDocument({ body, text, lang, generator });
    return ok(encoder.encode(html), skipped);
  }

  if (!deps.printer) return fail('UNSUPPORTED', 'This window can’t make PDFs.');
  const html = printPage({ doc, images, text, lang, options, generator });
  let printer: PdfPrinter;
  try {
    printer = await deps.printer();
  } catch (error) {
    return fail('UNSUPPORTED', error instanceof PrintError ? error.message : `Byline could not start its PDF printer: ${(error as Error).message}`);
  }
  try {
    const pdf = await printer.printToPdf(html, printOptions(text.title, options.pageSize, options.notes === 'page'));
    return ok(pdf, skipped);
  } catch (error) {
    return fail('IO', error instanceof PrintError ? error.message : `The PDF could not be made: ${(error as Error).message}`);
  }
}

function skippedImages(images: ReadonlyMap<string, ImageResolution>): ExportOutput['skippedImages'] {
  const out: ExportOutput['skippedImages'] = [];
  for (const [src, found] of images) {
    if (found.kind === 'refused') out.push({ src, reason: found.reason });
    else if (found.kind === 'remote') out.push({ src, reason: 'remote images are not downloaded' });
  }
  return out;
}

const ok = (bytes: Uint8Array, skippedImages: ExportOutput['skippedImages']): Result<ExportOutput> => ({ ok: true, value: { bytes, skippedImages } });
const fail = <T>(code: 'UNSUPPORTED' | 'IO', message: string): Result<T> => ({ ok: false, error: { code, message } });
