/**
 * The e2e tests drive the built app: fail loudly, before any test, if the
 * build is missing or no browser can be found (never skip silently).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness';

export default function setup(): void {
  for (const file of ['dist/renderer/index.html', 'dist/renderer/preview.html', 'dist/electron/chromium-shell.cjs']) {
    if (!existsSync(path.join(ROOT, file))) {
      throw new Error(`e2e: ${file} is missing. Run \`npm run build\` (npm test does it for you).`);
    }
  }
}
