/**
 * Checks for the export channels' payloads (the page is the less trusted
 * side): each returns a clean copy holding only known fields, or a short
 * reason. Used by request-validation.ts.
 */
import type { ExportRequest, ExportRequestOptions, RequestOf } from '../../contract';
import { isAbsolutePath, isRecord } from '../payload-checks';
import { EXPORT_FORMATS, NOTES_PLACEMENTS, PAGE_SIZES, type ExportFormat } from './export-options';
import { LINK_MODES } from '../../../renderer/markdown/source-types';

/** As large as a document Byline opens, with room for growth. */
export const MAX_EXPORT_CHARS = 128 * 1024 * 1024;

const isFormat = (value: unknown): value is ExportFormat => (EXPORT_FORMATS as readonly unknown[]).includes(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_EXPORT_CHARS;
const isDocumentPath = (value: unknown): value is string | null => value === null || isAbsolutePath(value);

function checkOptions(value: unknown): ExportRequestOptions | string {
  if (value === undefined) return {};
  if (!isRecord(value)) return 'options must be an object';
  const options: ExportRequestOptions = {};
  if (value.links !== undefined) {
    if (!(LINK_MODES as readonly unknown[]).includes(value.links)) return 'links must be inline, footnotes or both';
    options.links = value.links as ExportRequestOptions['links'];
  }
  if (value.pageSize !== undefined) {
    if (!(PAGE_SIZES as readonly unknown[]).includes(value.pageSize)) return 'pageSize must be A4 or Letter';
    options.pageSize = value.pageSize as ExportRequestOptions['pageSize'];
  }
  if (value.notes !== undefined) {
    if (!(NOTES_PLACEMENTS as readonly unknown[]).includes(value.notes)) return 'notes must be end or page';
    options.notes = value.notes as ExportRequestOptions['notes'];
  }
  if (value.fragment !== undefined) {
    if (typeof value.fragment !== 'boolean') return 'fragment must be true or false';
    options.fragment = value.fragment;
  }
  return options;
}

export function checkExportRun(p: unknown): ExportRequest | string {
  if (!isRecord(p) || !isFormat(p.format)) return 'expected { format: html | pdf | txt, documentPath, text, options, targetPath }';
  if (!isText(p.text)) return 'text must be a string of sane size';
  if (!isDocumentPath(p.documentPath)) return 'documentPath must be an absolute path or null';
  if (!isAbsolutePath(p.targetPath)) return 'targetPath must be an absolute path';
  const options = checkOptions(p.options);
  if (typeof options === 'string') return options;
  return { format: p.format, documentPath: p.documentPath, text: p.text, options, targetPath: p.targetPath };
}

export function checkRichText(p: unknown): RequestOf<'export:rich-text'> | string {
  if (!isRecord(p) || !isText(p.text) || !isDocumentPath(p.documentPath)) return 'expected { text: string, documentPath: absolute path | null }';
  return { text: p.text, documentPath: p.documentPath };
}

export function checkOpenExported(p: unknown): RequestOf<'export:open'> | string {
  return isRecord(p) && isAbsolutePath(p.path) ? { path: p.path } : 'expected { path: absolute path }';
}

export function checkChooseTarget(p: unknown): RequestOf<'export:choose-target'> | string {
  if (!isRecord(p) || !isFormat(p.format) || !isDocumentPath(p.documentPath)) return 'expected { format, suggestedName, documentPath }';
  if (typeof p.suggestedName !== 'string' || p.suggestedName.length > 255 || p.suggestedName.includes('\0')) return 'suggestedName must be a short string';
  return { format: p.format, suggestedName: p.suggestedName, documentPath: p.documentPath };
}
