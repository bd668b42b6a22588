/**
 * HTML for units, cached apart from where they sit. A unit's top-level tags
 * carry `data-line` (the source-lines plugin's attribute, for scroll sync);
 * the cached HTML has a placeholder there instead, `<nonce><line in unit>`,
 * so inserting a line above a block shifts its line without drawing it again.
 * The nonce is random per page load: no document can contain it.
 */
import type { MarkdownIt, Token } from 'markdown-it';
import type { ParsedUnit } from './unit-parse';

export const LINE_NONCE = `bl${Math.random().toString(36).slice(2, 10)}n`;

/** Marks the tokens the source-lines plugin would mark (maps are relative to the unit). */
export function placeLinePlaceholders(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.map && token.nesting !== -1 && token.level === 0 && token.block) {
      token.attrSet('data-line', `${LINE_NONCE}${token.map[0]}`);
    }
  }
}

/** The unit's body HTML with placeholders, drawn again only when its markers changed. */
export function unitHtml(md: MarkdownIt, unit: ParsedUnit, sourceLines: boolean): string {
  if (unit.html === null || unit.htmlVersion !== unit.body.version) {
    if (unit.html === null && sourceLines) placeLinePlaceholders(unit.body.tokens);
    unit.html = md.renderer.render(unit.body.tokens, md.options, {});
    unit.htmlVersion = unit.body.version;
  }
  return unit.html;
}

/** Replaces the placeholders with document lines: the unit starts at `start`. */
export function withLines(html: string, start: number): string {
  if (!html.includes(LINE_NONCE)) return html;
  const parts = html.split(LINE_NONCE);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const digits = /^\d+/.exec(part)![0];
    out += String(start + Number(digits)) + part.slice(digits.length);
  }
  return out;
}

/** The relative lines in a unit's HTML, in order (for the DOM, which sets them itself). */
export function placeholderValue(line: number): string {
  return `${LINE_NONCE}${line}`;
}
