/** The sources panel's reports (renderer/ui/source-problems.ts), from the pipeline's metadata, in Node. */
import { describe, expect, it } from 'vitest';
import { render } from '../../../renderer/markdown/index';
import { sourceReports } from '../../../renderer/ui/source-problems';

const reports = (markdown: string) => sourceReports(render(markdown).meta);

describe('sources panel reports (Node)', () => {
  it('notes, quietly, one URL cited under different link texts: ordinary in an op-ed, not a problem', () => {
    const [report] = reports('As [a survey](https://pew.example.org/s) found, and [the Pew data](https://pew.example.org/s) confirm.\n');
    expect(report!.problems).toEqual([]);
    expect(report!.notes).toEqual([
      'Cited as “a survey” and “the Pew data”. The Sources list calls it “a survey”; to name it, give a link a title: [text](url "Name").',
    ]);
  });

  it('names the source by its title attribute, whichever citation carries it, and then only lists the texts', () => {
    const [report] = reports('As [a survey](https://pew.example.org/s) found, and [the Pew data](https://pew.example.org/s "Pew Research Center: Trust in 2024") confirm, [again](https://pew.example.org/s).\n');
    expect(report!.title).toBe('Pew Research Center: Trust in 2024');
    expect(report!.notes).toEqual(['Cited as “a survey”, “the Pew data” and “again”.']);
    expect(report!.problems).toEqual([]);
  });

  it('does not quote a link text that carries its own quotation marks', () => {
    const [report] = reports('As ["anonymous officials"](https://wire.example.com/a) said, and [aiding](https://wire.example.com/a).\n');
    expect(report!.notes).toEqual([
      'Cited as “anonymous officials” and “aiding”. The Sources list calls it “anonymous officials”; to name it, give a link a title: [text](url "Name").',
    ]);
  });

  it('says nothing when every citation uses the same text (case and spacing aside)', () => {
    const [report] = reports('[The  report](https://example.com/r) and [the report](https://example.com/r).\n');
    expect(report!.notes).toEqual([]);
    expect(report!.problems).toEqual([]);
  });

  it('keeps real problems as problems: not https, malformed, a bare URL as text', () => {
    const [plain, malformed, bare] = reports(
      '[old](http://old.example.org/p), [typo](https:/broken) and [https://bare.example.com/x](https://bare.example.com/x).\n',
    );
    expect(plain!.problems).toEqual(['Not https: the link is not secure.']);
    expect(malformed!.problems).toEqual(['The URL is malformed (it needs // after the scheme).']);
    expect(bare!.problems).toEqual(['A bare URL as link text: “https://bare.example.com/x”. Describe the source instead.']);
  });
});
