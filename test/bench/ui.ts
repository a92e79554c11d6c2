// The UI part of `npm run bench` (issue 14): in Chromium driven by Playwright against web mode on
// the built app (`npm run build` first), the median time from an edit of the dose field to the
// live preview's charts being drawn, for a 12-week scenario, and the median cold start (a fresh
// browser context loading the page) until the app is interactive.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillKetamineSertraline } from '../e2e/scenarios.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface UiFigures {
  /** Edit → charts drawn, ms, one value per edit. */
  edits: number[];
  /** Of which: edit → the engine's answer back from the worker (debounce, structured clone, run). */
  engine: number[];
  /** Navigation start → interactive (the page mounted: the New scenario button there), ms. */
  coldStarts: number[];
  /** Navigation start → the first preview drawn (worker started, first run, every chart drawn), ms. */
  firstCharts: number[];
}

/** Why the UI bench cannot run here, or undefined. */
export function uiBenchMissing(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) return 'no built renderer in out/ (run `npm run build`)';
  return undefined;
}

export async function uiBench(edits: number, coldStarts: number): Promise<UiFigures> {
  const { chromium } = await import('playwright-core');
  const data = mkdtempSync(join(tmpdir(), 'modulon-bench-ui-'));
  const child = spawn(process.execPath, [join(ROOT, 'src-main', 'cli', 'main.ts'), 'serve', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
    });
    const figures: UiFigures = { edits: [], engine: [], coldStarts: [], firstCharts: [] };
    const shown = () => performance.getEntriesByName('modulon:preview-shown').length;

    // Cold starts: a fresh context each (no cache): until the page is interactive, and until its first chart is drawn.
    for (let k = 0; k < coldStarts; k++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto(url);
      // Polled every animation frame in the page, so the moment is the page's own (not Playwright's round trip).
      figures.coldStarts.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const look = () => {
                const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'New scenario');
                if (b && !(b as HTMLButtonElement).disabled) resolve(performance.now());
                else requestAnimationFrame(look);
              };
              look();
            }),
        ),
      );
      await page.waitForFunction(() => performance.getEntriesByName('modulon:preview-shown').length > 0);
      figures.firstCharts.push(await page.evaluate(() => performance.getEntriesByName('modulon:preview-shown')[0]!.startTime));
      await context.close();
    }

    // Edits: a 12-week TRD scenario (ketamine weekly IV, sertraline daily), the dose edited in turn.
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(url);
    await page.getByRole('button', { name: 'New scenario' }).click();
    await fillKetamineSertraline(page);
    await page.waitForTimeout(1500);
    const dose = page.getByLabel('Dose 1');
    for (let k = 0; k < edits + 2; k++) {
      const before = await page.evaluate(shown);
      // The edit's own moment, taken in the page as the input event is dispatched.
      const t0 = await dose.evaluate((el, value) => {
        const input = el as HTMLInputElement;
        input.value = value;
        const t = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return t;
      }, k % 2 === 0 ? '0.6 mg/kg' : '0.5 mg/kg');
      await page.waitForFunction((n) => performance.getEntriesByName('modulon:preview-shown').length > n, before);
      const [t1, tr] = await page.evaluate(() => [performance.getEntriesByName('modulon:preview-shown').at(-1)!.startTime, performance.getEntriesByName('modulon:preview-received').at(-1)!.startTime]);
      if (k >= 2) {
        // The first two warm the worker and the charts.
        figures.edits.push((t1 as number) - t0);
        figures.engine.push((tr as number) - t0);
      }
      await page.waitForTimeout(300); // a pause longer than the debounce: each edit is a user's single change
    }
    return figures;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
}
