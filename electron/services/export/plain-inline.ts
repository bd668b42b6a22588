/**
 * Inline tokens as plain text, for the plain-text export and for metadata
 * (`<title>`, description): the pipeline's own tokens, so the text has the
 * typographer's quotes and dashes and the same source numbers as the HTML.
 * Links become `[n]` after their text (footnote modes) or `text (url)`
 * (inline mode); images their alt text; raw HTML is dropped.
 */
import type { MarkdownIt, Token } from 'markdown-it';
import type { SourceMark } from '../../../renderer/markdown/sources-list';
import { imagePlaceholder } from './export-markdown';

interface LinkState {
  href: string;
  plain: boolean;
  auto: boolean;
}

export function inlineText(children: readonly Token[] | null): string {
  let out = '';
  const links: LinkState[] = [];
  for (const child of children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        out += child.content;
        break;
      case 'softbreak':
        out += ' ';
        break;
      case 'hardbreak':
        out += '\n';
        break;
      case 'image':
        out += imagePlaceholder(inlineText(child.children));
        break;
      case 'link_open':
        links.push({ href: String(child.attrGet('href') ?? ''), plain: child.meta !== null, auto: child.markup === 'autolink' || child.markup === 'linkify' });
        break;
      case 'link_close': {
        const link = links.pop();
        const mark = child.meta as Partial<SourceMark> | null;
        if (mark && typeof mark.number === 'number') out += `[${mark.number}]`;
        else if (link && !link.plain && !link.auto && link.href !== '' && !link.href.startsWith('#')) out += ` (${link.href})`;
        break;
      }
      case 'byline_source_ref':
        out += `[${(child.meta as unknown as SourceMark).number}]`;
        break;
      default:
        break; // emphasis, strikethrough, raw HTML: no mark in plain text
    }
  }
  return out;
}

/** A front matter field (Markdown inline) as plain text with typography. */
export function fieldText(md: MarkdownIt, text: string): string {
  const children = md.parseInline(text.replace(/</g, '&lt;'), {})[0]?.children ?? [];
  return inlineText(children.filter((c) => c.type !== 'link_open' && c.type !== 'link_close')).replace(/\s+/g, ' ').trim();
}
