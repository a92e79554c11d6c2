// Report PDFs in the desktop app: the report's HTML in a hidden, sandboxed window with JavaScript
// off, in its own in-memory session that loads nothing from the network, printed by Chromium's
// `printToPDF`. Page size, margins, the notice on every page and page numbers come from the
// report's CSS (@page), as in headless Chromium (src-main/reports/pdf.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, session } from 'electron';
import type { PdfPrinter } from '../src-main/reports/pdf.ts';

export const REPORT_PARTITION = 'modulon-report';

let guarded = false;

/** Refuses every request of the report session but the report file itself. */
function guardSession(): void {
  if (guarded) return;
  session.fromPartition(REPORT_PARTITION).webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !details.url.startsWith('file:') });
  });
  guarded = true;
}

export function electronPdfPrinter(): PdfPrinter {
  return async (html, paper) => {
    guardSession();
    const dir = await mkdtemp(join(tmpdir(), 'modulon-report-'));
    const file = join(dir, 'report.html');
    let window: BrowserWindow | undefined;
    try {
      await writeFile(file, html);
      window = new BrowserWindow({
        show: false,
        webPreferences: {
          partition: REPORT_PARTITION,
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      });
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      window.webContents.on('will-navigate', (event) => event.preventDefault());
      await window.loadFile(file);
      const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, pageSize: paper === 'letter' ? 'Letter' : 'A4' });
      return { ok: true, pdf: new Uint8Array(pdf) };
    } catch (e) {
      return { ok: false, message: `printing the PDF failed: ${e instanceof Error ? e.message : String(e)}` };
    } finally {
      if (window && !window.isDestroyed()) window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
