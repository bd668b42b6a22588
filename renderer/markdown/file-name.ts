/**
 * A file name for a piece, made from its headline: “Kerry: If Russia Doesn't
 * Back Down From Aleppo... We Will Sit in a Corner and Pout” → kerry-russia-aleppo.
 *
 * - Short: the key words of the headline's first clause (the words before the
 *   first . ? ! : ; , or dash, taking more clauses until there are two), at
 *   most MAX_SLUG_WORDS of them and MAX_SLUG_CHARS characters, cut between words.
 * - Key words: English stop words (articles, prepositions, pronouns,
 *   auxiliaries, verb particles) are dropped, unless every word is one.
 * - Lower case, accents and ligatures folded to ASCII (é→e, ß→ss, Œ→oe); letters
 *   of scripts with no ASCII form (Cyrillic, Greek, CJK, Devanagari…) are kept,
 *   since dropping them would name every such piece “untitled”.
 * - Only letters, digits and single dashes: no separators, dots or characters
 *   a disk refuses; never empty; never a name Windows reserves (con, nul, lpt1…).
 *
 * Pure, and shared: the page suggests the name in Save, main names new drafts.
 */
import { documentHeadline } from './headline';

export const MAX_SLUG_WORDS = 5;
export const MAX_SLUG_CHARS = 50;
/** Stop once a clause ends with at least this many key words. */
const ENOUGH_WORDS = 2;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

// Apostrophes are removed before the lookup, so contractions appear without them.
const STOP_WORDS = new Set(
  (
    'a an the and or but nor so yet if then than as of at by for from in into onto on off out over under up down back ' +
    'to with within without about above across after against along among around before behind below beneath beside ' +
    'between beyond during except inside near past since through throughout till toward towards until upon via ' +
    'is are was were be been being am do does did doing done have has had having will would shall should can could ' +
    'may might must ought i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his ' +
    'himself she her hers herself it its itself they them their theirs themselves this that these those who whom whose ' +
    'which what when where why how there here all any both each either neither some such no not only own same very ' +
    'just too also dont doesnt didnt isnt arent wasnt werent wont wouldnt cant couldnt shouldnt hasnt havent hadnt ' +
    'mustnt neednt im ive id ill youre youve youd youll hes shes weve wed well theyre theyve theyd theyll thats ' +
    'theres whats whos lets'
  ).split(' '),
);

/** Letters with no decomposition to an ASCII base. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŋ: 'n', ħ: 'h', ĸ: 'k', ŀ: 'l', ſ: 's', ŧ: 't',
};

// Compiled once: Unicode property patterns are slow to compile.
const LATIN_MARKS = /(?<=[A-Za-z])\p{M}+/gu;
const SPECIAL = /[ßæœøłđðþıŋħĸŀſŧ]/g;
const POSSESSIVE = /(?<=[\p{L}\p{N}])['’ʼ]s(?![\p{L}\p{N}])/gu;
const APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu;
const DECIMAL = /(?<=\d)[.,](?=\d)/g;
const WORD_START = /^[\p{L}\p{N}]/u;

/** Lower case, Latin accents and ligatures folded to ASCII, other scripts intact. */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(LATIN_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFC');
}

/** Words and clause breaks, in order. */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*|[.?!…;:,()\u2013\u2014]|\s-{1,2}\s/gu;

function capLength(words: string[]): string {
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_CHARS) return slug || word.slice(0, MAX_SLUG_CHARS);
    slug = next;
  }
  return slug;
}

/** The slug of a headline; `fallback` when it has no words at all. */
export function fileSlug(headline: string, fallback = 'untitled'): string {
  const text = foldToAscii(headline.slice(0, 1000))
    .replace(POSSESSIVE, '') // kerry's → kerry
    .replace(APOSTROPHE, '') // doesn't → doesnt
    .replace(DECIMAL, ' '); // 3.5: a number, not a clause break
  const words: string[] = [];
  const keys: string[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const token = match[0];
    if (!WORD_START.test(token)) {
      if (keys.length >= ENOUGH_WORDS) break;
      continue;
    }
    words.push(token);
    if (!STOP_WORDS.has(token)) keys.push(token);
    if (keys.length >= MAX_SLUG_WORDS) break;
  }
  const chosen = (keys.length > 0 ? keys : words).slice(0, MAX_SLUG_WORDS);
  const slug = capLength(chosen);
  if (!slug) return fallback;
  return RESERVED.test(slug) ? `${slug}-piece` : slug;
}

/** The name Save suggests for a document never saved: `<slug>.md`, `untitled.md` when it has no headline. */
export function suggestedFileName(text: string): string {
  return `${fileSlug(documentHeadline(text) ?? '')}.md`;
}
