/**
 * Turns file-system failures into errors a writer can read. Messages say what
 * happened and that nothing was lost; codes let the UI decide what to offer.
 */
import type { ApiError, ErrorCode } from '../contract';

const CODES: Record<string, ErrorCode> = {
  ENOENT: 'NOT_FOUND',
  ENOTDIR: 'NOT_FOUND',
  EISDIR: 'IS_DIRECTORY',
  EACCES: 'ACCESS_DENIED',
  EPERM: 'ACCESS_DENIED',
  EROFS: 'READ_ONLY',
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
  EFBIG: 'TOO_LARGE',
};

export function fileErrorCode(error: unknown): ErrorCode {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && CODES[code]) || 'IO';
}

export function openError(code: ErrorCode, name: string): ApiError {
  const messages: Partial<Record<ErrorCode, string>> = {
    NOT_FOUND: `Can't open “${name}”: there is no file at that path.`,
    IS_DIRECTORY: `Can't open “${name}”: it is a folder, not a file.`,
    ACCESS_DENIED: `Can't open “${name}”: you don't have permission to read it.`,
    TOO_LARGE: `Can't open “${name}”: it is larger than 64 MB, too large for Byline.`,
    UNSUPPORTED: `Can't open “${name}”: it is not a regular file.`,
    BINARY: `Can't open “${name}”: it is not a text file.`,
    INVALID_ENCODING: `Can't open “${name}”: it is not valid UTF-8 text.`,
  };
  return { code, message: messages[code] ?? `Can't open “${name}”: the file could not be read.` };
}

export function saveError(code: ErrorCode, name: string): ApiError {
  const safe = 'Your text is safe in Byline';
  const messages: Partial<Record<ErrorCode, string>> = {
    NOT_FOUND: `Can't save “${name}”: its folder no longer exists. ${safe}; save again to recreate the folder, or choose Save As to put it somewhere else.`,
    IS_DIRECTORY: `Can't save “${name}”: a folder has that name. ${safe}; choose Save As to pick another name.`,
    ACCESS_DENIED: `Can't save “${name}”: you don't have permission to write there. ${safe}; choose Save As to put it somewhere else.`,
    READ_ONLY: `Can't save “${name}”: the disk is read-only. ${safe}; choose Save As to put it somewhere else.`,
    DISK_FULL: `Can't save “${name}”: the disk is full. ${safe}; free some space and save again.`,
    TOO_LARGE: `Can't save “${name}”: the file is too large for this disk. ${safe}.`,
  };
  return { code, message: messages[code] ?? `Can't save “${name}”: the file could not be written. ${safe}; try again or choose Save As.` };
}

/** The writer must choose before a file opened with unreadable bytes is replaced. */
export function lossyOverwriteError(name: string): ApiError {
  return {
    code: 'LOSSY_OVERWRITE',
    message:
      `Byline didn't save over “${name}”: it has bytes Byline couldn't read, and saving would replace them with “�”. ` +
      'Your text is safe in Byline; choose Save As to keep the original, or confirm to overwrite it.',
  };
}
