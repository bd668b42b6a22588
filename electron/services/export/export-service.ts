/**
 * Export as the app's windows use it (the `export:*` channels): render and
 * write, remember which files this process exported (only those may be
 * opened afterwards), make the rich-text clipboard pair, and keep the PDF
 * printer warm for a minute so a second export doesn't wait for a browser.
 */
import path from 'node:path';
import type { ExportRequest, ExportResult, RequestOf, Result, Settings } from '../../contract';
import { PORTABLE_ENV_KEY } from '../../../renderer/markdown/sources-list';
import { renderExport } from './export-document';
import { parseForExport, renderParsed } from './export-markdown';
import { collectImageSources, resolveImages } from './embed-images';
import { articleElement, langTag } from './html-document';
import { plainText } from './plain-text';
import type { PdfPrinter } from './pdf-printer';
import { writeExport } from './write-export';

export interface ExportServiceDeps {
  version: string;
  /** Starts a PDF printer; null where this shell can't print. */
  createPrinter: (() => Promise<PdfPrinter>) | null;
  /** Opens a file with the system's default app. */
  openFile(file: string): Promise<void>;
  /** The native save dialog for an export; null where the shell has none. */
  chooseTarget: ((options: { format: ExportRequest['format']; suggestedName: string; defaultDir: string | undefined }) => Promise<string | null>) | null;
  settings: { read(): Promise<Settings>; write(patch: Partial<Settings>): Promise<Settings> };
}

export interface ExportService {
  run(request: ExportRequest): Promise<Result<ExportResult>>;
  richText(request: RequestOf<'export:rich-text'>): Promise<Result<{ html: string; text: string }>>;
  openExported(file: string): Promise<Result<null>>;
  chooseTarget(request: RequestOf<'export:choose-target'>): Promise<Result<{ path: string | null }>>;
  close(): Promise<void>;
}

const IDLE_CLOSE_MS = 60_000;

export function createExportService(deps: ExportServiceDeps): ExportService {
  const exported = new Set<string>();
  let printer: Promise<PdfPrinter> | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const closePrinter = async () => {
    clearTimeout(idle);
    const current = printer;
    printer = null;
    if (current) await (await current.catch(() => null))?.close();
  };
  const getPrinter = async (): Promise<PdfPrinter> => {
    clearTimeout(idle);
    printer ??= deps.createPrinter!();
    printer.catch(() => (printer = null));
    return printer;
  };

  return {
    async run(request) {
      if (request.documentPath && path.resolve(request.targetPath) === path.resolve(request.documentPath)) {
        return { ok: false, error: { code: 'ACCESS_DENIED', message: 'Byline won’t export over the document itself; choose another name.' } };
      }
      const rendered = await renderExport(
        { format: request.format, markdown: request.text, documentPath: request.documentPath, options: request.options },
        { version: deps.version, ...(deps.createPrinter ? { printer: getPrinter } : {}) },
      );
      if (printer) (idle = setTimeout(() => void closePrinter(), IDLE_CLOSE_MS)).unref?.();
      if (!rendered.ok) return rendered;
      const written = await writeExport(request.targetPath, rendered.value.bytes);
      if (!written.ok) return written;
      exported.add(written.value.path);
      await deps.settings.write({ exportFolder: path.dirname(written.value.path) }).catch(() => undefined);
      return { ok: true, value: { ...written.value, skippedImages: rendered.value.skippedImages.length } };
    },
    async richText({ text, documentPath }) {
      const doc = parseForExport(text, { links: 'both' });
      const images = await resolveImages(collectImageSources(doc.tokens), documentPath ? path.dirname(documentPath) : null);
      // Pasted into someone else's page: no links into the article or relative to it (see sources-list.ts).
      doc.env[PORTABLE_ENV_KEY] = true;
      const html = articleElement(renderParsed(doc, images), langTag(undefined));
      const plainDoc = parseForExport(text, { links: 'footnotes' });
      return { ok: true, value: { html, text: plainText(plainDoc) } };
    },
    async openExported(file) {
      if (!exported.has(path.resolve(file))) {
        return { ok: false, error: { code: 'ACCESS_DENIED', message: 'Byline only opens files it exported in this session.' } };
      }
      await deps.openFile(path.resolve(file));
      return { ok: true, value: null };
    },
    async chooseTarget({ format, suggestedName, documentPath }) {
      if (!deps.chooseTarget) return { ok: false, error: { code: 'UNSUPPORTED', message: 'This window has no system file dialog.' } };
      const settings = await deps.settings.read();
      const defaultDir = settings.exportFolder ?? (documentPath ? path.dirname(documentPath) : undefined);
      return { ok: true, value: { path: await deps.chooseTarget({ format, suggestedName: path.basename(suggestedName), defaultDir }) } };
    },
    close: closePrinter,
  };
}
