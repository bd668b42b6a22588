/**
 * The export's own dialogs, on the native <dialog> like the app's others:
 * the PDF page settings (size, where notes go; remembered in settings) and a
 * modal progress indicator while a PDF is being made. All text is set as text.
 */
import type { ExportNotes, ExportPageSize } from '../../electron/contract';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function mount(dialog: HTMLDialogElement): void {
  (document.getElementById('dialog-root') ?? document.body).append(dialog);
}

let count = 0;

export interface PdfSettings {
  pageSize: ExportPageSize;
  notes: ExportNotes;
}

function select<T extends string>(label: string, name: string, options: { value: T; label: string }[], current: T): { row: HTMLLabelElement; input: HTMLSelectElement } {
  const row = el('label', 'export-setting');
  const input = el('select');
  input.name = name;
  for (const option of options) {
    const item = el('option', undefined, option.label);
    item.value = option.value;
    item.selected = option.value === current;
    input.append(item);
  }
  row.append(el('span', 'export-setting-label', label), input);
  return { row, input };
}

/** Page size and notes placement for a PDF; null when cancelled. */
export function choosePdfSettings(current: PdfSettings): Promise<PdfSettings | null> {
  return new Promise((resolve) => {
    const dialog = el('dialog', 'app-dialog export-dialog');
    const id = `export-dialog-${++count}`;
    dialog.setAttribute('aria-labelledby', id);
    const form = el('form');
    form.method = 'dialog';
    const heading = el('h2', 'dialog-title', 'Export PDF');
    heading.id = id;
    const size = select('Page size', 'pageSize', [{ value: 'Letter', label: 'US Letter' }, { value: 'A4', label: 'A4' }], current.pageSize);
    const notes = select('Notes and sources', 'notes', [{ value: 'end', label: 'At the end' }, { value: 'page', label: 'At the foot of each page' }], current.notes);
    const buttons = el('div', 'dialog-buttons');
    const cancel = el('button', undefined, 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => dialog.close(''));
    const ok = el('button', 'primary', 'Continue…');
    ok.type = 'submit';
    ok.value = 'ok';
    buttons.append(cancel, ok);
    const settings = el('div', 'export-settings');
    settings.append(size.row, notes.row);
    form.append(heading, settings, buttons);
    dialog.append(form);
    mount(dialog);
    dialog.showModal();
    ok.focus();
    dialog.addEventListener('close', () => {
      const chosen = dialog.returnValue === 'ok' ? { pageSize: size.input.value as ExportPageSize, notes: notes.input.value as ExportNotes } : null;
      dialog.remove();
      resolve(chosen);
    });
  });
}

/** A modal "working" indicator; the returned function takes it away. */
export function showProgress(message: string): () => void {
  const dialog = el('dialog', 'app-dialog export-progress');
  dialog.setAttribute('aria-busy', 'true');
  dialog.setAttribute('aria-label', message);
  const bar = el('progress');
  bar.setAttribute('aria-label', message);
  dialog.append(el('p', 'dialog-message', message), bar);
  // Escape must not hide it while the work goes on.
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  mount(dialog);
  dialog.showModal();
  return () => {
    dialog.close();
    dialog.remove();
  };
}
