// Live preview: an edit redraws the charts without pressing Run, an invalid edit keeps the last
// chart, and the refined sampling shows ketamine's infusion peak (~177 ng/mL, not 115) in the
// chart's data table.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';

/** The largest value in a data-table column whose heading contains `heading`. */
async function columnMax(page: Page, testid: string, heading: string): Promise<number> {
  const table = page.getByTestId(`${testid}-table`);
  return table.evaluate((el, h) => {
    const heads = [...el.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    const j = heads.findIndex((x) => x.includes(h));
    if (j < 0) return Number.NaN;
    let best = -Infinity;
    for (const tr of el.querySelectorAll('tbody tr')) {
      const v = Number(tr.children[j]?.textContent);
      if (Number.isFinite(v) && v > best) best = v;
    }
    return best;
  }, heading);
}

/** How many times the page has drawn a preview (performance marks set after the charts are drawn). */
const shownCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('modulon:preview-shown').length);

test('an edit redraws the chart without Run; the ketamine peak reads ~177 ng/mL; an invalid edit keeps the chart', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  // A new scenario previews at once, before any Run.
  await expect(page.getByTestId('run-kind')).toHaveAttribute('data-kind', 'preview');
  await page.getByLabel('Name', { exact: true }).fill('Ketamine live');
  await page.getByLabel('Condition').selectOption('depression');
  await page.getByLabel('Duration').fill('12w');
  await page.getByLabel('Drug 1').selectOption('ketamine');
  await page.getByLabel('Route 1').selectOption('iv');
  await page.getByLabel('Infusion 1').fill('40min');
  await page.getByLabel('Every 1').fill('');
  await page.getByLabel('Dose 1').fill('0.5 mg/kg');
  await expect(page.getByTestId('run-kind')).toContainText('Preview run (not stored)');
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(2000);

  await page.getByTestId('result-chart-table-toggle').click();
  await expect.poll(() => columnMax(page, 'result-chart', 'Ketamine')).toBeGreaterThan(170);
  expect(await columnMax(page, 'result-chart', 'Ketamine')).toBeLessThan(185);
  await page.screenshot({ path: 'test/e2e/screenshots/live-ketamine-table.png', fullPage: false });

  // Doubling the dose doubles the peak: the chart and its table follow the edit, no Run pressed.
  const before = await shownCount(page);
  await page.getByLabel('Dose 1').fill('1 mg/kg');
  await expect.poll(() => shownCount(page)).toBeGreaterThan(before);
  await expect.poll(() => columnMax(page, 'result-chart', 'Ketamine')).toBeGreaterThan(340);
  await expect(page.getByTestId('run-kind')).toHaveAttribute('data-kind', 'preview');

  // An invalid dose: the field says why, the chart stays (the last valid scenario's) with a note.
  await page.getByLabel('Dose 1').fill('lots');
  await expect(page.getByTestId('preview-stale')).toBeVisible();
  expect(await paintedPixels(page)).toBeGreaterThan(2000);
  expect(await columnMax(page, 'result-chart', 'Ketamine')).toBeGreaterThan(340);
  await page.screenshot({ path: 'test/e2e/screenshots/live-invalid-edit.png', fullPage: false });

  // Back to a valid dose, then Save: the preview of exactly this document becomes the stored run.
  await page.getByLabel('Dose 1').fill('0.5 mg/kg');
  await expect(page.getByTestId('preview-stale')).toBeHidden();
  await expect.poll(() => columnMax(page, 'result-chart', 'Ketamine')).toBeLessThan(185);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('run-kind')).toHaveAttribute('data-kind', 'stored');
  // An edit after saving previews again; the stored run stays in the store (reopening shows it).
  await page.getByLabel('Dose 1').fill('0.25 mg/kg');
  await expect(page.getByTestId('run-kind')).toHaveAttribute('data-kind', 'preview');
  await expect.poll(() => columnMax(page, 'result-chart', 'Ketamine')).toBeLessThan(100);
});
