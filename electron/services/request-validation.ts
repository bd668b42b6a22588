/**
 * Main's check on every payload from the page: the page is the less trusted
 * side, so a request is data to validate, never an object to trust. A bad
 * payload becomes an `INVALID_PAYLOAD` error, never a crash. Each check returns
 * a fresh copy holding only the known fields.
 */
import type { Channel, RequestOf, Result } from '../contract';
import { isChannel } from '../contract';
import { sanitizeSettingsPatch } from './settings-validation';
import { checkJournalPatch, checkJournalWrite } from './journal-entry';
import { checkFormat, isAbsolutePath, isEntryId, isRecord } from './payload-checks';
import { MAX_TITLE_CHARS } from './drafts-library';
import { checkRemoteImageUrl, MAX_REMOTE_IMAGES } from './remote-images';
import { checkChooseTarget, checkExportRun, checkOpenExported, checkRichText } from './export/export-request';

/** Longest text a save request may carry (matches what open accepts, with room for growth). */
export const MAX_SAVE_CHARS = 128 * 1024 * 1024;
/** Most files one window may ask to watch. */
export const MAX_WATCHED_FILES = 256;
const MAX_URL_CHARS = 8192;
/** Most folders the page may suggest a native Save dialog start in. */
export const MAX_DIALOG_FOLDERS = 8;
const FOLDER_PATH = 'the folder must be a full path, such as /home/you/Drafts';

type Check<C extends Channel> = (payload: unknown) => RequestOf<C> | string;

const none = (payload: unknown): null | string => (payload === null || payload === undefined ? null : 'expected no payload');

const optionalFlag = (value: unknown): boolean | undefined | string =>
  value === undefined || typeof value === 'boolean' ? value : 'flags must be true or false';

const CHECKS: { [C in Channel]: Check<C> } = {
  'app:initial-state': none,
  'file:new': none,
  'dialog:open': none,
  'settings:read': none,
  'journal:list': none,
  'recent:list': none,
  'recent:clear': none,
  'window:close': none,
  // Full paths only: a relative one would be taken from main's working directory (the app's own folder).
  'file:open': (p) => (isRecord(p) && isAbsolutePath(p.path) ? { path: p.path } : 'expected { path: full path }'),
  'window:full-screen': (p) => (isRecord(p) && typeof p.fullScreen === 'boolean' ? { fullScreen: p.fullScreen } : 'expected { fullScreen: boolean }'),
  'file:save': (p) => {
    if (!isRecord(p) || !isAbsolutePath(p.path)) return 'expected { path: full path, text: string, format }';
    if (typeof p.text !== 'string' || p.text.length > MAX_SAVE_CHARS) return 'text must be a string of sane size';
    const format = checkFormat(p.format);
    if (!format) return 'format must be { eol: "lf" | "crlf", bom: boolean, encoding?, lossy? }';
    const overwriteLossy = optionalFlag(p.overwriteLossy);
    const createFolder = optionalFlag(p.createFolder);
    if (typeof overwriteLossy === 'string' || typeof createFolder === 'string') return 'flags must be true or false';
    const request: RequestOf<'file:save'> = { path: p.path, text: p.text, format };
    if (overwriteLossy) request.overwriteLossy = true;
    if (createFolder) request.createFolder = true;
    return request;
  },
  'file:watch': (p) => {
    if (!isRecord(p) || !Array.isArray(p.paths) || p.paths.length > MAX_WATCHED_FILES) return 'expected { paths: string[] }';
    if (!p.paths.every(isAbsolutePath)) return 'paths must be absolute';
    return { paths: [...p.paths] };
  },
  'journal:write': checkJournalWrite,
  'journal:patch': checkJournalPatch,
  'journal:clear': (p) => (isRecord(p) && isEntryId(p.id) ? { id: p.id } : 'expected { id: string }'),
  'drafts:list': (p) => (isRecord(p) && isAbsolutePath(p.folder) ? { folder: p.folder } : 'expected { folder: absolute path }'),
  'drafts:create': (p) => {
    if (!isRecord(p) || !isAbsolutePath(p.folder)) return 'expected { folder: absolute path, title: string }';
    if (typeof p.title !== 'string' || p.title.length > MAX_TITLE_CHARS * 4) return 'title must be a short string';
    return { folder: p.folder, title: p.title };
  },
  'drafts:watch': (p) => {
    if (!isRecord(p) || (p.folder !== null && !isAbsolutePath(p.folder))) return 'expected { folder: absolute path | null }';
    return { folder: p.folder };
  },
  'dialog:save': (p) => {
    if (!isRecord(p) || typeof p.suggestedName !== 'string' || p.suggestedName.length > 255 || p.suggestedName.includes('\0')) {
      return 'expected { suggestedName: string, folders?: full paths }';
    }
    if (p.folders === undefined) return { suggestedName: p.suggestedName };
    if (!Array.isArray(p.folders) || p.folders.length > MAX_DIALOG_FOLDERS || !p.folders.every(isAbsolutePath)) {
      return `folders must be at most ${MAX_DIALOG_FOLDERS} full paths`;
    }
    return { suggestedName: p.suggestedName, folders: [...p.folders] };
  },
  // The page's own file dialog: full paths only (the page resolves `~` and relative input), never the working directory.
  'folder:list': (p) => (isRecord(p) && isAbsolutePath(p.path) ? { path: p.path } : FOLDER_PATH),
  'folder:create': (p) => (isRecord(p) && isAbsolutePath(p.path) ? { path: p.path } : FOLDER_PATH),
  'settings:write': (p) => {
    if (!isRecord(p) || !isRecord(p.patch)) return 'expected { patch: object }';
    return { patch: sanitizeSettingsPatch(p.patch) };
  },
  'images:scope': (p) => {
    if (!isRecord(p) || (p.documentPath !== null && !isAbsolutePath(p.documentPath))) return 'expected { documentPath: absolute path | null, remoteUrls }';
    if (!Array.isArray(p.remoteUrls) || p.remoteUrls.length > MAX_REMOTE_IMAGES) return `remoteUrls must be a list of at most ${MAX_REMOTE_IMAGES} URLs`;
    const remoteUrls: string[] = [];
    for (const url of p.remoteUrls) {
      const checked = checkRemoteImageUrl(url);
      if (checked === null) return 'remoteUrls may hold only http and https URLs';
      if (!remoteUrls.includes(checked)) remoteUrls.push(checked);
    }
    return { documentPath: p.documentPath, remoteUrls };
  },
  'link:open-external': (p) =>
    isRecord(p) && typeof p.url === 'string' && p.url.length <= MAX_URL_CHARS ? { url: p.url } : 'expected { url: string }',
  // Export (issue 6): see export/export-request.ts.
  'export:run': checkExportRun,
  'export:rich-text': checkRichText,
  'export:open': checkOpenExported,
  'export:choose-target': checkChooseTarget,
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
