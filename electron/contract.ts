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
  | 'IO';

export interface ApiError {
  code: ErrorCode;
  /** A complete sentence for the writer, e.g. "Can't save: the disk is full." */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** How a file's text is stored on disk, so a save writes it back the same way. */
export interface TextFormat {
  eol: 'lf' | 'crlf';
  bom: boolean;
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

export interface Settings {
  theme: ThemeSetting;
  viewMode: ViewMode;
  quoteStyle: QuoteStyle;
  /** Most recent first, absolute paths. */
  recentFiles: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  viewMode: 'split',
  quoteStyle: 'en',
  recentFiles: [],
});

export const MAX_RECENT_FILES = 12;

export type ShellKind = 'electron' | 'chromium';

export interface AppInfo {
  shell: ShellKind;
  version: string;
  platform: string;
  /** False where the shell has no native file dialogs (the page draws its own). */
  nativeDialogs: boolean;
}

/** A file named on the command line: opened, or why not. */
export type StartupFile = { path: string; result: Result<DocumentData> };

export interface InitialState {
  app: AppInfo;
  settings: Settings;
  startupFiles: StartupFile[];
}

/**
 * Every operation: channel name → request and response types.
 * Save As is `dialog:save` (where to?) followed by `file:save`.
 */
export interface Channels {
  'app:initial-state': { request: null; response: InitialState };
  'file:new': { request: null; response: DocumentData };
  'file:open': { request: { path: string }; response: DocumentData };
  'file:save': { request: { path: string; text: string; format: TextFormat }; response: SavedDocument };
  /** Native open dialog; `UNSUPPORTED` where the shell has none. Empty list: cancelled. */
  'dialog:open': { request: null; response: { paths: string[] } };
  /** Native save dialog; `UNSUPPORTED` where the shell has none. Null path: cancelled. */
  'dialog:save': { request: { suggestedName: string }; response: { path: string | null } };
  'settings:read': { request: null; response: Settings };
  'settings:write': { request: { patch: Partial<Settings> }; response: Settings };
  /** Opens an http(s) or mailto link in the system browser; anything else is `BLOCKED_URL`. */
  'link:open-external': { request: { url: string }; response: null };
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
  readSettings: 'settings:read',
  writeSettings: 'settings:write',
  openExternal: 'link:open-external',
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
  'view:editor',
  'view:split',
  'view:preview',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Everything main may push to the page, on the single event channel. */
export type MainEvent =
  | { type: 'menu-command'; command: MenuCommand }
  | { type: 'open-files'; files: StartupFile[] };

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
