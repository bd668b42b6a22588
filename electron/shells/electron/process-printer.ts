/**
 * The PDF printer for the command line when Electron is the only engine on
 * the machine: each print runs the Electron binary on our print worker
 * (print-worker.ts) with a job file in a private temp folder. Plain Node:
 * it spawns Electron, never imports it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PrintError, type PdfPrinter } from '../../services/export/pdf-printer';

const PRINT_TIMEOUT_MS = 180_000;

export function createElectronProcessPrinter(electronBinary: string, workerScript: string): PdfPrinter {
  return {
    async printToPdf(html, options) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'byline-print-'));
      try {
        const job = { htmlPath: path.join(dir, 'document.html'), outPath: path.join(dir, 'document.pdf'), options };
        await writeFile(job.htmlPath, html, 'utf8');
        await writeFile(path.join(dir, 'job.json'), JSON.stringify(job), 'utf8');
        const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
          let err = '';
          const child = spawn(electronBinary, [workerScript, `--job=${path.join(dir, 'job.json')}`], { stdio: ['ignore', 'ignore', 'pipe'] });
          const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
          child.stderr!.on('data', (d) => (err += d));
          child.on('error', (error) => resolve({ code: -1, stderr: error.message }));
          child.on('exit', (exitCode) => {
            clearTimeout(timer);
            resolve({ code: exitCode, stderr: err });
          });
        });
        if (code !== 0) {
          throw new PrintError(`Can’t make a PDF: Electron's printer failed (${stderr.trim().split('\n')[0] || `exit ${code}`}).`);
        }
        return new Uint8Array(await readFile(job.outPath));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async close() {},
  };
}
