/**
 * The writing aids' app-level keys (the editor's own — bold, italic, link,
 * quote, headings, lists, find — are in its keymap): settings, the panels
 * and the writing modes. `display` spells them for menus and tooltips.
 */
export interface WritingShortcut {
  command: string;
  /** KeyboardEvent.code of the key. */
  code: string;
  shift?: boolean;
  alt?: boolean;
}

export const WRITING_SHORTCUTS: readonly WritingShortcut[] = [
  { command: 'app:settings', code: 'Comma' },
  { command: 'view:focus', code: 'KeyD', shift: true },
  { command: 'view:typewriter', code: 'KeyY', shift: true },
  { command: 'view:distraction-free', code: 'Enter', shift: true },
  { command: 'view:outline', code: 'KeyO', alt: true },
  { command: 'view:sources', code: 'KeyS', alt: true },
];

export function writingCommandForKey(event: KeyboardEvent, isMac: boolean): string | null {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod) return null;
  const found = WRITING_SHORTCUTS.find((s) => s.code === event.code && !!s.shift === event.shiftKey && !!s.alt === event.altKey);
  return found?.command ?? null;
}

const KEY_NAMES: Record<string, string> = { Comma: ',', Enter: 'Enter', Period: '.' };

/** "Ctrl+Shift+D" / "⌘⇧D" for a CodeMirror-style key ("Mod-Shift-d") or a shortcut. */
export function displayKeys(keys: string | WritingShortcut, isMac: boolean): string {
  let parts: string[];
  if (typeof keys === 'string') {
    parts = keys.split('-').map((p) => (p === '' ? '-' : p));
  } else {
    parts = ['Mod', ...(keys.alt ? ['Alt'] : []), ...(keys.shift ? ['Shift'] : []), KEY_NAMES[keys.code] ?? keys.code.replace(/^Key|^Digit/, '')];
  }
  const names = parts.map((p) => {
    if (p === 'Mod') return isMac ? '⌘' : 'Ctrl';
    if (p === 'Alt') return isMac ? '⌥' : 'Alt';
    if (p === 'Shift') return isMac ? '⇧' : 'Shift';
    return p.length === 1 ? p.toUpperCase() : p;
  });
  return isMac ? names.join('') : names.join('+');
}
