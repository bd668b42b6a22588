/**
 * The front matter header a new piece starts from — title, author, date —
 * written by the drafts library's New Draft (main) and by File → New (the
 * page), so both start a piece the same way. The title is a JSON string, which
 * is a valid YAML double-quoted scalar: a headline with a colon or a quote
 * can't break the header.
 */
export const MAX_TITLE_CHARS = 200;

/** Title as it goes into the front matter: one line, no control characters. */
export function cleanTitle(title: string): string {
  return title.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS);
}

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The header, dated `now` (local time), followed by an empty line for the body. */
export function pieceHeader(title: string, now: Date = new Date()): string {
  return `---\ntitle: ${JSON.stringify(cleanTitle(title))}\nauthor: \ndate: ${isoDate(now)}\n---\n\n`;
}

/** An untitled piece's header and where the caret goes: between the title's quotes. */
export function newPieceTemplate(now: Date = new Date()): { text: string; caret: number } {
  const text = pieceHeader('', now);
  return { text, caret: text.indexOf('title: ""') + 'title: "'.length };
}

/** True for the untouched header of a new piece (any date): a window nobody has written in yet. */
export function isNewPieceTemplate(text: string): boolean {
  return /^---\ntitle: ""\nauthor: \ndate: \d{4}-\d{2}-\d{2}\n---\n\n$/.test(text);
}
