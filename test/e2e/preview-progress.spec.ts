// Progress of a long live-preview run: a 5-year scenario shows how much of the simulated time the
// engine's worker has done (a progress bar with its percent), and Cancel stops it, the chart keeping
// the last finished run; in English and Chinese, light and dark (screenshots under screenshots/).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const shownCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('modulon:preview-shown').length);

test('a 5-year run shows its progress and can be cancelled; the chart keeps the last finished run', async ({ page, app }) => {
  const server = await app.start();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Condition').selectOption('depression');
  await page.getByLabel('Duration').fill('4w');
  await page.getByLabel('Drug 1').selectOption('ketamine');
  await page.getByLabel('Route 1').selectOption('iv');
  await page.getByLabel('Infusion 1').fill('40min');
  await page.getByLabel('Every 1').fill('7d');
  await page.getByLabel('Dose 1').fill('0.5 mg/kg');
  await expect.poll(() => shownCount(page)).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  const shown = await shownCount(page);

  // Five years: the status line shows the run and its progress, which grows.
  await page.getByLabel('Duration').fill('260w');
  const bar = page.getByTestId('preview-progress');
  await expect(bar).toBeVisible({ timeout: 15_000 });
  const first = Number(await bar.getAttribute('aria-valuenow'));
  await expect(page.getByTestId('preview-running')).toContainText('% of the simulated time');
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThan(first);
  await page.getByTestId('run-kind').screenshot({ path: 'test/e2e/screenshots/preview-progress-en.png' });

  // Cancel: the run stops, no new chart comes, the note says the chart is the last finished run.
  await page.getByTestId('preview-cancel').click();
  await expect(page.getByTestId('preview-running')).toBeHidden();
  await expect(page.getByTestId('preview-cancelled')).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await shownCount(page)).toBe(shown);
  await page.getByTestId('run-kind').screenshot({ path: 'test/e2e/screenshots/preview-cancelled-en.png' });

  // In Chinese and dark: another long run (an edit restarts it), its progress in Chinese.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Dose 1').fill('0.6 mg/kg');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(bar).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('preview-running')).toContainText('已模拟');
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByTestId('run-kind').screenshot({ path: 'test/e2e/screenshots/preview-progress-zh-dark.png' });
  // Left to finish, the run draws its chart and the progress goes away.
  await expect.poll(() => shownCount(page), { timeout: 60_000 }).toBeGreaterThan(shown);
  await expect(page.getByTestId('preview-running')).toBeHidden();
  await expect(page.getByTestId('preview-cancelled')).toBeHidden();
});
