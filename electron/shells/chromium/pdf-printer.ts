/**
 * PDF printing in Chromium through playwright-core, for the Chromium shell
 * and the CLI: the browser from `findBrowser()` (the same lookup the shell
 * uses), launched headless once and reused for every file of a run. The
 * print page is served from a routed origin that never touches the network;
 * every other request is refused. JavaScript is off, except for the
 * page-notes layout, where only our bundled Paged.js may run (the page's CSP
 * allows that one script by hash).
 */
import { chromium, type Browser } from 'playwright-core';
import { PrintError, type PdfPrinter, type PdfPrintOptions } from '../../services/export/pdf-printer';
import { BROWSER_MISSING_MESSAGE, findBrowser, type BrowserChoice } from './browser-lookup';

/** The print page's address: a name that can never resolve. */
export const PRINT_URL = 'https://print.byline.invalid/document.html';
/** Paged.js marks its work done on <html>; long documents take a few seconds. */
const PAGED_TIMEOUT_MS = 120_000;

const mm = (value: number): string => `${value}mm`;

export async function createChromiumPrinter(choice?: BrowserChoice | null): Promise<PdfPrinter> {
  const browserChoice = choice === undefined ? await findBrowser() : choice;
  if (!browserChoice) throw new PrintError(`Can’t make a PDF: ${BROWSER_MISSING_MESSAGE}`);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: browserChoice.executablePath,
      headless: true,
      args: [...browserChoice.extraArgs, '--disable-quic', '--disable-background-networking', '--no-first-run'],
    });
  } catch (error) {
    throw new PrintError(`Can’t make a PDF: the browser at ${browserChoice.executablePath} did not start (${firstLine(error)}).`);
  }

  return {
    async printToPdf(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
      const context = await browser.newContext({ javaScriptEnabled: options.runsPagedScript, offline: true, acceptDownloads: false });
      try {
        await context.route('**/*', (route) =>
          route.request().url() === PRINT_URL && route.request().isNavigationRequest()
            ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
            : route.abort('blockedbyclient'),
        );
        const page = await context.newPage();
        await page.goto(PRINT_URL, { waitUntil: 'load' });
        if (options.runsPagedScript) {
          await page.waitForSelector('html[data-byline-paged="done"]', { state: 'attached', timeout: PAGED_TIMEOUT_MS });
        }
        await page.emulateMedia({ media: 'print', colorScheme: 'light' });
        const pdf = await page.pdf({
          format: options.pageSize,
          margin: options.runsPagedScript
            ? { top: '0', right: '0', bottom: '0', left: '0' }
            : { top: mm(options.margins.top), right: mm(options.margins.right), bottom: mm(options.margins.bottom), left: mm(options.margins.left) },
          preferCSSPageSize: options.runsPagedScript,
          displayHeaderFooter: !options.runsPagedScript,
          headerTemplate: options.headerTemplate || '<span></span>',
          footerTemplate: options.footerTemplate || '<span></span>',
          printBackground: true,
          tagged: true,
          outline: true,
        });
        return new Uint8Array(pdf);
      } catch (error) {
        if (error instanceof PrintError) throw error;
        throw new PrintError(`The PDF could not be made: ${firstLine(error)}.`);
      } finally {
        await context.close().catch(() => undefined);
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!.replace(/\.$/, '');
}
