// The report in a real browser (Debian's Chromium, or CHROMIUM_PATH): opened from a file with
// JavaScript on, nothing runs and nothing loads; and its PDF in A4 and Letter, English and Chinese,
// with page numbers and the notice on every page, a CJK font embedded, and pages pdftoppm renders.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonRun } from '../../src-engine/contract/reports.ts';
import { reportHtml } from './html.ts';
import { chromiumMissing, chromiumPath, chromiumPdfPrinter } from './pdf.ts';
import { fixtureRun, PAYLOADS } from './testing.ts';

const missing = chromiumMissing(chromiumPath());
if (missing) console.warn(`skipping the Chromium report tests: ${missing}`);
const poppler = spawnSync('pdfinfo', ['-v']).error === undefined;
if (!missing && !poppler) console.warn('pdfinfo/pdftotext/pdftoppm missing (apt-get install poppler-utils): the PDF tests check only the file header');

const dir = mkdtempSync(join(tmpdir(), 'modulon-report-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let run: ComparisonRun;
let base: unknown;
beforeAll(async () => {
  ({ run, base } = await fixtureRun());
});

const tool = (name: string, args: string[]) => {
  const out = spawnSync(name, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`${name} ${args.join(' ')}: ${out.stderr}`);
  return out.stdout;
};

describe.skipIf(missing !== undefined)('the report in Chromium', () => {
  it('opens from a file with JavaScript on: no script runs, nothing loads, hostile names show as text', { timeout: 120_000 }, async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, reportHtml(run, { lang: 'en', generatedAt: '2026-12-01T14:05:00.000Z', base }));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const seen = await page.evaluate(() => ({
        scripts: document.scripts.length,
        images: document.images.length,
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
        text: document.body.innerText,
        svgs: document.querySelectorAll('svg.chart').length,
      }));
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(seen.scripts).toBe(0);
      expect(seen.images).toBe(0);
      expect(seen.handlers).toEqual([]);
      for (const p of PAYLOADS) expect(seen.text).toContain(p);
      expect(seen.svgs).toBe(run.series.length + 1);
    } finally {
      await browser.close();
    }
  });

  it.each([
    ['en', 'a4', [595, 842], /Page 1 of (\d+)/, 'Educational simulation, not for clinical decisions.'],
    ['zh-CN', 'letter', [612, 792], /第 1 页，共 (\d+) 页/, '教学模拟，不可用于临床决策。'],
  ] as const)('prints a %s PDF on %s with page numbers, the notice on every page and pages pdftoppm renders', { timeout: 120_000 }, async (lang, paper, size, pageOne, notice) => {
    const out = await chromiumPdfPrinter()(reportHtml(run, { lang, paper, generatedAt: '2026-12-01T14:05:00.000Z', base }), paper);
    if (!out.ok) throw new Error(out.message);
    expect(Buffer.from(out.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    if (!poppler) return;
    const pdf = join(dir, `report-${lang}-${paper}.pdf`);
    writeFileSync(pdf, out.pdf);
    const info = tool('pdfinfo', [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
    expect(Math.round(w as number)).toBe(size[0]);
    expect(Math.round(h as number)).toBe(size[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = tool('pdftotext', ['-layout', pdf, '-']);
    expect(Number(pageOne.exec(text)?.[1])).toBe(pages);
    expect(text.split(notice).length - 1).toBeGreaterThanOrEqual(pages); // the margin notice on every page, the banner on the first
    // Chromium draws Chinese with whatever CJK font fontconfig offers (embedded as Type 3 outlines);
    // without one, the glyphs are empty boxes.
    if (lang === 'zh-CN') expect(spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '', 'no CJK font: apt-get install fonts-noto-cjk').not.toBe('');
    tool('pdftoppm', ['-png', '-r', '60', pdf, join(dir, `page-${lang}`)]);
    expect(readdirSync(dir).filter((f) => f.startsWith(`page-${lang}`) && f.endsWith('.png'))).toHaveLength(pages);
  });
});
