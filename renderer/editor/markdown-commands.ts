/**
 * Markdown editing commands for prose: bold, italic, link, quote, an
 * attribution line, headings and lists. Each is a plain CodeMirror
 * `StateCommand`, so it runs (and is tested) on an `EditorState` without a
 * DOM; `markdownCommandKeymap()` binds them to Ctrl/Cmd shortcuts.
 */
import { EditorSelection, Prec, type ChangeSpec, type EditorState, type Extension, type StateCommand, type Line } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { isolateHistory } from '@codemirror/commands';

function runOfChar(text: string, ch: string, fromEnd: boolean): number {
  let n = 0;
  if (fromEnd) while (n < text.length && text[text.length - 1 - n] === ch) n++;
  else while (n < text.length && text[n] === ch) n++;
  return n;
}

/** Does a run of `*`/`_` of this length contain the mark (bold: 2 or 3; italic: 1 or 3)? */
function runHasMark(run: number, size: 1 | 2): boolean {
  return size === 2 ? run >= 2 : run % 2 === 1;
}

/** Toggles an emphasis mark (`*` or `**`) around each selection range. */
function toggleEmphasis(size: 1 | 2): StateCommand {
  return ({ state, dispatch }) => {
    const mark = '*'.repeat(size);
    const update = state.changeByRange((range) => {
      const before = state.sliceDoc(Math.max(0, range.from - 3), range.from);
      const after = state.sliceDoc(range.to, range.to + 3);
      for (const ch of ['*', '_']) {
        const left = runOfChar(before, ch, true);
        const right = runOfChar(after, ch, false);
        if (left > 0 && right > 0 && runHasMark(left, size) && runHasMark(right, size)) {
          return {
            changes: [
              { from: range.from - size, to: range.from },
              { from: range.to, to: range.to + size },
            ],
            range: EditorSelection.range(range.anchor - size, range.head - size),
          };
        }
      }
      const text = state.sliceDoc(range.from, range.to);
      for (const ch of ['*', '_']) {
        const left = runOfChar(text, ch, false);
        const right = runOfChar(text, ch, true);
        if (text.length > 2 * size && runHasMark(left, size) && runHasMark(right, size)) {
          const inner = text.slice(size, text.length - size);
          return { changes: { from: range.from, to: range.to, insert: inner }, range: EditorSelection.range(range.from, range.from + inner.length) };
        }
      }
      return {
        changes: [
          { from: range.from, insert: mark },
          { from: range.to, insert: mark },
        ],
        range: EditorSelection.range(range.from + size, range.to + size),
      };
    });
    dispatch(state.update(update, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

export const toggleBold: StateCommand = toggleEmphasis(2);
export const toggleItalic: StateCommand = toggleEmphasis(1);

const LOOKS_LIKE_URL = /^(?:https?:\/\/|mailto:|www\.)\S+$/i;

/**
 * Makes a link: selected text becomes `[text](|)` with the cursor where the
 * URL goes; a selected URL becomes `[|](url)`; nothing selected inserts `[|]()`.
 */
export const insertLink: StateCommand = ({ state, dispatch }) => {
  const update = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    if (text && LOOKS_LIKE_URL.test(text.trim())) {
      const url = /^www\./i.test(text.trim()) ? `https://${text.trim()}` : text.trim();
      return { changes: { from: range.from, to: range.to, insert: `[](${url})` }, range: EditorSelection.cursor(range.from + 1) };
    }
    const insert = `[${text}]()`;
    const cursor = text ? range.from + insert.length - 1 : range.from + 1;
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(cursor) };
  });
  dispatch(state.update(update, { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};

/** The lines the selection touches (each once, in order). */
function selectedLines(state: EditorState): Line[] {
  const lines: Line[] = [];
  let last = -1;
  for (const range of state.selection.ranges) {
    const end = range.to > range.from && state.doc.lineAt(range.to).from === range.to ? range.to - 1 : range.to;
    for (let pos = range.from; pos <= end; ) {
      const line = state.doc.lineAt(pos);
      if (line.number > last) {
        lines.push(line);
        last = line.number;
      }
      pos = line.to + 1;
    }
  }
  return lines;
}

/**
 * Applies a per-line rewrite of each line's start (prefix) to the selected
 * lines. A caret at a line's start ends up after the new prefix (`> |`, not
 * `|> `), so what the writer types next goes inside it.
 */
function rewriteLineStarts(state: EditorState, dispatch: Parameters<StateCommand>[0]['dispatch'], rewrite: (line: Line, index: number) => { remove: number; insert: string } | null): boolean {
  const specs: ChangeSpec[] = [];
  selectedLines(state).forEach((line, index) => {
    const edit = rewrite(line, index);
    if (edit && (edit.remove > 0 || edit.insert)) specs.push({ from: line.from, to: line.from + edit.remove, insert: edit.insert });
  });
  if (specs.length === 0) return false;
  const changes = state.changes(specs);
  dispatch(state.update({ changes, selection: state.selection.map(changes, 1), scrollIntoView: true, userEvent: 'input.format' }));
  return true;
}

const QUOTE_PREFIX = /^ {0,3}> ?/;

/**
 * Quotes the selected lines with `> `, or unquotes them when all already are.
 * Blank lines inside a selection get a bare `>`; a blank line with the caret
 * on it gets `> `, the caret after it, ready for the quote to be typed.
 */
export const toggleQuote: StateCommand = ({ state, dispatch }) => {
  const lines = selectedLines(state);
  const text = lines.filter((l) => l.text.trim() !== '');
  const unquote = text.length > 0 && text.every((l) => QUOTE_PREFIX.test(l.text));
  const caretLines = new Set(state.selection.ranges.filter((r) => r.empty).map((r) => state.doc.lineAt(r.head).number));
  return rewriteLineStarts(state, dispatch, (line) => {
    if (unquote) {
      const match = QUOTE_PREFIX.exec(line.text);
      return match ? { remove: match[0].length, insert: '' } : null;
    }
    if (line.text.trim() !== '') return { remove: 0, insert: '> ' };
    return caretLines.has(line.number) ? { remove: line.length, insert: '> ' } : { remove: 0, insert: '>' };
  });
};

/** The contiguous lines around `line` that match `test`, as [first, last] line numbers. */
function block(state: EditorState, line: Line, test: (text: string) => boolean): [number, number] {
  let first = line.number;
  let last = line.number;
  while (first > 1 && test(state.doc.line(first - 1).text)) first--;
  while (last < state.doc.lines && test(state.doc.line(last + 1).text)) last++;
  return [first, last];
}

const ATTRIBUTION_LINE = /^ {0,3}>\s*(?:—|--|―)/;

/**
 * Ends the quote at the cursor with an attribution line (`> — `) and puts the
 * cursor after the dash. Outside a quote, quotes the paragraph first; on a
 * blank line, starts a bare attribution line.
 */
export const insertAttribution: StateCommand = ({ state, dispatch }) => {
  const line = state.doc.lineAt(state.selection.main.head);
  if (line.text.trim() === '') {
    dispatch(state.update({ changes: { from: line.from, to: line.to, insert: '> — ' }, selection: { anchor: line.from + 4 }, scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  }
  const changes: ChangeSpec[] = [];
  let last: Line;
  if (QUOTE_PREFIX.test(line.text)) {
    last = state.doc.line(block(state, line, (t) => QUOTE_PREFIX.test(t))[1]);
    if (ATTRIBUTION_LINE.test(last.text)) {
      dispatch(state.update({ selection: { anchor: last.to }, scrollIntoView: true }));
      return true;
    }
  } else {
    const [first, end] = block(state, line, (t) => t.trim() !== '');
    for (let n = first; n <= end; n++) changes.push({ from: state.doc.line(n).from, insert: '> ' });
    last = state.doc.line(end);
  }
  const insert = '\n>\n> — ';
  changes.push({ from: last.to, insert });
  const shift = changes.length - 1; // each `> ` added before `last.to` shifts it by 2
  const anchor = last.to + insert.length + (QUOTE_PREFIX.test(line.text) ? 0 : shift * 2);
  dispatch(state.update({ changes, selection: { anchor }, scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};

/** An attribution line with a name typed after its dash: `> — Name, Source`. */
const FINISHED_ATTRIBUTION = /^ {0,3}>\s*(?:—|--|―)\s*\S/;

/**
 * Enter at the end of a quote's attribution ends the quote: a blank line and
 * the caret on a new paragraph (a line straight after the quote would still
 * belong to it). Anywhere else it does nothing, so Enter goes on to continue
 * the quote or list as usual.
 */
export const endQuoteAfterAttribution: StateCommand = ({ state, dispatch }) => {
  const range = state.selection.main;
  if (state.selection.ranges.length > 1 || !range.empty) return false;
  const line = state.doc.lineAt(range.head);
  if (!FINISHED_ATTRIBUTION.test(line.text) || state.sliceDoc(range.head, line.to).trim() !== '') return false;
  if (line.number < state.doc.lines && QUOTE_PREFIX.test(state.doc.line(line.number + 1).text)) return false;
  const end = line.from + line.text.trimEnd().length;
  dispatch(state.update({ changes: { from: end, to: line.to, insert: '\n\n' }, selection: { anchor: end + 2 }, scrollIntoView: true, userEvent: 'input' }));
  return true;
};

/** `[^12]` and `[^12]:` both name note 12. */
const NUMERIC_NOTE_LABEL = /\[\^(\d{1,9})\]/g;
const NOTE_DEFINITION = /^ {0,3}\[\^[^\]\s]+\]:/;

/** The next numeric note label: one more than the highest in the document. */
export function nextNoteLabel(text: string): number {
  let highest = 0;
  for (const match of text.matchAll(NUMERIC_NOTE_LABEL)) highest = Math.max(highest, Number(match[1]));
  return highest + 1;
}

/**
 * Insert Footnote: `[^n]` at the caret (after the selection, which it
 * annotates), the note `[^n]: ` at the end of the document — under the notes
 * already there, else after a blank line — and the caret in the note, ready
 * to type it. One undo step takes it all back.
 */
export const insertFootnote: StateCommand = ({ state, dispatch }) => {
  const { doc } = state;
  const n = nextNoteLabel(doc.toString());
  const at = state.selection.main.to;
  const reference = `[^${n}]`;
  // The note goes after the last line with text, unless the reference itself is the last text.
  let last = doc.lines;
  while (last > 1 && doc.line(last).text.trim() === '') last--;
  const lastLine = doc.line(last);
  const contentEnd = lastLine.from + lastLine.text.trimEnd().length;
  const noteAt = Math.max(contentEnd, at);
  const afterNotes = noteAt === contentEnd && NOTE_DEFINITION.test(lastLine.text);
  const note = `${afterNotes ? '\n' : '\n\n'}[^${n}]: `;
  // Both at one place (the caret ends the text): the reference first, then the note.
  const changes = state.changes([
    { from: at, insert: reference },
    { from: noteAt, insert: note },
  ]);
  const caret = changes.mapPos(noteAt, 1);
  dispatch(
    state.update({
      changes,
      selection: { anchor: caret },
      scrollIntoView: true,
      userEvent: 'input.format',
      annotations: isolateHistory.of('full'),
    }),
  );
  return true;
};

const HEADING_PREFIX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;

/** Makes the selected lines headings of `level` (toggles back to text); 0 makes them plain text. */
export function setHeading(level: 0 | 1 | 2 | 3 | 4 | 5 | 6): StateCommand {
  return ({ state, dispatch }) => {
    const lines = selectedLines(state);
    const same = level > 0 && lines.every((l) => HEADING_PREFIX.exec(l.text)?.[1]?.length === level);
    return rewriteLineStarts(state, dispatch, (line) => {
      const match = HEADING_PREFIX.exec(line.text);
      const remove = match ? match[0].length : 0;
      const insert = same || level === 0 ? '' : `${'#'.repeat(level)} `;
      if (!match && line.text.trim() === '' && insert) return null;
      return { remove, insert };
    });
  };
}

const BULLET = /^( *)[-*+] (?:\[[ xX]\] )?/;
const NUMBER = /^( *)\d{1,9}[.)] /;

function toggleList(kind: 'bullet' | 'number'): StateCommand {
  return ({ state, dispatch }) => {
    const lines = selectedLines(state).filter((l) => l.text.trim() !== '');
    const own = kind === 'bullet' ? BULLET : NUMBER;
    const other = kind === 'bullet' ? NUMBER : BULLET;
    const remove = lines.length > 0 && lines.every((l) => own.test(l.text));
    let counter = 0;
    return rewriteLineStarts(state, dispatch, (line) => {
      if (line.text.trim() === '') return null;
      const existing = own.exec(line.text) ?? other.exec(line.text);
      const indent = existing?.[1] ?? '';
      const cut = existing ? existing[0].length : 0;
      if (remove) return { remove: cut, insert: indent };
      counter++;
      return { remove: cut, insert: `${indent}${kind === 'bullet' ? '- ' : `${counter}. `}` };
    });
  };
}

export const toggleBulletList: StateCommand = toggleList('bullet');
export const toggleNumberedList: StateCommand = toggleList('number');

/** The commands by name, for menus and the command registry. */
export const MARKDOWN_COMMANDS = {
  'format:bold': toggleBold,
  'format:italic': toggleItalic,
  'format:link': insertLink,
  'format:quote': toggleQuote,
  'format:attribution': insertAttribution,
  'format:footnote': insertFootnote,
  'format:heading-1': setHeading(1),
  'format:heading-2': setHeading(2),
  'format:heading-3': setHeading(3),
  'format:paragraph': setHeading(0),
  'format:bullet-list': toggleBulletList,
  'format:numbered-list': toggleNumberedList,
} as const satisfies Record<string, StateCommand>;

export type MarkdownCommandName = keyof typeof MARKDOWN_COMMANDS;

/** Key bindings (CodeMirror notation; `Mod` is Cmd on macOS, Ctrl elsewhere). */
export const MARKDOWN_KEYS: Readonly<Record<MarkdownCommandName, string>> = {
  'format:bold': 'Mod-b',
  'format:italic': 'Mod-i',
  'format:link': 'Mod-k',
  'format:quote': 'Mod-Shift-.',
  'format:attribution': 'Mod-Shift-,',
  // Word's own key for a footnote (Ctrl+Alt+F, ⌘⌥F); no browser or desktop takes it.
  'format:footnote': 'Mod-Alt-f',
  'format:heading-1': 'Mod-Alt-1',
  'format:heading-2': 'Mod-Alt-2',
  'format:heading-3': 'Mod-Alt-3',
  'format:paragraph': 'Mod-Alt-0',
  'format:bullet-list': 'Mod-Shift-8',
  'format:numbered-list': 'Mod-Shift-7',
};

/**
 * The bindings, ahead of CodeMirror's defaults (its Mod-i selects the parent
 * syntax node); Enter after an attribution ahead of the Markdown keymap's
 * own Enter, which would continue the quote.
 */
export function markdownCommandKeymap(): Extension {
  return [
    Prec.high(
      keymap.of(
        (Object.keys(MARKDOWN_COMMANDS) as MarkdownCommandName[]).map((name) => ({
          key: MARKDOWN_KEYS[name],
          run: (view) => MARKDOWN_COMMANDS[name](view),
          preventDefault: true,
        })),
      ),
    ),
    Prec.highest(keymap.of([{ key: 'Enter', run: endQuoteAfterAttribution }])),
  ];
}
