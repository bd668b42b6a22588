/**
 * Format commands as a writer types them in the real app: a quote started
 * on an empty line and ended after its attribution with one Enter; a
 * footnote inserted with Ctrl+Alt+F pressed on a real (virtual) keyboard,
 * so the key is shown to reach the app, and from the Format menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';
import { pressFileShortcut, profile } from './files-support';
import { collectProblems, editorState, screenshot, select } from './editor-support';
import { startHeadedApp, type HeadedApp } from './real-input';

describe('format commands, typed', () => {
  let app: RunningApp;
  let problems: string[];

  beforeAll(async () => {
    app = await startApp({ userData: await profile('format-typed-profile') });
    await app.page.waitForSelector('#app[data-ready="true"]');
    problems = collectProblems(app);
  });
  afterAll(async () => app?.stop());

  async function blankDocument(): Promise<void> {
    await pressFileShortcut(app, 'Control+N');
    const discard = app.page.locator('dialog[open]').getByRole('button', { name: "Don't Save" });
    await expect.poll(async () => (await discard.count()) > 0 || (await app.page.title()) === 'Untitled — Byline').toBe(true);
    if (await discard.count()) await discard.click();
    await expect.poll(() => app.page.title()).toBe('Untitled — Byline');
    // New starts from the piece header; these tests want an empty page.
    await app.page.click('.cm-content');
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.press('Backspace');
    await expect.poll(async () => (await editorState(app.page)).doc).toBe('');
  }

  it('quotes an empty line with the caret inside the quote, and one Enter after the attribution ends it', async () => {
    const { page, preview } = app;
    await blankDocument();
    await page.keyboard.type('Before the quote.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+Period');
    await page.keyboard.type('Free speech is not free.');
    expect((await editorState(page)).doc).toBe('Before the quote.\n\n> Free speech is not free.');
    await page.keyboard.press('Control+Shift+Comma');
    await page.keyboard.type('A councillor, Riverton Post');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Back to the argument.');
    expect((await editorState(page)).doc).toBe('Before the quote.\n\n> Free speech is not free.\n>\n> — A councillor, Riverton Post\n\nBack to the argument.');
    // The preview agrees: a captioned quote, then a paragraph of its own.
    await expect.poll(() => preview.locator('figure.quote figcaption').textContent()).toContain('A councillor, Riverton Post');
    expect(await preview.locator('figure.quote + p').textContent()).toBe('Back to the argument.');
    await screenshot(page, 'editor-quote-typed');
    expect(problems).toEqual([]);
  });
});

describe('Insert Footnote, with a real keyboard in a headed window', () => {
  let app: HeadedApp;
  let problems: string[];

  beforeAll(async () => {
    app = await startHeadedApp({ userData: await profile('footnote-profile') });
    problems = collectProblems(app);
    await app.focus();
    await app.page.click('.cm-content');
  });
  afterAll(async () => app?.stop());

  const doc = async () => (await editorState(app.page)).doc;

  it('Ctrl+Alt+F adds [^1] at the caret and the note at the end, with the caret in the note', async () => {
    await app.type('The council cut library hours by a third');
    await expect.poll(doc).toBe('The council cut library hours by a third');
    await app.key('ctrl+alt+f');
    await expect.poll(doc).toBe('The council cut library hours by a third[^1]\n\n[^1]: ');
    await app.type('Council minutes, 12 March.');
    await expect.poll(doc).toBe('The council cut library hours by a third[^1]\n\n[^1]: Council minutes, 12 March.');
    // The preview numbers the note and lists it.
    await expect.poll(() => app.preview.locator('article sup.source-ref').allTextContents()).toEqual(['1']);
    await expect.poll(() => app.preview.locator('section.sources li.note').textContent()).toContain('Council minutes, 12 March.');
    await screenshot(app.page, 'editor-footnote-inserted');
  });

  it('Ctrl+Z takes the note text back, then the whole footnote in one step', async () => {
    await app.key('ctrl+z');
    await expect.poll(doc).toBe('The council cut library hours by a third[^1]\n\n[^1]: ');
    await app.key('ctrl+z');
    await expect.poll(doc).toBe('The council cut library hours by a third');
    const { from } = await editorState(app.page);
    expect(from).toBe('The council cut library hours by a third'.length);
  });

  it('is in the Format menu with its shortcut, and numbers the next note', async () => {
    const { page } = app;
    await app.key('ctrl+y');
    await app.key('ctrl+y');
    await expect.poll(doc).toBe('The council cut library hours by a third[^1]\n\n[^1]: Council minutes, 12 March.');
    await select(page, 'The council cut library hours'.length);
    await page.click('#menu-format-button');
    const item = page.locator('#menu-format [data-menu-command="format:footnote"]');
    expect(await item.textContent()).toMatch(/^Insert footnote\s*Ctrl\+Alt\+F$/);
    await screenshot(page, 'editor-footnote-format-menu');
    await item.click();
    await expect.poll(doc).toBe('The council cut library hours[^2] by a third[^1]\n\n[^1]: Council minutes, 12 March.\n[^2]: ');
    await page.keyboard.type('Library service figures.');
    // Notes are numbered in reading order, whatever their labels.
    await expect.poll(() => app.preview.locator('article sup.source-ref').allTextContents()).toEqual(['1', '2']);
    expect(await app.preview.locator('section.sources li.note').allTextContents()).toEqual([
      expect.stringContaining('Library service figures.'),
      expect.stringContaining('Council minutes'),
    ]);
    expect(problems).toEqual([]);
  });
});
