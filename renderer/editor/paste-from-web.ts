/**
 * Paste for writers: rich HTML from the web becomes clean Markdown
 * (html-to-markdown.ts); a URL pasted over selected text makes that text a
 * link; Shift+Ctrl/Cmd+V pastes the clipboard's plain text as it is.
 */
import { EditorSelection, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { createHtmlToMarkdown, type HtmlToMarkdown } from './html-to-markdown';

const SINGLE_URL = /^(?:https?:\/\/|mailto:)[^\s<>()]+$/i;
/** How long after Shift+Ctrl/Cmd+V its paste event may arrive. */
const PLAIN_PASTE_WINDOW_MS = 1000;

function insert(view: EditorView, text: string): void {
  view.dispatch(view.state.replaceSelection(text), { userEvent: 'input.paste', scrollIntoView: true });
}

/** Wraps each selected range in `[…](url)`; false when nothing is selected. */
export function linkSelection(view: EditorView, url: string): boolean {
  const { state } = view;
  if (state.selection.ranges.every((r) => r.empty)) return false;
  const selected = state.sliceDoc(state.selection.main.from, state.selection.main.to);
  if (SINGLE_URL.test(selected.trim()) || selected.includes('\n\n')) return false;
  view.dispatch(
    state.changeByRange((range) => {
      if (range.empty) return { range };
      const insert = `[${state.sliceDoc(range.from, range.to)}](${url})`;
      return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(range.from + insert.length) };
    }),
    { userEvent: 'input.paste', scrollIntoView: true },
  );
  return true;
}

export function pasteFromWeb(convert?: HtmlToMarkdown): Extension {
  let htmlToMarkdown = convert ?? null;
  let plainUntil = 0;
  return EditorView.domEventHandlers({
    keydown(event) {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.shiftKey && !event.altKey && event.code === 'KeyV') plainUntil = Date.now() + PLAIN_PASTE_WINDOW_MS;
      return false;
    },
    paste(event, view) {
      // As CodeMirror's own paste does: take in pending DOM changes (a selection just made) first.
      (view as unknown as { observer?: { flush(): void } }).observer?.flush();
      const data = event.clipboardData;
      if (!data) return false;
      const plain = data.getData('text/plain');
      if (Date.now() < plainUntil && plain) {
        plainUntil = 0;
        insert(view, plain);
        event.preventDefault();
        return true;
      }
      if (SINGLE_URL.test(plain.trim()) && linkSelection(view, plain.trim())) {
        event.preventDefault();
        return true;
      }
      const html = data.getData('text/html');
      if (!html) return false;
      htmlToMarkdown ??= createHtmlToMarkdown(window);
      const markdown = htmlToMarkdown(html);
      if (!markdown) return false;
      insert(view, markdown);
      event.preventDefault();
      return true;
    },
  });
}

/** For the `edit:paste-plain` menu command: reads the clipboard's text (may ask for permission). */
export async function pastePlainText(view: EditorView): Promise<boolean> {
  try {
    const text = await navigator.clipboard.readText();
    if (text) insert(view, text);
    return Boolean(text);
  } catch {
    return false;
  }
}
