/** The page's file dialog, its pure half: typed paths, Tab completion, the list's filter, where it starts. */
import { describe, expect, it } from 'vitest';
import type { FolderEntry } from '../../../electron/contract';
import {
  completeName,
  isWebAddress,
  nameRange,
  normalizePath,
  pathStyle,
  replaceLeaf,
  resolveTyped,
  splitPath,
  startFolders,
  visibleEntries,
} from '../../../renderer/ui/path-text';

const posix = pathStyle('linux');
const windows = pathStyle('win32');

const entries: FolderEntry[] = [
  { name: 'aleppo-notes.md', kind: 'file' },
  { name: 'Archive', kind: 'folder' },
  { name: 'archived-2025.md', kind: 'file' },
  { name: 'close-library-sundays.md', kind: 'file' },
  { name: 'drafts', kind: 'folder' },
];

describe('typed paths', () => {
  it('resolves ~, relative names, . and .. to a full path, keeping a trailing separator', () => {
    expect(resolveTyped('~/Drafts/piece.md', '/srv', '/home/me', posix)).toBe('/home/me/Drafts/piece.md');
    expect(resolveTyped('~', '/srv', '/home/me', posix)).toBe('/home/me/');
    expect(resolveTyped('piece.md', '/home/me/Drafts', '/home/me', posix)).toBe('/home/me/Drafts/piece.md');
    expect(resolveTyped('../Columns/', '/home/me/Drafts', '/home/me', posix)).toBe('/home/me/Columns/');
    expect(resolveTyped('  /a//b/./c/../d  ', '/x', '/h', posix)).toBe('/a/b/d');
    expect(resolveTyped('/../../etc', '/x', '/h', posix)).toBe('/etc');
    expect(resolveTyped('', '/home/me/Drafts', '/h', posix)).toBe('/home/me/Drafts/');
    expect(resolveTyped('~user/x', '/base', '/h', posix)).toBe('/base/~user/x');
  });

  it('splits a full path into its folder and name', () => {
    expect(splitPath('/home/me/piece.md', posix)).toEqual({ folder: '/home/me', leaf: 'piece.md' });
    expect(splitPath('/home/me/', posix)).toEqual({ folder: '/home/me', leaf: '' });
    expect(splitPath('/piece.md', posix)).toEqual({ folder: '/', leaf: 'piece.md' });
    expect(splitPath('/', posix)).toEqual({ folder: '/', leaf: '' });
  });

  it('reads Windows paths on Windows', () => {
    expect(resolveTyped('c:/Users/me\\Drafts/../piece.md', 'C:\\x', 'C:\\Users\\me', windows)).toBe('C:\\Users\\me\\piece.md');
    expect(resolveTyped('piece.md', 'C:\\Users\\me', 'C:\\Users\\me', windows)).toBe('C:\\Users\\me\\piece.md');
    expect(resolveTyped('~\\Drafts\\', 'C:\\x', 'C:\\Users\\me', windows)).toBe('C:\\Users\\me\\Drafts\\');
    expect(splitPath('C:\\piece.md', windows)).toEqual({ folder: 'C:\\', leaf: 'piece.md' });
    expect(normalizePath('\\\\server\\share\\a\\..\\b', windows)).toBe('\\\\server\\share\\b');
  });

  it('selects the name without its extension, and knows a web address', () => {
    const full = '/home/me/kerry-russia-aleppo.md';
    const [start, end] = nameRange(full, posix);
    expect(full.slice(start, end)).toBe('kerry-russia-aleppo');
    expect(nameRange('/home/me/', posix)).toEqual([9, 9]);
    expect(isWebAddress('https://example.com/piece.md')).toBe(true);
    expect(isWebAddress('www.example.com')).toBe(true);
    expect(isWebAddress('/home/me/https:/x')).toBe(false);
  });
});

describe('Tab completion', () => {
  it('completes the one match in full, a folder with its separator', () => {
    expect(completeName('dr', entries, posix)).toBe('drafts/');
    expect(completeName('CLOSE', entries, posix)).toBe('close-library-sundays.md');
    expect(completeName('drafts/', entries, posix)).toBeNull();
  });

  it('completes what several matches share, ignoring case, and nothing when they share no more', () => {
    expect(completeName('arc', entries, posix)).toBe('Archive');
    expect(completeName('a', entries, posix)).toBeNull();
    expect(completeName('x', entries, posix)).toBeNull();
    expect(completeName('', entries, posix)).toBeNull();
    expect(completeName('a', entries, posix, true)).toBe('Archive/');
  });

  it('writes the completion back over the typed name only', () => {
    expect(replaceLeaf('~/Dr', 'Drafts/', posix)).toBe('~/Drafts/');
    expect(replaceLeaf('dra', 'drafts/', posix)).toBe('drafts/');
    expect(replaceLeaf('C:\\Users\\m', 'me\\', windows)).toBe('C:\\Users\\me\\');
  });
});

describe('the list', () => {
  it('shows folders first, filtered by the typed name when it begins any entry', () => {
    const names = (list: FolderEntry[]) => list.map((e) => e.name);
    expect(names(visibleEntries(entries, '', false))).toEqual(['Archive', 'drafts', 'aleppo-notes.md', 'archived-2025.md', 'close-library-sundays.md']);
    expect(names(visibleEntries(entries, 'a', false))).toEqual(['Archive', 'aleppo-notes.md', 'archived-2025.md']);
    // A suggested name that begins nothing leaves the whole folder in view.
    expect(names(visibleEntries(entries, 'kerry-russia-aleppo.md', false))).toHaveLength(5);
    expect(names(visibleEntries(entries, '', true))).toEqual(['Archive', 'drafts']);
  });
});

describe('where a dialog starts', () => {
  it('the document’s folder, then the drafts folder, then the last folder used; nothing relative', () => {
    expect(startFolders({ documentPath: '/a/piece.md', draftsFolder: '/d', recentFiles: ['/r/x.md'] }, posix)).toEqual(['/a', '/d', '/r']);
    expect(startFolders({ documentPath: null, draftsFolder: '/d', recentFiles: ['/d/x.md'] }, posix)).toEqual(['/d']);
    expect(startFolders({ documentPath: null, draftsFolder: null, recentFiles: ['/r/x.md'] }, posix)).toEqual(['/r']);
    expect(startFolders({ documentPath: null, draftsFolder: null, recentFiles: [] }, posix)).toEqual([]);
    expect(startFolders({ documentPath: 'Untitled.md', draftsFolder: 'drafts', recentFiles: ['x.md'] }, posix)).toEqual([]);
  });
});
