/**
 * The fonts every export uses, shipped with the app (open-licensed, from
 * npm: @fontsource/source-serif-4 for the text, @fontsource/inter for the
 * byline and source markers) and embedded as data: URIs, so a PDF or an HTML
 * file looks the same on every machine and loads nothing. Latin subsets only,
 * which keeps a standalone file about 170 KB heavier; other scripts fall back
 * to the reader's fonts.
 */
import { readFileSync } from 'node:fs';

export const SERIF_FAMILY = 'Source Serif 4';
export const SANS_FAMILY = 'Inter';

interface FontFile {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  file: string;
}

const FONTS: readonly FontFile[] = [
  { family: SERIF_FAMILY, weight: 400, style: 'normal', file: '@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2' },
  { family: SERIF_FAMILY, weight: 400, style: 'italic', file: '@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2' },
  { family: SERIF_FAMILY, weight: 700, style: 'normal', file: '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2' },
  { family: SERIF_FAMILY, weight: 700, style: 'italic', file: '@fontsource/source-serif-4/files/source-serif-4-latin-700-italic.woff2' },
  { family: SANS_FAMILY, weight: 400, style: 'normal', file: '@fontsource/inter/files/inter-latin-400-normal.woff2' },
  { family: SANS_FAMILY, weight: 600, style: 'normal', file: '@fontsource/inter/files/inter-latin-600-normal.woff2' },
];

/** Fontsource's latin range: Basic Latin, Latin-1, general punctuation (curly quotes, dashes), €, ™. */
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

let cached: string | null = null;

/** `@font-face` rules with the font files inline. Read once per process. */
export function embeddedFontFaces(): string {
  if (cached !== null) return cached;
  cached = FONTS.map((font) => {
    const data = readFileSync(require.resolve(font.file)).toString('base64');
    return (
      `@font-face { font-family: '${font.family}'; font-style: ${font.style}; font-weight: ${font.weight}; ` +
      `font-display: block; src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${LATIN_RANGE}; }`
    );
  }).join('\n');
  return cached;
}
