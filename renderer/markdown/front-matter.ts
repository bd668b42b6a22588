/**
 * Front matter: a YAML block between `---` lines at the very start of the
 * document (closed by `---` or `...`). A block rule, so the lines never reach
 * the body as Markdown, even when the YAML is malformed; the parsed fields go
 * to `env` (for metadata) and to the token (for the article header).
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { bylineEnv } from './byline-env';
import { readFrontMatter, type FrontMatter } from './front-matter-fields';
import { articleHeaderRenderer } from './article-header';

export interface FrontMatterOptions {
  /** BCP 47 locale for the byline's date. */
  locale: string;
}

export function frontMatterPlugin(md: MarkdownIt, options: FrontMatterOptions): void {
  // The editor re-renders on every keystroke while the front matter rarely
  // changes: this instance remembers the last block it read (a pure memo).
  let last: { yaml: string; fields: FrontMatter } | null = null;
  const read = (yaml: string): FrontMatter => {
    if (last?.yaml !== yaml) last = { yaml, fields: readFrontMatter(yaml, 1, options.locale) };
    return copyFrontMatter(last.fields);
  };
  const header = articleHeaderRenderer(md, options.locale);
  // Before every other block rule: `---` would otherwise be a thematic break.
  md.block.ruler.before('table', 'byline_front_matter', (state, startLine, endLine, silent) =>
    frontMatterBlock(state, startLine, endLine, silent, read),
  );
  md.renderer.rules.byline_front_matter = (tokens, idx, _options, _env, slf) => header(tokens[idx]!, slf);
}

function frontMatterBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean, read: (yaml: string) => FrontMatter): boolean {
  // Only the document's first line, never inside a quote or list.
  if (startLine !== 0 || state.parentType !== 'root' || state.level !== 0) return false;
  if (!isFence(lineText(state, 0), true)) return false;
  let close = -1;
  for (let line = 1; line < endLine; line++) {
    const text = lineText(state, line);
    if (isFence(text, false) || isDots(text)) {
      close = line;
      break;
    }
  }
  if (close < 0) return false; // unclosed: plain Markdown (a thematic break)
  if (silent) return true;

  const yaml = state.src.slice(state.bMarks[1], state.bMarks[close]);
  const frontMatter = read(yaml);
  const store = bylineEnv(state.env);
  store.frontMatter = frontMatter;
  store.bodyStartLine = close + 1;

  const token = state.push('byline_front_matter', 'header', 0);
  token.attrSet('class', 'article-header');
  token.map = [0, close + 1];
  token.meta = { frontMatter };
  state.line = close + 1;
  return true;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line], state.eMarks[line]);
}

// `---` at column 0, trailing blanks allowed; the first line may carry a BOM.
function isFence(text: string, first: boolean): boolean {
  const start = first && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return text.startsWith('---', start) && text.slice(start + 3).trim() === '';
}

function isDots(text: string): boolean {
  return text.startsWith('...') && text.slice(3).trim() === '';
}

/** Each document gets its own copy: metadata is the caller's to keep or change. */
function copyFrontMatter(fields: FrontMatter): FrontMatter {
  const copy: FrontMatter = {};
  if (fields.title !== undefined) copy.title = fields.title;
  if (fields.subtitle !== undefined) copy.subtitle = fields.subtitle;
  if (fields.author !== undefined) copy.author = fields.author;
  if (fields.date !== undefined) copy.date = fields.date;
  if (fields.publication !== undefined) copy.publication = fields.publication;
  if (fields.target !== undefined) copy.target = fields.target;
  if (fields.tags !== undefined) copy.tags = [...fields.tags];
  if (fields.error !== undefined) copy.error = { message: fields.error.message, line: fields.error.line };
  return copy;
}
