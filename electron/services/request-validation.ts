/**
 * Main's check on every payload from the page: the page is the less trusted
 * side, so a request is data to validate, never an object to trust. A bad
 * payload becomes an `INVALID_PAYLOAD` error, never a crash.
 */
import type { Channel, RequestOf, Result, TextFormat } from '../contract';
import { isChannel } from '../contract';
import { sanitizeSettingsPatch } from './settings-validation';

/** Longest text a save request may carry (matches what open accepts, with room for growth). */
export const MAX_SAVE_CHARS = 128 * 1024 * 1024;
const MAX_PATH_CHARS = 4096;
const MAX_URL_CHARS = 8192;

type Check<C extends Channel> = (payload: unknown) => RequestOf<C> | string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPath(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_CHARS && !value.includes('\0');
}

function isFormat(value: unknown): value is TextFormat {
  return isRecord(value) && (value.eol === 'lf' || value.eol === 'crlf') && typeof value.bom === 'boolean';
}

const none = (payload: unknown): null | string => (payload === null || payload === undefined ? null : 'expected no payload');

const CHECKS: { [C in Channel]: Check<C> } = {
  'app:initial-state': none,
  'file:new': none,
  'dialog:open': none,
  'settings:read': none,
  'file:open': (p) => (isRecord(p) && isPath(p.path) ? { path: p.path } : 'expected { path: string }'),
  'file:save': (p) => {
    if (!isRecord(p) || !isPath(p.path)) return 'expected { path: string, text: string, format }';
    if (typeof p.text !== 'string' || p.text.length > MAX_SAVE_CHARS) return 'text must be a string of sane size';
    if (!isFormat(p.format)) return 'format must be { eol: "lf" | "crlf", bom: boolean }';
    return { path: p.path, text: p.text, format: { eol: p.format.eol, bom: p.format.bom } };
  },
  'dialog:save': (p) =>
    isRecord(p) && typeof p.suggestedName === 'string' && p.suggestedName.length <= 255 && !p.suggestedName.includes('\0')
      ? { suggestedName: p.suggestedName }
      : 'expected { suggestedName: string }',
  'settings:write': (p) => {
    if (!isRecord(p) || !isRecord(p.patch)) return 'expected { patch: object }';
    return { patch: sanitizeSettingsPatch(p.patch) };
  },
  'link:open-external': (p) =>
    isRecord(p) && typeof p.url === 'string' && p.url.length <= MAX_URL_CHARS ? { url: p.url } : 'expected { url: string }',
};

export function validateRequest(channel: unknown, payload: unknown): Result<{ channel: Channel; request: unknown }> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'INVALID_PAYLOAD', message: `Unknown operation: ${String(channel).slice(0, 64)}.` } };
  }
  const checked = (CHECKS[channel] as Check<Channel>)(payload);
  if (typeof checked === 'string') {
    return { ok: false, error: { code: 'INVALID_PAYLOAD', message: `Invalid request for ${channel}: ${checked}.` } };
  }
  return { ok: true, value: { channel, request: checked } };
}
