/**
 * markdown-it-footnote's 'footnote_inline' rule (`^[…]`), with the note's
 * place in the footnote list taken before its content is parsed. The plugin
 * (4.0.0) reads the list's length, parses the content, then stores the note
 * at that index: a reference inside the note (`^[see [^x]]`, or a nested
 * `^[…]`) that is the first of its kind takes the same index and is then
 * overwritten, so the `[^x]` note vanishes and its citations point at the
 * inline note. It also made the incremental renderer's per-block parse
 * disagree with the whole document's (the first mention in a block is not
 * the first in the document). Install after markdown-it-footnote: it
 * replaces the rule by name.
 */
import type { MarkdownIt, StateInline, Token } from 'markdown-it';

interface FootnoteEnv {
  footnotes?: { list?: { content?: string; tokens?: Token[] }[] };
}

export function inlineNoteIdsPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('footnote_inline', footnoteInline);
}

function footnoteInline(state: StateInline, silent: boolean): boolean {
  const max = state.posMax;
  const start = state.pos;
  if (start + 2 >= max) return false;
  if (state.src.charCodeAt(start) !== 0x5e /* ^ */ || state.src.charCodeAt(start + 1) !== 0x5b /* [ */) return false;
  const labelStart = start + 2;
  const labelEnd = state.md.helpers.parseLinkLabel(state, start + 1);
  if (labelEnd < 0) return false;
  if (!silent) {
    const env = state.env as FootnoteEnv;
    env.footnotes ??= {};
    const list = (env.footnotes.list ??= []);
    const footnoteId = list.length;
    const tokens: Token[] = [];
    const content = state.src.slice(labelStart, labelEnd);
    // Taken first, so references parsed inside the note get indexes after it.
    list[footnoteId] = { content, tokens };
    state.md.inline.parse(content, state.md, state.env, tokens);
    const token = state.push('footnote_ref', '', 0);
    token.meta = { id: footnoteId };
  }
  state.pos = labelEnd + 1;
  state.posMax = max;
  return true;
}
