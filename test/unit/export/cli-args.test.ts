import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../../electron/services/export/cli-args';

const ok = (args: string[]) => {
  const parsed = parseExportArgs(args, '/work');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};
const error = (args: string[]) => {
  const parsed = parseExportArgs(args, '/work');
  if (parsed.ok) throw new Error('expected an error');
  return parsed.message;
};

describe('byline export arguments (Node)', () => {
  it('exports beside the source by default, with format defaults', () => {
    expect(ok(['draft.md', '--to', 'pdf'])).toEqual({ format: 'pdf', options: {}, jobs: [{ source: '/work/draft.md', target: '/work/draft.pdf' }], outDir: null });
    expect(ok(['a/draft.markdown', '--to=txt']).jobs[0]!.target).toBe('/work/a/draft.txt');
  });

  it('reads -o, --out-dir and every option', () => {
    const one = ok(['draft.md', '-o', 'out/x.html', '--fragment', '--links', 'inline']);
    expect(one.format).toBe('html');
    expect(one.options).toEqual({ fragment: true, links: 'inline' });
    expect(one.jobs[0]!.target).toBe('/work/out/x.html');
    const many = ok(['a.md', 'b.md', '--to', 'pdf', '--out-dir', 'exports', '--page-size', 'a4', '--notes=page']);
    expect(many.options).toEqual({ pageSize: 'A4', notes: 'page' });
    expect(many.jobs.map((j) => j.target)).toEqual(['/work/exports/a.pdf', '/work/exports/b.pdf']);
    expect(many.outDir).toBe('/work/exports');
    expect(ok(['--to', 'html', '--', '--odd-name.md']).jobs[0]!.source).toBe('/work/--odd-name.md');
  });

  it('reads --wrap N for plain text (no --wrap: one line per paragraph)', () => {
    expect(ok(['draft.md', '--to', 'txt']).options).toEqual({});
    expect(ok(['draft.md', '--to', 'txt', '--wrap', '72']).options).toEqual({ wrap: 72 });
    expect(ok(['draft.md', '-o', 'draft.txt', '--wrap=100']).options).toEqual({ wrap: 100 });
    expect(ok(['draft.md', '--to', 'txt', '--wrap', '20']).options).toEqual({ wrap: 20 });
  });

  it('refuses a --wrap that is not a whole number of columns, 20 or more, or not for plain text', () => {
    const sentence = (value: string) => `--wrap needs a whole number of columns, 20 or more (e.g. --wrap 72), not “${value}”.`;
    for (const value of ['0', '-5', '19', '7.5', 'abc', '72px', '1e2', '0x48', ' 72']) {
      expect(error(['draft.md', '--to', 'txt', `--wrap=${value}`])).toBe(sentence(value));
    }
    expect(error(['draft.md', '--to', 'txt', '--wrap'])).toBe('--wrap needs a value (see byline --help).');
    expect(error(['draft.md', '--to', 'html', '--wrap', '72'])).toBe('--wrap applies to plain text only (--to txt).');
  });

  it('says what is wrong in one sentence', () => {
    expect(error(['draft.md', '--to', 'html', '--bogus'])).toBe('unknown option “--bogus” (see byline --help).');
    expect(error(['--to', 'html'])).toBe('name at least one Markdown file to export.');
    expect(error(['draft.md'])).toBe('choose a format with --to html, --to pdf or --to txt.');
    expect(error(['draft.md', '--to', 'docx'])).toBe('--to must be html, pdf or txt, not “docx”.');
    expect(error(['draft.md', '--to', 'pdf', '--page-size', 'A5'])).toBe('--page-size must be A4 or Letter, not “A5”.');
    expect(error(['draft.md', '--to', 'pdf', '--links', 'none'])).toBe('--links must be inline, footnotes or both, not “none”.');
    expect(error(['draft.md', '--to'])).toBe('--to needs a value (see byline --help).');
    expect(error(['a.md', 'b.md', '--to', 'html', '-o', 'x.html'])).toMatch(/^-o names one output file/);
    expect(error(['a.md', '--to', 'html', '-o', 'x.html', '--out-dir', 'd'])).toMatch(/not both/);
    expect(error(['a.md', '--to', 'pdf', '--fragment'])).toMatch(/HTML only/);
    expect(error(['a.md', '--to', 'txt', '--notes', 'page'])).toMatch(/PDF only/);
    expect(error(['notes.txt', '--to', 'txt'])).toMatch(/would overwrite it/);
    expect(error(['a/x.md', 'b/x.md', '--to', 'txt', '--out-dir', 'o'])).toMatch(/two files would be exported to “x.txt”/);
  });
});
