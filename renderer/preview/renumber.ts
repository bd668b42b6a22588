/**
 * Source numbers, patched in place. Sources are numbered in order of first
 * citation, so a link added or removed near the top of a long document
 * renumbers every citation after it: thousands of blocks whose HTML differs
 * only in those numbers (measured at 100k words: 1.6–2.2 s to sanitize and
 * draw them again). Such a block keeps its nodes; only the numbers change.
 *
 * The numbers are the pipeline's own markup (source-links.ts): a citation
 * marker `<sup class="source-ref"><a href="#source-N" id="source-ref-N-K">N</a></sup>`
 * and an entry's `id="source-N"` and back link `href="#source-ref-N-K"`.
 * Two HTMLs with the same `numberShape` differ in nothing else, so setting
 * the numbers on nodes drawn from one makes exactly the nodes of the other.
 * Content with raw HTML is never renumbered (a browser may reorder what it
 * parses); callers draw it afresh.
 */

/** Every number a renumbering may change: in `#source-…` links, `source-…` ids, and a marker's text. */
const NUMBERS =
  /(<sup class="source-ref"><a href="#source-)(\d+)(" id="source-ref-)(\d+-\d+)(">)(\d+)(?=<\/a><\/sup>)|(href="#source-(?:ref-)?|id="source-(?:ref-)?)(\d+(?:-\d+)?)(?=")/g;
const LINK = /^#source-(?:ref-)?\d+(?:-\d+)?$/;
const ID = /^source-(?:ref-)?\d+(?:-\d+)?$/;
const DIGITS = /^\d+$/;

/** `html` with those numbers blanked. */
export function numberShape(html: string): string {
  return html.replace(NUMBERS, (...m: (string | undefined)[]) => (m[1] !== undefined ? `${m[1]}#${m[3]}#${m[5]}#` : `${m[7]}#`));
}

/** The numbers `html` holds, by kind, in document order. */
function numbersOf(html: string): { hrefs: string[]; ids: string[]; texts: string[] } {
  const hrefs: string[] = [];
  const ids: string[] = [];
  const texts: string[] = [];
  for (const m of html.matchAll(NUMBERS)) {
    if (m[1] !== undefined) {
      hrefs.push(`#source-${m[2]}`);
      ids.push(`source-ref-${m[4]}`);
      texts.push(m[6]!);
    } else {
      const attr = m[7]!;
      (attr.startsWith('href') ? hrefs : ids).push(attr.slice(attr.indexOf('"') + 1) + m[8]!);
    }
  }
  return { hrefs, ids, texts };
}

/** The elements under `nodes` (and `nodes` themselves) that may carry a source number, in document order. */
function numbered(nodes: readonly ChildNode[]): Element[] {
  const selector = '[href^="#source-"], [id^="source-"]';
  const found: Element[] = [];
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.matches(selector)) found.push(el);
    found.push(...el.querySelectorAll(selector));
  }
  return found;
}

/**
 * Sets on `nodes` (drawn from HTML of the same `numberShape`) the numbers
 * `html` holds. Changes nothing and says false if they don't hold the
 * numbered places that HTML describes.
 */
export function renumber(nodes: readonly ChildNode[], html: string): boolean {
  const want = numbersOf(html);
  const links: Element[] = [];
  const ids: Element[] = [];
  const texts: Element[] = [];
  for (const el of numbered(nodes)) {
    const href = el.getAttribute('href');
    if (href !== null && el.localName === 'a' && LINK.test(href)) links.push(el);
    if (ID.test(el.id)) ids.push(el);
    if (el.localName === 'a' && el.parentElement?.matches('sup.source-ref') && DIGITS.test(el.textContent ?? '')) texts.push(el);
  }
  if (links.length !== want.hrefs.length || ids.length !== want.ids.length || texts.length !== want.texts.length) return false;
  links.forEach((el, i) => el.getAttribute('href') !== want.hrefs[i] && el.setAttribute('href', want.hrefs[i]!));
  ids.forEach((el, i) => el.id !== want.ids[i] && (el.id = want.ids[i]!));
  texts.forEach((el, i) => el.textContent !== want.texts[i] && (el.textContent = want.texts[i]!));
  return true;
}
