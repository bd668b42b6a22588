/**
 * Commands by name (the contract's `MenuCommand`s and the page's own), run by
 * menus, toolbar buttons and shortcuts alike. Features register their own
 * commands; file commands run one at a time so a double Ctrl+S can't open two
 * dialogs. While one runs, the page's root element carries
 * `data-file-command` (its name), so whatever drives the app (the end-to-end
 * tests) can tell when the next file command will be taken.
 */
export type CommandHandler = () => unknown;

const handlers = new Map<string, CommandHandler>();
let fileCommandRunning = false;

export function registerCommand(name: string, handler: CommandHandler): void {
  handlers.set(name, handler);
}

export function hasCommand(name: string): boolean {
  return handlers.has(name);
}

export async function runCommand(name: string): Promise<void> {
  const handler = handlers.get(name);
  if (!handler) return;
  const exclusive = name.startsWith('file:');
  if (exclusive && fileCommandRunning) return;
  const root = typeof document === 'undefined' ? null : document.documentElement;
  if (exclusive) {
    fileCommandRunning = true;
    if (root) root.dataset.fileCommand = name;
  }
  try {
    await handler();
  } finally {
    if (exclusive) {
      fileCommandRunning = false;
      if (root) delete root.dataset.fileCommand;
    }
  }
}
