/**
 * The status bar: a short-lived message, and the writing figures — words,
 * characters, reading time, the readability grade of the document and of the
 * paragraph at the cursor, progress toward the front matter's `target`, and
 * the counts of the selection when there is one. It only draws; the figures
 * are computed by renderer/app/writing-status.ts. Only the message is a live
 * region, so screen readers aren't told every keystroke's count.
 */
import type { TextCounts } from '../markdown';
import { formatReadability, formatReadingTime, formatTarget, plural, READING_WPM } from './status-format';

export interface StatusCounts extends TextCounts {
  /** The front matter's `target` word count, or null. */
  target: number | null;
  /** Counts of the selected text; null when nothing is selected. */
  selection: TextCounts | null;
  /** Flesch–Kincaid grade of the body, and of the paragraph at the cursor. */
  grade: number | null;
  paragraphGrade: number | null;
}

export interface StatusBar {
  /** A long document's first count is under way: no figures yet (`showCounts` brings them). */
  showCounting(): void;
  showCounts(counts: StatusCounts): void;
  flash(message: string): void;
}

/** Sets text only when it differs: the figures are shown after every keystroke, and most don't move. */
function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function span(id: string, className: string, text = ''): HTMLSpanElement {
  const node = document.createElement('span');
  node.id = id;
  node.className = className;
  node.textContent = text;
  return node;
}

export function createStatusBar(root: Document = document): StatusBar {
  const words = root.getElementById('word-count')!;
  const message = root.getElementById('status-message')!;
  const bar = words.closest('.status-bar') ?? words.parentElement!;
  bar.removeAttribute('role');
  bar.removeAttribute('aria-live');
  message.setAttribute('role', 'status');
  message.setAttribute('aria-live', 'polite');

  const stats = document.createElement('div');
  stats.className = 'writing-stats';
  const selection = span('selection-count', 'stat stat-selection');
  selection.hidden = true;
  const characters = span('char-count', 'stat', '0 characters');
  const reading = span('reading-time', 'stat', 'no reading time');
  reading.title = `Reading time at ${READING_WPM} words a minute`;
  const readability = span('readability', 'stat', '');
  const target = span('target-progress', 'stat stat-target');
  target.hidden = true;
  const progress = document.createElement('progress');
  progress.id = 'target-bar';
  progress.setAttribute('aria-labelledby', 'target-label');
  const targetLabel = span('target-label', 'target-label');
  target.append(progress, targetLabel);
  words.classList.add('stat');
  words.replaceWith(stats);
  stats.append(selection, words, characters, reading, readability, target);

  const figures = [characters, reading, readability, target, selection];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    showCounting() {
      setText(words, 'Counting words…');
      for (const node of figures) node.hidden = true;
    },
    showCounts(counts) {
      setText(words, plural(counts.words, 'word'));
      characters.hidden = false;
      reading.hidden = false;
      setText(characters, plural(counts.characters, 'character'));
      setText(reading, formatReadingTime(counts.words));
      if (counts.grade === null) {
        setText(readability, '');
        readability.hidden = true;
      } else {
        const shown = formatReadability(counts.grade, counts.paragraphGrade);
        setText(readability, shown.text);
        if (readability.title !== shown.title) readability.title = shown.title;
        readability.hidden = false;
      }
      if (counts.selection) {
        selection.hidden = false;
        setText(selection, `Selected: ${plural(counts.selection.words, 'word')}, ${plural(counts.selection.characters, 'character')}`);
      } else {
        selection.hidden = true;
        setText(selection, '');
      }
      if (counts.target) {
        const t = formatTarget(counts.words, counts.target);
        target.hidden = false;
        if (target.dataset.state !== t.state) target.dataset.state = t.state;
        if (target.title !== t.title) target.title = t.title;
        if (progress.max !== counts.target) progress.max = counts.target;
        const value = Math.min(counts.words, counts.target);
        if (progress.value !== value) progress.value = value;
        setText(targetLabel, t.label);
      } else {
        target.hidden = true;
      }
    },
    flash(text) {
      message.textContent = text;
      clearTimeout(timer);
      timer = setTimeout(() => (message.textContent = ''), 4000);
    },
  };
}
