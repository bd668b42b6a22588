// Compiles the Node side (shells, launcher, CLI) into CommonJS bundles in
// dist/electron/. Dependencies stay external (resolved from node_modules at run
// time); our own modules, the contract and the pipeline are bundled in. The
// preload is one self-contained file because a sandboxed preload can't require.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const dist = process.env.BYLINE_DIST_DIR ?? 'dist';

const entries = {
  main: 'electron/shells/electron/main.ts',
  preload: 'electron/shells/electron/preload.ts',
  'chromium-shell': 'electron/shells/chromium/run.ts',
  start: 'electron/start.ts',
  cli: 'electron/cli.ts',
  'electron-print': 'electron/shells/electron/print-worker.ts',
};

await build({
  entryPoints: entries,
  outdir: `${dist}/electron`,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
});
await chmod(`${dist}/electron/cli.cjs`, 0o755);
