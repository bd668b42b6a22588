/**
 * Finds an installed Electron binary without triggering its download: the
 * `electron` package (45+) fetches the binary on first `require`, which can't
 * succeed offline, so we read its `path.txt` and check the file ourselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findElectronBinary(resolveFrom: string = __dirname): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json', { paths: [resolveFrom, process.cwd()] }));
  } catch {
    return null;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let relative: string;
  try {
    relative = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = override ? path.join(override, relative || 'electron') : path.join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}
