/**
 * Helpers for the files-and-drafts scenarios: kill the shell the hard way
 * (the node process and every Chromium it started), read the crash journal,
 * type at the end of the document, answer the page's dialogs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunningApp } from './harness';
import { sleep, tempDir, waitFor } from './harness';

/** A fresh profile of a writer who has seen the welcome document already (so a new window is empty). */
export async function profile(prefix: string): Promise<string> {
  const dir = await tempDir(prefix);
  await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ welcomed: true }));
  return dir;
}

/** Every live descendant of `pid` (Linux /proc): Chromium runs in its own process group, so a group kill misses it. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // It exited while we looked.
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** SIGKILLs the shell's node process and all its descendants at once; resolves when none is left. */
export async function killHard(app: RunningApp): Promise<number[]> {
  const root = app.child.pid!;
  const all = [root, ...descendants(root)];
  for (const pid of all) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  // Only now drop our CDP connection (closing it first could let the browser end gracefully).
  void app.browser.close().catch(() => undefined);
  await waitFor(() => all.every((pid) => !isAlive(pid)), 10_000, () => `still alive: ${all.filter(isAlive).join(', ')}`);
  return all;
}

export interface StoredJournalEntry {
  file: string;
  id: string;
  path: string | null;
  text: string;
}

/** The journal entries in a profile (not the session markers). */
export async function journalEntries(userData: string): Promise<StoredJournalEntry[]> {
  const dir = path.join(userData, 'journal');
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries: StoredJournalEntry[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
    try {
      const stored = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as StoredJournalEntry;
      entries.push({ ...stored, file: name });
    } catch {
      // Being replaced right now.
    }
  }
  return entries;
}

/** Everything in the journal folder (entries, markers, temp files), for "leaves no journal". */
export async function journalFiles(userData: string): Promise<string[]> {
  return (await readdir(path.join(userData, 'journal')).catch(() => [] as string[])).filter((name) => name !== 'damaged');
}

export async function typeAtEnd(app: RunningApp, text: string): Promise<void> {
  await app.page.click('.cm-content');
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.type(text);
}

/**
 * Presses a file shortcut (Ctrl+S, Ctrl+O, Ctrl+N…) once the app takes file
 * commands again: it runs one at a time and ignores a file shortcut pressed
 * while the last one is still finishing (`data-file-command`, command-registry.ts).
 */
export async function pressFileShortcut(app: Pick<RunningApp, 'page'>, keys: string): Promise<void> {
  await app.page.waitForSelector('html:not([data-file-command])', { state: 'attached', timeout: 10_000 });
  await app.page.keyboard.press(keys);
}

/** Clicks a button of the open dialog by its label. */
export async function answer(app: RunningApp, label: string): Promise<void> {
  await app.page.locator('dialog[open]').last().getByRole('button', { name: label, exact: true }).click();
}

export async function dialogText(app: RunningApp): Promise<string> {
  const dialog = app.page.locator('dialog[open]');
  await dialog.first().waitFor({ timeout: 10_000 });
  return (await dialog.last().textContent()) ?? '';
}

export async function waitForExit(app: RunningApp, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (app.child.exitCode === null && app.child.signalCode === null) {
    if (Date.now() - start > timeoutMs) throw new Error(`the shell did not exit:\n${app.output()}`);
    await sleep(50);
  }
}

/** Runs a page command the way a menu item would (menu events reach the page as `byline-main-event`). */
export async function sendMenuCommand(app: RunningApp, command: string): Promise<void> {
  await app.page.evaluate(
    (c) => window.dispatchEvent(new CustomEvent('byline-main-event', { detail: { type: 'menu-command', command: c } })),
    command,
  );
}
