import { describe, expect, it } from 'vitest';
import { decodeText, detectEol, encodeText, normalizeFormat } from '../../../electron/services/text-format';

const bytes = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => new Uint8Array(Buffer.from(`\uFEFF${s}`, 'utf16le'));
const utf16be = (s: string) => {
  const le = Buffer.from(`\uFEFF${s}`, 'utf16le');
  return new Uint8Array(le.swap16());
};

describe('text format', () => {
  it('reads LF text as is', () => {
    expect(decodeText(bytes('a\nb\n'))).toEqual({ ok: true, text: 'a\nb\n', format: { eol: 'lf', bom: false, encoding: 'utf-8' } });
  });

  it('normalizes CRLF for the editor and remembers it', () => {
    expect(decodeText(bytes('a\r\nb\r\n'))).toEqual({ ok: true, text: 'a\nb\n', format: { eol: 'crlf', bom: false, encoding: 'utf-8' } });
  });

  it('detects and strips a UTF-8 BOM', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('héllo')]));
    expect(result).toEqual({ ok: true, text: 'héllo', format: { eol: 'lf', bom: true, encoding: 'utf-8' } });
  });

  it('reads UTF-16 LE and BE by their byte-order mark', () => {
    expect(decodeText(utf16le('Grüße\r\n“quoted” 😀\r\n'))).toEqual({
      ok: true,
      text: 'Grüße\n“quoted” 😀\n',
      format: { eol: 'crlf', bom: true, encoding: 'utf-16le' },
    });
    expect(decodeText(utf16be('Grüße\n'))).toEqual({ ok: true, text: 'Grüße\n', format: { eol: 'lf', bom: true, encoding: 'utf-16be' } });
  });

  it('takes the majority line ending of mixed files', () => {
    expect(detectEol('a\r\nb\r\nc\n')).toBe('crlf');
    expect(detectEol('a\nb\nc\r\n')).toBe('lf');
    expect(detectEol('no breaks')).toBe('lf');
  });

  it('refuses binary: NUL bytes in UTF-8, NUL characters in UTF-16', () => {
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toEqual({ ok: false, reason: 'binary' });
    expect(decodeText(utf16le('a\0b'))).toEqual({ ok: false, reason: 'binary' });
    // UTF-16 without a BOM is not guessed: its NUL bytes make it binary.
    expect(decodeText(new Uint8Array(Buffer.from('abc', 'utf16le')))).toEqual({ ok: false, reason: 'binary' });
  });

  it('opens invalid UTF-8 with replacement characters and marks it lossy', () => {
    expect(decodeText(new Uint8Array([0x61, 0xff, 0x62]))).toEqual({
      ok: true,
      text: 'a\uFFFDb',
      format: { eol: 'lf', bom: false, encoding: 'utf-8', lossy: true },
    });
  });

  it('marks UTF-16 with a lone surrogate or an odd byte lossy', () => {
    const lone = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00]);
    const odd = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]);
    for (const input of [lone, odd]) {
      const result = decodeText(input);
      expect(result.ok && result.format).toMatchObject({ encoding: 'utf-16le', lossy: true });
    }
  });

  it('round-trips encodings, line endings, BOM and the final newline byte for byte', () => {
    const samples = [
      ...['a\r\nb\r\n', 'a\nb', '\uFEFFx\r\ny', '\uFEFF', '', 'no final newline\r\nend'].map(bytes),
      utf16le('line one\r\nline two 😀'),
      utf16le(''),
      utf16be('a\nb\n'),
    ];
    for (const raw of samples) {
      const decoded = decodeText(raw);
      if (!decoded.ok) throw new Error('decode failed');
      expect(Buffer.from(encodeText(decoded.text, decoded.format)).equals(Buffer.from(raw))).toBe(true);
    }
  });

  it('treats a format without an encoding as UTF-8 and always writes UTF-16 with its BOM', () => {
    expect(normalizeFormat({ eol: 'lf', bom: false })).toEqual({ eol: 'lf', bom: false, encoding: 'utf-8' });
    expect(Array.from(encodeText('a', { eol: 'lf', bom: false, encoding: 'utf-16be' }))).toEqual([0xfe, 0xff, 0x00, 0x61]);
  });
});
