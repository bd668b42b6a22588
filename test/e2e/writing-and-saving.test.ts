/**
 * The skeleton's user flows, end to end: the real Chromium shell process, the
 * built renderer, real files. A writer opens the sample op-ed, types, sees the
 * preview follow, and saves.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, ROOT, startApp, tempDir, type RunningApp } from './harness';
import { pressFileShortcut } from './files-support';

const SAMPLE = path.join(ROOT, 'test/fixtures/sample-oped.md');

async function typeAtEnd(app: RunningApp, text: string): Promise<void> {
  await app.page.click('.cm-content');
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.type(text);
}

async function previewText(app: RunningApp): Promise<string> {
  return app.preview.evaluate(() => document.getElementById('document')!.textContent ?? '');
}

describe('writing and saving in the Chromium shell', () => {
  let app: RunningApp;
  let dir: string;
  let file: string;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    dir = await tempDir('docs');
    file = path.join(dir, 'sample-oped.md');
    await copyFile(SAMPLE, file);
    app = await startApp({ files: [file], env: { BYLINE_OPEN_EXTERNAL_LOG: path.join(dir, 'opened-links.txt') } });
    app.page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && consoleProblems.push(m.text()));
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('opens the sample op-ed from the command line and shows its headline and both quotes', async () => {
    const source = await readFile(file, 'utf8');
    expect(await app.page.title()).toBe('sample-oped.md — Byline');
    // CodeMirror draws the lines in view: the top of the document is there.
    const firstLines = source.split('\n').slice(0, 3).join('');
    expect((await app.page.textContent('.cm-content'))?.startsWith(firstLines)).toBe(true);
    const headline = await app.preview.textContent('header h1');
    expect(headline?.length).toBeGreaterThan(10);
    expect(source).toContain(headline!.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").slice(0, 12));
    expect(await app.preview.locator('figure.quote').count()).toBe(2);
    expect(await app.preview.locator('figure.quote figcaption').count()).toBe(2);
    await mkdir(ARTIFACTS, { recursive: true });
    await app.page.screenshot({ path: path.join(ARTIFACTS, 'skeleton-split-view.png') });
  });

  it('shows what you type in the preview', async () => {
    const sentence = 'A columnist types this sentence to see it appear.';
    await typeAtEnd(app, `\n\n${sentence}`);
    await expect.poll(() => previewText(app)).toContain(sentence);
    await expect.poll(() => app.page.title()).toBe('• sample-oped.md — Byline');
  });

  it('saves with Ctrl+S, byte for byte', async () => {
    const before = await readFile(SAMPLE, 'utf8');
    await pressFileShortcut(app, 'Control+S');
    await expect.poll(() => readFile(file, 'utf8')).toBe(`${before}\n\nA columnist types this sentence to see it appear.`);
    await expect.poll(() => app.page.title()).toBe('sample-oped.md — Byline');
  });

  it('a preview link opens in the system browser, never in the window', async () => {
    const href = await app.preview.getAttribute('article a[href^="https://"]', 'href');
    expect(href).toBeTruthy();
    await app.preview.click(`article a[href="${href}"]`);
    await expect.poll(async () => readFile(path.join(dir, 'opened-links.txt'), 'utf8').catch(() => '')).toBe(`${href}\n`);
    expect(app.page.url()).toBe('https://byline.invalid/');
    expect(app.preview.url()).toBe('https://byline.invalid/preview.html');
  });

  it('switches between editor, split and preview views and remembers the choice', async () => {
    await app.page.keyboard.press('Control+1');
    expect(await app.page.getAttribute('#app', 'data-view')).toBe('editor');
    expect(await app.page.isVisible('#preview')).toBe(false);
    await app.page.click('button[data-command="view:preview"]');
    expect(await app.page.getAttribute('#app', 'data-view')).toBe('preview');
    expect(await app.page.isVisible('#editor')).toBe(false);
    await expect
      .poll(async () => JSON.parse(await readFile(path.join(app.userData, 'settings.json'), 'utf8')).viewMode)
      .toBe('preview');
    await app.page.keyboard.press('Control+2');
    expect(await app.page.getAttribute('#app', 'data-view')).toBe('split');
  });

  it('Save As through the in-app dialog writes a new file and retitles the window', async () => {
    const target = path.join(dir, 'second-draft.md');
    await pressFileShortcut(app, 'Control+Shift+S');
    const input = app.page.locator('dialog[open] input.path-input');
    await input.fill(target);
    await input.press('Enter');
    await expect.poll(() => app.page.title()).toBe('second-draft.md — Byline');
    expect(await readFile(target, 'utf8')).toBe(await readFile(file, 'utf8'));
  });

  it('New asks before discarding unsaved text, and Cancel keeps it', async () => {
    await typeAtEnd(app, ' More.');
    await pressFileShortcut(app, 'Control+N');
    const dialog = app.page.locator('dialog[open]');
    await expect.poll(() => dialog.textContent()).toContain('Save changes?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await app.page.title()).toBe('• second-draft.md — Byline');
    await pressFileShortcut(app, 'Control+N');
    await app.page.locator('dialog[open]').getByRole('button', { name: "Don't Save" }).click();
    await expect.poll(() => app.page.title()).toBe('Untitled — Byline');
    // A new piece: the header New Draft writes, nothing of the old text.
    await expect.poll(() => app.page.textContent('.cm-content')).toMatch(/^---title: ""author: date: \d{4}-\d{2}-\d{2}---$/);
    expect(await previewText(app)).not.toContain('More.');
  });

  it('Open through the in-app dialog lists recent files', async () => {
    await pressFileShortcut(app, 'Control+O');
    const recent = app.page.locator('dialog[open] .recent-file');
    await expect.poll(() => recent.allTextContents()).toEqual(expect.arrayContaining([file, path.join(dir, 'second-draft.md')]));
    await recent.filter({ hasText: file }).click();
    await app.page.locator('dialog[open] button.primary').click();
    await expect.poll(() => app.page.title()).toBe('sample-oped.md — Byline');
  });

  it('says so in the Open dialog when nothing is at the path, and keeps the current document', async () => {
    await pressFileShortcut(app, 'Control+O');
    await app.page.locator('dialog[open] input.path-input').fill(path.join(dir, 'missing.md'));
    await app.page.locator('dialog[open] input.path-input').press('Enter');
    const message = app.page.locator('dialog[open] .path-status');
    await expect.poll(() => message.textContent()).toBe(`There is no file or folder “missing.md” in ${dir}.`);
    // The dialog stays, with what was typed, for the writer to correct.
    expect(await app.page.locator('dialog[open] input.path-input').inputValue()).toBe(path.join(dir, 'missing.md'));
    await app.page.locator('dialog[open]').getByRole('button', { name: 'Cancel' }).click();
    expect(await app.page.title()).toBe('sample-oped.md — Byline');
  });

  it('answers a malformed API call with an error value and keeps working', async () => {
    const result = await app.page.evaluate(() =>
      (window as unknown as { __bylineInvoke(c: string, p: unknown): Promise<unknown> }).__bylineInvoke('file:save', { path: 5 }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const unknown = await app.page.evaluate(() =>
      (window as unknown as { __bylineInvoke(c: string, p: unknown): Promise<unknown> }).__bylineInvoke('fs:delete', { path: '/' }),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await app.page.title()).toBe('sample-oped.md — Byline');
  });

  it('logged no CSP violations or errors along the way', () => {
    expect(consoleProblems).toEqual([]);
  });
});

describe('faithful saves', () => {
  it('keeps CRLF line endings, the BOM and a missing final newline', async () => {
    const dir = await tempDir('crlf');
    const file = path.join(dir, 'windows.md');
    await writeFile(file, Buffer.from('\uFEFF# Headline\r\n\r\nFirst line', 'utf8'));
    const app = await startApp({ files: [file] });
    try {
      await typeAtEnd(app, ' and more');
      await pressFileShortcut(app, 'Control+S');
      const expected = Buffer.from('\uFEFF# Headline\r\n\r\nFirst line and more', 'utf8');
      await expect.poll(async () => (await readFile(file)).equals(expected)).toBe(true);
      await expect.poll(() => app.page.title()).toBe('windows.md — Byline');
    } finally {
      await app.stop();
    }
  });

  it('never runs script from a document in the preview', async () => {
    const dir = await tempDir('hostile');
    const file = path.join(dir, 'hostile.md');
    await writeFile(
      file,
      '# Hostile\n\n<script>parent.document.title="pwned"</script>\n\n<img src="x" onerror="parent.document.title=\'pwned\'">\n\n[click](javascript:parent.document.title="pwned")\n',
    );
    const app = await startApp({ files: [file] });
    try {
      // The document is drawn (so the checks below aren't of an empty preview)…
      await expect.poll(() => app.preview.evaluate(() => document.getElementById('document')?.textContent ?? '')).toContain('Hostile');
      expect(await app.page.title()).toBe('hostile.md — Byline');
      const html = await app.preview.evaluate(() => document.getElementById('document')!.innerHTML);
      expect(html).not.toMatch(/<script|onerror|href="javascript:/i);
      expect(await app.page.getAttribute('#preview', 'sandbox')).toBe('allow-same-origin');
    } finally {
      await app.stop();
    }
  });
});
