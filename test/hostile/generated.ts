/**
 * The denial-of-service documents too large to keep as files: built on demand
 * (the e2e corpus run writes them beside the others, the fuzz test seeds from
 * them). Each name is the file name it gets in the `dos` category.
 */
export interface GeneratedDocument {
  name: string;
  text: string;
}

const repeat = (count: number, make: (i: number) => string, join = ''): string => Array.from({ length: count }, (_, i) => make(i)).join(join);

/**
 * @param scale 1 = the full sizes (50k links…); the e2e run uses a fraction
 * (BYLINE_HOSTILE_SCALE, default 0.1), since there the editor and the browser
 * share two cores with everything else, while the pipeline test runs them full.
 */
export function generatedDocuments(scale = 1): GeneratedDocument[] {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return [
    { name: 'deep-quotes.gen.md', text: `${'>'.repeat(n(5000))} deep quote\n\n${repeat(n(2000), (i) => `${'> '.repeat(i % 200)}line ${i}`, '\n')}\n` },
    { name: 'deep-lists.gen.md', text: `${repeat(n(3000), (i) => `${'  '.repeat(i % 300)}- item ${i}`, '\n')}\n\n${repeat(n(1000), (i) => `${'   '.repeat(i % 200)}1. n`, '\n')}\n` },
    { name: 'deep-emphasis.gen.md', text: `${'*'.repeat(n(20000))}a${'*'.repeat(n(20000))}\n\n${'_'.repeat(n(20000))}b\n\n${'**a '.repeat(n(10000))}\n` },
    { name: 'pathological-emphasis.gen.md', text: `${'*a**'.repeat(n(20000))}\n\n${'*a **a '.repeat(n(10000))}\n\n${'a*b_'.repeat(n(20000))}\n\n${'~~a'.repeat(n(20000))}\n` },
    { name: '50k-links.gen.md', text: `${repeat(n(50000), (i) => `[l](https://e.example/${i})`, ' ')}\n` },
    { name: 'giant-table.gen.md', text: `|${repeat(40, (i) => ` h${i} |`)}\n|${'---|'.repeat(40)}\n${repeat(n(2000), (r) => `|${repeat(40, (c) => ` ${r}.${c} |`)}`, '\n')}\n` },
    { name: 'many-footnotes.gen.md', text: `${repeat(n(5000), (i) => `word[^n${i}]`, ' ')}\n\n${repeat(n(5000), (i) => `[^n${i}]: note ${i}`, '\n')}\n` },
    { name: 'many-references.gen.md', text: `${repeat(n(20000), (i) => `[r${i}]`, ' ')}\n\n${repeat(n(20000), (i) => `[r${i}]: https://example.com/r/${i}`, '\n')}\n` },
    { name: 'long-line.gen.md', text: `${'word '.repeat(n(200000))}\n` },
    { name: 'many-headings.gen.md', text: `${repeat(n(10000), (i) => `${'#'.repeat((i % 6) + 1)} Heading ${i} <img src=x onerror=alert(1)>`, '\n\n')}\n` },
  ];
}
