/**
 * The stylesheets an export inlines: the article stylesheet the preview uses
 * (assets/styles/article.css, so the preview is the export), the shipped
 * fonts, and the few rules an export adds (fonts first in the stack, a page
 * background, placeholders for images not embedded). Print adds
 * assets/styles/print.css on top.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { embeddedFontFaces, SANS_FAMILY, SERIF_FAMILY } from './export-fonts';

/** `assets/styles/`, found from this bundle (dist/electron/) or this source file (electron/services/export/). */
export function stylesDir(start: string = __dirname): string {
  for (let dir = start, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'assets', 'styles');
    if (existsSync(path.join(candidate, 'article.css'))) return candidate;
  }
  throw new Error('Byline’s stylesheets (assets/styles/article.css) are missing from this installation.');
}

const cache = new Map<string, string>();
function readStyle(name: string): string {
  let css = cache.get(name);
  if (css === undefined) {
    css = readFileSync(path.join(stylesDir(), name), 'utf8');
    cache.set(name, css);
  }
  return css;
}

/** Rules every export adds to article.css: our fonts first, so it looks the same everywhere. */
export const EXPORT_RULES = `
html { background: #fff; }
body { margin: 0; padding: 3rem 1.25rem 4rem; }
.article { font-family: '${SERIF_FAMILY}', Georgia, 'DejaVu Serif', serif; }
.article .byline, .article .source-ref a { font-family: '${SANS_FAMILY}', system-ui, 'DejaVu Sans', sans-serif; }
.article .image-placeholder { color: var(--article-muted); font-style: italic; }
@media (prefers-color-scheme: dark) { html { background: #161513; } }
`;

/** The standalone HTML's stylesheet. */
export function htmlStylesheet(): string {
  return [embeddedFontFaces(), readStyle('article.css'), EXPORT_RULES].join('\n');
}

/** The print page's stylesheet; `pageRule` is the `@page` rule for the chosen size. */
export function printStylesheet(pageRule: string): string {
  return [embeddedFontFaces(), readStyle('article.css'), EXPORT_RULES, readStyle('print.css'), pageRule].join('\n');
}

/** `</style` inside CSS would end the element early; our CSS never has it, but be sure. */
export function styleElement(css: string): string {
  return `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`;
}
