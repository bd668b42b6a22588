/**
 * The outline: the document's headings as a list of buttons, indented by
 * level; a click (or Enter) moves the editor there. The section holding the
 * cursor is marked `aria-current="location"`.
 */
import type { Heading } from '../markdown';

export interface OutlinePanel {
  readonly element: HTMLElement;
  setHeadings(headings: readonly Heading[]): void;
  /** Marks the section that contains this 0-based line. */
  setCursorLine(line: number): void;
  focusFirst(): void;
}

/** Index of the last heading at or before `line`, or -1. */
export function currentHeading(headings: readonly Heading[], line: number): number {
  let current = -1;
  for (let i = 0; i < headings.length && headings[i]!.line <= line; i++) current = i;
  return current;
}

export function createOutlinePanel(onJump: (line: number) => void): OutlinePanel {
  const element = document.createElement('section');
  element.className = 'aids-panel outline-panel';
  element.id = 'outline-panel';
  element.setAttribute('aria-labelledby', 'outline-heading');
  const heading = document.createElement('h2');
  heading.id = 'outline-heading';
  heading.className = 'aids-panel-title';
  heading.textContent = 'Outline';
  heading.tabIndex = -1;
  const list = document.createElement('ol');
  list.className = 'outline-list';
  const empty = document.createElement('p');
  empty.className = 'aids-panel-empty';
  empty.textContent = 'No headings yet. Start a line with ## to make one.';
  element.append(heading, list, empty);

  let headings: readonly Heading[] = [];
  let buttons: HTMLButtonElement[] = [];
  let cursorLine = 0;

  function mark(): void {
    const current = currentHeading(headings, cursorLine);
    buttons.forEach((button, i) => {
      if (i === current) button.setAttribute('aria-current', 'location');
      else button.removeAttribute('aria-current');
    });
  }

  return {
    element,
    setHeadings(next) {
      const same = next.length === headings.length && next.every((h, i) => h.text === headings[i]!.text && h.level === headings[i]!.level && h.line === headings[i]!.line);
      if (same) return;
      headings = next;
      list.replaceChildren();
      buttons = next.map((h) => {
        const item = document.createElement('li');
        item.className = `outline-item level-${h.level}`;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'outline-link';
        button.textContent = h.text || '(empty heading)';
        button.addEventListener('click', () => onJump(h.line));
        item.append(button);
        list.append(item);
        return button;
      });
      empty.hidden = next.length > 0;
      mark();
    },
    setCursorLine(line) {
      if (line === cursorLine) return;
      cursorLine = line;
      mark();
    },
    focusFirst() {
      (list.querySelector<HTMLButtonElement>('[aria-current]') ?? buttons[0] ?? heading).focus();
    },
  };
}
