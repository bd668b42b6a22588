/**
 * Reads fixture files in markdown-it's format: blocks of a description, a
 * line `.`, the Markdown input, a line `.`, the expected HTML, a line `.`.
 * An optional header between `---` lines at the top sets render options for
 * the whole file (`options: { links: footnotes }`) and a description.
 * As in markdown-it's fixtures, `→` stands for a tab.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { RenderOptions } from '../../../renderer/markdown/index';

export interface Fixture {
  description: string;
  input: string;
  expected: string;
  /** 1-based line of the description, for failure messages. */
  line: number;
}

export interface FixtureFile {
  name: string;
  path: string;
  description: string;
  options: RenderOptions;
  fixtures: Fixture[];
}

export function loadFixtureFile(path: string): FixtureFile {
  const lines = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  let header: { desc?: string; options?: RenderOptions } = {};
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) throw new Error(`${path}: header not closed`);
    header = (parse(lines.slice(1, end).join('\n')) as typeof header | null) ?? {};
    i = end + 1;
  }
  const fixtures: Fixture[] = [];
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const line = i + 1;
    const description = readUntilDot(lines, i);
    const input = readUntilDot(lines, description.next);
    const expected = readUntilDot(lines, input.next);
    fixtures.push({ description: description.text.trim(), input: tabs(input.text), expected: tabs(expected.text), line });
    i = expected.next;
  }
  return { name: basename(path, '.txt'), path, description: header.desc ?? '', options: header.options ?? {}, fixtures };
}

export function loadFixtureDir(dir: string): FixtureFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => loadFixtureFile(join(dir, name)));
}

function readUntilDot(lines: string[], start: number): { text: string; next: number } {
  let i = start;
  while (i < lines.length && lines[i] !== '.') i++;
  if (i >= lines.length) throw new Error(`fixture starting at line ${start + 1} is missing a closing "."`);
  const text = lines.slice(start, i).join('\n');
  return { text: i > start ? `${text}\n` : '', next: i + 1 };
}

function tabs(text: string): string {
  return text.replace(/→/g, '\t');
}
