/**
 * Where the built app lives, found from the running bundle: `dist/electron/*.cjs`
 * sit beside `dist/renderer/`. Also the version, from package.json.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';

/** `dist/` — the folder holding this bundle's folder. */
export function distDir(bundleDir: string = __dirname): string {
  return path.resolve(bundleDir, '..');
}

export function rendererDir(bundleDir?: string): string {
  return path.join(distDir(bundleDir), 'renderer');
}

export function appVersion(bundleDir?: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(distDir(bundleDir), '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
