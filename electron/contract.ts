/**
 * THE contract between the renderer (the page) and the Node side (main).
 *
 * One source of truth for channel names, request and response types, and the
 * events main sends to the page. Used by the Electron main process and preload,
 * by the Chromium shell and by the renderer. It holds types and plain constants
 * only: no Node, no DOM, no Electron, so every side can import it.
 *
 * Every call returns a `Result`: errors are values with a sentence a writer can
 * read, never exceptions thrown across the boundary.
 */

/** What went wrong, as a stable code the UI can branch on. */
export type ErrorCode =
  | 'INVALID_PAYLOAD'
  | 'UNSUPPORTED'
  | 'CANCELLED'
  | 'NOT_FOUND'
  | 'IS_DIRECTORY'
  | 'ACCESS_DENIED'
  | 'READ_ONLY'
  | 'DISK_FULL'
  | 'TOO_LARGE'
  | 'BINARY'
  | 'INVALID_ENCODING'
  | 'BLOCKED_URL'
  /** A save would replace a file opened with unreadable bytes (see `TextFormat.lossy`). */
  | 'LOSSY_OVERWRITE'
  /** A journal patch against a revision the journal doesn't hold: send the whole text instead. */
  | 'STALE'
  /** A path that names a file where a folder was expected (the page's file dialog). */
  | 'NOT_A_FOLDER'
  /** A folder (or file) of that name is already there. */
  | 'ALREADY_EXISTS'
  | 'IO';

export interface ApiError {
  code: ErrorCode;
  /** A complete sentence for the writer, e.g. "Can't save: the disk is full." */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The text encodings Byline reads and writes. UTF-16 is recognised by its byte-order mark only. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How a file's text is stored on disk, so a save writes it back the same way. */
export interface TextFormat {
  eol: 'lf' | 'crlf';
  /** A byte-order mark at the start (always true for UTF-16). */
  bom: boolean;
  encoding: TextEncodingName;
  /**
   * True when the file had bytes that aren't valid text and they were shown as
   * “�”: saving over the original would destroy them, so `file:save` refuses
   * with `LOSSY_OVERWRITE` unless the request says `overwriteLossy: true`.
   * Absent (or false) for a faithful decode. A successful save clears it.
   */
  lossy?: boolean;
}

/** A format as the page sends it back; a missing encoding means UTF-8. */
export type TextFormatInput = Omit<TextFormat, 'encoding'> & { encoding?: TextEncodingName };

/** Something the writer should see about an opened file (it opened, but…). */
export interface DocumentWarning {
  code: 'INVALID_UTF8' | 'INVALID_UTF16' | 'LARGE_FILE' | 'LONG_LINES';
  /** A complete sentence for the writer. */
  message: string;
}

/** A document as the page holds it: text always uses "\n" line breaks. */
export interface DocumentData {
  /** Absolute path, or null for an untitled document. */
  path: string | null;
  /** File name (or "Untitled") for titles and lists. */
  name: string;
  text: string;
  format: TextFormat;
  /** Modification time of the file when read or written, for change detection. */
  mtimeMs: number | null;
  /** Shown by the page as a visible notice; empty when the file opened cleanly. */
  warnings: DocumentWarning[];
}

export interface SavedDocument {
  path: string;
  name: string;
  format: TextFormat;
  mtimeMs: number;
}

export type ThemeSetting = 'system' | 'light' | 'dark' | 'sepia';
export type ViewMode = 'editor' | 'split' | 'preview';
export type QuoteStyle = 'en' | 'en-GB' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pl' | 'ru' | 'sv';

/** The editor's body face (the preview keeps the article's own). */
export type BodyFont = 'serif' | 'sans' | 'mono';
export const BODY_FONTS: readonly BodyFont[] = ['serif', 'sans', 'mono'];
/** Optional style checks shown in the editor (English word lists in assets/style-checks/). */
export type StyleCheckName = 'long-sentences' | 'passive-voice' | 'adverbs' | 'hedges' | 'cliches' | 'repeated-words';
export const STYLE_CHECKS: readonly StyleCheckName[] = ['long-sentences', 'passive-voice', 'adverbs', 'hedges', 'cliches', 'repeated-words'];
/** Editor text size (CSS px) and line width (characters): allowed ranges. */
export const FONT_SIZE_RANGE = { min: 12, max: 32 } as const;
export const LINE_WIDTH_RANGE = { min: 40, max: 120 } as const;

export interface Settings {
  theme: ThemeSetting;
  viewMode: ViewMode;
  quoteStyle: QuoteStyle;
  /** Most recent first, absolute paths. */
  recentFiles: string[];
  /** The folder the drafts library shows (absolute), or null until the writer picks one. */
  draftsFolder: string | null;
  bodyFont: BodyFont;
  /** Editor text size in CSS px (FONT_SIZE_RANGE). */
  fontSize: number;
  /** Editor line width in characters (LINE_WIDTH_RANGE). */
  lineWidth: number;
  /** The style checks that are on (long sentences only, by default). */
  styleChecks: StyleCheckName[];
  focusMode: boolean;
  typewriterScrolling: boolean;
  /** False until the welcome document has been shown once (first run). */
  welcomed: boolean;
  /** Export (issue 6): the folder of the last export (absolute), and the PDF page settings. */
  exportFolder: string | null;
  exportPageSize: ExportPageSize;
  exportNotes: ExportNotes;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  viewMode: 'split',
  quoteStyle: 'en',
  recentFiles: [],
  draftsFolder: null,
  bodyFont: 'serif',
  fontSize: 18,
  lineWidth: 68,
  styleChecks: ['long-sentences'] as StyleCheckName[],
  focusMode: false,
  typewriterScrolling: false,
  welcomed: false,
  exportFolder: null,
  exportPageSize: 'Letter',
  exportNotes: 'end',
});

export const MAX_RECENT_FILES = 12;

export type ShellKind = 'electron' | 'chromium';

export interface AppInfo {
  shell: ShellKind;
  version: string;
  platform: string;
  /** False where the shell has no native file dialogs (the page draws its own). */
  nativeDialogs: boolean;
  /** The writer's home folder: where the page's file dialog starts when nothing better is known, and what `~` means there. */
  homeFolder: string;
}

/** A file named on the command line: opened, or why not. */
export type StartupFile = { path: string; result: Result<DocumentData> };

export interface InitialState {
  app: AppInfo;
  settings: Settings;
  startupFiles: StartupFile[];
}

/** A recent file as listed: `exists` is false when it couldn't be checked (offline drive, no permission). */
export interface RecentFile {
  path: string;
  name: string;
  exists: boolean;
}

/** One unsaved buffer as the page journals it (at most about once a second). */
export interface JournalWrite {
  /** Page-generated, stable for the buffer's life: [A-Za-z0-9-]{8,64}. */
  id: string;
  path: string | null;
  name: string;
  text: string;
  format: TextFormatInput;
  /** The file's mtime when the buffer was last loaded or saved; null when untitled. */
  baseMtimeMs: number | null;
}

/**
 * A journal write as a change to the buffer's last journaled text (the one
 * whose write answered `base`): its `from`–`to` span (UTF-16 offsets) becomes
 * `insert`, and the result must be `length` long. Keystrokes between two
 * writes are a few characters, so this is what the page sends once the whole
 * text has been journaled once; sending the whole book-length text every
 * second stalls the page (measured: 17 ms at 100k words in the Chromium shell).
 */
export interface JournalPatch extends Omit<JournalWrite, 'text'> {
  base: number;
  from: number;
  to: number;
  insert: string;
  length: number;
}

/** What a journal write answers: the revision a later patch names as its `base`. */
export interface JournalRevision {
  revision: number;
}

/** An unsaved buffer left by a session that ended without a clean quit. */
export interface JournalEntry {
  id: string;
  path: string | null;
  name: string;
  /** The first non-empty line, for untitled buffers' labels. */
  firstLine: string;
  /** When the journal last recorded it (ms since the epoch). */
  savedAt: number;
  /** The first ~300 characters. */
  preview: string;
  text: string;
  format: TextFormat;
  baseMtimeMs: number | null;
  /** Why it is offered: the file differs from it, the file is gone, or it never had one. */
  reason: 'differs' | 'file-missing' | 'untitled' | 'file-unreadable';
}

/** A file in the drafts library. */
export interface DraftEntry {
  path: string;
  name: string;
  /** Front matter title, else the first `# ` heading, else the first line. */
  headline: string;
  words: number;
  modifiedMs: number;
}

/** What the page's file dialog shows of a folder: a name and a kind, never a file's contents. */
export interface FolderEntry {
  name: string;
  kind: 'folder' | 'file';
}

/** A folder's subfolders and Markdown/text files (not hidden ones), by name. */
export interface FolderListing {
  /** The folder listed, as a full, normalised path. */
  folder: string;
  /** The folder above, or null at the root. */
  parent: string | null;
  entries: FolderEntry[];
  /** True when there were more entries than main lists. */
  truncated: boolean;
}

/**
 * Every operation: channel name → request and response types.
 * Save As is `dialog:save` (where to?) followed by `file:save`.
 */
export interface Channels {
  'app:initial-state': { request: null; response: InitialState };
  'file:new': { request: null; response: DocumentData };
  'file:open': { request: { path: string }; response: DocumentData };
  /**
   * Atomic save in the document's own encoding and line endings. `overwriteLossy`
   * is the writer's explicit choice to replace a `lossy` original; `createFolder`
   * recreates a vanished folder (off by default: a missing folder may be an
   * unplugged drive). A deleted file is simply created again.
   */
  'file:save': {
    request: { path: string; text: string; format: TextFormatInput; overwriteLossy?: boolean; createFolder?: boolean };
    response: SavedDocument;
  };
  /** The open files of this window to watch for outside changes; replaces the previous set. */
  'file:watch': { request: { paths: string[] }; response: null };
  /** Records an unsaved buffer in the crash journal (atomic, one file per buffer). */
  'journal:write': { request: JournalWrite; response: JournalRevision };
  /** The same, as a change to the text of revision `base` (`STALE` when the journal no longer holds it). */
  'journal:patch': { request: JournalPatch; response: JournalRevision };
  /** Forgets one buffer's journal (after it was saved, discarded or closed). */
  'journal:clear': { request: { id: string }; response: null };
  /** Unsaved buffers from sessions that ended without a clean quit, newest first. */
  'journal:list': { request: null; response: JournalEntry[] };
  /** Markdown and text files in a folder, newest first. */
  'drafts:list': { request: { folder: string }; response: DraftEntry[] };
  /** Creates a new draft with a front matter skeleton; never overwrites a file. */
  'drafts:create': { request: { folder: string; title: string }; response: DocumentData };
  /** The drafts folder to watch (`drafts-changed` events), or null to stop. */
  'drafts:watch': { request: { folder: string | null }; response: null };
  /** Recent files, newest first; files that are gone are dropped from the list. */
  'recent:list': { request: null; response: RecentFile[] };
  'recent:clear': { request: null; response: null };
  /** Native open dialog; `UNSUPPORTED` where the shell has none. Empty list: cancelled. */
  'dialog:open': { request: null; response: { paths: string[] } };
  /**
   * Native save dialog; `UNSUPPORTED` where the shell has none. Null path: cancelled.
   * It starts in the first of `folders` (full paths, best first) that exists, else
   * the drafts folder, the last folder used, the home folder: never the app's own.
   */
  'dialog:save': { request: { suggestedName: string; folders?: string[] }; response: { path: string | null } };
  /** The page's own file dialog: a folder's subfolders and Markdown files (`NOT_A_FOLDER`, `NOT_FOUND` otherwise). */
  'folder:list': { request: { path: string }; response: FolderListing };
  /** The page's own file dialog: creates a folder (and any missing above it); `ALREADY_EXISTS` if it is there. */
  'folder:create': { request: { path: string }; response: { folder: string } };
  'settings:read': { request: null; response: Settings };
  'settings:write': { request: { patch: Partial<Settings> }; response: Settings };
  /** Opens an http(s) or mailto link in the system browser; anything else is `BLOCKED_URL`. */
  'link:open-external': { request: { url: string }; response: null };
  /**
   * The page has settled every buffer (saved, or the writer chose not to): close
   * this window. A clean close, so the shell may clear this session's journal.
   */
  'window:close': { request: null; response: null };
  /**
   * Distraction-free mode asks for the whole screen (or gives it back). The
   * page's own requestFullscreen fills only the browser window in the
   * Chromium shell (its toolbars stay), so that shell also makes the window
   * full screen; Electron's window follows the page by itself: UNSUPPORTED.
   */
  'window:full-screen': { request: { fullScreen: boolean }; response: null };
  /**
   * The images this window's preview may show (replaces the previous scope):
   * image files in the folder of `documentPath` (null: untitled, none) and the
   * http(s) `remoteUrls` the writer chose to load for this document (empty:
   * none). Answers the path prefixes on the app's origin to rewrite `<img src>`
   * to, each null when there is nothing to serve. See electron/services/preview-images.ts.
   */
  'images:scope': { request: { documentPath: string | null; remoteUrls: string[] }; response: { localBase: string | null; remoteBase: string | null } };
  /**
   * Export (issue 6): renders `text` with the pipeline in main and writes the
   * file atomically to `targetPath`; `documentPath` (null: untitled) is where
   * images beside the document are found. Never overwrites `documentPath`.
   */
  'export:run': { request: ExportRequest; response: ExportResult };
  /** The document as HTML (the article fragment) and plain text, for Copy as Rich Text. */
  'export:rich-text': { request: { text: string; documentPath: string | null }; response: { html: string; text: string } };
  /** Opens a file this process exported, with the system's default app; any other path is `ACCESS_DENIED`. */
  'export:open': { request: { path: string }; response: null };
  /** Native save dialog for an export (filtered to the format, in the last export folder); `UNSUPPORTED` without one. */
  'export:choose-target': { request: { format: ExportFormat; suggestedName: string; documentPath: string | null }; response: { path: string | null } };
}

/** Export (issue 6): formats and options, as the page sends them. */
export type ExportFormat = 'html' | 'pdf' | 'txt';
export type ExportPageSize = 'A4' | 'Letter';
export type ExportNotes = 'end' | 'page';
export interface ExportRequestOptions {
  /** Default: both in HTML, footnotes in PDF and plain text. */
  links?: 'inline' | 'footnotes' | 'both';
  pageSize?: ExportPageSize;
  notes?: ExportNotes;
  /** HTML: the article alone. */
  fragment?: boolean;
}
export interface ExportRequest {
  format: ExportFormat;
  documentPath: string | null;
  text: string;
  options: ExportRequestOptions;
  targetPath: string;
}
export interface ExportResult {
  path: string;
  bytes: number;
  /** Images shown as their alt text instead (remote, outside the folder, not an image). */
  skippedImages: number;
}

export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = Channels[C]['request'];
export type ResponseOf<C extends Channel> = Channels[C]['response'];

/** The page's typed API: one method per operation, each bound to its channel. */
export const API_METHODS = {
  initialState: 'app:initial-state',
  newFile: 'file:new',
  openFile: 'file:open',
  saveFile: 'file:save',
  showOpenDialog: 'dialog:open',
  showSaveDialog: 'dialog:save',
  listFolder: 'folder:list',
  createFolder: 'folder:create',
  readSettings: 'settings:read',
  writeSettings: 'settings:write',
  openExternal: 'link:open-external',
  watchFiles: 'file:watch',
  writeJournal: 'journal:write',
  patchJournal: 'journal:patch',
  clearJournal: 'journal:clear',
  listJournal: 'journal:list',
  listDrafts: 'drafts:list',
  createDraft: 'drafts:create',
  watchDrafts: 'drafts:watch',
  listRecent: 'recent:list',
  clearRecent: 'recent:clear',
  closeWindow: 'window:close',
  setFullScreen: 'window:full-screen',
  setImageScope: 'images:scope',
  exportDocument: 'export:run',
  exportRichText: 'export:rich-text',
  openExported: 'export:open',
  chooseExportTarget: 'export:choose-target',
} as const satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;

export const CHANNELS: readonly Channel[] = Object.values(API_METHODS);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** Commands main sends from its menu (or shortcuts it owns) to the page. */
export const MENU_COMMANDS = [
  'file:new',
  'file:open',
  'file:save',
  'file:save-as',
  // Files and drafts (issue 5): close, revert, recover, close window, drafts library.
  'file:close',
  'file:revert',
  'file:recover',
  /** The shell asks the page to close its window: the page asks about unsaved text, then calls `closeWindow`. */
  'window:close',
  'view:drafts',
  'view:editor',
  'view:split',
  'view:preview',
  // Writing aids (issue 8): formatting, find, panels, modes, settings.
  'format:bold',
  'format:italic',
  'format:link',
  'format:quote',
  'format:attribution',
  'format:footnote',
  'format:heading-1',
  'format:heading-2',
  'format:heading-3',
  'format:paragraph',
  'format:bullet-list',
  'format:numbered-list',
  'edit:find',
  'edit:replace',
  'edit:paste-plain',
  'view:outline',
  'view:sources',
  'view:focus',
  'view:typewriter',
  'view:distraction-free',
  'app:settings',
  // Export (issue 6).
  'file:export-html',
  'file:export-pdf',
  'file:export-txt',
  'edit:copy-rich-text',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Everything main may push to the page, on the single event channel. */
export type MainEvent =
  | { type: 'menu-command'; command: MenuCommand }
  | { type: 'open-files'; files: StartupFile[] }
  /** A watched file now holds different text, written by another program. */
  | { type: 'file-changed'; path: string; text: string; format: TextFormat; mtimeMs: number; warnings: DocumentWarning[] }
  /** A watched file changed but can no longer be opened (now binary, too large…). */
  | { type: 'file-unreadable'; path: string; error: ApiError }
  /** A watched file was deleted or renamed away; Save creates it again. */
  | { type: 'file-deleted'; path: string }
  /** Something in the watched drafts folder changed: list it again. */
  | { type: 'drafts-changed'; folder: string };

/** The one channel name main uses to push `MainEvent`s. */
export const EVENT_CHANNEL = 'byline:event';

export type Invoke = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

export type BylineApi = {
  [M in ApiMethod]: RequestOf<(typeof API_METHODS)[M]> extends null
    ? () => Promise<Result<ResponseOf<(typeof API_METHODS)[M]>>>
    : (request: RequestOf<(typeof API_METHODS)[M]>) => Promise<Result<ResponseOf<(typeof API_METHODS)[M]>>>;
} & {
  /** Subscribes to events from main; returns an unsubscribe function. */
  onEvent(listener: (event: MainEvent) => void): () => void;
  /**
   * Electron only: the path of a `File` dropped on the window (`webUtils.getPathForFile`),
   * or null. Absent in the Chromium shell, where a page can't learn a dropped file's path.
   */
  pathForFile?(file: unknown): string | null;
};

/**
 * Builds the page's API from a transport: `invoke` carries one call to main,
 * `subscribe` delivers main's events. Each method is bound to its own channel,
 * so no caller can name an arbitrary channel.
 */
export function createApi(
  invoke: Invoke,
  subscribe: (listener: (event: MainEvent) => void) => () => void,
): BylineApi {
  const api: Record<string, unknown> = { onEvent: subscribe };
  for (const [method, channel] of Object.entries(API_METHODS) as [ApiMethod, Channel][]) {
    api[method] = (request?: unknown) => invoke(channel, (request ?? null) as never);
  }
  return api as BylineApi;
}

/** The meta tag through which the server hands the page its CSP style nonce. */
export const STYLE_NONCE_META = 'byline-style-nonce';

/** Name of the global the page finds the API under (Electron's preload exposes it). */
export const API_GLOBAL = 'byline';
/** Name of the binding the Chromium shell exposes for its transport. */
export const CHROMIUM_INVOKE_BINDING = '__bylineInvoke';
/** Name of the DOM event the Chromium shell dispatches for a `MainEvent`. */
export const CHROMIUM_EVENT_NAME = 'byline-main-event';

/**
 * The page's answer when its shell is told to stop (SIGTERM, Ctrl+C): a function
 * on `window` that writes every unsaved buffer to the journal now and resolves
 * with `{ dirty }`. The shell clears the journal only when the page says clean.
 */
export const PAGE_QUIT_HOOK = '__bylinePrepareToQuit';
