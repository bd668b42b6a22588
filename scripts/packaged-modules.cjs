// Which production dependencies ship in the desktop app, and how: shared by
// electron-builder.cjs (what goes into the asar), scripts/third-party-licenses.mjs
// (whose licences the app must carry) and the packaging test.
//
// The main and preload bundles leave their dependencies external, so those
// are packed into the asar as node_modules. The renderer's dependencies are
// bundled into dist/renderer by Vite: their code ships, their folders don't.
// The CLI and the Chromium shell (and the browser they drive) are not part of
// the desktop app at all.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Bundled into dist/renderer by Vite: not needed as node_modules (but their licences ship). */
const RENDERER_BUNDLED = [
  '@codemirror/commands',
  '@codemirror/lang-markdown',
  '@codemirror/language',
  '@codemirror/search',
  '@codemirror/state',
  '@codemirror/view',
  '@lezer/common',
  '@lezer/highlight',
  '@lezer/markdown',
  'dompurify',
  'turndown',
  'turndown-plugin-gfm',
];

/** Used only by the CLI and the Chromium shell: not in the desktop app at all. */
const SHELL_ONLY = ['playwright-core', '@sparticuz/chromium'];

/**
 * Packages the main process reads files from (a prebuilt script it injects into
 * a page) but never requires: only these folders of them are packed, and none
 * of their dependencies. The packaging test fails if a bundle requires one.
 */
const FILES_ONLY = { pagedjs: ['dist'] };

/** Where `name` resolves from the package in `fromDir` (Node's node_modules lookup, no `exports`). */
function resolvePackageDir(name, fromDir, rootDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === rootDir || path.dirname(dir) === dir) return null;
  }
}

/**
 * Every package folder reachable from `names` (as required from `rootDir`)
 * through dependencies; `leaves` are taken without their dependencies.
 */
function dependencyClosure(names, rootDir, leaves = []) {
  const seen = new Set();
  const visit = (name, from) => {
    const dir = resolvePackageDir(name, from, rootDir);
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    if (leaves.includes(name)) return;
    const pkg = readJson(path.join(dir, 'package.json'));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, dir);
  };
  for (const name of names) visit(name, rootDir);
  return seen;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function productionDependencies(rootDir) {
  return Object.keys(readJson(path.join(rootDir, 'package.json')).dependencies ?? {});
}

/** Package folders packed into the asar: what the main process may require, with its dependencies. */
function asarModuleDirs(rootDir) {
  const skip = [...RENDERER_BUNDLED, ...SHELL_ONLY];
  return dependencyClosure(productionDependencies(rootDir).filter((name) => !skip.includes(name)), rootDir, Object.keys(FILES_ONLY));
}

/** Package folders whose code ships in the app (in the asar or in the renderer bundle). */
function shippedModuleDirs(rootDir) {
  return dependencyClosure(productionDependencies(rootDir).filter((name) => !SHELL_ONLY.includes(name)), rootDir);
}

/** `files` patterns that leave out every production package the asar doesn't need. */
function excludedModulePatterns(rootDir) {
  const packed = asarModuleDirs(rootDir);
  const all = dependencyClosure(productionDependencies(rootDir), rootDir);
  const relative = (dir) => path.relative(rootDir, dir).split(path.sep).join('/');
  const leftOut = [...all].filter((dir) => !packed.has(dir)).map((dir) => `!${relative(dir)}{,/**/*}`);
  const trimmed = Object.entries(FILES_ONLY).flatMap(([name, keep]) => {
    const dir = resolvePackageDir(name, rootDir, rootDir);
    if (!dir) return [];
    return fs
      .readdirSync(dir)
      .filter((entry) => !keep.includes(entry) && entry !== 'package.json' && !/^licen[cs]e/i.test(entry))
      .map((entry) => `!${relative(dir)}/${entry}{,/**/*}`);
  });
  return [...leftOut, ...trimmed].sort();
}

module.exports = {
  RENDERER_BUNDLED,
  SHELL_ONLY,
  FILES_ONLY,
  dependencyClosure,
  asarModuleDirs,
  shippedModuleDirs,
  excludedModulePatterns,
};
