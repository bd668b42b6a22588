/**
 * Bytes ↔ text, keeping what makes a file itself: its line endings and UTF-8
 * byte-order mark. The page always holds "\n" text; saving restores the rest.
 */
import type { TextFormat } from '../contract';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export type DecodeResult =
  | { ok: true; text: string; format: TextFormat }
  | { ok: false; reason: 'binary' | 'invalid-utf8' };

/** Line endings for a file that has none yet. */
export function defaultFormat(): TextFormat {
  return { eol: 'lf', bom: false };
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
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

export function decodeText(bytes: Uint8Array): DecodeResult {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { ok: false, reason: 'binary' };
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, reason: 'invalid-utf8' };
  }
  const eol = detectEol(raw);
  return { ok: true, text: raw.replace(/\r\n?/g, '\n'), format: { eol, bom } };
}

export function encodeText(text: string, format: TextFormat): Uint8Array {
  const normalized = text.replace(/\r\n?/g, '\n');
  const withEol = format.eol === 'crlf' ? normalized.replace(/\n/g, '\r\n') : normalized;
  const encoded = new TextEncoder().encode(withEol);
  if (!format.bom) return encoded;
  const out = new Uint8Array(encoded.length + 3);
  out.set(UTF8_BOM, 0);
  out.set(encoded, 3);
  return out;
}
