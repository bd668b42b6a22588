/**
 * The CLI's Electron fallback printer, driven against a stand-in "Electron"
 * (a Node script speaking the print worker's job-file protocol), since the
 * real binary can't be downloaded here. Proves the job reaches the worker
 * intact, the PDF comes back, temp files go, and failures read as sentences.
 */
import { chmod, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElectronProcessPrinter } from '../../../electron/shells/electron/process-printer';
import { PrintError, type PdfPrintOptions } from '../../../electron/services/export/pdf-printer';

const OPTIONS: PdfPrintOptions = {
  pageSize: 'A4',
  margins: { top: 20, right: 18, bottom: 20, left: 18 },
  headerTemplate: '<span>T</span>',
  footerTemplate: '',
  runsPagedScript: false,
};

async function fakeElectron(body: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'byline-fake-electron-'));
  const binary = path.join(dir, 'electron');
  await writeFile(binary, `#!${process.execPath}\n${body}\n`);
  await chmod(binary, 0o755);
  return binary;
}

const WORKER = `
const fs = require('node:fs');
const [script, jobArg] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(jobArg.slice('--job='.length), 'utf8'));
const html = fs.readFileSync(job.htmlPath, 'utf8');
fs.writeFileSync(job.outPath, '%PDF-1.7 ' + script + ' ' + job.options.pageSize + ' ' + html);
`;

describe('Electron process printer (CLI fallback)', () => {
  it('hands the job to the worker and returns the PDF it wrote, leaving no temp files', async () => {
    const before = (await readdir(os.tmpdir())).filter((f) => f.startsWith('byline-print-')).length;
    const printer = createElectronProcessPrinter(await fakeElectron(WORKER), '/app/electron-print.cjs');
    const pdf = Buffer.from(await printer.printToPdf('<p>Hello</p>', OPTIONS)).toString();
    expect(pdf).toBe('%PDF-1.7 /app/electron-print.cjs A4 <p>Hello</p>');
    await printer.close();
    expect((await readdir(os.tmpdir())).filter((f) => f.startsWith('byline-print-')).length).toBe(before);
  });

  it('turns a failing print into a sentence', async () => {
    const printer = createElectronProcessPrinter(await fakeElectron(`process.stderr.write('GPU process crashed\\n'); process.exit(3);`), 'w.cjs');
    await expect(printer.printToPdf('<p>x</p>', OPTIONS)).rejects.toThrow(PrintError);
    await expect(printer.printToPdf('<p>x</p>', OPTIONS)).rejects.toThrow(/Electron's printer failed \(GPU process crashed\)/);
  });

  it('explains a binary that cannot start', async () => {
    const printer = createElectronProcessPrinter('/nonexistent/electron', 'w.cjs');
    await expect(printer.printToPdf('<p>x</p>', OPTIONS)).rejects.toThrow(/Electron's printer failed/);
  });
});
