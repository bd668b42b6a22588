/**
 * The Node side of the contract, shared by both shells: validates each request
 * and routes it to the services. What differs between shells (dialogs, the
 * system browser) comes in as `ShellHooks`, so this file knows no shell.
 * Services a shell hasn't wired yet (journal, watchers) answer `UNSUPPORTED`.
 */
import os from 'node:os';
import path from 'node:path';
import type { Channel, Channels, DocumentData, RequestOf, ResponseOf, Result, ShellKind, StartupFile } from '../contract';
import { newDocument, readDocument, writeDocument } from './files';
import type { SettingsStore } from './settings';
import { validateRequest } from './request-validation';
import { isAllowedExternalUrl } from './external-links';
import type { Journal } from './journal';
import type { FileWatcher } from './file-watcher';
import type { FolderWatcher } from './folder-watcher';
import { createDraft, listDrafts } from './drafts-library';
import { createFolder, firstExistingFolder, listFolder } from './folders';
import { listRecentFiles } from './recent-files';
import type { PreviewImages } from './preview-images';
import type { ExportService } from './export/export-service';

export interface ShellHooks {
  kind: ShellKind;
  /** Null where the shell has no native dialogs. */
  dialogs: {
    open(): Promise<string[]>;
    save(suggestedName: string, defaultDir: string | undefined): Promise<string | null>;
  } | null;
  openExternal(url: string): Promise<void>;
  /** Closes the window after the page settled its buffers (`window:close`); absent: UNSUPPORTED. */
  closeWindow?(): Promise<void>;
  /** Makes the window full screen or gives the screen back (`window:full-screen`); absent: UNSUPPORTED. */
  setFullScreen?(fullScreen: boolean): Promise<void>;
}

export interface ApiContext {
  hooks: ShellHooks;
  settings: SettingsStore;
  version: string;
  /** Files named on the command line, opened for the page on start. */
  startupPaths: readonly string[];
  /** The crash journal (one per process, shared by its windows). */
  journal?: Journal;
  /** This window's watcher for its open files (`file:watch`). */
  watcher?: FileWatcher;
  /** This window's watcher for the drafts folder (`drafts:watch`). */
  draftsWatcher?: FolderWatcher;
  /** The images this window's preview may show (`images:scope`); absent: UNSUPPORTED. */
  images?: PreviewImages;
  /** Export (`export:*`, issue 6); absent: UNSUPPORTED. */
  exporter?: ExportService;
  /** The writer's home folder (tests pass their own); default: the system's. */
  homeFolder?: string;
}

export type ApiHandler = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function createApiHandler(ctx: ApiContext): ApiHandler {
  const { hooks, settings } = ctx;
  const homeFolder = ctx.homeFolder ?? os.homedir();

  async function openAndRemember(file: string): Promise<Result<DocumentData>> {
    const result = await readDocument(file);
    if (!result.ok) return result;
    const { doc, hash } = result.value;
    if (doc.path) {
      ctx.watcher?.noteOwnWrite(doc.path, doc.mtimeMs, hash);
      await settings.addRecent(doc.path).catch(() => undefined);
    }
    return ok(doc);
  }

  const noJournal = () => unsupported<never>('Byline has no recovery journal in this window.');

  const handlers: Handlers = {
    'app:initial-state': async () => {
      const startupFiles: StartupFile[] = [];
      for (const file of ctx.startupPaths) startupFiles.push({ path: file, result: await openAndRemember(file) });
      return ok({
        app: { shell: hooks.kind, version: ctx.version, platform: process.platform, nativeDialogs: hooks.dialogs !== null, homeFolder },
        settings: await settings.read(),
        startupFiles,
      });
    },
    'file:new': async () => ok(newDocument()),
    'file:open': async ({ path: file }) => openAndRemember(file),
    'file:save': async ({ path: file, text, format, overwriteLossy, createFolder }) => {
      const result = await writeDocument(file, text, format, {
        overwriteLossy,
        createFolder,
        beforeWrite: (target, hash) => ctx.watcher?.noteOwnWrite(target, null, hash),
      });
      if (!result.ok) return result;
      const { saved, hash } = result.value;
      ctx.watcher?.noteOwnWrite(saved.path, saved.mtimeMs, hash);
      await settings.addRecent(saved.path).catch(() => undefined);
      return ok(saved);
    },
    'file:watch': async ({ paths }) => {
      if (!ctx.watcher) return unsupported('This window does not watch files for outside changes.');
      await ctx.watcher.setWatched(paths);
      return ok(null);
    },
    'journal:write': async (entry) => (ctx.journal ? ctx.journal.write(entry) : noJournal()),
    'journal:patch': async (patch) => (ctx.journal ? ctx.journal.patch(patch) : noJournal()),
    'journal:clear': async ({ id }) => (ctx.journal ? ctx.journal.clear(id) : noJournal()),
    'journal:list': async () => (ctx.journal ? ok(await ctx.journal.list()) : noJournal()),
    'drafts:list': async ({ folder }) => listDrafts(folder),
    'drafts:create': async ({ folder, title }) => {
      const result = await createDraft(folder, title);
      if (result.ok && result.value.path) await settings.addRecent(result.value.path).catch(() => undefined);
      return result;
    },
    'drafts:watch': async ({ folder }) => {
      if (!ctx.draftsWatcher) return unsupported('This window does not watch the drafts folder.');
      ctx.draftsWatcher.setFolder(folder);
      return ok(null);
    },
    'recent:list': async () => ok(await listRecentFiles(settings)),
    'recent:clear': async () => {
      await settings.clearRecent();
      return ok(null);
    },
    'dialog:open': async () => {
      if (!hooks.dialogs) return unsupported('This window has no system file dialog.');
      return ok({ paths: await hooks.dialogs.open() });
    },
    'dialog:save': async ({ suggestedName, folders }) => {
      if (!hooks.dialogs) return unsupported('This window has no system file dialog.');
      // The page's choice first (the document's folder, the drafts folder, the last one used), then
      // the same from settings, then home: a relative default would be the app's working directory.
      const { draftsFolder, recentFiles } = await settings.read();
      const last = recentFiles[0] ? path.dirname(recentFiles[0]) : null;
      const folder = (await firstExistingFolder([...(folders ?? []), draftsFolder, last])) ?? homeFolder;
      return ok({ path: await hooks.dialogs.save(suggestedName, folder) });
    },
    'folder:list': async ({ path: folder }) => listFolder(folder),
    'folder:create': async ({ path: folder }) => createFolder(folder),
    'settings:read': async () => ok(await settings.read()),
    'settings:write': async ({ patch }) => ok(await settings.write(patch)),
    'link:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        return { ok: false, error: { code: 'BLOCKED_URL', message: 'Byline only opens web and email links.' } };
      }
      await hooks.openExternal(url);
      return ok(null);
    },
    'images:scope': async (request) => {
      if (!ctx.images) return unsupported('This window shows no images from files or the web.');
      return ok(ctx.images.scope(request));
    },
    'window:close': async () => {
      if (!hooks.closeWindow) return unsupported('This window is closed by its shell.');
      await hooks.closeWindow();
      return ok(null);
    },
    'window:full-screen': async ({ fullScreen }) => {
      if (!hooks.setFullScreen) return unsupported('This window follows the page into full screen by itself.');
      await hooks.setFullScreen(fullScreen);
      return ok(null);
    },
    'export:run': async (request) => (ctx.exporter ? ctx.exporter.run(request) : unsupported('This window can’t export.')),
    'export:rich-text': async (request) => (ctx.exporter ? ctx.exporter.richText(request) : unsupported('This window can’t export.')),
    'export:open': async ({ path: file }) => (ctx.exporter ? ctx.exporter.openExported(file) : unsupported('This window can’t export.')),
    'export:choose-target': async (request) =>
      ctx.exporter ? ctx.exporter.chooseTarget(request) : unsupported('This window has no system file dialog.'),
  };

  return async (channel, payload) => {
    const valid = validateRequest(channel, payload);
    if (!valid.ok) return valid;
    const handler = handlers[valid.value.channel] as (request: unknown) => Promise<Result<unknown>>;
    try {
      return await handler(valid.value.request);
    } catch (error) {
      // A bug in a handler must reach the page as a readable error, not kill main.
      return { ok: false, error: { code: 'IO', message: `Something went wrong: ${(error as Error)?.message ?? String(error)}` } };
    }
  };
}

function unsupported<T>(message: string): Result<T> {
  return { ok: false, error: { code: 'UNSUPPORTED', message } };
}

export type { Channels };
