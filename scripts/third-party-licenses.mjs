// Writes THIRD_PARTY_LICENSES.txt into the build output (dist/, or
// BYLINE_DIST_DIR): the licence of every package whose code ships in the
// desktop app, in the asar or bundled into the renderer (see
// scripts/packaged-modules.cjs). Packaging puts it beside the app, where
// Help → Third-Party Licenses opens it. Electron's and Chromium's own licences
// ship next to the executable (LICENSE.electron.txt, LICENSES.chromium.html).
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { shippedModuleDirs } = require('./packaged-modules.cjs');

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.|-|$)/i;

/** The notice text for one package folder. */
function entry(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'UNKNOWN');
  const files = readdirSync(dir).filter((name) => LICENCE_FILE.test(name)).sort();
  const texts = files.map((name) => readFileSync(path.join(dir, name), 'utf8').trim());
  const head = `${pkg.name} ${pkg.version} — ${licence}`;
  const homepage = typeof pkg.homepage === 'string' ? `\n${pkg.homepage}` : '';
  const body = texts.length ? texts.join('\n\n') : `(No licence file in the package; its package.json declares ${licence}.)`;
  return `${head}${homepage}\n${'-'.repeat(Math.min(head.length, 78))}\n${body}\n`;
}

export function thirdPartyLicenses(rootDir) {
  const dirs = [...shippedModuleDirs(rootDir)];
  const entries = dirs
    .map((dir) => ({ dir, name: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.dir.localeCompare(b.dir))
    .map(({ dir }) => entry(dir));
  const preamble =
    'Byline includes the following third-party software, under the licences below.\n' +
    "Electron's and Chromium's licences are in LICENSE.electron.txt and LICENSES.chromium.html\n" +
    'beside the Byline executable.\n';
  return `${preamble}\n${'='.repeat(78)}\n\n${entries.join(`\n${'='.repeat(78)}\n\n`)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const out = path.resolve(root, process.argv[2] ?? path.join(process.env.BYLINE_DIST_DIR ?? 'dist', 'THIRD_PARTY_LICENSES.txt'));
  if (!existsSync(path.dirname(out))) mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, thirdPartyLicenses(root));
  console.log(`licenses: wrote ${path.relative(root, out)}`);
}
