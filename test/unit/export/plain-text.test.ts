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

  it('wraps at 72, indents quotes with their attribution, numbers links', async () => {
    const text = await exportText({ format: 'txt', markdown: SAMPLE });
    const lines = text.split('\n');
    for (const line of lines) if (!/https?:\/\//.test(line)) expect([...line].length).toBeLessThanOrEqual(72);
    expect(lines).toContain('    — A Riverton councillor, at the pilot’s one-year review');
    expect(lines.some((l) => l.startsWith('    — Head librarian of the Eastside branch'))).toBe(true);
    expect(lines.some((l) => l.startsWith('    On Sundays we are the only warm room'))).toBe(true);
    expect(text).toContain('“modest\nsaving”[1]:');
    expect(text).toContain('own survey[2]');
    expect(text).not.toMatch(/<[a-z]/i);
    expect(text).not.toContain('](');
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
