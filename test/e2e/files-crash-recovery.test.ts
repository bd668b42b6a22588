/**
 * Never lose a word, for real: the Chromium shell is killed with SIGKILL (its
 * node process and every Chromium process it started), started again with the
 * same profile, and the text typed before the kill is offered back, restored
 * byte for byte and saved exactly. A clean close leaves no journal behind.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp, tempDir } from './harness';
import { answer, isAlive, pressFileShortcut, profile, journalEntries, journalFiles, killHard, sendMenuCommand, typeAtEnd, waitForExit } from './files-support';

const ORIGINAL = '# The case for slower news\n\nFirst paragraph, already saved.\n';
const TYPED = '\nTyped before the crash: “quotes”, an em dash — and ünïcödé.';
/** Typed once the journal holds the first part: it reaches the journal as a patch, not the whole text. */
const TYPED_LATER = ' Then more, after the first journal write: 😀 🇸🇾.';

describe('crash journal in the Chromium shell', () => {
  it('restores unsaved text after the app is killed with SIGKILL, byte for byte, and saves exactly that', async () => {
    const dir = await tempDir('crash');
    const userData = await profile('crash-profile');
    const file = path.join(dir, 'slower-news.md');
    await writeFile(file, ORIGINAL);
    const expected = ORIGINAL + TYPED + TYPED_LATER;

    const first = await startApp({ files: [file], userData });
    let killed: number[] = [];
    try {
      await typeAtEnd(first, TYPED);
      await expect.poll(() => first.page.title()).toBe('• slower-news.md — Byline');
      // The journal holds the exact text (the page writes it within a second of the last change).
      await expect.poll(async () => (await journalEntries(userData)).map((e) => e.text), { timeout: 10_000 }).toContain(ORIGINAL + TYPED);
      await typeAtEnd(first, TYPED_LATER);
      await expect.poll(async () => (await journalEntries(userData)).map((e) => e.text), { timeout: 10_000 }).toContain(expected);
    } finally {
      killed = await killHard(first);
    }
    expect(killed.length).toBeGreaterThan(1); // node and its Chromium processes
    expect(killed.filter(isAlive)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(ORIGINAL);

    const second = await startApp({ userData });
    try {
      const dialog = second.page.locator('dialog[open].recovery-dialog');
      await dialog.waitFor({ timeout: 15_000 });
      const entry = dialog.locator('.recovery-entry');
      expect(await entry.count()).toBe(1);
      expect(await entry.locator('.recovery-entry-title').textContent()).toBe('slower-news.md');
      expect(await entry.locator('.recovery-entry-meta').textContent()).toContain(file);
      expect(await entry.locator('.recovery-entry-preview').textContent()).toBe(expected);
      await entry.getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => second.page.title()).toBe('• slower-news.md — Byline');
      // What the editor holds now is exactly what was typed before the kill.
      const restored = await second.page.evaluate(() =>
        Array.from(document.querySelectorAll('.cm-content .cm-line'), (line) => line.textContent).join('\n'),
      );
      expect(restored).toBe(expected);
      await pressFileShortcut(second, 'Control+S');
      await expect.poll(async () => (await readFile(file)).equals(Buffer.from(expected, 'utf8'))).toBe(true);
      await expect.poll(() => second.page.title()).toBe('slower-news.md — Byline');
      // Saved: nothing of it is left to offer.
      await expect.poll(async () => (await journalEntries(userData)).length).toBe(0);
    } finally {
      await second.stop();
    }
  });

  it('offers an untitled buffer back by its first line, and Discard forgets it for good', async () => {
    const userData = await profile('untitled-profile');
    const first = await startApp({ userData });
    try {
      await typeAtEnd(first, 'An op-ed that was never saved\n\nIts second paragraph.');
      // Wait for the whole text, not just the first entry (written while typing was under way).
      await expect
        .poll(async () => (await journalEntries(userData)).map((e) => e.text), { timeout: 10_000 })
        .toEqual(['An op-ed that was never saved\n\nIts second paragraph.']);
    } finally {
      await killHard(first);
    }
    const second = await startApp({ userData });
    try {
      const dialog = second.page.locator('dialog[open].recovery-dialog');
      await dialog.waitFor({ timeout: 15_000 });
      expect(await dialog.locator('.recovery-entry-title').textContent()).toBe('An op-ed that was never saved');
      expect(await dialog.locator('.recovery-entry-meta').textContent()).toContain('Never saved');
      await dialog.getByRole('button', { name: 'Discard' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(async () => (await journalEntries(userData)).length).toBe(0);
      expect(await second.page.title()).toBe('Untitled — Byline');
    } finally {
      await second.stop();
    }
    // And the next start offers nothing.
    const third = await startApp({ userData });
    try {
      await third.page.waitForTimeout(1000);
      expect(await third.page.locator('dialog[open]').count()).toBe(0);
    } finally {
      await third.stop();
    }
  });

  it('a clean close leaves no journal: closing asks Save / Don’t Save / Cancel, and Don’t Save ends cleanly', async () => {
    const dir = await tempDir('clean-close');
    const userData = await profile('clean-profile');
    const file = path.join(dir, 'column.md');
    await writeFile(file, ORIGINAL);
    const app = await startApp({ files: [file], userData });
    try {
      await typeAtEnd(app, ' Not worth keeping.');
      await expect.poll(async () => (await journalEntries(userData)).length, { timeout: 10_000 }).toBe(1);
      // The window is asked to close (as its close button or the shell would).
      await sendMenuCommand(app, 'window:close');
      const dialog = app.page.locator('dialog[open]');
      await expect.poll(() => dialog.textContent()).toContain('Save changes?');
      await answer(app, 'Cancel');
      expect(await app.page.title()).toBe('• column.md — Byline');
      expect(app.child.exitCode).toBeNull();
      // The page takes the next close once this one has settled (the dialog is gone).
      await app.page.waitForFunction(() => document.querySelector('dialog') === null);
      await sendMenuCommand(app, 'window:close');
      await expect.poll(() => dialog.textContent()).toContain('Save changes?');
      await answer(app, "Don't Save");
      await waitForExit(app);
      expect(await journalFiles(userData)).toEqual([]);
      expect(await readFile(file, 'utf8')).toBe(ORIGINAL);
    } finally {
      await app.stop();
    }
  });

  it('stopped by a signal (Ctrl+C, SIGTERM) with unsaved text, it keeps the journal; with none, it leaves no journal', async () => {
    const userData = await profile('signal-profile');
    const dirty = await startApp({ userData });
    // Typed and stopped at once: the page journals it on the way out, without waiting for the throttle.
    await typeAtEnd(dirty, 'Stopped mid-sentence');
    dirty.child.kill('SIGTERM');
    await waitForExit(dirty);
    await dirty.browser.close().catch(() => undefined);
    expect((await journalEntries(userData)).map((e) => e.text)).toEqual(['Stopped mid-sentence']);

    const clean = await startApp({ userData });
    try {
      const dialog = clean.page.locator('dialog[open].recovery-dialog');
      await dialog.waitFor({ timeout: 15_000 });
      await dialog.getByRole('button', { name: 'Discard' }).click();
      await expect.poll(async () => (await journalEntries(userData)).length).toBe(0);
      clean.child.kill('SIGTERM');
      await waitForExit(clean);
      expect(await journalFiles(userData)).toEqual([]);
    } finally {
      await clean.stop();
    }
  });
});
