/**
 * PDF printing in Electron: a hidden window with no preload, sandboxed,
 * context-isolated, JavaScript off (on only for the page-notes layout, where
 * the print page's CSP admits our bundled Paged.js and nothing else), in its
 * own in-memory session that refuses every request but the one print page
 * (served on `byline://print/`, so no size limit applies as it would to a
 * data: URL) and grants no permission. `webContents.printToPDF` gets the same
 * options the Chromium adapter gives `page.pdf`.
 */
import { BrowserWindow, session, type Session } from 'electron';
import { PrintError, type PdfPrinter, type PdfPrintOptions } from '../../services/export/pdf-printer';
import { APP_SCHEME } from './app-url';

const PRINT_HOST = 'print';
const PRINT_URL = `${APP_SCHEME}://${PRINT_HOST}/document.html`;
const PAGED_TIMEOUT_MS = 120_000;
const inches = (mm: number): number => mm / 25.4;

let printSession: Session | null = null;
let currentHtml = '';

/** The print session, set up once: only the print page may load, nothing is permitted. */
function getPrintSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition('byline-print', { cache: false });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== PRINT_URL && !details.url.startsWith('data:') }));
  ses.on('will-download', (event) => event.preventDefault());
  ses.protocol.handle(APP_SCHEME, (request) =>
    request.url === PRINT_URL
      ? new Response(currentHtml, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
      : new Response('Not found', { status: 404 }),
  );
  printSession = ses;
  return ses;
}

export function createElectronPrinter(): PdfPrinter {
  let queue: Promise<unknown> = Promise.resolve();
  const printOne = async (html: string, options: PdfPrintOptions): Promise<Uint8Array> => {
    const win = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        session: getPrintSession(),
        javascript: options.runsPagedScript,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        spellcheck: false,
        images: true,
      },
    });
    const contents = win.webContents;
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    try {
      currentHtml = html;
      await win.loadURL(PRINT_URL);
      if (options.runsPagedScript) await waitForPaged(contents);
      const pdf = await contents.printToPDF({
        pageSize: options.pageSize,
        margins: options.runsPagedScript
          ? { top: 0, bottom: 0, left: 0, right: 0 }
          : { top: inches(options.margins.top), bottom: inches(options.margins.bottom), left: inches(options.margins.left), right: inches(options.margins.right) },
        preferCSSPageSize: options.runsPagedScript,
        displayHeaderFooter: !options.runsPagedScript,
        headerTemplate: options.headerTemplate || '<span></span>',
        footerTemplate: options.footerTemplate || '<span></span>',
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      });
      return new Uint8Array(pdf);
    } catch (error) {
      throw new PrintError(`The PDF could not be made: ${String((error as Error)?.message ?? error).split('\n')[0]}.`);
    } finally {
      currentHtml = '';
      if (!win.isDestroyed()) win.destroy();
    }
  };
  return {
    // One print at a time: the session serves one page.
    printToPdf(html, options) {
      const next = queue.then(() => printOne(html, options));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
    },
  };
}

/** Paged.js sets `data-byline-paged="done"` on <html> when it has laid out every page. */
async function waitForPaged(contents: Electron.WebContents): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < PAGED_TIMEOUT_MS) {
    // Reading an attribute from main: executeJavaScript runs in an isolated world, not the page's.
    const done = await contents.executeJavaScriptInIsolatedWorld(1, [{ code: 'document.documentElement.dataset.bylinePaged === "done"' }]).catch(() => false);
    if (done === true) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new PrintError('The page-notes layout took too long.');
}
