/**
 * What the pipeline reports about a document's sources and notes, so the
 * editor's chips and sources panel number things exactly as the output does.
 */

/** One distinct link target (one number, however often it is cited). */
export interface SourceEntry {
  kind: 'link';
  /** Shared with notes: 1, 2, 3… in order of first citation. */
  number: number;
  /** The href as first cited (after markdown-it's link normalisation). */
  url: string;
  /** The first non-empty title attribute among its citations, else null. */
  title: string | null;
  /** Plain text of the first citation's link text. */
  text: string;
  /** Host without `www.` (mailto: the mail domain), '' for relative links. */
  domain: string;
  citations: number;
  /** 0-based source line of the first citation. */
  line: number;
}

/** One Markdown footnote (`[^label]` or inline `^[…]`). */
export interface NoteEntry {
  kind: 'note';
  number: number;
  /** The label as written, null for inline notes. */
  label: string | null;
  citations: number;
  line: number;
}

/** One place the text cites a source or a note, in reading order. */
export interface Citation {
  kind: 'link' | 'note';
  number: number;
  /** 1-based: the K in the marker's id `source-ref-N-K`. */
  index: number;
  /** 0-based source line (block start plus line breaks before the link). */
  line: number;
  /** Link text, or the note label ('' for inline notes). */
  text: string;
  /** The link's href ('' for notes). */
  url: string;
}

/** A link with an empty URL: not footnoted, flagged for the sources panel. */
export interface EmptyLink {
  line: number;
  text: string;
}

export type LinkMode = 'inline' | 'footnotes' | 'both';

export const LINK_MODES: readonly LinkMode[] = ['inline', 'footnotes', 'both'];
