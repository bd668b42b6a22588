/**
 * The `byline` command. `byline FILE...` opens the app; `byline export …`
 * exports without a window (see services/export/cli-export.ts); `--help`
 * and `--version` answer without a window.
 */
import path from 'node:path';
import { appVersion } from './services/app-paths';
import { findElectronBinary } from './services/electron-binary';
import type { PdfPrinter } from './services/export/pdf-printer';
import { createElectronProcessPrinter } from './shells/electron/process-printer';

// The app and the browser driver load only when needed: `--version` and
// text exports stay quick.

const HELP = `Usage:
  byline [FILE ...]          open the files in Byline
  byline export FILE ... --to html|pdf|txt [options]
                             export without opening a window
  byline --version           print the version
  byline --help              show this help

Export options:
  --to html|pdf|txt          the format (or taken from -o's extension)
  -o, --output FILE          where to write (one input file only)
  --out-dir DIR              folder for the exported files (default: beside each input)
  --page-size A4|Letter      PDF page size (default: Letter)
  --links inline|footnotes|both
                             how links appear (default: both in HTML,
                             footnotes in PDF and plain text)
  --notes end|page           PDF: notes and sources at the end, or at the
                             foot of each page (default: end)
  --fragment                 HTML: the article alone, for pasting into a CMS
  --wrap N                   plain text: wrap lines at N characters (20 or
                             more; default: one line per paragraph, for mail
                             clients and forms that wrap text themselves)

PDF needs Chrome or Chromium (or BYLINE_CHROMIUM=/path/to/chrome); where
there is none, Electron's binary prints instead when it is installed.
`;

/**
 * PDFs come from the same browser lookup as the Chromium shell; where none is
 * found but Electron's binary is installed, Electron prints them instead.
 */
async function createPrinter(): Promise<PdfPrinter> {
  const { findBrowser } = await import('./shells/chromium/browser-lookup');
  const browser = await findBrowser();
  const electron = browser ? null : findElectronBinary();
  if (electron) return createElectronProcessPrinter(electron, path.join(__dirname, 'electron-print.cjs'));
  return (await import('./shells/chromium/pdf-printer')).createChromiumPrinter(browser);
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'export' && !argv.includes('--help') && !argv.includes('-h')) {
    const { runExportCommand } = await import('./services/export/cli-export');
    process.exitCode = await runExportCommand(
      argv.slice(1),
      { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) },
      { version: appVersion(), createPrinter },
    );
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${appVersion()}\n`);
    return;
  }
  const { startByline } = await import('./launcher');
  startByline(argv);
}

void main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`byline: ${(error as Error)?.message ?? String(error)}\n`);
  process.exitCode = 1;
});
