// The desktop app's report printer with `electron` faked: a hidden, sandboxed window without
// JavaScript in its own session, the paper size passed on, the window and the temporary file
// removed afterwards (also when printing fails), network requests of that session refused.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; loaded?: string; html?: string; destroyed: boolean; printed?: Record<string, unknown> }>,
  fail: false,
  onBeforeRequest: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  partitions: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly record: (typeof state.windows)[number];
    readonly webContents = {
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
      printToPDF: vi.fn(async (options: Record<string, unknown>) => {
        this.record.printed = options;
        if (state.fail) throw new Error('printer on fire');
        return Buffer.from('%PDF-1.7 fake');
      }),
    };
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false };
      state.windows.push(this.record);
    }
    async loadFile(file: string) {
      this.record.loaded = file;
      this.record.html = readFileSync(file, 'utf8');
    }
    isDestroyed = () => this.record.destroyed;
    destroy = () => {
      this.record.destroyed = true;
    };
  }
  const session = {
    fromPartition: (name: string) => {
      state.partitions.push(name);
      return { webRequest: { onBeforeRequest: (_filter: unknown, fn: typeof state.onBeforeRequest) => (state.onBeforeRequest = fn) } };
    },
  };
  return { BrowserWindow, session };
});

const { electronPdfPrinter, REPORT_PARTITION } = await import('./pdf.ts');

afterEach(() => {
  state.windows.length = 0;
  state.fail = false;
});

describe('electronPdfPrinter', () => {
  it('prints the report in a hidden sandboxed window without JavaScript, then removes window and file', async () => {
    const out = await electronPdfPrinter()('<!doctype html><p>report</p>', 'letter');
    expect(out).toEqual({ ok: true, pdf: new Uint8Array(Buffer.from('%PDF-1.7 fake')) });
    const w = state.windows[0]!;
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ partition: REPORT_PARTITION, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect((w.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(w.html).toBe('<!doctype html><p>report</p>');
    expect(w.printed).toEqual({ printBackground: true, preferCSSPageSize: true, pageSize: 'Letter' });
    expect(w.destroyed).toBe(true);
    expect(existsSync(w.loaded!)).toBe(false);
  });

  it('passes A4, reports a failure as one message and still cleans up', async () => {
    state.fail = true;
    const out = await electronPdfPrinter()('<p>x</p>', 'a4');
    expect(out).toEqual({ ok: false, message: 'printing the PDF failed: printer on fire' });
    const w = state.windows[0]!;
    expect(w.printed?.pageSize).toBe('A4');
    expect(w.destroyed).toBe(true);
    expect(existsSync(w.loaded!)).toBe(false);
  });

  it('refuses every request of the report session but local files', () => {
    expect(state.partitions).toEqual([REPORT_PARTITION]);
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      state.onBeforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://example.com/font.woff2')).toBe(true);
    expect(verdict('http://127.0.0.1:8000/x')).toBe(true);
    expect(verdict('file:///tmp/modulon-report-x/report.html')).toBe(false);
  });
});
