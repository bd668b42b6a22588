/**
 * Where a link in the editor points, in a form that can be compared with the
 * pipeline's citations: the pipeline gives each link's URL normalized
 * (escapes and entities resolved, percent-encoded, the host in punycode), the
 * editor sees it as typed, and a reference link (`[text][label]`) only by its
 * label. Plain functions of text, no DOM.
 */
import type { Text } from '@codemirror/state';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * One key for a URL however it is written: `<…>`, backslash escapes and
 * entities resolved, parsed as a URL where it is one (punycode host,
 * percent-encoding), then decoded, without its fragment or final slash,
 * lower-cased. The typed target and the pipeline's href give the same key.
 */
export function targetKey(url: string): string {
  let key = decodeEntities(url.trim().replace(/^<([^>]*)>$/, '$1').replace(/\\([!-/:-@[-`{-~])/g, '$1'));
  try {
    if (/^[a-z][a-z0-9+.-]*:/i.test(key)) key = new URL(key).href;
  } catch {
    // Not a URL the platform can parse: compared as written.
  }
  try {
    key = decodeURI(key);
  } catch {
    // A lone `%`: compared as written.
  }
  return key.replace(/#.*$/s, '').replace(/\/$/, '').toLowerCase();
}

/** A reference label as CommonMark matches them: case-folded, inner whitespace collapsed. */
export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

const DEFINITION = /^ {0,3}\[((?:[^\\\]]|\\.){1,999})\]:[ \t]*(<[^>\n]*>|\S+)/;
const definitionsOf = new WeakMap<Text, ReadonlyMap<string, string>>();

/** The document's link reference definitions, label → URL as typed (the first definition of a label wins). */
export function referenceDefinitions(doc: Text): ReadonlyMap<string, string> {
  let found = definitionsOf.get(doc);
  if (found) return found;
  const definitions = new Map<string, string>();
  for (const iter = doc.iterLines(); !iter.next().done; ) {
    const line = iter.value;
    if (!line.includes(']:')) continue;
    const match = DEFINITION.exec(line);
    if (!match) continue;
    const key = labelKey(match[1]!);
    if (!definitions.has(key)) definitions.set(key, match[2]!);
  }
  definitionsOf.set(doc, (found = definitions));
  return found;
}
