/**
 * Reads a shell's command line: the files to open, and the flags both shells
 * honour. Pure, so Electron, the Chromium shell and the launcher agree.
 */
import path from 'node:path';

export interface ShellArgs {
  files: string[];
  /** `--remote-debugging-port=N`: lets any CDP client attach to the window. */
  remoteDebuggingPort: number | null;
}

export function parseShellArgs(args: readonly string[], cwd: string = process.cwd()): ShellArgs {
  const files: string[] = [];
  let remoteDebuggingPort: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const port = /^--remote-debugging-port(?:=(\d+))?$/.exec(arg);
    if (port) {
      const value = port[1] ?? args[++i];
      const n = Number(value);
      if (Number.isInteger(n) && n >= 0 && n < 65536) remoteDebuggingPort = n;
      continue;
    }
    if (arg === '--') {
      files.push(...args.slice(i + 1).map((f) => path.resolve(cwd, f)));
      break;
    }
    if (arg.startsWith('-')) continue; // Chromium/Electron switches are theirs, not files.
    files.push(path.resolve(cwd, arg));
  }
  return { files, remoteDebuggingPort };
}
