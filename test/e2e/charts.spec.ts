// Readable, navigable charts: a time window (presets, drag to zoom, reset) shared by every chart,
// clock-time ticks in a zoomed day, tabs with arrow keys, a time slider in days, data tables,
// in English and Chinese, light and dark, at 1280 and 1024 px (screenshots under screenshots/).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';
import { fillKetamineSertraline } from './scenarios.ts';

/** First and last time label of a chart's data table. */
async function tableSpan(page: Page, testid: string): Promise<{ first: string; last: string; rows: number }> {
  return page.getByTestId(`${testid}-table`).evaluate((el) => {
    const rows = [...el.querySelectorAll('tbody tr th')].map((th) => th.textContent ?? '');
    return { first: rows[0] ?? '', last: rows.at(-1) ?? '', rows: rows.length };
  });
}

async function ketamineSertraline(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ketamine + sertraline, 12 weeks');
  await fillKetamineSertraline(page);
  await expect.poll(() => paintedPixels(page), { timeout: 20_000 }).toBeGreaterThan(2000);
}

test('time window: first day in clock time, drag to zoom, reset; every chart follows', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await ketamineSertraline(page);
  await page.getByTestId('result-chart-table-toggle').click();
  const whole = await tableSpan(page, 'result-chart');
  expect(whole.first).toBe('day 1, 00:00');
  expect(whole.last).toBe('day 85, 00:00');

  // First day: the table lists day 1 in clock time, with the infusion's end (00:40) as a row.
  await page.getByTestId('window-day').click();
  await expect(page.getByTestId('window-to')).toHaveValue('1');
  const day = await tableSpan(page, 'result-chart');
  expect(day.first).toBe('day 1, 00:00');
  expect(day.last).toBe('day 2, 00:00');
  await expect(page.getByTestId('result-chart-table')).toContainText('day 1, 00:40');
  await page.getByTestId('brain-chart-table-toggle').click();
  expect((await tableSpan(page, 'brain-chart')).last).toBe('day 2, 00:00');
  await page.getByTestId('result-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test/e2e/screenshots/charts-first-day.png' });

  // Reset, then drag across the middle of the plasma chart: the window narrows for every chart.
  await page.getByTestId('window-reset').click();
  await expect(page.getByTestId('window-to')).toHaveValue('84');
  const box = (await page.getByTestId('result-chart').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => Number(await page.getByTestId('window-to').inputValue())).toBeLessThan(84);
  const from = Number(await page.getByTestId('window-from').inputValue());
  const to = Number(await page.getByTestId('window-to').inputValue());
  expect(from).toBeGreaterThan(5);
  expect(to - from).toBeLessThan(30);
  const zoomed = await tableSpan(page, 'brain-chart');
  expect(Number(/day (\d+)/.exec(zoomed.first)?.[1])).toBeGreaterThanOrEqual(Math.floor(from));
  await page.getByTestId('window-reset').click();
  await expect(page.getByTestId('window-from')).toHaveValue('0');
  await expect(page.getByTestId('window-to')).toHaveValue('84');
});

test('tabs move with arrow keys, Home and End; the time slider speaks in days and jumps a week on PageUp', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await ketamineSertraline(page);
  const first = page.getByRole('tab', { name: 'Symptom scales' });
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Side effects' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Side effects' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Disease and learning' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Symptom scales' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Disease and learning' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Plasticity' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toBeVisible();
  // Ten plasticity lines: a grouped legend, no colour twice.
  const colours = await page.getByTestId('brain-legend').locator('svg line').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('stroke')}|${l.getAttribute('stroke-dasharray')}`));
  expect(colours.length).toBeGreaterThan(5);
  expect(new Set(colours).size).toBe(colours.length);
  await page.getByTestId('brain-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test/e2e/screenshots/charts-plasticity-tab.png' });

  const slider = page.getByTestId('circuit-slider');
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 85, 00:00');
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 1, 00:00');
  await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 8, 00:00');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 8, 06:00');
});

for (const width of [1280, 1024]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots at ${width} px, ${scheme}, English and Chinese`, async ({ page, app }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      const server = await app.start();
      await page.goto(server.url);
      await ketamineSertraline(page);
      await page.getByTestId('window-week').click();
      await page.getByTestId('result-chart-table-toggle').click();
      await page.getByRole('tab', { name: 'Plasticity' }).click();
      await page.getByTestId('time-window').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test/e2e/screenshots/charts-${width}-${scheme}-en.png`, fullPage: true });
      await page.getByRole('button', { name: '中文' }).click();
      await expect(page.getByRole('tab', { name: '可塑性' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('time-window')).toContainText('时间窗口');
      await expect(page.getByTestId('result-chart-table')).toContainText('第1天 00:40');
      await page.screenshot({ path: `test/e2e/screenshots/charts-${width}-${scheme}-zh.png`, fullPage: true });
    });
  }
}
