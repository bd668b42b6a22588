/**
 * App-level shortcuts, handled by the page so both shells behave the same
 * (Electron's menu shows them but leaves the keys to us).
 */
import type { MenuCommand } from '../../electron/contract';

export function commandForKey(event: KeyboardEvent, isMac: boolean): MenuCommand | null {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 's') return event.shiftKey ? 'file:save-as' : 'file:save';
  if (event.shiftKey) return null;
  if (key === 'n') return 'file:new';
  if (key === 'o') return 'file:open';
  if (event.code === 'Digit1') return 'view:editor';
  if (event.code === 'Digit2') return 'view:split';
  if (event.code === 'Digit3') return 'view:preview';
  return null;
}
