/**
 * What the writer should be told about a file that did open: invalid bytes
 * shown as “�”, a very large file, lines too long to edit comfortably. Pure:
 * it looks at the decoded text and the file's size, nothing else.
 */
import type { DocumentWarning, TextFormat } from '../contract';

/** Above this size a file opens with a warning (editing may be slow). */
export const LARGE_FILE_BYTES = 10 * 1024 * 1024;
/** A line longer than this (in characters) gets a warning: usually minified data, not prose. */
export const LONG_LINE_CHARS = 100_000;

export function hasLongLine(text: string, limit = LONG_LINE_CHARS): boolean {
  if (text.length <= limit) return false;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    if (i - start > limit) return true;
    start = i + 1;
  }
  return text.length - start > limit;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export function documentWarnings(name: string, text: string, format: TextFormat, sizeBytes: number): DocumentWarning[] {
  const warnings: DocumentWarning[] = [];
  if (format.lossy) {
    const utf16 = format.encoding !== 'utf-8';
    warnings.push({
      code: utf16 ? 'INVALID_UTF16' : 'INVALID_UTF8',
      message:
        `“${name}” contains bytes that aren't valid ${utf16 ? 'UTF-16' : 'UTF-8'} text; they are shown as “�”. ` +
        'Saving over the original would lose them, so Byline asks first; Save As keeps the original untouched.',
    });
  }
  if (sizeBytes > LARGE_FILE_BYTES) {
    warnings.push({
      code: 'LARGE_FILE',
      message: `“${name}” is large (${megabytes(sizeBytes)}); editing and preview may be slow.`,
    });
  }
  if (hasLongLine(text)) {
    warnings.push({
      code: 'LONG_LINES',
      message: `“${name}” has lines longer than ${LONG_LINE_CHARS.toLocaleString('en')} characters; editing them may be slow.`,
    });
  }
  return warnings;
}
