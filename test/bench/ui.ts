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
  /** Edit → the charts in view drawn (those out of view follow after the paint), ms, one value per edit. */
  edits: number[];
  /** Of which: edit → the engine's answer back from the worker (debounce, structured clone, run). */
  engine: number[];
  /** Edit → every chart drawn, those out of view (after the paint) included, ms. */
  allCharts: number[];
  /** Navigation start → interactive (the page mounted: the New scenario button there), ms. */
  coldStarts: number[];
  /** Navigation start → the first preview drawn (worker started, first run, every chart drawn), ms. */
  firstCharts: number[];
  /** The edit's time split into its parts (SPLIT_PARTS), ms, one value per edit each. */
  split: Record<SplitPart, number[]>;
}

/** The parts of edit → redrawn chart, in order; they add up to the edit's time plus the paint after it. */
export const SPLIT_PARTS = ['validate', 'debounce', 'cloneIn', 'engine', 'cloneOut', 'chartConfig', 'chartDraw', 'otherDom', 'paint', 'deferred'] as const;
export type SplitPart = (typeof SPLIT_PARTS)[number];
export const SPLIT_LABELS: Record<SplitPart, string> = {
  validate: 'input event → the preview asked (editor state, validation, scenario JSON)',
  debounce: 'debounce before posting (0: an edit after a quiet pause runs at once)',
  cloneIn: 'request posted → the worker has it (structured clone of the scenario, worker queue)',
  engine: 'engine run in the worker (simulate)',
  cloneOut: 'results back: the worker posts → the page has them (structured clone, page queue)',
  chartConfig: 'chart data and options built from the results (every chart over time)',
  chartDraw: 'Chart.js update and draw onto the canvases',
  otherDom: 'the rest of the page updated (panels, tables, legends; Svelte)',
  paint: 'charts drawn → the frame painted (not in the edit → redrawn figure)',
  deferred: 'then the charts out of view drawn, after the paint (not in the figure)',
};

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
    const figures: UiFigures = { edits: [], engine: [], allCharts: [], coldStarts: [], firstCharts: [], split: Object.fromEntries(SPLIT_PARTS.map((p) => [p, []])) as unknown as Record<SplitPart, number[]> };
    const shown = () => performance.getEntriesByName('modulon:preview-painted').length;

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
    // The reader watches the drug chart while editing (the editor above it scrolled out of view;
    // the edit is dispatched to the field all the same): it is the chart in view.
    await page.getByTestId('result-chart').evaluate((el) => el.scrollIntoView({ block: 'start' }));
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
      await page.waitForFunction((n) => performance.getEntriesByName('modulon:preview-painted').length > n, before);
      await page.waitForTimeout(150); // the charts out of view are drawn after the paint
      const m = await page.evaluate(() => {
        const last = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
        const shown = last('modulon:preview-shown');
        const received = last('modulon:preview-received');
        // The charts' measures of this edit: those between the answer and the charts drawn.
        const sum = (name: string) =>
          performance
            .getEntriesByName(name)
            .filter((e) => e.startTime >= received && e.startTime <= shown)
            .reduce((a, e) => a + e.duration, 0);
        return {
          request: last('modulon:preview-request'),
          posted: last('modulon:preview-posted'),
          workerReceived: last('modulon:worker-received'),
          workerRan: last('modulon:worker-ran'),
          received,
          shown,
          painted: last('modulon:preview-painted'),
          config: sum('modulon:chart-config'),
          draw: sum('modulon:chart-draw'),
          deferred: performance
            .getEntriesByName('modulon:chart-draw')
            .filter((e) => e.startTime > shown)
            .reduce((a, e) => a + e.duration, 0),
          /** The last chart drawn, those out of view included. */
          allDrawn: performance
            .getEntriesByName('modulon:chart-draw')
            .filter((e) => e.startTime >= received)
            .reduce((a, e) => Math.max(a, e.startTime + e.duration), shown),
          /** Charts drawn before the mark: at least one must be (the chart in view). */
          inView: performance.getEntriesByName('modulon:chart-draw').filter((e) => e.startTime >= received && e.startTime <= shown).length,
        };
      });
      if (m.inView === 0) throw new Error('UI bench: no chart was in view when the preview was shown (the layout changed?)');
      if (k >= 2) {
        // The first two warm the worker and the charts.
        figures.edits.push(m.shown - t0);
        figures.engine.push(m.received - t0);
        figures.allCharts.push(m.allDrawn - t0);
        const parts: Record<SplitPart, number> = {
          validate: m.request - t0,
          debounce: m.posted - m.request,
          cloneIn: m.workerReceived - m.posted,
          engine: m.workerRan - m.workerReceived,
          cloneOut: m.received - m.workerRan,
          chartConfig: m.config,
          chartDraw: m.draw,
          otherDom: m.shown - m.received - m.config - m.draw,
          paint: m.painted - m.shown,
          deferred: m.deferred,
        };
        for (const p of SPLIT_PARTS) figures.split[p].push(parts[p]);
      }
      await page.waitForTimeout(150); // with the wait above, a pause longer than the debounce: each edit is a user's single change
    }
    return figures;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
}
