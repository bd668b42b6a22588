/**
 * The plain-text export, for email submissions and submission forms:
 * headline and byline on top, one line per paragraph (or wrapped at `width`
 * characters when asked: `--wrap N`), quotes indented with their
 * attribution, links as `[n]` and the numbered sources at the end, each with
 * its full URL alone on the next line. Built from the pipeline's tokens
 * (never by scraping HTML), so numbering and typography match the preview
 * exactly.
 */
import type { Token } from 'markdown-it';
import { dateFormatter, formatDate } from '../../../renderer/markdown/article-header';
import type { FrontMatter } from '../../../renderer/markdown/front-matter-fields';
import type { SourceEntry } from '../../../renderer/markdown/source-types';
import { listHeading, type ListContents } from '../../../renderer/markdown/sources-list';
import type { ParsedDocument } from './export-markdown';
import { fieldText, inlineText } from './plain-inline';
import { RULE_WIDTH, wrapText } from './text-wrap';

const QUOTE_INDENT = '    ';

interface Frame {
  /** Prefix for the first line of the next block, and for its other lines. */
  first: string;
  rest: string;
  kind: 'root' | 'quote' | 'bullet' | 'ordered' | 'item' | 'note';
  counter: number;
}

export interface PlainTextOptions {
  /** Date locale for the byline. */
  locale?: string;
  /** Wrap lines at this many characters; null or absent: one line per paragraph. */
  width?: number | null;
}

export function plainText(doc: ParsedDocument, { locale = 'en-GB', width = null }: PlainTextOptions = {}): string {
  const { md, tokens } = doc;
  const wrap = (text: string, indent: { first?: string; rest?: string } = {}) => wrapText(text, { ...indent, width });
  const blocks: string[] = [];
  const stack: Frame[] = [{ first: '', rest: '', kind: 'root', counter: 0 }];
  const top = () => stack[stack.length - 1]!;
  /** Adds a block of lines under the current prefixes; the next block starts fresh. */
  const emit = (lines: string[]) => {
    blocks.push(lines.join('\n'));
    const frame = top();
    frame.first = frame.rest;
  };
  const paragraph = (text: string) => emit(wrap(text, { first: top().first, rest: top().rest }));
  const push = (kind: Frame['kind'], first: string, rest: string) => {
    const parent = top();
    stack.push({ first: parent.first + first, rest: parent.rest + rest, kind, counter: 0 });
    parent.first = parent.rest;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'byline_front_matter':
        blocks.push(...headerBlocks(md, (token.meta as { frontMatter?: FrontMatter }).frontMatter, locale, wrap));
        break;
      case 'heading_open': {
        const text = inlineText(tokens[i + 1]!.children).replace(/\s+/g, ' ').trim();
        const underline = token.tag === 'h1' ? '=' : '-';
        const lines = wrap(text, { first: top().first, rest: top().rest });
        emit([...lines, top().rest + underline.repeat(Math.min(width ?? RULE_WIDTH, Math.max(...lines.map((l) => [...l].length)) - top().rest.length))]);
        i += 2;
        break;
      }
      case 'paragraph_open':
        paragraph(inlineText(tokens[i + 1]!.children));
        i += 2;
        break;
      case 'byline_quote_caption_open':
        emit(wrap(`— ${inlineText(tokens[i + 1]!.children)}`, { first: top().rest + QUOTE_INDENT, rest: top().rest + QUOTE_INDENT + '  ' }));
        i += 2;
        break;
      case 'blockquote_open':
        push('quote', QUOTE_INDENT, QUOTE_INDENT);
        break;
      case 'bullet_list_open':
        push('bullet', '', '');
        break;
      case 'ordered_list_open': {
        push('ordered', '', '');
        top().counter = Number(token.attrGet('start') ?? 1) - 1;
        break;
      }
      case 'list_item_open': {
        const list = top();
        const marker = list.kind === 'ordered' ? `${++list.counter}. ` : '* ';
        push('item', marker, ' '.repeat(marker.length));
        break;
      }
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'byline_note_close':
        stack.pop();
        break;
      case 'code_block':
      case 'fence':
        emit(token.content.replace(/\n$/, '').split('\n').map((line) => (top().rest + QUOTE_INDENT + line).trimEnd()));
        break;
      case 'hr':
        emit([`${top().rest}* * *`]);
        break;
      case 'html_block': {
        const text = md.utils.unescapeAll(token.content.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
        if (text) paragraph(text);
        break;
      }
      case 'table_open':
        i = tableBlock(tokens, i, emit, top().rest);
        break;
      case 'byline_sources_open':
        blocks.push(`${'-'.repeat(20)}\n\n${listHeading(token.meta as ListContents)}`);
        break;
      case 'byline_source_item':
        emit(sourceLines(md, (token.meta as { entry: SourceEntry }).entry, wrap));
        break;
      case 'byline_note_open': {
        const marker = `[${(token.meta as { number: number }).number}] `;
        push('note', marker, ' '.repeat(marker.length));
        break;
      }
      default:
        break;
    }
  }
  return `${blocks.join('\n\n').replace(/[ \t]+$/gm, '')}\n`;
}

type Wrap = (text: string, indent?: { first?: string; rest?: string }) => string[];

function headerBlocks(md: ParsedDocument['md'], fields: FrontMatter | undefined, locale: string, wrap: Wrap): string[] {
  if (!fields || fields.error) return [];
  const out: string[] = [];
  const top: string[] = [];
  if (fields.title) top.push(...wrap(fieldText(md, fields.title)));
  if (fields.subtitle) top.push(...wrap(fieldText(md, fields.subtitle)));
  if (top.length) out.push(top.join('\n'));
  const parts: string[] = [];
  if (fields.author) parts.push(`By ${fieldText(md, fields.author)}`);
  if (fields.date) {
    const formatter = dateFormatter(locale);
    parts.push(formatDate(fields.date, (d) => formatter.format(d))?.text ?? fields.date);
  }
  if (fields.publication) parts.push(fieldText(md, fields.publication));
  if (parts.length) out.push(wrap(parts.join(' · ')).join('\n'));
  if (out.length) out.push('-'.repeat(20));
  return out;
}

function sourceLines(md: ParsedDocument['md'], entry: SourceEntry, wrap: Wrap): string[] {
  let url = entry.url;
  try {
    if (url.includes('%') || url.includes('xn--')) url = md.normalizeLinkText(url);
  } catch {
    // shown as written
  }
  const marker = `[${entry.number}] `;
  const label = entry.title || entry.text || url;
  const head = entry.domain ? `${label}. ${entry.domain}.` : `${label}.`;
  const indent = ' '.repeat(marker.length);
  return [...wrap(head, { first: marker, rest: indent }), `${indent}${url}`];
}

function tableBlock(tokens: Token[], start: number, emit: (lines: string[]) => void, prefix: string): number {
  const rows: string[] = [];
  let cells: string[] = [];
  let i = start;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const token = tokens[i]!;
    if (token.type === 'inline') cells.push(inlineText(token.children).trim());
    else if (token.type === 'tr_close') {
      rows.push(prefix + cells.join(' | '));
      cells = [];
    }
  }
  emit(rows);
  return i;
}
