/**
 * The headline a draft is listed under: its front matter `title`, else its
 * first `# ` heading, else its first line. Front matter is parsed with the
 * YAML core schema (no custom tags) and few aliases, so a hostile file can't
 * make listing a folder expensive.
 */
import { parse } from 'yaml';

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const ATX_HEADING = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m;
export const MAX_HEADLINE_CHARS = 200;

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, MAX_HEADLINE_CHARS);
}

/** The front matter's title, if it has a usable one. */
export function frontMatterTitle(text: string): string | null {
  const match = FRONT_MATTER.exec(text);
  if (!match) return null;
  try {
    const data: unknown = parse(match[1] ?? '', { schema: 'core', maxAliasCount: 10, uniqueKeys: false });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    const title = (data as Record<string, unknown>).title;
    if (typeof title !== 'string' && typeof title !== 'number') return null;
    return clean(String(title)) || null;
  } catch {
    return null;
  }
}

export function draftHeadline(text: string, fallback: string): string {
  const title = frontMatterTitle(text);
  if (title) return title;
  const body = text.replace(FRONT_MATTER, '');
  const heading = ATX_HEADING.exec(body)?.[1];
  if (heading && clean(heading)) return clean(heading);
  const line = body.split('\n').find((l) => l.trim().length > 0);
  return (line && clean(line)) || fallback;
}
