import { describe, expect, it } from 'vitest';
import { decodeText, detectEol, encodeText } from '../../../electron/services/text-format';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('text format', () => {
  it('reads LF text as is', () => {
    expect(decodeText(bytes('a\nb\n'))).toEqual({ ok: true, text: 'a\nb\n', format: { eol: 'lf', bom: false } });
  });

  it('normalizes CRLF for the editor and remembers it', () => {
    expect(decodeText(bytes('a\r\nb\r\n'))).toEqual({ ok: true, text: 'a\nb\n', format: { eol: 'crlf', bom: false } });
  });

  it('detects and strips a UTF-8 BOM', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('héllo')]));
    expect(result).toEqual({ ok: true, text: 'héllo', format: { eol: 'lf', bom: true } });
  });

  it('takes the majority line ending of mixed files', () => {
    expect(detectEol('a\r\nb\r\nc\n')).toBe('crlf');
    expect(detectEol('a\nb\nc\r\n')).toBe('lf');
    expect(detectEol('no breaks')).toBe('lf');
  });

  it('refuses binary and invalid UTF-8', () => {
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toEqual({ ok: false, reason: 'binary' });
    expect(decodeText(new Uint8Array([0x61, 0xff, 0x62]))).toEqual({ ok: false, reason: 'invalid-utf8' });
  });

  it('round-trips line endings, BOM and the final newline byte for byte', () => {
    for (const original of ['a\r\nb\r\n', 'a\nb', '\uFEFFx\r\ny', '\uFEFF', '', 'no final newline\r\nend']) {
      const raw = bytes(original);
      const decoded = decodeText(raw);
      if (!decoded.ok) throw new Error('decode failed');
      expect(Buffer.from(encodeText(decoded.text, decoded.format)).equals(Buffer.from(raw))).toBe(true);
    }
  });
});
