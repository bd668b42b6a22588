import { describe, expect, it } from 'vitest';
import { SAMPLE, exportText } from './export-fixtures';

describe('plain-text export (Node)', () => {
  it('puts the headline and byline on top', async () => {
    const text = await exportText({ format: 'txt', markdown: SAMPLE });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Close the Library on Sundays? Then Don’t Call It a Public Library');
    expect(text).toContain('By Test Fixture Columnist · 17 March 2024 · The Riverside Argument');
    expect(text.indexOf('By Test Fixture')).toBeLessThan(text.indexOf('The council’s budget committee'));
  });

  it('writes one line per paragraph by default, so a mail client or a form wraps it to its own width', async () => {
    const text = await exportText({ format: 'txt', markdown: SAMPLE });
    const lines = text.split('\n');
    // Every paragraph, quote paragraph, attribution and list entry is one line; blank lines between them.
    expect(lines).toContain(
      'The council’s budget committee has found what it calls a “modest saving”[1]: closing every branch of the public library on Sundays. The committee’s own impact assessment[2] puts the figure at less than a tenth of one percent of the city’s spending. It is modest, all right. So is the thinking behind it.',
    );
    expect(lines).toContain(
      '    On Sundays we are the only warm room in the neighbourhood that doesn’t ask you to buy anything. We see students, job seekers, parents with toddlers, people who have nowhere else to be. Take Sunday away and you are not trimming a service. You are closing a door.',
    );
    expect(lines).toContain('    — Head librarian of the Eastside branch, speaking to the Riverside Ledger[3]');
    expect(lines).toContain('The council’s “modest saving” would cost the people who can least afford it');
    // Sources: the entry on one line, its URL alone on the next (clickable, never broken).
    expect(text).toContain('[1] Draft budget 2024–25, Finance Committee. council.example.gov.\n    https://council.example.gov/budget/2024/draft\n');
    expect(text).toContain('[5] Figures are for the four largest branches; the smaller branches do not record visits by hour.\n');
    // No line is broken inside a paragraph: every non-blank line ends a block (or is a source's URL).
    const blocks = text.trimEnd().split('\n\n');
    for (const block of blocks) expect(block.split('\n').length, block).toBeLessThanOrEqual(2);
  });

  it('keeps lists, hard line breaks, code and tables line by line when unwrapped', async () => {
    const long = 'a long list item that goes on and on well past the seventy-two columns a mail client might use';
    const text = await exportText({ format: 'txt', markdown: `- ${long}\n- two\n\n1. ${long}\n\nLine one  \nline two\n\n| A | B |\n| - | - |\n| 1 | 2 |\n` });
    expect(text).toBe(`* ${long}\n\n* two\n\n1. ${long}\n\nLine one\nline two\n\nA | B\n1 | 2\n`);
  });

  it('wraps at the width asked for (--wrap N), indents quotes with their attribution, numbers links', async () => {
    const text = await exportText({ format: 'txt', markdown: SAMPLE, options: { wrap: 72 } });
    const lines = text.split('\n');
    for (const line of lines) if (!/https?:\/\//.test(line)) expect([...line].length).toBeLessThanOrEqual(72);
    expect(lines).toContain('    — A Riverton councillor, at the pilot’s one-year review');
    expect(lines.some((l) => l.startsWith('    — Head librarian of the Eastside branch'))).toBe(true);
    expect(lines.some((l) => l.startsWith('    On Sundays we are the only warm room'))).toBe(true);
    expect(text).toContain('“modest\nsaving”[1]:');
    expect(text).toContain('own survey[2]');
    expect(text).not.toMatch(/<[a-z]/i);
    expect(text).not.toContain('](');
    const narrow = (await exportText({ format: 'txt', markdown: SAMPLE, options: { wrap: 40 } })).split('\n');
    for (const line of narrow) if (!/https?:\/\//.test(line)) expect([...line].length).toBeLessThanOrEqual(40);
    expect(narrow).toContain('    — A Riverton councillor, at the');
  });

  it('lists the numbered sources at the end with full URLs', async () => {
    const text = await exportText({ format: 'txt', markdown: SAMPLE });
    const sources = text.slice(text.lastIndexOf('\nSources and notes\n'));
    expect(sources).toContain('[1] Draft budget 2024–25, Finance Committee. council.example.gov.\n    https://council.example.gov/budget/2024/draft');
    expect(sources).toContain('[5] Figures are for the four largest branches');
    expect(sources).toContain('[10] Find your councillor. council.example.gov.\n     https://council.example.gov/contact');
    expect(sources.match(/^\[\d+\]/gm)).toHaveLength(10);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('heads the list with what it holds: sources and notes, sources, or notes', async () => {
    const heading = async (markdown: string) => {
      const lines = (await exportText({ format: 'txt', markdown })).split('\n');
      return lines[lines.indexOf('-'.repeat(20)) + 2];
    };
    expect(await heading(SAMPLE.replace(/^---[\s\S]*?\n---\n/, ''))).toBe('Sources and notes');
    expect(await heading('A [study](https://example.com/s).\n')).toBe('Sources');
    expect(await heading('A claim.[^n]\n\n[^n]: The note.\n')).toBe('Notes');
  });

  it('shows links inline as text (url) when asked', async () => {
    const text = await exportText({ format: 'txt', markdown: 'See [the report](https://example.com/r) and <https://example.com/auto>.\n', options: { links: 'inline' } });
    expect(text).toBe('See the report (https://example.com/r) and https://example.com/auto.\n');
  });

  it('lists, headings, code and images', async () => {
    const text = await exportText({ format: 'txt', markdown: '## Why\n\n- one\n- two\n\n1. first\n\n```\ncode  line\n```\n\n![A chart](chart.png)\n' });
    expect(text).toBe('Why\n---\n\n* one\n\n* two\n\n1. first\n\n    code  line\n\n[Image: A chart]\n');
  });
});
