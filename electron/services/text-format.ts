/**
 * Bytes ↔ text, keeping what makes a file itself: its encoding (UTF-8, or
 * UTF-16 LE/BE recognised by its byte-order mark), BOM and line endings. The
 * page always holds "\n" text; saving restores the rest.
 *
 * Invalid bytes don't stop a file from opening: they become “�” and the format
 * is marked `lossy`, so a save can refuse to overwrite the original with them.
 */
import type { TextEncodingName, TextFormat, TextFormatInput } from '../contract';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export type DecodeResult =
  | { ok: true; text: string; format: TextFormat }
  | { ok: false; reason: 'binary' };

/** Line endings and encoding for a file that has none yet. */
export function defaultFormat(): TextFormat {
  return { eol: 'lf', bom: false, encoding: 'utf-8' };
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** The encoding a byte-order mark announces, or UTF-8 when there is none. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (hasUtf8Bom(bytes)) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** The file's dominant line ending: CRLF if most breaks are CRLF. */
export function detectEol(text: string): TextFormat['eol'] {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? 'crlf' : 'lf';
}

/** Decodes strictly if it can; otherwise leniently, reporting the loss. */
function decodeBody(body: Uint8Array, encoding: TextEncodingName): { raw: string; lossy: boolean } {
  try {
    return { raw: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), lossy: false };
  } catch {
    return { raw: new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body), lossy: true };
  }
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  // NUL never occurs in prose: in UTF-8 it means a binary file (or BOM-less UTF-16, which we don't guess).
  if (encoding === 'utf-8' && body.includes(0)) return { ok: false, reason: 'binary' };
  const { raw, lossy } = decodeBody(body, encoding);
  if (encoding !== 'utf-8' && raw.includes('\0')) return { ok: false, reason: 'binary' };
  const format: TextFormat = { eol: detectEol(raw), bom: bomLength > 0, encoding };
  if (lossy) format.lossy = true;
  return { ok: true, text: raw.replace(/\r\n?/g, '\n'), format };
}

/** Fills in what an older page may leave out and drops anything unknown. */
export function normalizeFormat(input: TextFormatInput): TextFormat {
  const encoding = input.encoding ?? 'utf-8';
  const format: TextFormat = { eol: input.eol, bom: encoding === 'utf-8' ? input.bom : true, encoding };
  if (input.lossy) format.lossy = true;
  return format;
}

function encodeUtf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, !bigEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), !bigEndian);
  return out;
}

/** UTF-16 is always written with its BOM: without one, nobody could read it back. */
export function encodeText(text: string, input: TextFormatInput): Uint8Array {
  const format = normalizeFormat(input);
  const normalized = text.replace(/\r\n?/g, '\n');
  const withEol = format.eol === 'crlf' ? normalized.replace(/\n/g, '\r\n') : normalized;
  if (format.encoding === 'utf-16le') return encodeUtf16(withEol, false);
  if (format.encoding === 'utf-16be') return encodeUtf16(withEol, true);
  const encoded = new TextEncoder().encode(withEol);
  if (!format.bom) return encoded;
  const out = new Uint8Array(encoded.length + 3);
  out.set(UTF8_BOM, 0);
  out.set(encoded, 3);
  return out;
}
