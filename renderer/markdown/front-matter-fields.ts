/**
 * Reads a front matter block (the YAML between the `---` lines) into typed
 * fields. The YAML is untrusted: parsed with the core schema (no custom
 * tags), a cap on aliases (no "billion laughs"), unique keys, and a size
 * limit; only known fields are read, each coerced to its type, and the
 * parsed object is never spread or merged into anything.
 */
import { parse } from 'yaml';

export interface FrontMatterError {
  message: string;
  /** 0-based line in the whole document, for the editor to mark. */
  line: number;
}

export interface FrontMatter {
  title?: string;
  subtitle?: string;
  author?: string;
  /** As written; the header formats it when it is a valid `YYYY-MM-DD`. */
  date?: string;
  publication?: string;
  /** Word count goal. */
  target?: number;
  tags?: string[];
  error?: FrontMatterError;
}

/** Larger blocks are refused unparsed (a pasted file, not front matter). */
export const FRONT_MATTER_MAX_CHARS = 64 * 1024;

const YAML_OPTIONS = {
  schema: 'core',
  maxAliasCount: 10,
  uniqueKeys: true,
  prettyErrors: false,
  // Throw errors (we catch them); never print warnings to the console.
  logLevel: 'error',
} as const;

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * `yaml` is the front matter text, `firstLine` the document line it starts
 * on (the line after the opening `---`). Never throws.
 */
export function readFrontMatter(yaml: string, firstLine: number, locale: string): FrontMatter {
  if (yaml.length > FRONT_MATTER_MAX_CHARS) {
    return { error: { message: `Front matter is too long (over ${FRONT_MATTER_MAX_CHARS / 1024} KB).`, line: firstLine - 1 } };
  }
  let data: unknown;
  try {
    data = parse(yaml, YAML_OPTIONS);
  } catch (error) {
    return { error: describeError(error, yaml, firstLine) };
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { error: { message: 'Front matter should be `key: value` lines.', line: firstLine } };
  }
  return coerceFields(data as Record<string, unknown>, locale);
}

function coerceFields(data: Record<string, unknown>, locale: string): FrontMatter {
  const out: FrontMatter = {};
  const field = (key: string): unknown => (hasOwn(data, key) ? data[key] : undefined);
  const title = text(field('title'));
  if (title) out.title = title;
  const subtitle = text(field('subtitle'));
  if (subtitle) out.subtitle = subtitle;
  const author = authors(field('author'), locale);
  if (author) out.author = author;
  const date = text(field('date'));
  if (date) out.date = date;
  const publication = text(field('publication'));
  if (publication) out.publication = publication;
  const target = wordTarget(field('target'));
  if (target !== undefined) out.target = target;
  const tags = tagList(field('tags'));
  if (tags) out.tags = tags;
  return out;
}

/** Strings, numbers and booleans as text; anything else (maps, lists, null) is ignored. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** One author, or a list joined the way the locale joins names ("A, B and C"). */
function authors(value: unknown, locale: string): string | undefined {
  if (!Array.isArray(value)) return text(value);
  const names = value.map(text).filter((name): name is string => !!name);
  if (names.length === 0) return undefined;
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

function wordTarget(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
}

/** A list of tags, or one comma-separated string. */
function tagList(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const tags = items.map(text).filter((tag): tag is string => !!tag);
  return tags.length > 0 ? tags : undefined;
}

function describeError(error: unknown, yaml: string, firstLine: number): FrontMatterError {
  const raw = error instanceof Error ? error.message : 'Front matter could not be read.';
  const pos = (error as { pos?: unknown }).pos;
  const offset = Array.isArray(pos) && typeof pos[0] === 'number' && pos[0] >= 0 ? Math.min(pos[0], yaml.length - 1) : 0;
  let line = firstLine;
  for (let i = yaml.indexOf('\n'); i !== -1 && i < offset; i = yaml.indexOf('\n', i + 1)) line++;
  return { message: raw.split('\n')[0] ?? raw, line };
}
