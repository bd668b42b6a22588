/**
 * Dialogs the page draws itself, on the native <dialog> element (modal, focus
 * trapped, Escape cancels): a message, a choice of buttons, and a file path
 * chooser for shells without system dialogs. All text is set as text.
 */
export interface Choice<T extends string> {
  value: T;
  label: string;
  primary?: boolean;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function openDialog(build: (dialog: HTMLDialogElement) => void, labelledBy: string): HTMLDialogElement {
  const dialog = el('dialog', 'app-dialog');
  dialog.setAttribute('aria-labelledby', labelledBy);
  build(dialog);
  (document.getElementById('dialog-root') ?? document.body).append(dialog);
  dialog.showModal();
  return dialog;
}

let dialogCount = 0;

/** Asks a question; resolves with the chosen value, or `cancel` on Escape. */
export function choose<T extends string>(title: string, message: string, choices: Choice<T>[], cancel: T): Promise<T> {
  return new Promise((resolve) => {
    const id = `dialog-title-${++dialogCount}`;
    const dialog = openDialog((d) => {
      const heading = el('h2', 'dialog-title', title);
      heading.id = id;
      const buttons = el('div', 'dialog-buttons');
      for (const choice of choices) {
        const button = el('button', choice.primary ? 'primary' : undefined, choice.label);
        button.type = 'button';
        button.dataset.value = choice.value;
        button.addEventListener('click', () => d.close(choice.value));
        buttons.append(button);
      }
      d.append(heading, el('p', 'dialog-message', message), buttons);
    }, id);
    dialog.querySelector<HTMLButtonElement>('button.primary')?.focus();
    dialog.addEventListener('close', () => {
      const value = choices.find((c) => c.value === dialog.returnValue)?.value ?? cancel;
      dialog.remove();
      resolve(value);
    });
  });
}

export async function showMessage(title: string, message: string): Promise<void> {
  await choose(title, message, [{ value: 'ok', label: 'OK', primary: true }], 'ok');
}

export interface NoticeAction {
  label: string;
  run(): void;
}

export interface NoticeOptions {
  tone?: 'info' | 'warning' | 'error';
  actions?: NoticeAction[];
}

function noticeRoot(): HTMLElement {
  let root = document.getElementById('notices');
  if (!root) {
    root = el('div', 'notices');
    root.id = 'notices';
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', 'Notices');
    (document.getElementById('app') ?? document.body).append(root);
  }
  return root;
}

/**
 * A notice that stays until dismissed or replaced (not modal): a file opened
 * with a warning, a file deleted on disk, buffers waiting to be recovered.
 * One notice per `key`; showing the same key again replaces it.
 */
export function showNotice(key: string, message: string, options: NoticeOptions = {}): void {
  clearNotice(key);
  const notice = el('div', `notice notice-${options.tone ?? 'info'}`);
  notice.dataset.notice = key;
  notice.setAttribute('role', options.tone === 'error' || options.tone === 'warning' ? 'alert' : 'status');
  notice.append(el('span', 'notice-message', message));
  for (const action of options.actions ?? []) {
    const button = el('button', 'notice-action', action.label);
    button.type = 'button';
    button.addEventListener('click', () => action.run());
    notice.append(button);
  }
  const dismiss = el('button', 'notice-dismiss', '×');
  dismiss.type = 'button';
  dismiss.setAttribute('aria-label', 'Dismiss');
  dismiss.addEventListener('click', () => notice.remove());
  notice.append(dismiss);
  noticeRoot().append(notice);
}

export function clearNotice(key: string): void {
  for (const node of document.querySelectorAll<HTMLElement>('#notices [data-notice]')) {
    if (node.dataset.notice === key) node.remove();
  }
}

/** Removes every notice whose key starts with `prefix` (e.g. a document's warnings when another loads). */
export function clearNotices(prefix: string): void {
  for (const node of document.querySelectorAll<HTMLElement>('#notices [data-notice]')) {
    if (node.dataset.notice!.startsWith(prefix)) node.remove();
  }
}
