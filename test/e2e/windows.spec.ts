// Every chart over time on a shared time window (issue 14): the Compare view's panels share a
// window and hover line of their own (presets, drag to zoom, reset), the therapy chart in the task
// panel follows the workbench's; each has its data table of the window; a task's learning curve
// zooms along its own x (trials, blocks) with a hover line. English, Chinese, dark.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');

/** First and last time label of a chart's data table, and its number of rows. */
async function tableSpan(page: Page, testid: string): Promise<{ first: string; last: string; rows: number }> {
  return page.getByTestId(`${testid}-table`).evaluate((el) => {
    const rows = [...el.querySelectorAll('tbody tr th')].map((th) => th.textContent ?? '');
    return { first: rows[0] ?? '', last: rows.at(-1) ?? '', rows: rows.length };
  });
}

/** Moves the pointer over the middle of a chart; returns how many pixels another chart gained (its hover line). */
async function hoverLineOn(page: Page, over: string, other: string): Promise<number> {
  await page.mouse.move(0, 0);
  const before = await paintedPixels(page, other);
  const box = (await page.getByTestId(over).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await expect.poll(() => paintedPixels(page, other)).not.toBe(before);
  return (await paintedPixels(page, other)) - before;
}

test('compare: the panels share one window and hover line of their own, with data tables of the window, in English, Chinese and dark', async ({ page, app }) => {
  test.setTimeout(180_000);
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Sertraline 50 mg');
  await page.getByLabel('Condition').selectOption('depression');
  await page.getByLabel('Duration').fill('4w');
  await page.getByLabel('Drug 1').selectOption('sertraline');
  await page.getByLabel('Dose 1').fill('50 mg');
  await page.getByLabel('Every 1').fill('24h');

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByTestId('compare-view');
  const editor = view.getByTestId('arm-editor');
  await editor.getByLabel('Name', { exact: true }).fill('Sertraline 100 mg');
  await editor.getByLabel('Dose 1').fill('100 mg');
  await editor.getByRole('button', { name: 'Done' }).click();
  const answered = page.waitForResponse((r) => r.url().includes('/api/compare:run'), { timeout: 60_000 });
  await page.getByRole('button', { name: 'Run comparison' }).click();
  expect((await answered).ok()).toBe(true);
  await expect(view.getByTestId('compare-results')).toBeVisible();

  const ids = await view.locator('.compare-panel canvas').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  expect(ids.length).toBeGreaterThanOrEqual(2);
  const [a, b] = ids as [string, string];
  await expect.poll(() => paintedPixels(page, b)).toBeGreaterThan(1000);

  // The whole run, then the first week: every panel's table follows the view's window.
  const bar = view.getByTestId('compare-window');
  await expect(bar).toBeVisible();
  await expect(view.getByTestId('compare-window-to')).toHaveValue('28');
  await view.getByTestId(`${a}-table-toggle`).click();
  await view.getByTestId(`${b}-table-toggle`).click();
  expect((await tableSpan(page, a)).last).toBe('day 29, 00:00');
  await view.getByTestId('compare-window-week').click();
  await expect(view.getByTestId('compare-window-to')).toHaveValue('7');
  await expect.poll(async () => (await tableSpan(page, a)).last).toBe('day 8, 00:00');
  expect((await tableSpan(page, b)).last).toBe('day 8, 00:00');
  // The workbench's own window is another one: the compare window does not move it.
  await expect(page.getByTestId('window-to')).toHaveCount(0);
  await view.getByTestId(`${a}-table-toggle`).click();
  await view.getByTestId(`${b}-table-toggle`).click();

  // Hovering one panel draws the time line on the others.
  expect(await hoverLineOn(page, a, b)).toBeGreaterThan(30);
  await view.getByTestId('compare-results').screenshot({ path: join(SHOTS, 'compare-window-hover.png') });

  // Dragging across a panel narrows the window of all of them; reset shows the whole run again.
  await view.getByTestId('compare-window-reset').click();
  await expect(view.getByTestId('compare-window-to')).toHaveValue('28');
  const box = (await page.getByTestId(a).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => Number(await view.getByTestId('compare-window-to').inputValue())).toBeLessThan(28);
  const from = Number(await view.getByTestId('compare-window-from').inputValue());
  expect(from).toBeGreaterThan(2);
  await view.getByTestId(`${b}-table-toggle`).click();
  expect(Number(/day (\d+)/.exec((await tableSpan(page, b)).first)?.[1])).toBeGreaterThanOrEqual(Math.floor(from));
  await view.getByTestId('compare-results').scrollIntoViewIfNeeded();
  await view.getByTestId('compare-results').screenshot({ path: join(SHOTS, 'compare-window-zoomed.png') });

  // Chinese, light then dark (the charts take the theme's colours when drawn: a language switch redraws them).
  await page.getByRole('button', { name: '中文' }).click();
  await expect(bar).toContainText('时间窗口');
  await expect(view.getByTestId('compare-window-reset')).toHaveText('重置缩放');
  await expect(page.getByTestId(`${b}-table`).locator('thead')).toContainText('时间');
  await view.getByTestId('compare-results').screenshot({ path: join(SHOTS, 'compare-window-zh.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: '中文' }).click();
  await view.getByTestId('compare-window-week').click();
  expect(await hoverLineOn(page, b, a)).toBeGreaterThan(30);
  await view.getByTestId('compare-results').screenshot({ path: join(SHOTS, 'compare-window-zh-dark.png') });
});

test('tasks: the therapy chart is on the workbench window and hover line, its table in the window', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Exposure therapy in PTSD');
  await page.getByLabel('Condition').selectOption('ptsd');
  await page.getByLabel('Duration').fill('13w');
  await page.getByRole('button', { name: 'Remove 1' }).click();
  await page.getByRole('button', { name: '+ Add therapy sessions' }).click();
  await page.getByLabel('Psychotherapy Start 1').fill('1w');
  await page.getByLabel('Psychotherapy Number 1').fill('10');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => paintedPixels(page, 'therapy-chart'), { timeout: 30_000 }).toBeGreaterThan(500);

  await page.getByTestId('therapy-chart-table-toggle').click();
  expect(await tableSpan(page, 'therapy-chart')).toEqual({ first: 'day 8, 00:00', last: 'day 71, 00:00', rows: 10 });
  // Days 7 to 30 of the workbench's window: the sessions of days 8, 15, 22 and 29.
  await page.getByTestId('window-from').fill('7');
  await page.getByTestId('window-from').press('Enter');
  await page.getByTestId('window-to').fill('30');
  await page.getByTestId('window-to').press('Enter');
  await expect.poll(async () => (await tableSpan(page, 'therapy-chart')).rows).toBe(4);
  expect(await tableSpan(page, 'therapy-chart')).toEqual({ first: 'day 8, 00:00', last: 'day 29, 00:00', rows: 4 });
  await page.getByTestId('therapy-chart-table-toggle').click();

  // Hovering the workbench's brain chart draws the time line on the therapy chart.
  await page.getByTestId('brain-chart').scrollIntoViewIfNeeded();
  expect(await hoverLineOn(page, 'brain-chart', 'therapy-chart')).toBeGreaterThan(20);
  await page.getByTestId('therapy-learning').scrollIntoViewIfNeeded();
  await page.getByTestId('therapy-learning').screenshot({ path: join(SHOTS, 'therapy-window.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByTestId('therapy-chart-table-toggle').click();
  await expect(page.getByTestId('therapy-chart-table').locator('tbody tr').first().locator('th')).toHaveText('第8天 00:00');
  await page.getByTestId('therapy-learning').screenshot({ path: join(SHOTS, 'therapy-window-zh-dark.png') });
  await page.getByTestId('window-reset').click();
  await expect.poll(async () => (await tableSpan(page, 'therapy-chart')).rows).toBe(10);
});

test('tasks: a learning curve zooms along its own x (training blocks) with a hover line, and shows the whole curve again', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Probabilistic selection');
  await page.getByLabel('Condition').selectOption('parkinsons');
  await page.getByLabel('Duration').fill('3w');
  await page.getByRole('button', { name: 'Remove 1' }).click();
  await page.getByRole('button', { name: '+ Add task' }).click();
  await page.getByLabel('Task 1 Time').fill('338h');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const chart = 'task-chart-probabilistic-selection';
  await expect.poll(() => paintedPixels(page, chart), { timeout: 30_000 }).toBeGreaterThan(2000);
  const whole = page.getByTestId(`${chart}-whole`);
  await expect(whole).toBeDisabled();
  await page.getByTestId(chart).scrollIntoViewIfNeeded();

  /** A fingerprint of what the canvas shows (the same drawing gives the same number). */
  const drawing = () => page.getByTestId(chart).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < data.length; i += 7) h = (h * 31 + (data[i] as number)) % 1_000_000_007;
    return h;
  });
  await page.mouse.move(0, 0);
  const before = await drawing();

  // A hover line at the pointer, then a drag across the middle narrows the x range.
  const box = (await page.getByTestId(chart).boundingBox())!;
  const idle = await paintedPixels(page, chart);
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect.poll(() => paintedPixels(page, chart)).toBeGreaterThan(idle);
  await page.mouse.move(box.x + box.width * 0.12, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await expect(whole).toBeEnabled();
  await page.mouse.move(0, 0);
  await expect.poll(drawing).not.toBe(before);
  await page.getByTestId(`task-probabilistic-selection`).screenshot({ path: join(SHOTS, 'task-curve-zoomed.png') });

  // The whole curve again: the drawing it had before the zoom.
  await whole.click();
  await expect(whole).toBeDisabled();
  await expect.poll(drawing).toBe(before);

  // Chinese and dark, zoomed again.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: '中文' }).click();
  await expect(whole).toHaveText('显示完整曲线');
  await expect(page.getByTestId('task-probabilistic-selection')).toContainText('在曲线上拖动以放大');
  await page.getByTestId(chart).scrollIntoViewIfNeeded();
  const zh = (await page.getByTestId(chart).boundingBox())!;
  await page.mouse.move(zh.x + zh.width * 0.12, zh.y + zh.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(zh.x + zh.width * 0.85, zh.y + zh.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await expect(whole).toBeEnabled();
  await page.mouse.move(zh.x + zh.width * 0.5, zh.y + zh.height * 0.5);
  await page.getByTestId('task-probabilistic-selection').screenshot({ path: join(SHOTS, 'task-curve-zh-dark.png') });
});
