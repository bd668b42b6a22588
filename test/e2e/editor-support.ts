/**
 * Helpers for the editor scenarios: read CodeMirror's state through its DOM
 * (as `EditorView.findFromDOM` does), open a file the way the shell hands one
 * to the page, collect page errors, take screenshots.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, type RunningApp } from './harness';

export interface EditorSnapshot {
  doc: string;
  from: number;
  to: number;
  line: number;
}

/** The editor's text and main selection. */
export async function editorState(page: Page): Promise<EditorSnapshot> {
  return page.evaluate(() => {
    type View = { state: { doc: { toString(): string; lineAt(pos: number): { number: number } }; selection: { main: { from: number; to: number; head: number } } } };
    const content = document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: View } } };
    const { state } = content.cmTile.root.view;
    return { doc: state.doc.toString(), from: state.selection.main.from, to: state.selection.main.to, line: state.doc.lineAt(state.selection.main.head).number };
  });
}

/** Puts the selection (a click or a drag would) at `anchor`…`head`, scrolled into view. */
export async function select(page: Page, anchor: number, head = anchor): Promise<void> {
  await page.evaluate(
    ([a, h]) => {
      type View = { dispatch(spec: unknown): void; focus(): void };
      const content = document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: View } } };
      const { view } = content.cmTile.root;
      view.dispatch({ selection: { anchor: a, head: h }, scrollIntoView: true });
      view.focus();
    },
    [anchor, head] as const,
  );
}

/** Opens a file as the shell does when the writer opens one from outside (ChromiumShell.send); waits up to `timeout` ms for it to show. */
export async function openInApp(app: RunningApp, file: string, timeout = 30_000): Promise<void> {
  const opened = await app.page.evaluate(async (target) => {
    const invoke = (window as unknown as { __bylineInvoke: (c: string, p: unknown) => Promise<{ ok: boolean }> }).__bylineInvoke;
    const result = await invoke('file:open', { path: target });
    window.dispatchEvent(new CustomEvent('byline-main-event', { detail: { type: 'open-files', files: [{ path: target, result }] } }));
    return result.ok;
  }, file);
  if (!opened) throw new Error(`${file} did not open`);
  const name = path.basename(file);
  await app.page.waitForFunction((n) => document.getElementById('doc-title')?.textContent === n, name, { timeout }).catch((error: Error) => {
    throw new Error(`${name} did not open in time: ${error.message.split('\n')[0]}`);
  });
}

/** Page errors and console errors/warnings from now on. */
export function collectProblems(app: RunningApp): string[] {
  const problems: string[] = [];
  app.page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console.${m.type()}: ${m.text()}`));
  app.page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
