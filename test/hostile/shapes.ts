/**
 * Shapes that have made Markdown parsers quadratic, for the pipeline's
 * complexity checks: the deterministic one in npm test (work counted in rule
 * calls, test/unit/hostile/fuzz.test.ts) and the timed one in `npm run bench`.
 * `shape(i)` is one repeat.
 */
export const SHAPES: Record<string, (i: number) => string> = {
  'pathological emphasis': () => '*a**',
  'mixed emphasis': () => 'a*b_',
  'unclosed emphasis runs': () => '*a **a ',
  'strikethrough runs': () => '~~a',
  'nested brackets': () => '[',
  'unclosed links': () => '[a](',
  'links': (i) => `[l](https://e.example/${i}) `,
  'reference links': (i) => `[r${i}] `,
  'footnotes': (i) => `w[^n${i}] `,
  'inline notes': (i) => `w^[n ${i}] `,
  'backticks': () => '`a``',
  'angle brackets': () => '<',
  'raw HTML': () => '<div>',
  'quotes': (i) => `${'> '.repeat(i % 50)}q\n`,
  'lists': (i) => `${'  '.repeat(i % 50)}- i\n`,
  'table rows': (i) => (i === 0 ? '|a|b|c|\n|-|-|-|\n' : `|${i}|x|y|\n`),
  'headings': (i) => `## h${i}\n\n`,
};

/** `count` repeats of the named shape, with the definitions its references and notes need. */
export function buildShape(name: string, count: number): string {
  const shape = SHAPES[name]!;
  let text = '';
  for (let i = 0; i < count; i++) text += shape(i);
  if (name === 'reference links') for (let i = 0; i < count; i++) text += `\n[r${i}]: https://e.example/${i}`;
  if (name === 'footnotes') for (let i = 0; i < count; i++) text += `\n\n[^n${i}]: note`;
  return text;
}
