/**
 * Window size, position and view mode, remembered per document: one small JSON
 * file in the profile folder (`window-state.json`), keyed by the document's
 * path, plus the last state used whatever the document (for a window opened
 * without one). The most recently used documents are kept, the rest dropped.
 *
 * Reads never fail (a missing or damaged file means "nothing remembered") and
 * every value is checked: the file is input too. Writes are atomic and
 * chained. Where a saved window would now be off screen (a monitor was
 * unplugged), `fitToDisplays` brings it back.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ViewMode } from '../contract';
import { writeFileAtomic } from './atomic-write';

export const WINDOW_STATE_FILE = 'window-state.json';
/** How many documents' windows are remembered. */
export const MAX_REMEMBERED_DOCUMENTS = 200;
const VIEW_MODES: readonly ViewMode[] = ['editor', 'split', 'preview'];
/** Sizes outside this range are not a window a writer made. */
const MIN_SIZE = 200;
const MAX_SIZE = 100_000;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A window's normal (unmaximized) bounds; no position means "let the system place it". */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds?: WindowBounds;
  maximized?: boolean;
  viewMode?: ViewMode;
}

interface StoredState extends WindowState {
  /** ms since the epoch, for dropping the least recently used. */
  usedAt: number;
}

interface StateFile {
  version: 1;
  last: WindowState | null;
  documents: Record<string, StoredState>;
}

export interface WindowStateStore {
  /** Reads the file once (the store answers from memory afterwards). */
  load(): Promise<void>;
  /** The state remembered for this document, else the last one used; null when nothing is. */
  get(document: string | null): WindowState | null;
  /** Merges `change` into the document's state (and the last-used state) and saves. */
  remember(document: string | null, change: WindowState): Promise<void>;
}

export interface WindowStateOptions {
  now?: () => number;
  maxDocuments?: number;
}

/** The key a document is remembered under: its absolute path (case-folded where the file system is). */
export function documentKey(file: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = path.resolve(file);
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integerIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? Math.round(value) : undefined;
}

/** Keeps only well-formed fields: anything else in the file is ignored. */
export function sanitizeWindowState(value: unknown): WindowState {
  if (!isRecord(value)) return {};
  const state: WindowState = {};
  if (isRecord(value.bounds)) {
    const width = integerIn(value.bounds.width, MIN_SIZE, MAX_SIZE);
    const height = integerIn(value.bounds.height, MIN_SIZE, MAX_SIZE);
    if (width !== undefined && height !== undefined) {
      const x = integerIn(value.bounds.x, -MAX_SIZE, MAX_SIZE);
      const y = integerIn(value.bounds.y, -MAX_SIZE, MAX_SIZE);
      state.bounds = x !== undefined && y !== undefined ? { x, y, width, height } : { width, height };
    }
  }
  if (typeof value.maximized === 'boolean') state.maximized = value.maximized;
  if (typeof value.viewMode === 'string' && (VIEW_MODES as readonly string[]).includes(value.viewMode)) {
    state.viewMode = value.viewMode as ViewMode;
  }
  return state;
}

function parseStateFile(raw: string): StateFile {
  const empty: StateFile = { version: 1, last: null, documents: {} };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return empty;
  }
  if (!isRecord(data)) return empty;
  const documents: Record<string, StoredState> = {};
  if (isRecord(data.documents)) {
    for (const [key, value] of Object.entries(data.documents)) {
      if (!key || !isRecord(value)) continue;
      const usedAt = integerIn(value.usedAt, 0, Number.MAX_SAFE_INTEGER) ?? 0;
      documents[key] = { ...sanitizeWindowState(value), usedAt };
    }
  }
  return { version: 1, last: isRecord(data.last) ? sanitizeWindowState(data.last) : null, documents };
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Bounds that fit the screens there are now: no bigger than the largest work
 * area, and placed so that a usable part of the window (its title bar among it)
 * is on one; else without a position, for the system to place.
 */
export function fitToDisplays(bounds: WindowBounds, workAreas: readonly Rect[], minimum = { width: 480, height: 320 }): WindowBounds {
  if (workAreas.length === 0) return bounds;
  const widest = Math.max(...workAreas.map((area) => area.width));
  const tallest = Math.max(...workAreas.map((area) => area.height));
  const width = Math.max(Math.min(bounds.width, widest), Math.min(minimum.width, widest));
  const height = Math.max(Math.min(bounds.height, tallest), Math.min(minimum.height, tallest));
  if (bounds.x === undefined || bounds.y === undefined) return { width, height };
  const placed = { x: bounds.x, y: bounds.y, width, height };
  // The top strip (where the title bar is) must be reachable, not just any corner.
  const titleBar = { x: placed.x, y: placed.y, width: placed.width, height: Math.min(40, placed.height) };
  const visible = workAreas.some((area) => overlap(titleBar, area) >= Math.min(100 * titleBar.height, titleBar.width * titleBar.height));
  if (!visible) return { width, height };
  const area = workAreas.reduce((best, candidate) => (overlap(placed, candidate) > overlap(placed, best) ? candidate : best));
  // Pull it fully inside the work area it is mostly on.
  const x = Math.min(Math.max(placed.x, area.x), area.x + area.width - Math.min(width, area.width));
  const y = Math.min(Math.max(placed.y, area.y), area.y + area.height - Math.min(height, area.height));
  return { x, y, width, height };
}

export function createWindowStateStore(profileDir: string, options: WindowStateOptions = {}): WindowStateStore {
  const file = path.join(profileDir, WINDOW_STATE_FILE);
  const now = options.now ?? Date.now;
  const maxDocuments = options.maxDocuments ?? MAX_REMEMBERED_DOCUMENTS;
  let state: StateFile | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function current(): StateFile {
    if (!state) {
      // Not loaded yet: a synchronous read (small file), so `get` can answer now.
      try {
        state = parseStateFile(readFileSync(file, 'utf8'));
      } catch {
        state = { version: 1, last: null, documents: {} };
      }
    }
    return state;
  }

  return {
    async load() {
      try {
        state = parseStateFile(await fsp.readFile(file, 'utf8'));
      } catch {
        state = { version: 1, last: null, documents: {} };
      }
    },

    get(document) {
      const data = current();
      const remembered = document ? data.documents[documentKey(document)] : undefined;
      if (remembered) {
        const { usedAt: _usedAt, ...rest } = remembered;
        return rest;
      }
      return data.last ? { ...data.last } : null;
    },

    remember(document, change) {
      const clean = sanitizeWindowState(change);
      const data = current();
      data.last = { ...data.last, ...clean };
      if (document) {
        const key = documentKey(document);
        data.documents[key] = { ...data.documents[key], ...clean, usedAt: now() };
        const keys = Object.keys(data.documents);
        if (keys.length > maxDocuments) {
          keys
            .sort((a, b) => data.documents[b]!.usedAt - data.documents[a]!.usedAt)
            .slice(maxDocuments)
            .forEach((old) => delete data.documents[old]);
        }
      }
      const snapshot = JSON.stringify(data, null, 1) + '\n';
      const next = queue.then(async () => {
        await fsp.mkdir(profileDir, { recursive: true });
        await writeFileAtomic(file, new TextEncoder().encode(snapshot));
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
