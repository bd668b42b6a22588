/**
 * Quotation marks per language for the typographer: [double open, double
 * close, single open, single close], as markdown-it's `quotes` option takes them.
 */
export const QUOTE_STYLES = {
  en: ['“', '”', '‘', '’'],
  'en-GB': ['‘', '’', '“', '”'],
  de: ['„', '“', '‚', '‘'],
  fr: ['«\u202F', '\u202F»', '‹\u202F', '\u202F›'],
  es: ['«', '»', '“', '”'],
  it: ['«', '»', '“', '”'],
  nl: ['“', '”', '‘', '’'],
  pl: ['„', '”', '«', '»'],
  ru: ['«', '»', '„', '“'],
  sv: ['”', '”', '’', '’'],
} as const satisfies Record<string, readonly [string, string, string, string]>;

export type QuoteStyleName = keyof typeof QUOTE_STYLES;

/** True for a style we have (own keys only: `__proto__` is not a style). */
export function isQuoteStyle(style: unknown): style is QuoteStyleName {
  return typeof style === 'string' && Object.prototype.hasOwnProperty.call(QUOTE_STYLES, style);
}

export function quotePairs(style: QuoteStyleName): string[] {
  return [...(isQuoteStyle(style) ? QUOTE_STYLES[style] : QUOTE_STYLES.en)];
}
