/**
 * A window-less Electron run that prints one PDF: what `byline export --to
 * pdf` uses when Electron is the only browser engine on the machine. Reads a
 * job file ({ htmlPath, options, outPath }) named by `--job=FILE`, prints
 * with the same Electron printer the app uses, writes the PDF, exits.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { app } from 'electron';
import type { PdfPrintOptions } from '../../services/export/pdf-printer';
import { registerAppScheme } from './app-protocol';
import { createElectronPrinter } from './pdf-printer';

interface PrintJob {
  htmlPath: string;
  outPath: string;
  options: PdfPrintOptions;
}

async function run(jobFile: string): Promise<void> {
  const job = JSON.parse(await readFile(jobFile, 'utf8')) as PrintJob;
  const printer = createElectronPrinter();
  try {
    const pdf = await printer.printToPdf(await readFile(job.htmlPath, 'utf8'), job.options);
    await writeFile(job.outPath, pdf);
  } finally {
    await printer.close();
  }
}

const jobArg = process.argv.find((arg) => arg.startsWith('--job='));
app.setName('Byline');
app.enableSandbox();
registerAppScheme();
app.on('window-all-closed', () => undefined); // hidden print windows come and go; stay until done
void app.whenReady().then(async () => {
  try {
    if (!jobArg) throw new Error('no --job=FILE given');
    await run(jobArg.slice('--job='.length));
    app.exit(0);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    app.exit(1);
  }
});
