/**
 * The one thing a shell must provide to make PDFs: print this HTML with these
 * page settings. Two adapters implement it with the same options: Chromium
 * through playwright-core (electron/shells/chromium/pdf-printer.ts, used by
 * the Chromium shell and the CLI) and Electron's `webContents.printToPDF`
 * (electron/shells/electron/pdf-printer.ts).
 */
import type { PageSize } from './export-options';

export interface PageMargins {
  /** Millimetres. */
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PdfPrintOptions {
  pageSize: PageSize;
  margins: PageMargins;
  /** Chromium header/footer templates (already escaped); empty strings mean none. */
  headerTemplate: string;
  footerTemplate: string;
  /**
   * True only for the page-notes layout: our own bundled Paged.js must run in
   * the print page (under a CSP that allows that one script and nothing
   * else); the page then sizes itself and draws its own running heads.
   */
  runsPagedScript: boolean;
}

export interface PdfPrinter {
  printToPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
  /** Frees the browser or window behind it; the printer can't be used afterwards. */
  close(): Promise<void>;
}

/** Thrown by an adapter with a sentence for the writer (no browser, print failed). */
export class PrintError extends Error {}
