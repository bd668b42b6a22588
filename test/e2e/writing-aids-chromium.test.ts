/**
 * The writing aids, end to end in the Chromium shell: the status bar's
 * counts on the sample op-ed, themes from the settings pane (computed colours
 * in the editor and the preview), style checks, the sources and outline
 * panels, focus and typewriter modes, formatting keys and the Format menu,
 * find and replace, paste from the web, the first-run welcome, and axe-core
 * on the app's UI. Screenshots go to test-artifacts/.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, ROOT, startApp, tempDir, type RunningApp } from './harness';
import { pressFileShortcut } from './files-support';
import { axeViolations } from './axe';

const SAMPLE = path.join(ROOT, 'test/fixtures/sample-oped.md');
const WEB_ARTICLE = path.join(ROOT, 'test/unit/writing-aids/fixtures/web-article.html');
const WEB_ARTICLE_MARKDOWN = path.join(ROOT, 'test/unit/writing-aids/fixtures/web-article.expected.md');

interface EditorSnapshot {
  doc: string;
  from: number;
  to: number;
  line: number;
}

/** The editor's text and selection (read through CodeMirror's view, found from its DOM as `EditorView.findFromDOM` does). */
async function editor(page: Page): Promise<EditorSnapshot> {
  return page.evaluate(() => {
    type View = { state: { doc: { toString(): string; lineAt(pos: number): { number: number } }; selection: { main: { from: number; to: number; head: number } } } };
    const content = document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: View } } };
    const { state } = content.cmTile.root.view;
    return { doc: state.doc.toString(), from: state.selection.main.from, to: state.selection.main.to, line: state.doc.lineAt(state.selection.main.head).number };
  });
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.textContent(selector))?.trim() ?? '';
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `writing-aids-${name}.png`) });
}

/** Ctrl+N, discarding the current text if asked, then clearing the new piece's header: an empty page. */
async function newDocument(page: Page): Promise<void> {
  await pressFileShortcut({ page }, 'Control+N');
  const discard = page.locator('dialog[open]').getByRole('button', { name: "Don't Save" });
  await expect.poll(async () => (await discard.count()) > 0 || (await page.title()) === 'Untitled — Byline').toBe(true);
  if (await discard.count()) await discard.click();
  await expect.poll(() => page.title()).toBe('Untitled — Byline');
  await expect.poll(async () => (await editor(page)).doc).toContain('title: ""');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect.poll(async () => (await editor(page)).doc).toBe('');
}

async function settingsFile(app: RunningApp): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(app.userData, 'settings.json'), 'utf8')) as Record<string, unknown>;
}


describe('writing aids in the Chromium shell', () => {
  let app: RunningApp;
  const consoleProblems: string[] = [];
  let phase = '';

  beforeAll(async () => {
    const dir = await tempDir('aids');
    const file = path.join(dir, 'sample-oped.md');
    await copyFile(SAMPLE, file);
    app = await startApp({ files: [file] });
    app.page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && consoleProblems.push(`${phase}${m.text()}`));
    app.page.on('pageerror', (e) => consoleProblems.push(String(e)));
    await app.page.waitForSelector('#app[data-ready="true"]');
    await app.page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => console.warn('CSPV', e.violatedDirective, ((e.target as Element).outerHTML ?? String(e.target)).slice(0, 300)), true));
  });

  beforeEach((context) => {
    phase = `[${context.task.name.slice(0, 24)}] `;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('counts the body of the sample op-ed: words, characters, reading time and progress to its target', async () => {
    const { page } = app;
    await expect.poll(() => text(page, '#word-count')).toBe('545 words');
    expect(await text(page, '#char-count')).toBe('3,085 characters');
    expect(await text(page, '#reading-time')).toBe('3 min read');
    expect(await page.getAttribute('#reading-time', 'title')).toBe('Reading time at 238 words a minute');
    expect(await text(page, '#target-label')).toBe('545 / 650 words');
    expect(await page.$eval('#target-bar', (bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([545, 650]);
    expect(await text(page, '#readability')).toMatch(/^Readability: (?:grade \d+|very easy)$/);
    expect(await page.getAttribute('#readability', 'title')).toContain('Flesch–Kincaid grade level');
    expect(await page.isVisible('#selection-count')).toBe(false);
  });

  it('finds with Ctrl+F (regex and match case on offer) and counts the selection', async () => {
    const { page } = app;
    await page.click('.cm-content');
    await page.keyboard.press('Control+F');
    const panel = page.locator('.cm-search');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('input[name=case]').count()).toBe(1);
    expect(await panel.locator('input[name=re]').count()).toBe(1);
    expect(await panel.locator('input[name=replace]').count()).toBe(1);
    await page.keyboard.type('A Riverton councillor');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => text(page, '#selection-count')).toBe('Selected: 3 words, 21 characters');
    const state = await editor(page);
    expect(state.doc.slice(state.from, state.to)).toBe('A Riverton councillor');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.isVisible('#selection-count')).toBe(false);
  });

  it('updates the counts as you type', async () => {
    const { page } = app;
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nFour more words here.');
    await expect.poll(() => text(page, '#word-count')).toBe('549 words');
    expect(await text(page, '#target-label')).toBe('549 / 650 words');
  });

  it('switches themes in the settings pane: the editor and the preview change colour, and the choice is saved', async () => {
    const { page, preview } = app;
    const colours = async () => ({
      editor: await page.$eval('.cm-editor', (e) => getComputedStyle(e).backgroundColor),
      ink: await page.$eval('.cm-content', (e) => getComputedStyle(e).color),
      toolbar: await page.$eval('.toolbar', (e) => getComputedStyle(e).backgroundColor),
      preview: await preview.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
      article: await preview.evaluate(() => getComputedStyle(document.querySelector('.article')!).color),
    });
    await page.click('.cm-content');
    await page.keyboard.press('Control+Comma');
    const dialog = page.locator('dialog[open].settings-pane');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Light', { exact: true }).check();
    await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('light');
    const light = await colours();
    expect(light.editor).toBe('rgb(253, 252, 249)');
    expect(light.preview).toBe('rgb(253, 252, 249)');

    await dialog.getByLabel('Dark', { exact: true }).check();
    await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('dark');
    const dark = await colours();
    expect(dark.editor).toBe('rgb(27, 26, 24)');
    expect(dark.ink).toBe('rgb(232, 228, 220)');
    expect(dark.preview).toBe('rgb(27, 26, 24)');
    expect(dark.article).toBe('rgb(232, 228, 220)');
    expect(dark.toolbar).not.toBe(light.toolbar);

    await dialog.getByLabel('Sepia', { exact: true }).check();
    await expect.poll(() => colours()).toMatchObject({ editor: 'rgb(244, 236, 216)', preview: 'rgb(244, 236, 216)', article: 'rgb(59, 47, 34)' });
    await expect.poll(async () => (await settingsFile(app)).theme).toBe('sepia');

    // Text size and font: keyboard on the slider, a select.
    const size = dialog.getByRole('slider', { name: 'Text size' });
    await size.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.$eval('.cm-editor', (e) => getComputedStyle(e).fontSize)).toBe('20px');
    await dialog.getByLabel('Body font').selectOption('sans');
    await expect.poll(() => page.$eval('.cm-scroller', (e) => getComputedStyle(e).fontFamily)).toContain('Inter');
    await expect.poll(async () => (await settingsFile(app)).fontSize).toBe(20);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await shot(page, 'sepia');

    await page.keyboard.press('Control+Comma');
    await dialog.getByLabel('Dark', { exact: true }).check();
    await dialog.getByLabel('Body font').selectOption('serif');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.click('.cm-content');
    await shot(page, 'dark');
    await page.keyboard.press('Control+Comma');
    await dialog.getByLabel('Follow the system', { exact: true }).check();
    await page.keyboard.press('Escape');
    // Headless Chromium reports a light system scheme.
    await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('light');
    await expect.poll(async () => (await settingsFile(app)).theme).toBe('system');
    await shot(page, 'light');
  });

  it('marks long sentences by default and passive voice when switched on, explained on hover', async () => {
    const { page } = app;
    await page.keyboard.press('Control+Home');
    await expect.poll(() => page.locator('.cm-style-long-sentences').count()).toBeGreaterThan(0);
    expect(await page.locator('.cm-style-passive-voice').count()).toBe(0);
    await page.keyboard.press('Control+Comma');
    await page.locator('dialog[open]').getByLabel('Passive voice').check();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.cm-style-passive-voice').allTextContents()).toContain('are shut');
    await expect.poll(async () => (await settingsFile(app)).styleChecks).toEqual(['long-sentences', 'passive-voice']);
    await page.locator('.cm-style-long-sentences').first().hover();
    await expect.poll(() => page.locator('.cm-style-tooltip').textContent()).toMatch(/^Long sentence: \d+ words/);
    // Drawn outside the (contained, clipping) editor pane, themed like the editor.
    expect(await page.evaluate(() => {
      const tip = document.querySelector('.cm-style-tooltip')!.closest('.cm-tooltip')!;
      return { inPane: tip.closest('.editor-pane') !== null, themed: tip.parentElement!.className };
    })).toMatchObject({ inPane: false, themed: expect.stringMatching(/ͼ/) });
  });

  it('lists every source with its problems in the sources panel and jumps to a citation', async () => {
    const { page } = app;
    await page.click('.cm-content');
    await page.keyboard.press('Control+Alt+S');
    const panel = page.locator('#sources-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('#sources-panel') !== null)).toBe(true);
    await expect.poll(() => panel.locator('.source-item').count()).toBe(9);
    const second = panel.locator('.source-item[data-number="2"]');
    expect(await second.locator('.source-domain').textContent()).toBe('council.example.gov');
    expect(await second.locator('.source-count').textContent()).toBe('cited 2 times');
    // One study linked as “impact assessment” and later “own survey” is ordinary: a quiet note, not a problem.
    expect(await second.locator('.source-problem').count()).toBe(0);
    expect(await second.getAttribute('class')).not.toContain('has-problems');
    expect(await second.locator('.source-note').allTextContents()).toEqual([
      'Cited as “impact assessment” and “own survey”. The Sources list calls it “impact assessment”; to name it, give a link a title: [text](url "Name").',
    ]);
    const quiet = await second.locator('.source-note').evaluate((note) => {
      const colour = (el: Element) => getComputedStyle(el).color;
      return { note: colour(note), muted: colour(document.querySelector('.sources-summary')!) };
    });
    expect(quiet.note).toBe(quiet.muted);
    // A source with a title attribute is named by it, whichever citation carries it.
    expect(await panel.locator('.source-item[data-number="1"] .source-title').textContent()).toBe('Draft budget 2024–25, Finance Committee');
    expect(await text(page, '.sources-summary')).toBe('9 sources · no problems');
    await second.locator('.citation-jump').nth(1).click();
    const state = await editor(page);
    expect(state.doc.slice(state.from, state.from + 12)).toBe('[own survey]');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);

    // Problems as the writer makes them: non-https, a bare URL as text, an empty URL, a malformed one.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nSee ');
    await page.keyboard.insertText('[the old site](http://old.example.org/page), [https://bare.example.com/x](https://bare.example.com/x), [nothing]() and [typo](https:/broken).');
    await expect.poll(() => text(page, '.sources-summary')).toBe('12 sources · 4 problems');
    const problems = await panel.locator('.source-problem, .empty-link-jump').allTextContents();
    expect(problems).toEqual(
      expect.arrayContaining([
        'Not https: the link is not secure.',
        'A bare URL as link text: “https://bare.example.com/x”. Describe the source instead.',
        'The URL is malformed (it needs // after the scheme).',
        expect.stringMatching(/^Line \d+: “nothing” has no URL\.$/),
      ]),
    );
    await panel.locator('.source-title').first().focus();
    await shot(page, 'sources-panel');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    await page.click('[data-aids-command="view:sources"]');
    await expect.poll(() => page.isVisible('#aids-sidebar')).toBe(false);
  });

  it('dims all but the current paragraph in focus mode, holds the line mid-screen in typewriter mode, hides the chrome when distraction-free', async () => {
    const { page } = app;
    await page.click('.cm-content');
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Shift+D');
    await expect.poll(() => page.locator('.cm-editor.cm-focus-mode').count()).toBe(1);
    const current = page.locator('.cm-line.cm-focus-current');
    await expect.poll(() => current.count()).toBeGreaterThan(0);
    await expect.poll(() => current.first().evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
    await expect.poll(() => page.locator('.cm-line:not(.cm-focus-current)').first().evaluate((e) => getComputedStyle(e).opacity)).toBe('0.3');
    await expect.poll(async () => (await settingsFile(app)).focusMode).toBe(true);
    await shot(page, 'focus-mode');

    await page.keyboard.press('Control+Shift+Y');
    await expect.poll(() => page.locator('.cm-editor.cm-typewriter').count()).toBe(1);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    const offset = async () =>
      page.evaluate(() => {
        const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
        const caret = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
        return Math.abs(caret.top + caret.height / 2 - (scroller.top + scroller.height / 2)) / scroller.height;
      });
    await expect.poll(offset).toBeLessThan(0.1);
    await page.keyboard.press('Control+Shift+Y');
    await page.keyboard.press('Control+Shift+D');
    await expect.poll(() => page.locator('.cm-editor.cm-focus-mode, .cm-editor.cm-typewriter').count()).toBe(0);

    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(() => page.getAttribute('#app', 'data-distraction-free')).toBe('true');
    expect(await page.isVisible('.toolbar')).toBe(false);
    expect(await page.isVisible('.status-bar')).toBe(false);
    expect(await page.isVisible('#preview')).toBe(false);
    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(() => page.isVisible('.toolbar')).toBe(true);
  });

  it('formats with the keys and the Format menu, and continues lists', async () => {
    const { page } = app;
    await newDocument(page);
    await page.click('.cm-content');
    await page.keyboard.type('strong');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+B');
    await page.keyboard.press('End');
    await page.keyboard.type(' and ');
    await page.keyboard.press('Control+I');
    await page.keyboard.type('slanted');
    await page.keyboard.press('End');
    await page.keyboard.type(' with a ');
    await page.keyboard.type('source');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.type('https://example.org/report');
    await page.keyboard.press('End');
    expect((await editor(page)).doc).toBe('**strong** and *slanted* with a [source](https://example.org/report)');

    await page.keyboard.type('\n\nHeading');
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.type('\n\nWe stopped asking.');
    await page.keyboard.press('Control+Shift+Period');
    await page.keyboard.press('Control+Shift+Comma');
    await page.keyboard.type('A councillor');
    expect((await editor(page)).doc).toBe(
      '**strong** and *slanted* with a [source](https://example.org/report)\n\n## Heading\n\n> We stopped asking.\n>\n> — A councillor',
    );

    // The Format menu, by keyboard; Enter continues the list (CodeMirror's Markdown keymap).
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('items');
    await page.focus('#menu-format-button');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.locator('#menu-format [data-menu-command="format:bullet-list"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.isVisible('#menu-format')).toBe(false);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('more');
    expect((await editor(page)).doc).toBe('- items\n- more');
  });

  it('pastes a web page as clean Markdown, a URL over a selection as a link, and plain text with Shift+Ctrl+V', async () => {
    const { page } = app;
    const html = await readFile(WEB_ARTICLE, 'utf8');
    const paste = (data: Record<string, string>) =>
      page.evaluate((entries) => {
        const transfer = new DataTransfer();
        for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
        document.querySelector('.cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      }, data);

    await newDocument(page);
    await page.click('.cm-content');
    await paste({ 'text/html': html, 'text/plain': 'Why libraries matter (plain)' });
    const pasted = (await editor(page)).doc;
    expect(pasted).toBe((await readFile(WEB_ARTICLE_MARKDOWN, 'utf8')).replace(/\n$/, ''));
    expect(await page.evaluate(() => 'tracked' in window)).toBe(false);

    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nthe report');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowLeft');
    await paste({ 'text/plain': 'https://example.org/report' });
    const afterUrl = (await editor(page)).doc;
    // (With a synthetic paste event the link text stays selected, CodeMirror keeping the DOM selection: move on by key.)
    await page.keyboard.press('End');
    expect(afterUrl.slice(afterUrl.lastIndexOf('Read more'))).toBe('Read more at this link.\n\nthe [report](https://example.org/report)');

    await page.keyboard.type(' ');
    await page.keyboard.press('Control+Shift+V');
    await paste({ 'text/html': '<b>bold</b> words', 'text/plain': 'bold words' });
    const afterPlain = (await editor(page)).doc;
    expect(afterPlain.slice(afterPlain.lastIndexOf('the [report]'))).toBe('the [report](https://example.org/report) bold words');
  });

  it('shows the outline of the headings and follows the cursor', async () => {
    const { page } = app;
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n## Second section\n\nText.\n\n### A detail\n\nMore.');
    await page.keyboard.press('Control+Alt+O');
    const items = page.locator('#outline-panel .outline-link');
    await expect.poll(() => items.allTextContents()).toEqual(['Why libraries matter', 'Second section', 'A detail']);
    await expect.poll(() => page.locator('#outline-panel [aria-current="location"]').textContent()).toBe('A detail');
    await items.nth(1).click();
    expect((await editor(page)).doc.split('\n')[(await editor(page)).line - 1]).toBe('## Second section');
    await expect.poll(() => page.locator('#outline-panel [aria-current="location"]').textContent()).toBe('Second section');
  });

  it('has no serious or critical axe-core violations in the app, its panels, menus and settings', async () => {
    const { page } = app;
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Control+Alt+S');
    await expect.poll(() => page.isVisible('#sources-panel')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#menu-tools-button');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Comma');
    await expect.poll(() => page.isVisible('dialog[open].settings-pane')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('logged no errors along the way', () => {
    expect(consoleProblems).toEqual([]);
  });
});

describe('first run', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ welcome: true });
    await app.page.waitForSelector('#app[data-ready="true"]');
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('opens the welcome document once, unsaved, with front matter, an attributed quote, sources and the shortcuts', async () => {
    const { page, preview } = app;
    await expect.poll(() => page.title()).toBe('Welcome to Byline — Byline');
    const doc = (await editor(page)).doc;
    expect(doc.startsWith('---\ntitle: Welcome to Byline\n')).toBe(true);
    expect(doc).toContain('> — David McCullough');
    expect(doc).toContain('## Shortcuts');
    expect(await preview.textContent('header h1')).toBe('Welcome to Byline');
    expect(await preview.locator('figure.quote figcaption').count()).toBe(1);
    expect(await preview.locator('section.sources li').count()).toBeGreaterThan(0);
    expect(await page.getAttribute('#app', 'data-dirty')).toBe('false');
    await expect.poll(async () => (await settingsFile(app)).welcomed).toBe(true);
    await expect.poll(() => text(page, '#target-label')).toMatch(/^\d+ \/ 400 words$/);
    await page.keyboard.press('Control+Alt+O');
    await expect.poll(() => page.locator('#outline-panel .outline-link').allTextContents()).toEqual([
      'The header is front matter',
      'Quotes carry their attribution',
      'Every link is a source',
      'Shortcuts',
    ]);
    await shot(page, 'welcome');
  });
});
