/**
 * Paths as the writer types them into the page's own file dialog, pure: `~`
 * is the home folder, anything not absolute is inside the folder on show, `.`
 * and `..` are resolved, a trailing separator means "inside this folder". Tab
 * completion, the list's filter and where a dialog starts are here too, so the
 * dialog itself only draws and asks main. POSIX paths, and Windows ones
 * (`C:\…`, `\\server\share\…`, either slash) when the platform is win32.
 */
import type { FolderEntry } from '../../electron/contract';

export interface PathStyle {
  windows: boolean;
}

export function pathStyle(platform: string): PathStyle {
  return { windows: platform === 'win32' };
}

export function separator(style: PathStyle): string {
  return style.windows ? '\\' : '/';
}

function isSeparator(char: string | undefined, style: PathStyle): boolean {
  return char === '/' || (style.windows && char === '\\');
}

/** The root of an absolute path (`/`, `C:\`, `\\server\share\`), or null for a relative one. */
function rootOf(text: string, style: PathStyle): string | null {
  if (!style.windows) return text.startsWith('/') ? '/' : null;
  const drive = /^[A-Za-z]:[\\/]/.exec(text);
  if (drive) return `${drive[0].slice(0, 2).toUpperCase()}\\`;
  const unc = /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.exec(text);
  return unc ? `${unc[0].replace(/\//g, '\\')}\\` : null;
}

export function isAbsolutePath(text: string, style: PathStyle): boolean {
  return rootOf(text, style) !== null;
}

/** `/a//b/./c/../d/` → `/a/b/d/`: one separator, no `.` or `..` (never above the root), a trailing one kept. */
export function normalizePath(full: string, style: PathStyle): string {
  const root = rootOf(full, style);
  if (root === null) return full;
  const sep = separator(style);
  const parts: string[] = [];
  for (const part of full.slice(root.length).split(style.windows ? /[\\/]/ : '/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const trailing = isSeparator(full.at(-1), style) && parts.length > 0;
  return root + parts.join(sep) + (trailing ? sep : '');
}

/** What the writer typed, as a full normalised path. */
export function resolveTyped(input: string, base: string, home: string, style: PathStyle): string {
  const text = input.trim();
  const sep = separator(style);
  let full: string;
  if (text === '~') full = home + sep;
  else if (text.startsWith('~') && isSeparator(text[1], style)) full = home + text.slice(1);
  else if (isAbsolutePath(text, style)) full = text;
  else full = joinPath(base, text, style);
  return normalizePath(full, style);
}

/** A full path's folder and last name; the name is '' when the path ends with a separator (or is a root). */
export function splitPath(full: string, style: PathStyle): { folder: string; leaf: string } {
  const root = rootOf(full, style) ?? '';
  let cut = -1;
  for (let i = full.length - 1; i >= root.length; i--) {
    if (isSeparator(full[i], style)) {
      cut = i;
      break;
    }
  }
  if (cut < 0) return { folder: root || full, leaf: root ? full.slice(root.length) : '' };
  const folder = full.slice(0, cut);
  return { folder: folder.length < root.length ? root : folder || root, leaf: full.slice(cut + 1) };
}

export function joinPath(folder: string, name: string, style: PathStyle): string {
  return isSeparator(folder.at(-1), style) ? folder + name : folder + separator(style) + name;
}

export function withTrailingSeparator(folder: string, style: PathStyle): string {
  return isSeparator(folder.at(-1), style) ? folder : folder + separator(style);
}

/** The typed text with its last name replaced (what Tab completion writes back). */
export function replaceLeaf(input: string, name: string, style: PathStyle): string {
  for (let i = input.length - 1; i >= 0; i--) if (isSeparator(input[i], style)) return input.slice(0, i + 1) + name;
  return input === '~' ? input : name;
}

/** The name's start and end without its extension, for selecting it in a Save dialog. */
export function nameRange(full: string, style: PathStyle): [number, number] {
  const { leaf } = splitPath(full, style);
  const start = full.length - leaf.length;
  const dot = leaf.lastIndexOf('.');
  return [start, dot > 0 ? start + dot : full.length];
}

/** A web address typed where a path belongs. */
export function isWebAddress(input: string): boolean {
  return /^\s*(?:[a-z][a-z0-9+.-]+:\/\/|www\.)/i.test(input);
}

export function hasExtension(name: string): boolean {
  return name.lastIndexOf('.') > 0;
}

const startsWith = (name: string, prefix: string) => name.toLocaleLowerCase().startsWith(prefix.toLocaleLowerCase());

/** Folders first, then files, each in main's order; only folders when choosing a folder. */
export function sortEntries(entries: readonly FolderEntry[], foldersOnly: boolean): FolderEntry[] {
  const folders = entries.filter((e) => e.kind === 'folder');
  return foldersOnly ? folders : [...folders, ...entries.filter((e) => e.kind === 'file')];
}

/** What the list shows for the name being typed: the entries it begins (ignoring case), or all when none does. */
export function visibleEntries(entries: readonly FolderEntry[], leaf: string, foldersOnly: boolean): FolderEntry[] {
  const sorted = sortEntries(entries, foldersOnly);
  if (!leaf) return sorted;
  const matches = sorted.filter((e) => startsWith(e.name, leaf));
  return matches.length > 0 ? matches : sorted;
}

/**
 * Tab, as in a shell: the one entry the name begins (a folder gets its
 * separator), else as much as all such entries share. Null when Tab adds nothing.
 */
export function completeName(leaf: string, entries: readonly FolderEntry[], style: PathStyle, foldersOnly = false): string | null {
  if (!leaf) return null;
  const matches = sortEntries(entries, foldersOnly).filter((e) => startsWith(e.name, leaf));
  const [first] = matches;
  if (!first) return null;
  if (matches.length === 1) {
    const full = first.kind === 'folder' ? first.name + separator(style) : first.name;
    return full === leaf ? null : full;
  }
  let shared = first.name;
  for (const { name } of matches) {
    let n = 0;
    while (n < shared.length && n < name.length && shared[n]!.toLocaleLowerCase() === name[n]!.toLocaleLowerCase()) n++;
    shared = shared.slice(0, n);
  }
  return shared.length > leaf.length ? shared : null;
}

function folderOf(file: string | null | undefined, style: PathStyle): string | null {
  if (!file || !isAbsolutePath(file, style)) return null;
  const { folder } = splitPath(file, style);
  return folder || null;
}

/**
 * Where a file dialog starts, best first: the document's own folder, the
 * drafts folder, the folder of the last file opened or saved. The dialog tries
 * them in turn and falls back to the home folder — never a relative path, which
 * main would take from the app's working directory.
 */
export function startFolders(
  place: { documentPath: string | null; draftsFolder: string | null; recentFiles: readonly string[] },
  style: PathStyle,
): string[] {
  const candidates = [folderOf(place.documentPath, style), place.draftsFolder, folderOf(place.recentFiles[0], style)];
  const folders: string[] = [];
  for (const folder of candidates) {
    if (folder && isAbsolutePath(folder, style) && !folders.includes(folder)) folders.push(folder);
  }
  return folders;
}
