/**
 * Export in the app (Chromium shell, real processes): File → Export HTML and
 * PDF through the in-app dialogs, the PDF settings remembered, "Open exported
 * file" limited to files this process exported, and Copy as Rich Text
 * putting HTML and plain text on the clipboard.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startApp, tempDir, type RunningApp } from './harness';

let app: RunningApp;
let dir: string;
let openLog: string;

const menu = (command: string) =>
  app.page.evaluate((c) => window.dispatchEvent(new CustomEvent('byline-main-event', { detail: { type: 'menu-command', command: c } })), command);

beforeAll(async () => {
  dir = await tempDir('export-app');
  openLog = path.join(dir, 'opened.log');
  await copyFile(path.join(ROOT, 'test', 'fixtures', 'sample-oped.md'), path.join(dir, 'sample-oped.md'));
  app = await startApp({ files: [path.join(dir, 'sample-oped.md')], env: { BYLINE_OPEN_EXTERNAL_LOG: openLog } });
});
afterAll(async () => {
  await app?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('export in the app (e2e, Chromium shell)', () => {
  it('exports HTML beside the document and opens it on request', async () => {
    await menu('file:export-html');
    const input = app.page.locator('dialog[open] input.path-input');
    await expect.poll(() => input.inputValue()).toBe(path.join(dir, 'sample-oped.html'));
    await input.press('Enter');
    const done = app.page.locator('dialog[open]');
    await expect.poll(() => done.textContent(), { timeout: 20_000 }).toContain('Saved “sample-oped.html”');
    await done.getByRole('button', { name: 'Open Exported File' }).click();
    await expect.poll(() => (existsSync(openLog) ? readFile(openLog, 'utf8') : '')).toContain(path.join(dir, 'sample-oped.html'));
    const html = await readFile(path.join(dir, 'sample-oped.html'), 'utf8');
    expect(html).toContain('<article class="article"');
    expect(html).not.toContain('<script');
  });

  it('exports a PDF with the chosen page size, showing progress, and remembers the settings', async () => {
    await menu('file:export-pdf');
    const settings = app.page.locator('dialog[open].export-dialog');
    await settings.locator('select[name="pageSize"]').selectOption('A4');
    await settings.getByRole('button', { name: 'Continue…' }).click();
    const input = app.page.locator('dialog[open] input.path-input');
    await expect.poll(() => input.inputValue()).toBe(path.join(dir, 'sample-oped.pdf'));
    await input.press('Enter');
    await expect.poll(() => app.page.locator('dialog.export-progress progress').count()).toBe(1);
    const done = app.page.locator('dialog[open]');
    await expect.poll(() => done.textContent(), { timeout: 45_000 }).toContain('Saved “sample-oped.pdf”');
    await done.getByRole('button', { name: 'OK' }).click();
    const info = execFileSync('pdfinfo', [path.join(dir, 'sample-oped.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    const saved = JSON.parse(await readFile(path.join(app.userData, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ exportPageSize: 'A4', exportNotes: 'end', exportFolder: dir });
  });

  it('exports plain text one line per paragraph, for a mail client or a form to wrap', async () => {
    await menu('file:export-txt');
    const input = app.page.locator('dialog[open] input.path-input');
    await expect.poll(() => input.inputValue()).toBe(path.join(dir, 'sample-oped.txt'));
    await input.press('Enter');
    const done = app.page.locator('dialog[open]');
    await expect.poll(() => done.textContent(), { timeout: 20_000 }).toContain('Saved “sample-oped.txt”');
    await done.getByRole('button', { name: 'OK' }).click();
    const lines = (await readFile(path.join(dir, 'sample-oped.txt'), 'utf8')).split('\n');
    expect(lines).toContain(
      'The council’s budget committee has found what it calls a “modest saving”[1]: closing every branch of the public library on Sundays. The committee’s own impact assessment[2] puts the figure at less than a tenth of one percent of the city’s spending. It is modest, all right. So is the thinking behind it.',
    );
    expect(lines).toContain('Sources and notes');
    expect(lines).toContain('[1] Draft budget 2024–25, Finance Committee. council.example.gov.');
  });

  it('opens only files this process exported', async () => {
    const refused = await app.page.evaluate(() =>
      (window as unknown as { __bylineInvoke(c: string, p: unknown): Promise<{ ok: boolean; error?: { code: string } }> }).__bylineInvoke('export:open', { path: '/etc/hostname' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });

  it('copies the article as rich text: HTML and plain text together', async () => {
    await app.browser.contexts()[0]!.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://byline.invalid' });
    await app.page.locator('.cm-content').click();
    await app.page.keyboard.press('Control+Shift+C');
    await expect.poll(() => app.page.locator('#status-message').textContent()).toContain('Copied as rich text');
    const clip = await app.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: [...item!.types], html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(clip.html).toContain('<figure class="quote">');
    expect(clip.html).toContain('href="https://council.example.gov/budget/2024/draft"');
    expect(clip.text.split('\n')[0]).toBe('Close the Library on Sundays? Then Don’t Call It a Public Library');
    expect(clip.text).toContain('[1] Draft budget 2024–25');
    // The text flavour is unwrapped too: whatever it is pasted into wraps it.
    expect(clip.text.split('\n')).toContain('The council’s “modest saving” would cost the people who can least afford it');
    expect(clip.text).toContain('“modest saving”[1]: closing every branch of the public library on Sundays. The committee’s own');
  });

  it('copies rich text whose links all work where it is pasted: plain superscript markers, no link back to the app', async () => {
    await app.browser.contexts()[0]!.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://byline.invalid' });
    // Links relative to the document, an in-page anchor and raw HTML: the clipboard would make each an absolute URL to the app.
    await app.page.locator('.cm-content').click();
    await app.page.keyboard.press('Control+End');
    await app.page.keyboard.insertText(
      '\n\nSee [my notes](notes/sources.md), [the top](#close-the-library), [the archive](/archive) and <a href="/about" title="me">about me</a>.[^aside]\n\n[^aside]: A [relative link](../other.md) in a note.\n',
    );
    await app.page.keyboard.press('Control+Shift+C');
    // The earlier copy's message may still show: wait for this copy on the clipboard itself.
    const read = () =>
      app.page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const html = await (await item!.getType('text/html')).text();
        return html.includes('my notes') ? html : null;
      }).catch(() => null);
    await expect.poll(read).not.toBeNull();
    const clip = await app.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const html = await (await item!.getType('text/html')).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return {
        html,
        text: await (await item!.getType('text/plain')).text(),
        hrefs: [...doc.querySelectorAll('[href], [cite]')].map((el) => el.getAttribute('href') ?? el.getAttribute('cite')!),
        markers: [...doc.querySelectorAll('sup.source-ref')].map((sup) => ({ text: sup.textContent, links: sup.querySelectorAll('a').length })),
        backrefs: doc.querySelectorAll('.source-backref').length,
        listed: [...doc.querySelectorAll('section.sources li')].map((li) => li.id),
        linkTexts: [...doc.querySelectorAll('a')].map((a) => a.textContent),
      };
    });
    expect(clip.html).not.toContain('byline.invalid');
    expect(clip.text).not.toContain('byline.invalid');
    // Every link left is a real one: to a source on the web (never relative: the clipboard makes those point at the app).
    for (const href of clip.hrefs) expect(href).toMatch(/^https:\/\/(?!byline\.invalid)[a-z0-9.-]+\.[a-z]+\//);
    expect(clip.hrefs).toContain('https://council.example.gov/budget/2024/draft');
    // Markers are superscript numbers a reader matches with the Sources list, as in print.
    expect(clip.markers.length).toBeGreaterThan(10);
    expect(clip.markers.every((m) => /^\d+$/.test(m.text ?? '') && m.links === 0)).toBe(true);
    expect(clip.backrefs).toBe(0);
    expect(clip.listed.slice(0, 3)).toEqual(['source-1', 'source-2', 'source-3']);
    // The relative links keep their text (and their number) without becoming links.
    expect(clip.linkTexts).not.toEqual(expect.arrayContaining(['my notes', 'the top', 'the archive', 'about me', 'relative link']));
    expect(clip.html).toContain('my notes');
    expect(clip.html).toContain('about me');
  });
});

describe('exporting a piece that was never saved (e2e, Chromium shell)', () => {
  it('suggests a full path named after its headline, in the folder Save would use, and exports there', async () => {
    // A fresh profile: no export folder, no recent files, no drafts folder; home is a temporary folder.
    const home = await tempDir('export-home');
    const fresh = await startApp({ env: { HOME: home } });
    try {
      const send = (command: string) =>
        fresh.page.evaluate((c) => window.dispatchEvent(new CustomEvent('byline-main-event', { detail: { type: 'menu-command', command: c } })), command);
      await send('file:new');
      await expect.poll(() => fresh.page.locator('.cm-content').textContent()).toContain('title: ""');
      await fresh.page.keyboard.type('Close the Library on Sundays');
      await send('file:export-html');
      const input = fresh.page.locator('dialog[open] input.path-input');
      await expect.poll(() => input.inputValue()).toBe(path.join(home, 'close-library-sundays.html'));
      // A name typed without an extension gets the export's, not Markdown's.
      await input.fill(path.join(home, 'for-the-desk'));
      await input.press('Enter');
      const done = fresh.page.locator('dialog[open]');
      await expect.poll(() => done.textContent(), { timeout: 20_000 }).toContain('Saved “for-the-desk.html”');
      expect(await readFile(path.join(home, 'for-the-desk.html'), 'utf8')).toContain('Close the Library on Sundays');
    } finally {
      await fresh.stop();
      await rm(home, { recursive: true, force: true });
    }
  });
});
