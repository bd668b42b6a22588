/**
 * Attributed quotes: a blockquote whose last paragraph starts with an em
 * dash (`—`, `―`, or `--`/`---` typed as hyphens) becomes
 * `<figure class="quote"><blockquote>…</blockquote><figcaption>…</figcaption></figure>`.
 * The caption holds the attribution without its dash (the stylesheet puts
 * "— " back with `figcaption::before`). A quote that is nothing but an
 * attribution stays a plain blockquote. Write `\--` to start a last
 * paragraph with hyphens and no attribution.
 *
 * A core rule right after 'inline', working on tokens: the paragraph's raw
 * source still has the typed dash, before the typographer turns `--` into –.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const ATTRIBUTION = /^(?:\u2014|\u2015|-{2,3}(?!-))[ \t]*(?=\S)/;
const DASH = /^(?:\u2014|\u2015|-{2,3})[ \t]*/;

export function quoteFiguresPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'byline_quote_figures', quoteFigures);
}

function quoteFigures(state: StateCore): void {
  const tokens = state.tokens;
  const open: number[] = [];
  // Blockquote open index → index of its attribution paragraph_open.
  const figures = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.type;
    if (type === 'blockquote_open') open.push(i);
    else if (type === 'blockquote_close') {
      const start = open.pop();
      if (start !== undefined && isAttributed(tokens, start, i)) {
        figures.set(start, i - 3);
      }
    }
  }
  if (figures.size === 0) return;

  // One linear rebuild: figure around the quote, the blockquote closed before
  // the attribution, the attribution's paragraph turned into the caption.
  const out: Token[] = [];
  const pendingCaption = new Map<number, Token>(); // attribution index → its blockquote_close
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const captionAt = figures.get(i);
    if (captionAt !== undefined) {
      const figure = new state.Token('byline_quote_figure_open', 'figure', 1);
      figure.attrSet('class', 'quote');
      figure.block = true;
      figure.map = token.map;
      figure.level = token.level;
      out.push(figure);
      pendingCaption.set(captionAt, tokens[captionAt + 3]!);
    }
    const blockquoteClose = pendingCaption.get(i);
    if (blockquoteClose) {
      out.push(blockquoteClose);
      captionTokens(tokens, i);
      out.push(token, tokens[i + 1]!, tokens[i + 2]!);
      const figureClose = new state.Token('byline_quote_figure_close', 'figure', -1);
      figureClose.block = true;
      figureClose.level = blockquoteClose.level;
      out.push(figureClose);
      i += 3; // paragraph_open, inline, paragraph_close, blockquote_close
      continue;
    }
    out.push(token);
  }
  state.tokens = out;
}

/** The blockquote's last child is a paragraph starting with a dash, after some other content. */
function isAttributed(tokens: Token[], open: number, close: number): boolean {
  const last = close - 3;
  if (last <= open + 1) return false; // nothing but the attribution
  const paragraph = tokens[last]!;
  const inline = tokens[last + 1]!;
  return (
    paragraph.type === 'paragraph_open' &&
    paragraph.level === tokens[open]!.level + 1 &&
    inline.type === 'inline' &&
    tokens[last + 2]!.type === 'paragraph_close' &&
    ATTRIBUTION.test(inline.content)
  );
}

/** Paragraph → figcaption, and the dash cut from the first text. */
function captionTokens(tokens: Token[], at: number): void {
  const [open, inline, close] = [tokens[at]!, tokens[at + 1]!, tokens[at + 2]!];
  open.type = 'byline_quote_caption_open';
  open.tag = 'figcaption';
  open.hidden = false;
  close.type = 'byline_quote_caption_close';
  close.tag = 'figcaption';
  close.hidden = false;
  const first = inline.children?.[0];
  if (first && first.type === 'text') first.content = first.content.replace(DASH, '');
}
