// Renders the app icon (assets/icon.svg) at every size the installers need,
// into build/icons/ (electron-builder's icon folder):
//   NxN.png    16…1024, Linux (AppImage, deb) takes the whole folder
//   icon.icns  macOS: PNG entries 16…1024 (icp4…ic10, ic11…ic14 for Retina)
//   icon.ico   Windows: PNG entries 16…256
//   source.sha256  the hash of the SVG they came from (the tests check it, so
//                  icons that are out of date with the SVG fail `npm test`)
//
// The SVG is drawn by a real Chromium (the one the Chromium shell uses: a
// system Chrome/Chromium, BYLINE_CHROMIUM, or @sparticuz/chromium) and
// screenshotted on a transparent background; ICO and ICNS are simple
// containers of PNGs, written here. The outputs are committed, so packaging
// needs no browser. Run: `npm run icons` (after changing assets/icon.svg).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { BROWSER_MISSING_MESSAGE, findBrowser } from '../electron/shells/chromium/browser-lookup.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'assets', 'icon.svg');
const outDir = path.join(root, process.env.BYLINE_ICONS_DIR ?? path.join('build', 'icons'));

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types holding PNG data, by the pixel size they carry. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic13', 256], // 128@2x
  ['ic14', 512], // 256@2x
];

/** ICO: ICONDIR, one ICONDIRENTRY per image, then the PNGs (Windows Vista and later read PNG entries). */
export function encodeIco(images) {
  const headerSize = 6 + 16 * images.length;
  const header = Buffer.alloc(headerSize);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = headerSize;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

/** ICNS: 'icns' + total length, then entries of type + length (including its 8-byte header) + PNG. */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function render(svg, sizes) {
  const browser = await findBrowser();
  if (!browser) throw new Error(BROWSER_MISSING_MESSAGE);
  const instance = await chromium.launch({ executablePath: browser.executablePath, args: browser.extraArgs, headless: true });
  try {
    const page = await instance.newPage({ deviceScaleFactor: 1 });
    const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const pngs = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
          `<img src="${url}" width="${size}" height="${size}" alt="">`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return pngs;
  } finally {
    await instance.close();
  }
}

async function main() {
  const svg = await readFile(source);
  const pngs = await render(svg.toString('utf8'), PNG_SIZES);
  await mkdir(outDir, { recursive: true });
  for (const [size, png] of pngs) await writeFile(path.join(outDir, `${size}x${size}.png`), png);
  await writeFile(path.join(outDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  await writeFile(path.join(outDir, 'icon.icns'), encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))));
  await writeFile(path.join(outDir, 'source.sha256'), `${createHash('sha256').update(svg).digest('hex')}  assets/icon.svg\n`);
  console.log(`icons: wrote ${PNG_SIZES.length} PNGs, icon.ico and icon.icns to ${path.relative(root, outDir)}/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`icons: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
