/**
 * A long document's first count, end to end in the Chromium shell: while it
 * is under way the status bar says "Counting words…" (not the last
 * document's figures, nor "0 words"), then shows the document's own.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countText } from '../../renderer/markdown';
import { plural } from '../../renderer/ui/status-format';
import { ROOT, startApp, tempDir, type RunningApp } from './harness';

describe('the status bar while a long document is first counted', () => {
  let app: RunningApp;
  let long: string;

  beforeAll(async () => {
    const sample = await readFile(path.join(ROOT, 'test/fixtures/sample-oped.md'), 'utf8');
    const body = sample.replace(/^---\n[\s\S]*?\n---\n/, '');
    // About 33k words: counted at some 2 µs a word in 8 ms slices, it takes several.
    long = `${sample}\n${Array.from({ length: 60 }, () => body).join('\n')}`;
    const dir = await tempDir('counting');
    await writeFile(path.join(dir, 'short.md'), sample);
    await writeFile(path.join(dir, 'long.md'), long);
    app = await startApp({ files: [path.join(dir, 'short.md'), path.join(dir, 'long.md')] });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('says it is counting, hides the other figures meanwhile, then shows the new document’s count', { timeout: 60_000 }, async () => {
    const { page } = app;
    const shortCount = plural(countText(await readFile(path.join(ROOT, 'test/fixtures/sample-oped.md'), 'utf8')).words, 'word');
    await expect.poll(() => page.textContent('#word-count')).toBe(shortCount);
    // Every text the word count shows from here on, with whether the characters were on show beside it.
    await page.evaluate(() => {
      const words = document.getElementById('word-count')!;
      const seen: [string, boolean][] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => seen.push([words.textContent ?? '', !document.getElementById('char-count')!.hidden])).observe(words, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.locator('#notices [data-notice="more-files"]').getByRole('button', { name: 'long.md' }).click();
    const longCount = plural(countText(long).words, 'word');
    await expect.poll(() => page.textContent('#word-count'), { timeout: 30_000 }).toBe(longCount);
    const seen = (await page.evaluate(() => (window as unknown as { seen: [string, boolean][] }).seen)) as [string, boolean][];
    expect(seen[0]).toEqual(['Counting words…', false]);
    expect(seen.at(-1)).toEqual([longCount, true]);
    // Nothing in between: no "0 words", no figure of a half-counted document.
    expect(seen).toHaveLength(2);
  });
});
