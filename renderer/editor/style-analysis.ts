/**
 * The style checks as pure functions over plain prose (English): long
 * sentences, passive voice, adverbs, hedges and weasel words, clichés and
 * repeated words. Word lists are data (assets/style-checks/*.json). Returns
 * issues as offsets into the text; the editor draws them (style-checks.ts).
 */
import type { StyleCheckName } from '../../electron/contract';
import hedgeList from '../../assets/style-checks/hedges.json';
import clicheList from '../../assets/style-checks/cliches.json';
import adverbExceptionList from '../../assets/style-checks/adverb-exceptions.json';
import participleList from '../../assets/style-checks/passive-participles.json';
import repeatedList from '../../assets/style-checks/repeated-word-exceptions.json';
import { splitSentences } from './sentences';

export interface StyleIssue {
  check: StyleCheckName;
  from: number;
  to: number;
  message: string;
}

export interface StyleOptions {
  /** Sentences with more words than this are long (default 30). */
  longSentenceWords: number;
}

export const DEFAULT_STYLE_OPTIONS: StyleOptions = { longSentenceWords: 30 };

interface WordToken {
  text: string;
  lower: string;
  from: number;
  to: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

function words(text: string, offset = 0): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ text: match[0], lower: match[0].toLowerCase().replace(/’/g, "'"), from: offset + match.index, to: offset + match.index + match[0].length });
  }
  return tokens;
}

/** One case-insensitive regex for a phrase list: whole words, any whitespace between them, either apostrophe. */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const escaped = [...new Set(phrases.map((p) => p.toLowerCase().trim()))]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]"));
  return new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}'’-])`, 'giu');
}

const HEDGES = phrasePattern(hedgeList.phrases);
const CLICHES = phrasePattern(clicheList.phrases);
const ADVERB_EXCEPTIONS = new Set(adverbExceptionList.words);
const PARTICIPLES = new Set(participleList.words);
const NOT_PARTICIPLES = new Set(participleList.notParticiples);
const REPEAT_EXCEPTIONS = new Set(repeatedList.pairs);
const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't", 'get', 'gets', 'got', 'getting']);
const BETWEEN = new Set(['not', 'never', 'also', 'just', 'being', 'been', 'often', 'still', 'always', 'all', 'both']);

function isParticiple(word: string): boolean {
  if (PARTICIPLES.has(word)) return true;
  return word.length >= 4 && word.endsWith('ed') && !NOT_PARTICIPLES.has(word);
}

function isAdverb(word: string): boolean {
  return word.length > 4 && word.endsWith('ly') && !ADVERB_EXCEPTIONS.has(word);
}

function longSentences(text: string, options: StyleOptions): StyleIssue[] {
  const issues: StyleIssue[] = [];
  for (const sentence of splitSentences(text)) {
    const count = words(text.slice(sentence.from, sentence.to)).length;
    if (count > options.longSentenceWords) {
      issues.push({ check: 'long-sentences', ...sentence, message: `Long sentence: ${count} words (more than ${options.longSentenceWords}). Consider splitting it.` });
    }
  }
  return issues;
}

/** A form of "to be" (or "get"), optionally an adverb or "not", then a past participle: "was closed", "are widely used". */
function passiveVoice(tokens: WordToken[], text: string): StyleIssue[] {
  const issues: StyleIssue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!BE.has(tokens[i]!.lower)) continue;
    let j = i + 1;
    for (let skipped = 0; j < tokens.length && skipped < 2; j++, skipped++) {
      const word = tokens[j]!.lower;
      if (!(BETWEEN.has(word) || isAdverb(word)) || isParticiple(word)) break;
    }
    const participle = tokens[j];
    if (!participle || !isParticiple(participle.lower)) continue;
    if (!/^\s+$/.test(text.slice(tokens[j - 1]!.to, participle.from)) || /[.!?;:,]/.test(text.slice(tokens[i]!.to, participle.from))) continue;
    issues.push({ check: 'passive-voice', from: tokens[i]!.from, to: participle.to, message: `Passive voice: “${text.slice(tokens[i]!.from, participle.to)}”. Who did it?` });
    i = j;
  }
  return issues;
}

function adverbs(tokens: WordToken[]): StyleIssue[] {
  return tokens
    .filter((t) => isAdverb(t.lower))
    .map((t) => ({ check: 'adverbs' as const, from: t.from, to: t.to, message: `Adverb: “${t.text}”. A stronger verb may do without it.` }));
}

function phrases(text: string, pattern: RegExp, check: StyleCheckName, describe: (phrase: string) => string): StyleIssue[] {
  const issues: StyleIssue[] = [];
  for (const match of text.matchAll(pattern)) {
    issues.push({ check, from: match.index, to: match.index + match[0].length, message: describe(match[0].replace(/\s+/g, ' ')) });
  }
  return issues;
}

function repeatedWords(tokens: WordToken[], text: string): StyleIssue[] {
  const issues: StyleIssue[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [tokens[i - 1]!, tokens[i]!];
    if (a.lower !== b.lower || !/^\s+$/.test(text.slice(a.to, b.from))) continue;
    if (REPEAT_EXCEPTIONS.has(`${a.lower} ${b.lower}`) || /^\p{N}+$/u.test(a.lower)) continue;
    issues.push({ check: 'repeated-words', from: a.from, to: b.to, message: `Repeated word: “${b.text}”.` });
  }
  return issues;
}

/** Runs the given checks over one block of plain (or masked) prose; issues sorted by position. */
export function analyzeStyle(text: string, checks: ReadonlySet<StyleCheckName>, options: StyleOptions = DEFAULT_STYLE_OPTIONS): StyleIssue[] {
  if (checks.size === 0 || !/\S/.test(text)) return [];
  const tokens = checks.has('passive-voice') || checks.has('adverbs') || checks.has('repeated-words') ? words(text) : [];
  const issues: StyleIssue[] = [];
  if (checks.has('long-sentences')) issues.push(...longSentences(text, options));
  if (checks.has('passive-voice')) issues.push(...passiveVoice(tokens, text));
  if (checks.has('adverbs')) issues.push(...adverbs(tokens));
  if (checks.has('hedges')) issues.push(...phrases(text, HEDGES, 'hedges', (p) => `Hedge or weasel word: “${p}”. Say it plainly, or say who says it.`));
  if (checks.has('cliches')) issues.push(...phrases(text, CLICHES, 'cliches', (p) => `Cliché: “${p}”. Find a fresher way to say it.`));
  if (checks.has('repeated-words')) issues.push(...repeatedWords(tokens, text));
  return issues.sort((a, b) => a.from - b.from || a.to - b.to);
}
