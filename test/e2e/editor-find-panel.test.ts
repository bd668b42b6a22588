/**
 * Find and Replace in the real app: the panel's labelled controls, the match
 * count as the writer types, moves between matches, changes an option,
 * replaces; every control reached by keyboard and named for a screen
 * reader (axe-core finds nothing serious). Screenshots in light and dark.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDir, type RunningApp } from './harness';
import { profile } from './files-support';
import { collectProblems, editorState, screenshot } from './editor-support';
import { axeViolations } from './axe';

const TEXT = 'Library hours were cut.\n\nThe library closed on Sundays; the library board said a library is a luxury.\n';

describe('find and replace', () => {
  let app: RunningApp;
  let problems: string[];

  beforeAll(async () => {
    const file = path.join(await tempDir('find'), 'libraries.md');
    await writeFile(file, TEXT);
    app = await startApp({ files: [file], userData: await profile('find-profile') });
    await app.page.waitForSelector('#app[data-ready="true"]');
    problems = collectProblems(app);
  });
  afterAll(async () => app?.stop());

  const panel = () => app.page.getByRole('search', { name: 'Find and replace' });
  const count = () => app.page.locator('.byline-find-count').textContent();
  const selected = async () => {
    const { doc, from, to } = await editorState(app.page);
    return { text: doc.slice(from, to), from };
  };

  it('opens with Ctrl+F, its controls labelled as a writer reads them', async () => {
    const { page } = app;
    await page.click('.cm-content');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    await expect.poll(() => panel().isVisible()).toBe(true);
    const search = panel();
    expect(await search.getByRole('textbox', { name: 'Find' }).count()).toBe(1);
    expect(await search.getByRole('textbox', { name: 'Replace' }).count()).toBe(1);
    for (const name of ['Previous', 'Next', 'Select All', 'Replace', 'Replace All', 'Close find and replace']) {
      expect(await search.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    for (const name of ['Match case', 'Whole word', 'Regular expression']) {
      expect(await search.getByRole('checkbox', { name }).count(), name).toBe(1);
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('search');
  });

  it('counts as you type, selecting the first match from the caret', async () => {
    const { page } = app;
    await page.keyboard.type('libr');
    await expect.poll(count).toBe('1 of 4');
    await page.keyboard.type('ary');
    await expect.poll(count).toBe('1 of 4');
    expect(await selected()).toEqual({ text: 'Library', from: 0 });
    await page.keyboard.type('x');
    await expect.poll(count).toBe('No matches');
    await screenshot(page, 'editor-find-no-matches');
    await page.keyboard.press('Backspace');
    await expect.poll(count).toBe('1 of 4');
  });

  it('follows Enter, Shift+Enter and the Next and Previous buttons', async () => {
    const { page } = app;
    await page.keyboard.press('Enter');
    await expect.poll(count).toBe('2 of 4');
    await page.keyboard.press('Enter');
    await expect.poll(count).toBe('3 of 4');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(count).toBe('2 of 4');
    await panel().getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(count).toBe('3 of 4');
    await panel().getByRole('button', { name: 'Previous', exact: true }).click();
    await expect.poll(count).toBe('2 of 4');
    expect(await selected()).toEqual({ text: 'library', from: TEXT.indexOf('library') });
    await screenshot(page, 'editor-find-panel');
  });

  it('recounts when an option changes, from the match it was on', async () => {
    await panel().getByRole('checkbox', { name: 'Match case' }).check();
    await expect.poll(count).toBe('1 of 3');
    expect(await selected()).toEqual({ text: 'library', from: TEXT.indexOf('library') });
  });

  it('is all reachable by Tab, in reading order', async () => {
    const { page } = app;
    await panel().getByRole('textbox', { name: 'Find' }).focus();
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLInputElement;
          return active.getAttribute('aria-label') ?? (active.labels?.[0]?.textContent?.trim() || active.textContent?.trim() || '');
        }),
      );
    }
    expect(order).toEqual(['Previous', 'Next', 'Select All', 'Match case', 'Whole word', 'Regular expression', 'Replace', 'Replace', 'Replace All', 'Close find and replace']);
  });

  it('replaces one match (Enter in Replace) and then all, counting down', async () => {
    const { page } = app;
    await panel().getByRole('textbox', { name: 'Replace' }).fill('branch');
    await panel().getByRole('textbox', { name: 'Replace' }).press('Enter');
    await expect.poll(count).toBe('1 of 2');
    await panel().getByRole('button', { name: 'Replace All', exact: true }).click();
    await expect.poll(count).toBe('No matches');
    expect((await editorState(page)).doc).toBe('Library hours were cut.\n\nThe branch closed on Sundays; the branch board said a branch is a luxury.\n');
  });

  it('has no serious or critical axe-core violations', async () => {
    expect(await axeViolations(app.page, ['.cm-search'])).toEqual([]);
  });

  it('looks like the app in the dark theme too', async () => {
    const { page } = app;
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await panel().getByRole('textbox', { name: 'Find' }).fill('luxury');
    await expect.poll(count).toBe('1 of 1');
    await screenshot(page, 'editor-find-panel-dark');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  });

  it('closes with Escape and gives the text the focus back', async () => {
    const { page } = app;
    await panel().getByRole('textbox', { name: 'Find' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
