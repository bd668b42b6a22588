/**
 * Format commands as a writer types them in the real app: a quote started
 * on an empty line and ended after its attribution with one Enter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';
import { pressFileShortcut, profile } from './files-support';
import { collectProblems, editorState, screenshot } from './editor-support';

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
    await app.page.click('.cm-content');
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
