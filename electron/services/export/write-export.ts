/**
 * Writes an export to disk atomically (a crash leaves the old file or the new
 * one, never half a PDF), with the failure as a sentence for the writer.
 */
import path from 'node:path';
import type { ApiError, Result } from '../../contract';
import { writeFileAtomic } from '../atomic-write';
import { fileErrorCode } from '../file-errors';

export async function writeExport(target: string, bytes: Uint8Array): Promise<Result<{ path: string; bytes: number }>> {
  const absolute = path.resolve(target);
  try {
    await writeFileAtomic(absolute, bytes);
    return { ok: true, value: { path: absolute, bytes: bytes.length } };
  } catch (error) {
    return { ok: false, error: exportWriteError(fileErrorCode(error), path.basename(absolute)) };
  }
}

function exportWriteError(code: ApiError['code'], name: string): ApiError {
  const messages: Partial<Record<ApiError['code'], string>> = {
    NOT_FOUND: `Can’t export to “${name}”: its folder does not exist.`,
    IS_DIRECTORY: `Can’t export to “${name}”: a folder has that name.`,
    ACCESS_DENIED: `Can’t export to “${name}”: you don’t have permission to write there.`,
    READ_ONLY: `Can’t export to “${name}”: the disk is read-only.`,
    DISK_FULL: `Can’t export to “${name}”: the disk is full.`,
  };
  return { code, message: messages[code] ?? `Can’t export to “${name}”: the file could not be written.` };
}
