/**
 * Files named on the command line. In development Electron runs as
 * `electron [flags] dist/electron/main.cjs FILE…` (`process.defaultApp` is
 * true and the first non-flag argument is the app); packaged, it is
 * `Byline [flags] FILE…`. Flags (anything starting with `-`, such as
 * `--remote-debugging-port=9222` or macOS's `-psn_…`) are never files; after
 * a bare `--` everything is. Paths are resolved against the launching cwd.
 */
import path from 'node:path';

export interface ArgvContext {
  /** `process.defaultApp`: running as `electron <app-path>` rather than packaged. */
  defaultApp: boolean;
  /** Working directory the arguments are relative to. */
  cwd: string;
}

/** Flags of the `electron` command that take the next argument as their value. */
const FLAGS_WITH_VALUE = new Set(['-r', '--require']);

export function filesFromArgv(argv: readonly string[], { defaultApp, cwd }: ArgvContext): string[] {
  const args = argv.slice(1);
  let index = 0;
  if (defaultApp) {
    // Skip Electron's own flags up to and including the app path.
    while (index < args.length) {
      const arg = args[index++]!;
      if (FLAGS_WITH_VALUE.has(arg)) index++;
      else if (!arg.startsWith('-')) break;
    }
  }
  const files: string[] = [];
  let onlyFiles = false;
  for (; index < args.length; index++) {
    const arg = args[index]!;
    if (!onlyFiles && arg === '--') {
      onlyFiles = true;
      continue;
    }
    if ((!onlyFiles && arg.startsWith('-')) || arg === '' || arg.includes('\0')) continue;
    const file = path.resolve(cwd, arg);
    if (!files.includes(file)) files.push(file);
  }
  return files;
}

/**
 * The files a second launch asked for: what it sent as `additionalData`
 * (exact, already absolute) when present, else parsed from its `argv`, which
 * Chromium may reorder and add switches to.
 */
export function filesFromSecondInstance(
  argv: readonly string[],
  workingDirectory: string,
  additionalData: unknown,
  defaultApp: boolean,
): string[] {
  if (typeof additionalData === 'object' && additionalData !== null && 'files' in additionalData) {
    const files = (additionalData as { files: unknown }).files;
    if (Array.isArray(files) && files.every((file) => typeof file === 'string' && path.isAbsolute(file))) {
      return files as string[];
    }
  }
  return filesFromArgv(argv, { defaultApp, cwd: workingDirectory });
}
