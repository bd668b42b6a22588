/**
 * markdown-it-footnote's 'footnote_tail' core rule, in linear time. The
 * plugin's own rule appends each note with `tokens = tokens.concat(…)`, which
 * copies the whole stream once per note: a document of a few thousand notes
 * (hostile, or just long) took seconds, quadratically more with each note.
 * This is the same rule producing the same tokens, appending in place.
 * Install after markdown-it-footnote: it replaces the rule by name.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

interface FootnoteListEntry {
  label?: string;
  count: number;
  tokens?: Token[];
  content?: string;
}

export function linearFootnoteTailPlugin(md: MarkdownIt): void {
  md.core.ruler.at('footnote_tail', footnoteTail);
}

function footnoteTail(state: StateCore): void {
  const footnotes = (state.env as { footnotes?: { list?: FootnoteListEntry[] } }).footnotes;
  if (!footnotes) return;
  const refTokens = new Map<string, Token[]>();
  let current: Token[] = [];
  let currentLabel = '';
  let insideRef = false;
  const out: Token[] = [];
  for (const tok of state.tokens) {
    if (tok.type === 'footnote_reference_open') {
      insideRef = true;
      current = [];
      currentLabel = (tok.meta as { label: string }).label;
    } else if (tok.type === 'footnote_reference_close') {
      insideRef = false;
      refTokens.set(currentLabel, current);
    } else if (insideRef) current.push(tok);
    else out.push(tok);
  }
  state.tokens = out;

  const list = footnotes.list;
  if (!list) return;
  out.push(new state.Token('footnote_block_open', '', 1));
  let tokens: Token[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    const open = new state.Token('footnote_open', '', 1);
    open.meta = { id: i, label: entry.label };
    out.push(open);
    if (entry.tokens) {
      const paragraphOpen = new state.Token('paragraph_open', 'p', 1);
      paragraphOpen.block = true;
      const inline = new state.Token('inline', '', 0);
      inline.children = entry.tokens;
      inline.content = entry.content ?? '';
      const paragraphClose = new state.Token('paragraph_close', 'p', -1);
      paragraphClose.block = true;
      tokens = [paragraphOpen, inline, paragraphClose];
    } else if (entry.label) {
      tokens = refTokens.get(entry.label);
    }
    if (tokens) for (const token of tokens) out.push(token);
    const lastParagraph = out[out.length - 1]!.type === 'paragraph_close' ? out.pop()! : null;
    const count = entry.count > 0 ? entry.count : 1;
    for (let j = 0; j < count; j++) {
      const anchor = new state.Token('footnote_anchor', '', 0);
      anchor.meta = { id: i, subId: j, label: entry.label };
      out.push(anchor);
    }
    if (lastParagraph) out.push(lastParagraph);
    out.push(new state.Token('footnote_close', '', -1));
  }
  out.push(new state.Token('footnote_block_close', '', -1));
}
