/**
 * Random edits a writer makes, for the equivalence property test: typing,
 * deleting, pasting Markdown (links, notes, definitions, quotes, lists,
 * tables, fences), moving a block, retargeting a link, renaming a note or a
 * reference label, and editing or breaking the front matter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

// Path arithmetic, not `new URL(…, import.meta.url)`: under jsdom, URL is jsdom's.
const sample = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sample-oped.md'), 'utf8');
const body = sample.replace(/^---\n[\s\S]*?\n---\n/, '');


export type Edit =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'paste'; at: number; snippet: number }
  | { kind: 'move'; block: number; to: number }
  | { kind: 'retarget'; nth: number; url: number }
  | { kind: 'relabel'; nth: number; label: number }
  | { kind: 'frontMatter'; variant: number };

export const SNIPPETS = [
  'A new sentence with a [link](https://example.com/new "New") in it.',
  '\n\nA paragraph citing [the council](https://council.example.gov/budget/2024/draft) again.[^hours]\n\n',
  '\n\n[^new]: A new note with a [source](https://example.org/note-source).\n\n',
  ' and a note.[^new]',
  ' an inline note^[Inline, with [a link](https://example.net/inline).]',
  '\n\nSee [the reference][ref] and [ref].\n\n',
  '\n\n[ref]: https://example.com/ref "The reference"\n\n',
  '\n[Ref]: https://example.com/other\n',
  '\n\n> A quoted line.\n>\n> — Someone, in [a paper](https://paper.example.com/a)\n\n',
  '\n\n- one [item](https://example.com/item)\n- two\n\n  continued\n',
  '\n\n| a | b |\n|---|---|\n| [c](https://example.com/c) | d |\n',
  '\n\n```\ncode [not a link](https://example.com/x)\n',
  '\n```\n',
  '\n\n## A heading\n',
  '\nSetext\n===\n',
  '\n---\n',
  '\n\n    indented code\n',
  '<div>\nraw *html*\n</div>\n',
  '[^hours]',
  '[empty]()',
  '\n\n[^hours]: A replacement note, cited [here](https://example.com/here).\n',
  '"quoted" -- dashes... ',
  '\n',
  '\n\n',
];

export const URLS = ['https://example.com/new', 'https://council.example.gov/budget/2024/draft', 'HTTPS://Example.COM/new#frag', '', '#anchor', 'mailto:a@example.org'];
export const LABELS = ['hours', 'new', 'ref', 'other', 'Ref'];

const FRONT_MATTERS = [
  '---\ntitle: A "new" headline\nauthor: Someone\ndate: 2024-03-18\n---\n',
  '---\ntitle: [broken\n---\n',
  '---\nsubtitle: Only a dek\n',
  '',
  '---\n---\n',
];

const typed = fc.stringMatching(/^[a-z \n[\]()^*>#`|:.-]{1,6}$/);

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: typed }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('paste' as const), at: fc.nat(), snippet: fc.nat(SNIPPETS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), block: fc.nat(), to: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retarget' as const), nth: fc.nat(), url: fc.nat(URLS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('relabel' as const), nth: fc.nat(), label: fc.nat(LABELS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('frontMatter' as const), variant: fc.nat(FRONT_MATTERS.length - 1) }) },
);

/** Edits land near the start, near the end or anywhere, as the generator says. */
function position(text: string, at: number): number {
  return text.length === 0 ? 0 : at % (text.length + 1);
}

export function applyEdit(text: string, edit: Edit): string {
  switch (edit.kind) {
    case 'type': {
      const at = position(text, edit.at);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'delete': {
      const at = position(text, edit.at);
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case 'paste': {
      const at = position(text, edit.at);
      return text.slice(0, at) + SNIPPETS[edit.snippet]! + text.slice(at);
    }
    case 'move': {
      const blocks = text.split('\n\n');
      if (blocks.length < 2) return text;
      const [block] = blocks.splice(edit.block % blocks.length, 1);
      blocks.splice(edit.to % (blocks.length + 1), 0, block!);
      return blocks.join('\n\n');
    }
    case 'retarget': {
      const targets = [...text.matchAll(/\]\(([^)\s]*)/g)];
      if (targets.length === 0) return text;
      const match = targets[edit.nth % targets.length]!;
      const start = match.index! + 2;
      return text.slice(0, start) + URLS[edit.url]! + text.slice(start + match[1]!.length);
    }
    case 'relabel': {
      const labels = [...text.matchAll(/\[\^?([A-Za-z]+)\]/g)];
      if (labels.length === 0) return text;
      const match = labels[edit.nth % labels.length]!;
      const start = match.index! + match[0].indexOf(match[1]!);
      return text.slice(0, start) + LABELS[edit.label]! + text.slice(start + match[1]!.length);
    }
    case 'frontMatter': {
      const body = text.replace(/^---\n[\s\S]*?\n(?:---|\.\.\.)\n/, '');
      return FRONT_MATTERS[edit.variant]! + body;
    }
  }
}

/** About `copies` × 600 words, with shared sources, reference links and notes across copies. */
export function generatedDocument(copies: number): string {
  const parts = [sample];
  for (let i = 1; i < copies; i++) {
    parts.push(body.replace('[^hours]', `[^n${i}]`).replace(/\[\^hours\]:/, `[^n${i}]:`));
    if (i % 3 === 0) parts.push(`See [part ${i}][p${i}] and [the committee][council].\n\n[p${i}]: https://example.com/part/${i}\n`);
  }
  parts.push('[council]: https://council.example.gov/budget/2024/draft "The draft"\n');
  return parts.join('\n');
}

