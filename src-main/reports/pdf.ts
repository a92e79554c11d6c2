// The PDF of a report through headless Chromium (the CLI and web mode; the Electron shell prints
// with its own `printToPDF`, electron/pdf.ts). Debian's Chromium at /usr/bin/chromium, or
// CHROMIUM_PATH; playwright-core drives it. Page size, margins, the notice on every page and the
// page numbers come from the report's own CSS (@page), so every printer gives the same pages.
import { accessSync, constants } from 'node:fs';
import type { Paper } from '../../src-engine/contract/reports.ts';

export type PdfOutcome = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

/** Turns a report's HTML into a PDF of the given paper size. */
export type PdfPrinter = (html: string, paper: Paper) => Promise<PdfOutcome>;

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** One line for the user when there is no Chromium to print with; undefined when there is one. */
export function chromiumMissing(path: string): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return `PDF export needs Chromium: none found at ${path} (install it, e.g. apt-get install chromium, or set CHROMIUM_PATH to its executable)`;
  }
}

interface Playwright {
  chromium: {
    launch(options: { executablePath: string; args: string[]; timeout: number }): Promise<{
      newContext(options: { javaScriptEnabled: boolean; offline: boolean }): Promise<{
        newPage(): Promise<{
          route(url: string, handler: (route: { abort(): Promise<void> }) => Promise<void>): Promise<void>;
          setContent(html: string, options: { waitUntil: 'load'; timeout: number }): Promise<void>;
          pdf(options: { preferCSSPageSize: boolean; printBackground: boolean; format: string; timeout?: number }): Promise<Buffer>;
        }>;
      }>;
      close(): Promise<void>;
    }>;
  };
}

/** A printer using headless Chromium: JavaScript off, every network request refused. */
export function chromiumPdfPrinter(options: { path?: string; timeoutMs?: number } = {}): PdfPrinter {
  return async (html, paper) => {
    const path = options.path ?? chromiumPath();
    const missing = chromiumMissing(path);
    if (missing) return { ok: false, message: missing };
    let pw: Playwright;
    try {
      pw = (await import('playwright-core')) as unknown as Playwright;
    } catch {
      return { ok: false, message: 'PDF export needs the playwright-core package to drive Chromium (npm install in the Modulon folder)' };
    }
    const timeout = options.timeoutMs ?? 60_000;
    const browser = await pw.chromium.launch({ executablePath: path, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'], timeout });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load', timeout });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, format: paper === 'letter' ? 'Letter' : 'A4', timeout });
      return { ok: true, pdf: new Uint8Array(pdf) };
    } finally {
      await browser.close();
    }
  };
}
