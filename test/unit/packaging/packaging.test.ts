// Packaging, checked as far as this machine allows: Electron's binary can't be
// downloaded here, so electron-builder packs the real app against a stand-in
// Electron folder (`--linux dir`, offline). That still runs electron-builder's
// own config loading and validation, file selection, node_modules collection,
// asar writing and fuse flipping, so the asar and the fuse wire it leaves
// behind are the real thing. Installers (AppImage, deb, dmg, NSIS) need tools
// from outside the registry and are not built here.
//
// The built app comes from dist/ (or BYLINE_DIST_DIR), which `npm test` builds
// first; it is copied into a staging folder in the system temp dir, so nothing
// in the tree is touched.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(__dirname, '../../..');
const DIST = path.resolve(ROOT, process.env.BYLINE_DIST_DIR ?? 'dist');
const CONFIG_FILE = path.join(ROOT, 'electron-builder.cjs');

interface Asar {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractFile(archive: string, filename: string): Buffer;
}
const asar = require('@electron/asar') as Asar;
const { SHELL_ONLY, RENDERER_BUNDLED, FILES_ONLY } = require(path.join(ROOT, 'scripts/packaged-modules.cjs')) as {
  SHELL_ONLY: string[];
  RENDERER_BUNDLED: string[];
  FILES_ONLY: Record<string, string[]>;
};

interface FileAssociation {
  ext: string | string[];
  role?: string;
  rank?: string;
  mimeType?: string;
}
interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  files?: string[];
  extraResources?: Array<{ from: string; to: string }>;
  directories?: { output?: string; buildResources?: string };
  electronFuses?: Record<string, boolean>;
  fileAssociations?: FileAssociation[];
  linux?: { target?: unknown; icon?: string; category?: string; mimeTypes?: string[]; executableName?: string };
  mac?: { target?: Array<{ target: string; arch: string[] }>; icon?: string; category?: string; fileAssociations?: FileAssociation[] };
  win?: { target?: unknown; icon?: string; fileAssociations?: FileAssociation[] };
  nsis?: { installerIcon?: string; uninstallerIcon?: string };
}

/** The fuses as Electron's binary stores them, in wire order (@electron/fuses FuseV1Options). */
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, so every fuse the config sets visibly flips. */
const STOCK_WIRE = '10110001';

const DEV_DEPENDENCIES = ['vite', 'vitest', 'typescript', 'electron-builder', 'app-builder-lib', 'jsdom', 'esbuild', 'electron', 'tsx', 'fast-check'];

let work: string;
let appDir: string;
let unpacked: string;
let archive: string;
let entries: string[];
let builderLog = '';

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** An unpacked Electron as electron-builder expects one, with a fuse wire but no real program. */
function writeStandInElectron(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary (packaging test)"\nexit 1\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, STOCK_WIRE.length]),
    Buffer.from(STOCK_WIRE),
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(dir, 'electron'), wire, { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'Electron licence (stand-in)\n');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<p>Chromium licences (stand-in)</p>\n');
  writeFileSync(path.join(dir, 'version'), `${(require('electron/package.json') as { version: string }).version}\n`);
}

/** The project as `npm run dist` would see it after a build, without the sources. */
function stageApp(dir: string): void {
  mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  for (const file of ['package.json', 'electron-builder.cjs', 'scripts/packaged-modules.cjs']) cpSync(path.join(ROOT, file), path.join(dir, file));
  cpSync(path.join(ROOT, 'build/icons'), path.join(dir, 'build/icons'), { recursive: true });
  cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  cpSync(path.join(DIST, 'electron'), path.join(dir, 'dist/electron'), { recursive: true });
  cpSync(path.join(DIST, 'renderer'), path.join(dir, 'dist/renderer'), { recursive: true });
  // A stray source and test file in the staged tree: they must not be packed.
  mkdirSync(path.join(dir, 'electron'), { recursive: true });
  writeFileSync(path.join(dir, 'electron/stray.ts'), 'export const stray = 1;\n');
  mkdirSync(path.join(dir, 'test'), { recursive: true });
  writeFileSync(path.join(dir, 'test/stray.test.ts'), 'export {};\n');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
}

/**
 * npm's variables would point electron-builder's package-manager detection at
 * the real tree, and under VITEST electron-builder logs nothing.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_|^INIT_CWD$|^BYLINE_DIST_DIR$|^VITEST/i.test(key)) env[key] = value;
  return { ...env, ELECTRON_BUILDER_CACHE: path.join(work, 'cache') };
}

/** A fresh copy: electron-builder's loader changes the object it loaded. */
function loadConfig(): BuilderConfig {
  delete require.cache[require.resolve(CONFIG_FILE)];
  return require(CONFIG_FILE) as BuilderConfig;
}

function asarHas(file: string): boolean {
  return entries.includes(file);
}

/** Top-level package names under the asar's node_modules. */
function packedPackages(): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) {
    const parts = entry.split('/');
    if (parts[1] !== 'node_modules' || !parts[2]) continue;
    names.add(parts[2].startsWith('@') ? `${parts[2]}/${parts[3] ?? ''}` : parts[2]);
  }
  return names;
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature').toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

beforeAll(async () => {
  for (const file of ['electron/main.cjs', 'electron/preload.cjs', 'renderer/index.html']) {
    if (!existsSync(path.join(DIST, file))) throw new Error(`${path.join(DIST, file)} is missing: run \`npm run build\` first (npm test does).`);
  }
  work = mkdtempSync(path.join(os.tmpdir(), 'byline-packaging-'));
  appDir = path.join(work, 'app');
  const electronDist = path.join(work, 'electron-dist');
  writeStandInElectron(electronDist);
  stageApp(appDir);
  const licences = await run(process.execPath, [path.join(ROOT, 'scripts/third-party-licenses.mjs'), path.join(appDir, 'dist/THIRD_PARTY_LICENSES.txt')], ROOT, cleanEnv());
  if (licences.code !== 0) throw new Error(`third-party-licenses.mjs failed:\n${licences.output}`);

  const cli = path.join(ROOT, 'node_modules/electron-builder/cli.js');
  const started = Date.now();
  const result = await run(process.execPath, [cli, '--linux', 'dir', '--x64', '--projectDir', appDir, `-c.electronDist=${electronDist}`], appDir, cleanEnv());
  builderLog = result.output;
  console.log(`packaging: electron-builder --linux dir took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  unpacked = path.join(appDir, 'release/linux-unpacked');
  archive = path.join(unpacked, 'resources/app.asar');
  if (result.code !== 0 || !existsSync(archive)) {
    throw new Error(`electron-builder --linux dir failed (exit ${result.code}); its output:\n${builderLog.slice(-4000)}`);
  }
  entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.split(path.sep).join('/'));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder configuration', () => {
  it('loads and validates through electron-builder’s own loader and schema', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<BuilderConfig>;
      validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(ROOT, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('app.byline.editor');
    expect(config.productName).toBe('Byline');
    // The same loader rejects a bad option, so the check above means something.
    await expect(validateConfiguration({ ...config, notAnOption: true } as BuilderConfig, new DebugLogger(false))).rejects.toThrow(
      /notAnOption/,
    );
  }, 60_000);

  it('was the configuration electron-builder used for the build', () => {
    expect(builderLog).toMatch(/loaded configuration\s+file=.*electron-builder\.cjs/);
  });

  it('targets AppImage and deb, a universal dmg and NSIS, with the right categories', () => {
    const config = loadConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.mac?.category).toBe('public.app-category.productivity');
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.asar).toBe(true);
    // dist/ holds the app's own build output: installers must go elsewhere.
    expect(config.directories?.output).toBe('release');
  });

  it('associates Markdown everywhere and .txt as an alternate editor where the OS allows', () => {
    const config = loadConfig();
    const markdown = config.fileAssociations?.find((entry) => [entry.ext].flat().includes('md'));
    expect([markdown?.ext].flat().sort()).toEqual(['markdown', 'md', 'mdown']);
    expect(markdown?.role).toBe('Editor');
    const text = config.mac?.fileAssociations?.find((entry) => [entry.ext].flat().includes('txt'));
    expect(text).toMatchObject({ role: 'Editor', rank: 'Alternate' });
    // NSIS would make Byline the default .txt app: not on Windows.
    const everyWindowsExt = [...(config.fileAssociations ?? []), ...(config.win?.fileAssociations ?? [])].flatMap((entry) => [entry.ext].flat());
    expect(everyWindowsExt).not.toContain('txt');
    expect(config.linux?.mimeTypes).toEqual(expect.arrayContaining(['text/markdown', 'text/plain']));
  });

  it('hardens every fuse the issue names', () => {
    expect(loadConfig().electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('references only icons and files that exist', () => {
    const config = loadConfig();
    const referenced = [config.linux?.icon, config.mac?.icon, config.win?.icon, config.nsis?.installerIcon, config.nsis?.uninstallerIcon];
    for (const file of referenced) {
      expect(file, 'icon setting').toBeTruthy();
      expect(existsSync(path.join(ROOT, file!)), file).toBe(true);
    }
    for (const pattern of config.files ?? []) {
      if (pattern.startsWith('!') || /[*{]/.test(pattern)) continue;
      expect(existsSync(path.join(appDir, pattern)), `files: ${pattern}`).toBe(true);
    }
    for (const resource of config.extraResources ?? []) expect(existsSync(path.join(appDir, resource.from)), resource.from).toBe(true);
  });
});

describe('icons', () => {
  const icons = path.join(ROOT, 'build/icons');

  it('come from the current assets/icon.svg (run `npm run icons` after changing it)', () => {
    const svg = readFileSync(path.join(ROOT, 'assets/icon.svg'));
    const recorded = readFileSync(path.join(icons, 'source.sha256'), 'utf8').split(/\s+/)[0];
    expect(recorded).toBe(createHash('sha256').update(svg).digest('hex'));
  });

  it('has a PNG of each Linux size, of that size', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(path.join(icons, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
  });

  it('has a Windows .ico with PNG entries up to 256 px', () => {
    const ico = readFileSync(path.join(icons, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = 6 + 16 * i;
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      const png = ico.subarray(offset, offset + length);
      const { width } = pngSize(png);
      expect(ico.readUInt8(at) || 256).toBe(width);
      sizes.push(width);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('has a macOS .icns with PNG entries from 16 to 1024 px', () => {
    const icns = readFileSync(path.join(icons, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      found.set(type, pngSize(icns.subarray(at + 8, at + length)).width);
      at += length;
    }
    expect(Object.fromEntries(found)).toMatchObject({ icp4: 16, icp5: 32, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 });
  });
});

describe('the packed app (electron-builder --linux dir on a stand-in Electron)', () => {
  it('holds the built main, preload and renderer', () => {
    for (const file of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/assets/styles/article.css']) {
      expect(asarHas(file), file).toBe(true);
    }
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; version: string; devDependencies?: unknown };
    const ours = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; version: string };
    expect(pkg.main).toBe(ours.main);
    expect(pkg.version).toBe(ours.version);
    expect(asarHas(`/${pkg.main}`)).toBe(true);
  });

  it('holds no sources, tests, source maps or the CLI’s bundles', () => {
    const outside = entries.filter((entry) => !entry.startsWith('/node_modules/'));
    expect(outside.filter((entry) => /\.(ts|tsx|mts|map)$/.test(entry))).toEqual([]);
    const sourceFolders = /^\/(electron|renderer|test|scripts|release|src)(\/|$)/;
    expect(outside.filter((entry) => sourceFolders.test(entry))).toEqual([]);
    // Of build/, only the icon the window and About panel use.
    expect(outside.filter((entry) => entry.startsWith('/build/') && !entry.startsWith('/build/icons'))).toEqual([]);
    expect(outside.filter((entry) => entry.startsWith('/build/icons/'))).toEqual(['/build/icons/256x256.png']);
    for (const bundle of ['cli.cjs', 'start.cjs', 'chromium-shell.cjs']) expect(asarHas(`/dist/electron/${bundle}`), bundle).toBe(false);
    for (const file of ['/electron-builder.cjs', '/tsconfig.json', '/vitest.config.mts', '/vite.config.mts', '/assets/icon.svg']) {
      expect(asarHas(file), file).toBe(false);
    }
  });

  it('holds no dev dependencies, nothing only the CLI uses, and nothing the renderer bundle already has', () => {
    const packed = packedPackages();
    for (const name of [...DEV_DEPENDENCIES, ...SHELL_ONLY, ...RENDERER_BUNDLED]) expect(packed.has(name), name).toBe(false);
    expect(entries.filter((entry) => entry.endsWith('.node'))).toEqual([]);
    // Packages read as files keep the folders named for them, and only those.
    for (const [name, keep] of Object.entries(FILES_ONLY)) {
      const inside = entries.filter((entry) => entry.startsWith(`/node_modules/${name}/`)).map((entry) => entry.split('/')[3]);
      for (const folder of keep) expect(inside, `${name}/${folder}`).toContain(folder);
      expect(inside.filter((entry) => !keep.includes(entry!) && entry !== 'package.json' && !/^licen[cs]e/i.test(entry!))).toEqual([]);
    }
  });

  it('holds every package the main and preload bundles require', () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const packed = packedPackages();
    for (const bundle of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
      const code = asar.extractFile(archive, bundle).toString('utf8');
      const required = [...code.matchAll(/require(\.resolve)?\(\s*["']([^"'./][^"']*)["']/g)].map((match) => ({
        specifier: match[2]!,
        loads: match[1] === undefined,
      }));
      expect(required.length, bundle).toBeGreaterThan(0);
      for (const { specifier, loads } of required) {
        if (builtins.has(specifier) || builtins.has(specifier.split('/')[0]!) || specifier === 'electron') continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        expect(packed.has(name), `${bundle} requires "${specifier}", which is not packed (see scripts/packaged-modules.cjs)`).toBe(true);
        // Packed as files only, without its dependencies: it can't be loaded as a module.
        if (loads) expect(Object.keys(FILES_ONLY), `${bundle} loads "${specifier}" (packed as files only)`).not.toContain(name);
      }
    }
  });

  it('flipped the fuses in the Electron binary as configured', async () => {
    const binary = path.join(unpacked, loadConfig().linux?.executableName ?? 'byline');
    const bytes = readFileSync(binary);
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
    expect(at).toBeGreaterThan(SENTINEL.length);
    const wire = bytes.toString('ascii', at + 2, at + 2 + bytes[at + 1]!);
    const fuses = loadConfig().electronFuses ?? {};
    const expected = FUSE_ORDER.map((name, i) => (fuses[name] === undefined ? STOCK_WIRE[i] : fuses[name] ? '1' : '0')).join('');
    expect(wire).toBe(expected);
    expect(wire).not.toBe(STOCK_WIRE);
  });

  it('ships the third-party licences outside the asar, and Electron’s beside the binary', () => {
    const licences = readFileSync(path.join(unpacked, 'resources/THIRD_PARTY_LICENSES.txt'), 'utf8');
    for (const name of ['markdown-it', 'yaml', '@codemirror/view', 'dompurify', '@fontsource/source-serif-4']) expect(licences).toContain(`${name} `);
    for (const name of SHELL_ONLY) expect(licences).not.toContain(`\n${name} `);
    expect(existsSync(path.join(unpacked, 'LICENSE.electron.txt'))).toBe(true);
    expect(readdirSync(path.join(unpacked, 'resources')).sort()).toEqual(['THIRD_PARTY_LICENSES.txt', 'app.asar']);
  });
});
