/**
 * A writer's first hour, end to end, with a real keyboard and mouse on a
 * headed window (Xvfb + xdotool, see real-input.ts): a new piece, a link with
 * Ctrl+K, a quote and its attribution with the Format commands, a footnote
 * with Insert Footnote, Save with the name Byline suggests, PDF from the File
 * menu, distraction-free and back. Each step is checked and leaves a
 * screenshot of the whole screen in test-artifacts/walkthrough-*.png; no step
 * may log an error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, tempDir } from './harness';
import { collectProblems, editorState } from './editor-support';
import { startHeadedApp, type HeadedApp } from './real-input';

const HEADLINE = 'Close the Library on Sundays? Then Say So';
const SURVEY = 'https://council.example.gov/budget/2024/survey';

let app: HeadedApp;
let home: string;
let problems: string[];

const doc = async (): Promise<string> => (await editorState(app.page)).doc;
const dialog = () => app.page.locator('dialog[open]');

/** Clicks an element of the page with the real pointer. */
async function clickOn(selector: string): Promise<void> {
  const box = await app.page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await app.click(box.x + box.width / 2, box.y + box.height / 2);
}

beforeAll(async () => {
  // A fresh profile, and a home folder of its own (where Save and Export start without a drafts folder).
  home = await tempDir('walkthrough-home');
  app = await startHeadedApp({ env: { HOME: home } });
  problems = collectProblems(app);
});
afterAll(async () => {
  await app?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('a new piece, written, filed and exported with real input (headed)', () => {
  it('starts a new piece with Ctrl+N, the caret in the headline', async () => {
    await clickOn('.cm-content');
    await app.screenshot('walkthrough-01-start');
    await app.key('ctrl+n');
    await expect.poll(doc).toMatch(/^---\ntitle: ""\nauthor: \ndate: \d{4}-\d\d-\d\d\n---\n\n$/);
    await app.type(HEADLINE);
    await expect.poll(doc).toContain(`title: "${HEADLINE}"`);
    await expect.poll(() => app.preview.locator('header h1').textContent()).toBe('Close the Library on Sundays? Then Say So');
    await app.screenshot('walkthrough-02-new-piece');
  });

  it('makes a link with Ctrl+K, numbered in the preview and folded into a chip in the editor', async () => {
    await app.key('ctrl+End');
    await app.type('The council calls it a modest saving');
    await app.key(...Array<string>('modest saving'.length).fill('shift+Left'));
    await app.key('ctrl+k');
    await app.type(SURVEY);
    await app.key('End');
    await app.type('. It is not.');
    await expect.poll(doc).toContain(`The council calls it a [modest saving](${SURVEY}). It is not.`);
    await expect.poll(() => app.preview.locator('article p sup.source-ref').allTextContents()).toEqual(['1']);
    await expect.poll(() => app.page.locator('.cm-link-chip').allTextContents()).toEqual(['1']);
    await app.screenshot('walkthrough-03-link');
  });

  it('quotes a librarian with the Quote and Attribution commands, and one Enter ends the quote', async () => {
    await app.key('Return', 'Return');
    await app.key('ctrl+shift+period');
    await app.type('On Sundays we are the only warm room in the neighbourhood.');
    await app.key('ctrl+shift+comma');
    await app.type('Head librarian, Eastside branch');
    await app.key('Return');
    await app.type('The numbers back her up.');
    await expect.poll(doc).toContain(
      '> On Sundays we are the only warm room in the neighbourhood.\n>\n> — Head librarian, Eastside branch\n\nThe numbers back her up.',
    );
    await expect.poll(() => app.preview.locator('figure.quote figcaption').textContent()).toContain('Head librarian, Eastside branch');
    await app.screenshot('walkthrough-04-quote');
  });

  it('adds a footnote with Insert Footnote (Ctrl+Alt+F), the caret in the note', async () => {
    await app.key('ctrl+alt+f');
    await app.type('Visits by weekday, four largest branches.');
    await expect.poll(doc).toMatch(/The numbers back her up\.\[\^1\]\n\n\[\^1\]: Visits by weekday, four largest branches\.$/);
    await expect.poll(() => app.preview.locator('section.sources h2').textContent()).toBe('Sources and notes');
    await expect.poll(() => app.preview.locator('section.sources li').count()).toBe(2);
    await app.screenshot('walkthrough-05-footnote');
  });

  it('saves with Ctrl+S under the name Byline suggests from the headline', async () => {
    await app.key('ctrl+s');
    const input = dialog().locator('input.path-input');
    await expect.poll(() => input.inputValue()).toBe(path.join(home, 'close-library-sundays.md'));
    await app.screenshot('walkthrough-06-save-dialog');
    await app.key('Return');
    await expect.poll(() => app.page.title()).toBe('close-library-sundays.md — Byline');
    expect(await readFile(path.join(home, 'close-library-sundays.md'), 'utf8')).toBe(await doc());
    await app.screenshot('walkthrough-07-saved');
  });

  it('exports a PDF from the File menu, with the real pointer', async () => {
    await clickOn('#menu-file-button');
    await app.screenshot('walkthrough-08-file-menu');
    await clickOn('#menu-file [data-menu-command="file:export-pdf"]');
    await expect.poll(() => dialog().locator('select[name="pageSize"]').count()).toBe(1);
    await app.screenshot('walkthrough-09-pdf-settings');
    await clickOn('dialog[open] button.primary');
    const input = dialog().locator('input.path-input');
    await expect.poll(() => input.inputValue()).toBe(path.join(home, 'close-library-sundays.pdf'));
    await app.key('Return');
    await expect.poll(() => dialog().textContent(), { timeout: 60_000 }).toContain('Saved “close-library-sundays.pdf”');
    await app.screenshot('walkthrough-10-exported');
    await app.key('Return');
    await expect.poll(() => dialog().count()).toBe(0);
    const pdf = path.join(home, 'close-library-sundays.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of [HEADLINE, 'modest saving', 'the only warm room in the neighbourhood', 'Head librarian, Eastside branch', 'Sources and notes', 'Visits by weekday']) {
      expect(text).toContain(words);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(ARTIFACTS, 'walkthrough-11-pdf-page')]);
    expect(existsSync(path.join(ARTIFACTS, 'walkthrough-11-pdf-page-1.png'))).toBe(true);
  });

  it('goes distraction-free with Ctrl+Shift+Enter, the text filling the screen, and Escape comes back', async () => {
    await clickOn('.cm-content');
    await app.key('ctrl+shift+Return');
    await expect.poll(() => app.page.getAttribute('#app', 'data-distraction-free')).toBe('true');
    await expect.poll(() => app.page.isVisible('.toolbar')).toBe(false);
    const editor = await app.page.locator('.cm-editor').boundingBox();
    const viewport = await app.page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
    expect(editor!.height).toBeGreaterThan(viewport.height * 0.9);
    await app.screenshot('walkthrough-12-distraction-free');
    await app.key('Escape');
    await expect.poll(() => app.page.getAttribute('#app', 'data-distraction-free')).toBeNull();
    await expect.poll(() => app.page.isVisible('.toolbar')).toBe(true);
    await app.screenshot('walkthrough-13-back');
    expect(problems).toEqual([]);
  });
});
