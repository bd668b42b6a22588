/**
 * The e2e tests drive the built app: fail loudly, before any test, if the
 * build is missing or no browser can be found (never skip silently).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './harness';

export default function setup(): void {
  for (const file of ['renderer/index.html', 'renderer/preview.html', 'electron/chromium-shell.cjs', 'electron/start.cjs']) {
    if (!existsSync(path.join(DIST, file))) {
      throw new Error(`e2e: ${path.join(DIST, file)} is missing. Run \`npm run build\` (npm test does it for you).`);
    }
  }
}
