/**
 * Page settings for PDF: sizes, margins, and the running header (the title)
 * and footer (page N of M) as Chromium header/footer templates. Everything
 * from the document is escaped: the title is text, never markup.
 */
import { escapeHtml } from './html-document';
import type { PageSize } from './export-options';
import type { PageMargins, PdfPrintOptions } from './pdf-printer';

export const MARGINS: Readonly<PageMargins> = Object.freeze({ top: 22, right: 20, bottom: 22, left: 20 });

/** The `@page` rule matching the printer options, so the page's CSS and the printer agree. */
export function pageRule(pageSize: PageSize, margins: PageMargins = MARGINS): string {
  const size = pageSize === 'A4' ? 'A4' : 'letter';
  return `@page { size: ${size}; margin: ${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm; }`;
}

const TEMPLATE_STYLE =
  "font-family: 'Inter', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 7.5pt; color: #5c574f; width: 100%;";

/** Long titles are shortened in the running header (the first page shows the headline in full). */
export function runningTitle(title: string, max = 90): string {
  const chars = [...title.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

export function headerTemplate(title: string, margins: PageMargins = MARGINS): string {
  return `<div style="${TEMPLATE_STYLE} padding: 0 ${margins.right}mm 0 ${margins.left}mm; text-align: left;"><span>${escapeHtml(runningTitle(title))}</span></div>`;
}

export function footerTemplate(margins: PageMargins = MARGINS): string {
  return `<div style="${TEMPLATE_STYLE} padding: 0 ${margins.right}mm 0 ${margins.left}mm; text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;
}

export function printOptions(title: string, pageSize: PageSize, runsPagedScript = false): PdfPrintOptions {
  return {
    pageSize,
    margins: { ...MARGINS },
    headerTemplate: runsPagedScript ? '' : headerTemplate(title),
    footerTemplate: runsPagedScript ? '' : footerTemplate(),
    runsPagedScript,
  };
}
