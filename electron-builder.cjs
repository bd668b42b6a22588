// Packaging: `npm run dist` builds installers for the platform it runs on
// (Linux: AppImage and deb; macOS: a universal dmg; Windows: an NSIS
// installer) into release/. See README → Packaging for what each needs.
//
// Only the built app is packed: the Electron main and preload bundles, the
// renderer, the stylesheets and word lists the main process reads at run time,
// and the production dependencies the bundles require (esbuild leaves them
// external). The CLI, the Chromium shell and the browser they drive
// (playwright-core, @sparticuz/chromium) are not part of the desktop app.
// test/unit/packaging/ checks all of this with a real electron-builder run.

const { excludedModulePatterns } = require('./scripts/packaged-modules.cjs');

/** Files associated with Byline; `.txt` only where the OS lets an app be an *alternate* editor. */
const markdown = {
  ext: ['md', 'markdown', 'mdown'],
  name: 'Markdown document',
  description: 'Markdown document',
  role: 'Editor',
  rank: 'Default',
};
const plainText = {
  ext: 'txt',
  name: 'Plain text document',
  description: 'Plain text document',
  role: 'Editor',
  rank: 'Alternate',
};

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.byline.editor',
  productName: 'Byline',
  copyright: 'Copyright © Byline contributors',
  directories: {
    // dist/ is the app's own build output, so installers go elsewhere.
    output: 'release',
    buildResources: 'build',
  },
  files: [
    'package.json',
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/**/*',
    '!dist/renderer/**/*.map',
    'assets/**/*',
    '!assets/icon.svg',
    // The window and About panel icon (Linux, Windows).
    'build/icons/256x256.png',
    // The renderer's dependencies are bundled by Vite; the CLI's aren't needed here.
    ...excludedModulePatterns(__dirname),
  ],
  // Outside the asar, so Help → Third-Party Licenses can open it in a text viewer.
  extraResources: [{ from: 'dist/THIRD_PARTY_LICENSES.txt', to: 'THIRD_PARTY_LICENSES.txt' }],
  asar: true,
  // Every dependency is plain JavaScript: nothing to rebuild against Electron's headers.
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // We ship no browser-process V8 snapshot of our own.
    loadBrowserProcessSpecificV8Snapshot: false,
    // Pages come from the app:// scheme, never file://.
    grantFileProtocolExtraPrivileges: false,
  },
  fileAssociations: [markdown],

  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'byline',
    icon: 'build/icons',
    category: 'Office',
    synopsis: 'Markdown editor for opinion writers',
    description: 'A desktop Markdown editor for opinion writers: attributed quotes, footnoted sources, export to HTML and PDF.',
    maintainer: 'Byline contributors',
    // The .desktop file's MimeType: listed as able to open them (the writer picks the default).
    mimeTypes: ['text/markdown', 'text/x-markdown', 'text/plain'],
  },
  deb: {
    depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'],
  },

  mac: {
    target: [{ target: 'dmg', arch: ['universal'] }],
    icon: 'build/icons/icon.icns',
    category: 'public.app-category.productivity',
    darkModeSupport: true,
    hardenedRuntime: true,
    fileAssociations: [plainText],
  },
  dmg: {
    title: '${productName} ${version}',
  },

  win: {
    target: ['nsis'],
    icon: 'build/icons/icon.ico',
    // No .txt here: NSIS would make Byline the default for every .txt file.
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Byline',
    installerIcon: 'build/icons/icon.ico',
    uninstallerIcon: 'build/icons/icon.ico',
  },
};
