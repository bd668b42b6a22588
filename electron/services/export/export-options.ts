/**
 * What an export can be asked for, and the defaults per format. One shape
 * for the CLI, the app's `export:run` channel and the bench, so all three
 * produce the same file from the same document.
 */
import type { LinkMode } from '../../../renderer/markdown/source-types';

export type ExportFormat = 'html' | 'pdf' | 'txt';
export type PageSize = 'A4' | 'Letter';
/** Where notes and sources go in a PDF: a list at the end, or at the foot of each page. */
export type NotesPlacement = 'end' | 'page';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['html', 'pdf', 'txt'];
export const PAGE_SIZES: readonly PageSize[] = ['A4', 'Letter'];
export const NOTES_PLACEMENTS: readonly NotesPlacement[] = ['end', 'page'];

export interface ExportOptions {
  /** How body links appear (PRODUCT.md §1): both in HTML, footnote-only where links can't be clicked. */
  links: LinkMode;
  pageSize: PageSize;
  notes: NotesPlacement;
  /** HTML only: the `<article>` alone, for pasting into a CMS. */
  fragment: boolean;
  /**
   * Plain text only: wrap lines at this many characters (the CLI's `--wrap N`,
   * at least MIN_WRAP). Null, the default: one line per paragraph, since mail
   * clients and submission forms wrap text themselves.
   */
  wrap: number | null;
  /** Quote style and date locale, as in the preview. */
  quoteStyle?: string;
  locale?: string;
}

export function defaultLinks(format: ExportFormat): LinkMode {
  return format === 'html' ? 'both' : 'footnotes';
}

/** Options with every field set: what the caller gave, else the format's default. */
export function resolveExportOptions(format: ExportFormat, given: Partial<ExportOptions> = {}): ExportOptions {
  const options: ExportOptions = {
    links: given.links ?? defaultLinks(format),
    pageSize: given.pageSize ?? 'Letter',
    notes: given.notes ?? 'end',
    fragment: format === 'html' && given.fragment === true,
    wrap: format === 'txt' && typeof given.wrap === 'number' ? given.wrap : null,
  };
  if (given.quoteStyle !== undefined) options.quoteStyle = given.quoteStyle;
  if (given.locale !== undefined) options.locale = given.locale;
  return options;
}

/** The file extension an export of this format gets. */
export function extensionFor(format: ExportFormat): string {
  return format === 'txt' ? '.txt' : `.${format}`;
}
