// `npm run dist`: builds the app into dist/, writes its third-party licences
// beside it, renders nothing (the icons in build/icons are committed; `npm run
// icons` redraws them) and runs electron-builder for this platform with the
// targets in electron-builder.cjs. Extra arguments go to electron-builder,
// e.g. `npm run dist -- --linux AppImage` or `npm run dist -- --dir`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// electron-builder packs dist/: build there, whatever BYLINE_DIST_DIR says.
const env = { ...process.env };
delete env.BYLINE_DIST_DIR;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', 'build']);
run(process.execPath, ['scripts/third-party-licenses.mjs']);
run(process.execPath, [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), ...process.argv.slice(2)]);
