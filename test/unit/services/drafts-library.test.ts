import { mkdtemp, mkdir, open, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraft, draftSkeleton, listDrafts, MAX_DRAFT_BYTES } from '../../../electron/services/drafts-library';
import { documentHeadline } from '../../../renderer/markdown/headline';
import { draftFileNames } from '../../../electron/services/draft-filename';

const draftHeadline = (text: string, fallback: string) => documentHeadline(text) ?? fallback;
const firstName = (title: string) => draftFileNames(title).next().value;

async function folder() {
  return mkdtemp(path.join(os.tmpdir(), 'byline-drafts-'));
}

describe('drafts library', () => {
  it('lists Markdown and text files with headline, words and date, newest first', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: "Front matter wins"\n---\n\n# Heading\n\nOne two three.\n');
    await writeFile(path.join(dir, 'b.markdown'), 'Intro line\n\n# The heading\n\nFour words right here.');
    await writeFile(path.join(dir, 'c.txt'), '\n\nJust a first line\nand more');
    await writeFile(path.join(dir, 'd.MDOWN'), '');
    await writeFile(path.join(dir, '.hidden.md'), '# Hidden');
    await writeFile(path.join(dir, 'notes.docx'), 'nope');
    await writeFile(path.join(dir, 'image.md'), Buffer.from([0, 1, 2]));
    await mkdir(path.join(dir, 'sub.md'));
    const big = await open(path.join(dir, 'huge.md'), 'w');
    await big.truncate(MAX_DRAFT_BYTES + 1);
    await big.close();
    const times: [string, number][] = [['a.md', 4], ['b.markdown', 3], ['c.txt', 2], ['d.MDOWN', 1]];
    for (const [name, age] of times) {
      const when = new Date(Date.UTC(2024, 0, 10 - age));
      await utimes(path.join(dir, name), when, when);
    }
    const result = await listDrafts(dir);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((d) => [d.name, d.headline, d.words])).toEqual([
      ['d.MDOWN', 'd', 0],
      ['c.txt', 'Just a first line', 6],
      ['b.markdown', 'The heading', 8],
      ['a.md', 'Front matter wins', 4],
    ]);
    expect(result.value[0]).toMatchObject({ path: path.join(dir, 'd.MDOWN'), modifiedMs: Date.UTC(2024, 0, 9) });
  });

  it('explains a missing drafts folder', async () => {
    const result = await listDrafts(path.join(await folder(), 'gone'));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Can't show the drafts in “gone”: the folder no longer exists/);
  });

  it('creates a draft with a front matter skeleton, never overwriting', async () => {
    const dir = await folder();
    // Named the way Save names a new piece: the title's key words.
    await writeFile(path.join(dir, 'cities-need-trees.md'), 'an older piece');
    const day = new Date(2025, 2, 7, 12);
    const first = await createDraft(dir, 'Why Cities Need Trees!', day);
    const second = await createDraft(dir, 'Why cities need trees', day);
    if (!first.ok || !second.ok) throw new Error('create failed');
    expect(first.value.name).toBe('cities-need-trees-2.md');
    expect(second.value.name).toBe('cities-need-trees-3.md');
    expect(first.value.text).toBe('---\ntitle: "Why Cities Need Trees!"\nauthor: \ndate: 2025-03-07\n---\n\n');
    expect(await readFile(path.join(dir, 'cities-need-trees.md'), 'utf8')).toBe('an older piece');
    const listed = await listDrafts(dir);
    expect(listed.ok && listed.value.find((d) => d.name === first.value.name)?.headline).toBe('Why Cities Need Trees!');
  });

  it('keeps hostile titles out of the file name and intact in the front matter', async () => {
    const dir = await folder();
    const title = '../../etc/passwd "quoted" \\ back\nslash: yes #not-a-comment';
    const created = await createDraft(dir, title, new Date(2025, 0, 1));
    if (!created.ok) throw new Error(created.error.message);
    expect(path.dirname(created.value.path!)).toBe(dir);
    expect(await readdir(dir)).toEqual([created.value.name]);
    expect(draftHeadline(created.value.text, 'x')).toBe('../../etc/passwd "quoted" \\ back slash: yes #not-a-comment');
  });

  it('makes safe, readable file names', () => {
    expect(firstName('Grüße aus Zürich — ein Kommentar')).toBe('grusse-aus-zurich.md');
    expect(firstName('   ')).toBe('untitled-draft.md');
    expect(firstName('CON')).toBe('con-piece.md');
    expect(firstName('a/b\\c:d*e?f"g<h>i|j')).toBe('b-c.md');
    expect(firstName('word '.repeat(40)).length).toBeLessThanOrEqual(60);
  });

  it('finds headlines conservatively', () => {
    expect(draftHeadline('---\ntitle: 42\n---\nBody', 'f')).toBe('42');
    expect(draftHeadline('---\ntitle: [unclosed\n---\n# Fallback heading', 'f')).toBe('Fallback heading');
    expect(draftHeadline('---\na: &x [1]\nb: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\n---\nLine', 'f')).toBe('Line');
    expect(draftHeadline('## Not level one\n# Level one ##', 'f')).toBe('Level one');
    expect(draftHeadline('', 'file-name')).toBe('file-name');
    expect(draftSkeleton('a\u2028b')).toContain('title: "a b"');
  });
});
