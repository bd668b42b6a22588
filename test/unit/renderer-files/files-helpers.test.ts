/** The page's pure helpers for files and drafts: journal timing, reload edits, diffs, drafts order, labels. */
import { describe, expect, it } from 'vitest';
import { JOURNAL_INTERVAL_MS, journalDelay } from '../../../renderer/app/journal-writer';
import { lineDiff, minimalEdit, unifiedLines } from '../../../renderer/app/file-watch-diff';
import { baseName, directoryOf, suggestedSaveName } from '../../../renderer/app/document-commands';
import { visibleDrafts } from '../../../renderer/ui/drafts-sidebar';
import { entryLabel, entryReason } from '../../../renderer/ui/recovery-dialog';
import type { DocumentData, DraftEntry } from '../../../electron/contract';
import { Text } from '@codemirror/state';
import { DocumentSession } from '../../../renderer/ui/document-session';
import { isNewPieceTemplate, newPieceTemplate } from '../../../renderer/markdown/piece-header';
import { draftSkeleton } from '../../../electron/services/drafts-library';

describe('journal timing', () => {
  it('writes at once after a quiet second, and never more than once a second', () => {
    expect(journalDelay(10_000, 0)).toBe(0);
    expect(journalDelay(10_000, 9_400)).toBe(400);
    expect(journalDelay(10_000, 10_000)).toBe(JOURNAL_INTERVAL_MS);
    // A clock that went backwards still waits at most one interval.
    expect(journalDelay(10_000, 50_000)).toBe(JOURNAL_INTERVAL_MS);
  });
});

describe('reloading a changed file', () => {
  it('is one replacement that keeps the common start and end', () => {
    expect(minimalEdit('Line one\nLine two\n', 'Line one\nLine 2\n')).toEqual({ from: 14, to: 17, insert: '2' });
    expect(minimalEdit('same', 'same')).toBeNull();
    expect(minimalEdit('', 'new')).toEqual({ from: 0, to: 0, insert: 'new' });
    expect(minimalEdit('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
  });

  it('applying the edit gives exactly the new text', () => {
    const cases: [string, string][] = [['abcabc', 'abc'], ['x\ny\nz', 'x\nq\nz'], ['héllo 🎉', 'héllo 🎊!']];
    for (const [from, to] of cases) {
      const edit = minimalEdit(from, to)!;
      expect(from.slice(0, edit.from) + edit.insert + from.slice(edit.to)).toBe(to);
    }
  });
});

describe('comparing my version with theirs', () => {
  it('marks lines only in mine as removed and lines only in theirs as added', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'B' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('folds long unchanged runs in the unified view', () => {
    const mine = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const theirs = mine.replace('line 10', 'LINE TEN');
    const lines = unifiedLines(lineDiff(mine, theirs), 2);
    expect(lines).toEqual(['… 8 unchanged lines', '  line 8', '  line 9', '+ LINE TEN', '- line 10', '  line 11', '  line 12', '… 7 unchanged lines']);
  });
});

describe('drafts library order', () => {
  const drafts: DraftEntry[] = [
    { path: '/d/a.md', name: 'a.md', headline: 'Against the Four-Day Week', words: 5, modifiedMs: 1 },
    { path: '/d/b.md', name: 'b.md', headline: 'bring back the trams', words: 50, modifiedMs: 3 },
    { path: '/d/c.md', name: 'c.md', headline: 'Zoning', words: 20, modifiedMs: 2 },
  ];
  const names = (list: DraftEntry[]) => list.map((d) => d.name);

  it('sorts by date (newest first), title (ignoring case) or words (longest first)', () => {
    expect(names(visibleDrafts(drafts, '', 'date'))).toEqual(['b.md', 'c.md', 'a.md']);
    expect(names(visibleDrafts(drafts, '', 'title'))).toEqual(['a.md', 'b.md', 'c.md']);
    expect(names(visibleDrafts(drafts, '', 'words'))).toEqual(['b.md', 'c.md', 'a.md']);
  });

  it('filters by headline or file name, case-insensitively', () => {
    expect(names(visibleDrafts(drafts, 'TRAM', 'date'))).toEqual(['b.md']);
    expect(names(visibleDrafts(drafts, 'c.md', 'date'))).toEqual(['c.md']);
    expect(visibleDrafts(drafts, 'nothing', 'date')).toEqual([]);
  });
});

describe('names and labels', () => {
  it('suggests a name for Save As: the file’s own, a dropped copy’s, else one made from the headline', () => {
    expect(suggestedSaveName('/home/me/op-ed.md', 'op-ed.md', '# Other')).toBe('op-ed.md');
    expect(suggestedSaveName(null, 'dropped.md', '# Other')).toBe('dropped.md');
    expect(suggestedSaveName(null, 'Untitled', '---\ntitle: "Kerry: If Russia Doesn\'t Back Down From Aleppo..."\n---\n\nText')).toBe('kerry-russia-aleppo.md');
    expect(suggestedSaveName(null, 'Untitled', '')).toBe('untitled.md');
    expect(suggestedSaveName(null, 'Welcome to Byline', '---\ntitle: Welcome to Byline\n---\n')).toBe('welcome-byline.md');
    expect(directoryOf('/home/me/op-ed.md')).toBe('/home/me');
    expect(directoryOf('C:\\Users\\me\\op-ed.md')).toBe('C:\\Users\\me');
    expect(baseName('C:\\Users\\me\\op-ed.md')).toBe('op-ed.md');
  });

  it('labels a recovered buffer by its file name, else its first line', () => {
    expect(entryLabel({ path: '/x/col.md', name: 'col.md', firstLine: '# Title' })).toBe('col.md');
    expect(entryLabel({ path: null, name: 'Untitled', firstLine: '  A first line  ' })).toBe('A first line');
    expect(entryLabel({ path: null, name: 'Untitled', firstLine: '' })).toBe('Untitled');
    expect(entryReason({ path: '/x/col.md', reason: 'file-missing' })).toBe('The file is gone from /x/col.md');
    expect(entryReason({ path: null, reason: 'untitled' })).toBe('Never saved');
  });
});

describe('a new piece', () => {
  const day = new Date(2026, 11, 6, 9);
  const text = (value: string) => Text.of(value.split('\n'));
  const untitled = (value: string): DocumentData => ({ path: null, name: 'Untitled', text: value, format: { eol: 'lf', bom: false, encoding: 'utf-8' }, mtimeMs: null, warnings: [] });

  it('starts from the header New Draft writes, the caret between the title’s quotes', () => {
    const piece = newPieceTemplate(day);
    expect(piece.text).toBe(draftSkeleton('', day));
    expect(piece.text).toBe('---\ntitle: ""\nauthor: \ndate: 2026-12-06\n---\n\n');
    expect(piece.text.slice(piece.caret - 'title: "'.length, piece.caret + 1)).toBe('title: ""');
    expect(isNewPieceTemplate(piece.text)).toBe(true);
    expect(isNewPieceTemplate(draftSkeleton('A headline', day))).toBe(false);
  });

  it('is not unsaved until the writer writes something, and an emptied untitled buffer is not either', () => {
    const header = newPieceTemplate(day).text;
    const session = new DocumentSession(untitled(header), text(header));
    expect(session.refreshDirty(text(header))).toBe(false);
    expect(session.refreshDirty(text(header.replace('title: ""', 'title: "Kerry"')))).toBe(true);
    expect(session.refreshDirty(Text.empty)).toBe(false);
    // A saved file emptied is a change to save.
    const saved = new DocumentSession({ ...untitled('words'), path: '/d/piece.md', name: 'piece.md' }, text('words'));
    expect(saved.refreshDirty(Text.empty)).toBe(true);
  });
});
