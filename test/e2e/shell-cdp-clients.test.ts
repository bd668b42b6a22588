/**
 * The Chromium shell with other CDP clients attached (the README invites them
 * with --remote-debugging-port; this harness is one). A dialog reaches every
 * client; when another client answers it first, the shell's own dismissal
 * fails, and that must not take the app down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';

/** One full trip page → shell → page through the app's API: whatever the shell had queued before it has run. */
async function apiRoundTrip(app: RunningApp): Promise<boolean> {
  const result = await app.page.evaluate(() =>
    (window as unknown as { __bylineInvoke(c: string, p: unknown): Promise<{ ok: boolean }> }).__bylineInvoke('settings:read', null),
  );
  return result.ok;
}

describe('another CDP client (e2e, Chromium shell)', () => {
  let app: RunningApp | undefined;
  afterEach(async () => {
    if (app?.child.pid && app.child.exitCode === null) process.kill(app.child.pid, 'SIGCONT');
    await app?.stop();
    app = undefined;
  });

  it('dismissing a dialog before the shell does leaves the app up and usable', async () => {
    app = await startApp();
    const { page, child } = app;
    const shellPid = child.pid!;
    // Hold the shell's Node process still, so this client is certainly the first to answer the dialog
    // (the browser, a process of its own, goes on running and showing the dialog).
    process.kill(shellPid, 'SIGSTOP');
    let dismissed = false;
    try {
      page.once('dialog', (dialog) => void dialog.dismiss().then(() => (dismissed = true)));
      await page.evaluate(() => void setTimeout(() => alert('A dialog from the page'), 0));
      await expect.poll(() => dismissed).toBe(true);
    } finally {
      process.kill(shellPid, 'SIGCONT');
    }
    // The shell now sees the dialog too and tries to dismiss it: the browser says none is showing.
    expect(await apiRoundTrip(app)).toBe(true);
    expect(await apiRoundTrip(app)).toBe(true);
    expect(child.exitCode).toBeNull();

    // Usable: typing reaches the editor, and a command that needs the shell (New) works.
    await page.click('.cm-content');
    await page.keyboard.type('Still here.');
    await expect.poll(() => page.title()).toBe('• Untitled — Byline');
    await page.evaluate(() => window.dispatchEvent(new CustomEvent('byline-main-event', { detail: { type: 'menu-command', command: 'file:new' } })));
    await page.locator('dialog[open]').getByRole('button', { name: "Don't Save" }).click();
    await expect.poll(() => page.title()).toBe('Untitled — Byline');
    // A new piece: the header New Draft writes, untouched.
    expect(await page.locator('.cm-content').textContent()).toMatch(/^---title: ""author: date: \d{4}-\d\d-\d\d---$/);
    expect(child.exitCode).toBeNull();
  });
});
