/**
 * The HTML the printer receives: the same article as the HTML export, with
 * print.css and an `@page` rule for the chosen size. With notes at the end
 * it is a static page (the printer runs no script). With notes at the foot
 * of each page, see page-notes.ts.
 */
import type { ParsedDocument } from './export-markdown';
import { renderParsed } from './export-markdown';
import type { ImageResolution } from './embed-images';
import type { ExportOptions } from './export-options';
import { htmlDocument, type DocumentText } from './html-document';
import { printStylesheet } from './export-styles';
import { pageRule } from './print-layout';
import { pageNotesDocument } from './page-notes';

export interface PrintPageInput {
  doc: ParsedDocument;
  images: ReadonlyMap<string, ImageResolution>;
  text: DocumentText;
  lang: string;
  options: ExportOptions;
  generator: string;
}

export function printPage({ doc, images, text, lang, options, generator }: PrintPageInput): string {
  if (options.notes === 'page') return pageNotesDocument({ doc, images, text, lang, options, generator });
  const body = renderParsed(doc, images);
  return htmlDocument({ body, text, lang, generator }, printStylesheet(pageRule(options.pageSize)));
}
