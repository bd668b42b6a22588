/**
 * Marks each top-level block with the source line it starts on (`data-line`),
 * from the line maps markdown-it's block tokens carry. The preview uses it to
 * keep editor and preview scrolled to the same place (as VS Code's engine does).
 */
import type { MarkdownIt, StateCore } from 'markdown-it';

export function sourceLinesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('byline_source_lines', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.map && token.nesting !== -1 && token.level === 0 && token.block) {
        token.attrSet('data-line', String(token.map[0]));
      }
    }
    return false;
  });
}
