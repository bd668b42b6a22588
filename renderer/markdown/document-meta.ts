/**
 * What the rest of the app needs to know about a rendered document, besides
 * its HTML: headline, outline, front matter, sources and notes. Collected
 * from the token stream and the plugins' state in `env`.
 */
import type { Token } from 'markdown-it';
import { bylineEnv } from './byline-env';
import type { FrontMatter } from './front-matter-fields';
import type { Citation, EmptyLink, NoteEntry, SourceEntry } from './source-types';

export type { FrontMatter, FrontMatterError } from './front-matter-fields';
export type { Citation, EmptyLink, LinkMode, NoteEntry, SourceEntry } from './source-types';

export interface Heading {
  level: number;
  text: string;
  /** 0-based source line. */
  line: number;
}

export interface DocumentMeta {
  /** The headline: front matter title, else the first `# Heading`, else null. */
  title: string | null;
  headings: Heading[];
  /** Null without a front matter block; `error` set when its YAML is malformed. */
  frontMatter: FrontMatter | null;
  /** 0-based line where the body starts (0 without front matter). */
  bodyStartLine: number;
  /** Distinct sources in number order; numbers are shared with `notes`. */
  sources: SourceEntry[];
  notes: NoteEntry[];
  /** Every numbered citation in reading order (body, then notes). */
  citations: Citation[];
  /** Links with an empty URL: not numbered. */
  emptyLinks: EmptyLink[];
}

export function collectMeta(tokens: Token[], env: Record<string, unknown>): DocumentMeta {
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'byline_sources_open') break; // notes' own headings are not the outline
    if (token.type !== 'heading_open') continue;
    const inline = tokens[i + 1];
    headings.push({
      level: Number(token.tag.slice(1)),
      text: inline?.children?.filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('') ?? '',
      line: token.map?.[0] ?? 0,
    });
  }
  const state = bylineEnv(env);
  const first = headings[0];
  const title = state.frontMatter?.title ?? (first && first.level === 1 ? first.text : null);
  return {
    title,
    headings,
    frontMatter: state.frontMatter,
    bodyStartLine: state.bodyStartLine,
    sources: state.sources,
    notes: state.notes,
    citations: state.citations,
    emptyLinks: state.emptyLinks,
  };
}
