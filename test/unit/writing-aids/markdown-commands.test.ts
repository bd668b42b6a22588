// Runs in Node, without a DOM: each command on an EditorState, the cursor written as `|`.
import { describe, expect, it } from 'vitest';
import { history, undo } from '@codemirror/commands';
import {
  endQuoteAfterAttribution,
  insertAttribution,
  insertFootnote,
  nextNoteLabel,
  insertLink,
  setHeading,
  toggleBold,
  toggleBulletList,
  toggleItalic,
  toggleNumberedList,
  toggleQuote,
} from '../../../renderer/editor/markdown-commands';
import { run, show, stateOf } from './cursor-notation';

describe('bold and italic', () => {
  it('wraps the selection in ** and keeps it selected', () => {
    expect(run(toggleBold, 'a |strong| word')).toBe('a **|strong|** word');
  });
  it('unwraps when the selection sits inside the marks', () => {
    expect(run(toggleBold, 'a **|strong|** word')).toBe('a |strong| word');
  });
  it('unwraps when the marks are selected too', () => {
    expect(run(toggleBold, 'a |**strong**| word')).toBe('a |strong| word');
  });
  it('inserts an empty pair at the cursor', () => {
    expect(run(toggleBold, 'a |')).toBe('a **|**');
    expect(run(toggleItalic, 'a |')).toBe('a *|*');
  });
  it('italic wraps in a single * and leaves bold alone', () => {
    expect(run(toggleItalic, 'an |odd| word')).toBe('an *|odd|* word');
    expect(run(toggleItalic, 'an *|odd|* word')).toBe('an |odd| word');
    expect(run(toggleItalic, 'a **|bold|** word')).toBe('a ***|bold|*** word');
    expect(run(toggleItalic, 'a ***|bold|*** word')).toBe('a **|bold|** word');
  });
  it('unwraps underscores too', () => {
    expect(run(toggleItalic, 'an _|odd|_ word')).toBe('an |odd| word');
    expect(run(toggleBold, 'a __|big|__ word')).toBe('a |big| word');
  });
});

describe('link (Ctrl/Cmd+K)', () => {
  it('wraps selected text and puts the cursor where the URL goes', () => {
    expect(run(insertLink, 'see |the report| now')).toBe('see [the report](|) now');
  });
  it('makes a selected URL the target and puts the cursor in the text', () => {
    expect(run(insertLink, 'see |https://example.org/a| now')).toBe('see [|](https://example.org/a) now');
    expect(run(insertLink, 'see |www.example.org| now')).toBe('see [|](https://www.example.org) now');
  });
  it('inserts an empty link at the cursor', () => {
    expect(run(insertLink, 'see |')).toBe('see [|]()');
  });
});

describe('quote and attribution', () => {
  it('quotes every selected line, blank lines with a bare >', () => {
    expect(run(toggleQuote, '|one\n\ntwo|')).toBe('> |one\n>\n> two|');
  });
  it('unquotes when every line is quoted', () => {
    expect(run(toggleQuote, '> |one\n>\n> two|')).toBe('|one\n\ntwo|');
  });
  it('quotes the line at the cursor', () => {
    expect(run(toggleQuote, 'a sen|tence')).toBe('> a sen|tence');
  });
  it('ends a quote with an attribution line', () => {
    expect(run(insertAttribution, '> We stopped| asking.\n\nNext.')).toBe('> We stopped asking.\n>\n> — |\n\nNext.');
  });
  it('goes to an existing attribution instead of adding another', () => {
    expect(run(insertAttribution, '> Q|uote.\n>\n> — Someone')).toBe('> Quote.\n>\n> — Someone|');
  });
  it('outside a quote, quotes the paragraph and adds the attribution', () => {
    expect(run(insertAttribution, 'Before.\n\nWords that| were\nsaid.\n\nAfter.')).toBe('Before.\n\n> Words that were\n> said.\n>\n> — |\n\nAfter.');
  });
  it('on a blank line, starts an attribution line', () => {
    expect(run(insertAttribution, 'x\n|\ny')).toBe('x\n> — |\ny');
  });
  it('on an empty line, quotes it with the caret after `> `, ready to type', () => {
    expect(run(toggleQuote, '|')).toBe('> |');
    expect(run(toggleQuote, 'Before.\n\n|\n\nAfter.')).toBe('Before.\n\n> |\n\nAfter.');
  });
  it('with the caret at the start of a line, puts it after the new `> `', () => {
    expect(run(toggleQuote, '|Free speech')).toBe('> |Free speech');
  });
});

describe('Enter after an attribution ends the quote', () => {
  it('starts a new paragraph after the quote in one press', () => {
    expect(run(endQuoteAfterAttribution, '> We stopped asking.\n>\n> — A councillor, Riverton Post|')).toBe(
      '> We stopped asking.\n>\n> — A councillor, Riverton Post\n\n|',
    );
    expect(run(endQuoteAfterAttribution, '> Quote.\n> -- Someone|\n\nNext.')).toBe('> Quote.\n> -- Someone\n\n|\n\nNext.');
  });
  it('leaves Enter alone elsewhere: inside the quote, mid-attribution, before a name is typed, or with the quote going on', () => {
    expect(run(endQuoteAfterAttribution, '> We stopped| asking.')).toMatch(/^\(not run\)/);
    expect(run(endQuoteAfterAttribution, '> — A council|lor')).toMatch(/^\(not run\)/);
    expect(run(endQuoteAfterAttribution, '> Quote.\n>\n> — |')).toMatch(/^\(not run\)/);
    expect(run(endQuoteAfterAttribution, '> — Someone|\n> more quote')).toMatch(/^\(not run\)/);
    expect(run(endQuoteAfterAttribution, 'Plain — text|')).toMatch(/^\(not run\)/);
  });
});

describe('Insert Footnote', () => {
  it('adds [^n] at the caret, the note at the end after a blank line, and puts the caret in the note', () => {
    expect(run(insertFootnote, 'The council cut hours|.\n\nNext paragraph.\n')).toBe('The council cut hours[^1].\n\nNext paragraph.\n\n[^1]: |\n');
  });
  it('adds the note under the notes already there, with the next free number', () => {
    expect(run(insertFootnote, 'One[^1] and two|.\n\n[^1]: The first.\n')).toBe('One[^1] and two[^2].\n\n[^1]: The first.\n[^2]: |\n');
  });
  it('numbers past the highest numeric label, ignoring named ones', () => {
    expect(nextNoteLabel('a[^3] b[^note] c[^12x]\n\n[^3]: x\n[^note]: y')).toBe(4);
    expect(nextNoteLabel('no notes')).toBe(1);
    expect(run(insertFootnote, 'a[^3] b[^note]|')).toBe('a[^3] b[^note][^4]\n\n[^4]: |');
  });
  it('at the end of the text, puts the reference before its note', () => {
    expect(run(insertFootnote, 'Text|')).toBe('Text[^1]\n\n[^1]: |');
    expect(run(insertFootnote, 'Text\n\n|')).toBe('Text\n\n[^1]\n\n[^1]: |');
    expect(run(insertFootnote, '|')).toBe('[^1]\n\n[^1]: |');
  });
  it('annotates a selection: the reference goes after it', () => {
    expect(run(insertFootnote, 'A |disputed figure| here.')).toBe('A disputed figure[^1] here.\n\n[^1]: |');
  });
  it('is one undo step of its own, between typing before and after it', () => {
    let state = stateOf('The council cut|.\n', history());
    const dispatch = (tr: Parameters<Parameters<typeof insertFootnote>[0]['dispatch']>[0]) => (state = tr.state);
    const type = (text: string) => dispatch(state.update(state.replaceSelection(text), { userEvent: 'input.type' }));
    type(' hours');
    insertFootnote({ state, dispatch });
    type('Council minutes');
    expect(show(state)).toBe('The council cut hours[^1].\n\n[^1]: Council minutes|\n');
    undo({ state, dispatch });
    expect(show(state)).toBe('The council cut hours[^1].\n\n[^1]: |\n');
    undo({ state, dispatch });
    expect(show(state)).toBe('The council cut hours|.\n');
    undo({ state, dispatch });
    expect(show(state)).toBe('The council cut|.\n');
  });
});

describe('headings', () => {
  it('makes the line a heading of the level, replacing another level', () => {
    expect(run(setHeading(2), 'The ti|tle')).toBe('## The ti|tle');
    expect(run(setHeading(1), '### The ti|tle')).toBe('# The ti|tle');
  });
  it('puts a caret at the line start after the new marks', () => {
    expect(run(setHeading(2), '|The title')).toBe('## |The title');
    expect(run(toggleBulletList, '|one')).toBe('- |one');
  });
  it('toggles back to text at the same level, and level 0 is text', () => {
    expect(run(setHeading(2), '## The ti|tle')).toBe('The ti|tle');
    expect(run(setHeading(0), '# The ti|tle')).toBe('The ti|tle');
  });
});

describe('lists', () => {
  it('bullets the selected lines, skipping blank ones', () => {
    expect(run(toggleBulletList, '|one\ntwo\n\nthree|')).toBe('- |one\n- two\n\n- three|');
  });
  it('removes bullets when all lines have them', () => {
    expect(run(toggleBulletList, '- |one\n- two|')).toBe('|one\ntwo|');
  });
  it('numbers lines, turning bullets into numbers', () => {
    expect(run(toggleNumberedList, '- |one\n- two\n- three|')).toBe('1. |one\n2. two\n3. three|');
    expect(run(toggleNumberedList, '1. |one\n2. two|')).toBe('|one\ntwo|');
  });
});
