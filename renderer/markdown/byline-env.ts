/**
 * Per-document state of Byline's plugins. It lives in markdown-it's `env`
 * (one object per render), never in module globals, so one cached instance
 * can render any number of documents without numbering leaking between them.
 */
import type { FrontMatter } from './front-matter-fields';
import type { Citation, EmptyLink, NoteEntry, SourceEntry } from './source-types';

export interface BylineEnv {
  frontMatter: FrontMatter | null;
  /** 0-based line where the body starts (after the front matter block). */
  bodyStartLine: number;
  sources: SourceEntry[];
  notes: NoteEntry[];
  citations: Citation[];
  emptyLinks: EmptyLink[];
}

// A key no document can produce: env is also handed to other plugins.
const KEY = 'bylineDocument';

/** The document's state, created on first use. */
export function bylineEnv(env: unknown): BylineEnv {
  const holder = env as Record<string, BylineEnv | undefined>;
  let state = holder[KEY];
  if (!state) {
    state = { frontMatter: null, bodyStartLine: 0, sources: [], notes: [], citations: [], emptyLinks: [] };
    holder[KEY] = state;
  }
  return state;
}
