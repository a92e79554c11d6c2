// The validation page as a student reads it: plain names, a key, filters and sort, citations without
// the suite's tags (kept under "For developers"), the effect grid; in English and Chinese, light and dark.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SHOTS = 'test/e2e/screenshots';

async function openValidation(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /^(Validation|验证)$/ }).click();
  await expect(page.getByRole('status')).toContainText(/\d+ (cases|个案例)/, { timeout: 180_000 });
}

/** The text of the cases table as shown (closed <details> hide their content from innerText). */
const tableText = (page: Page) => page.getByTestId('cases').evaluate((t) => (t as HTMLElement).innerText);

test('the validation page reads in plain words: names, key, citations, filters and sort', async ({ page, app }) => {
  test.setTimeout(240_000);
  const server = await app.start();
  await openValidation(page, server.url);
  const rows = page.getByTestId('cases').locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(150);
  // Plain names instead of ids; citations instead of the suite's tags.
  const text = await tableText(page);
  expect(text).toContain('Donepezil 10 mg a day: highest blood level once doses have built up');
  expect(text).toContain('Noetzli & Eap 2013 Clin Pharmacokinet 52:225');
  expect(text).not.toMatch(/R✓|P✓|L✓|pharmacology\.md|not re-read/);
  expect(text).not.toContain('donepezil-cmax-ss-10mg');
  // The key and the range case explain themselves.
  await expect(page.getByText('How to read this page')).toBeVisible();
  await expect(page.getByText(/Range case: when the source gives a range/)).toBeVisible();
  const rangeRow = page.locator('tr[data-case="donepezil-cmax-ss-10mg"]');
  await expect(rangeRow).toContainText(/range \d+(\.\d+)?–\d+/);
  await expect(rangeRow).toContainText(/inside the range, at \d+ % of it|(above|below) the range/);
  // The developers' view keeps the tags.
  await rangeRow.getByText('Details').click();
  await rangeRow.getByText('For developers').click();
  await expect(rangeRow).toContainText('donepezil-cmax-ss-10mg');
  await expect(rangeRow).toContainText('R✓');

  // Filter by drug and layer, sort furthest first.
  await page.getByTestId('filter-drug').selectOption('ketamine');
  const ketamineRows = await rows.count();
  expect(ketamineRows).toBeGreaterThan(5);
  for (const sub of await rows.locator('.case-sub').allInnerTexts()) expect(sub).toMatch(/Ketamine/);
  await page.getByTestId('sort').selectOption('worst');
  await expect(page.getByTestId('showing')).toContainText(`Showing ${ketamineRows} of`);
  const firstTone = await rows.first().getAttribute('class');
  const lastTone = await rows.last().getAttribute('class');
  expect(['tone-bad', 'tone-near', 'tone-good'].indexOf(firstTone!)).toBeLessThanOrEqual(['tone-bad', 'tone-near', 'tone-good'].indexOf(lastTone!));
  // The effect grid follows the drug filter: one row, ketamine's.
  const grid = page.getByTestId('effects-grid');
  await expect(grid.locator('tbody tr')).toHaveCount(1);
  await expect(grid.locator('tbody th')).toHaveText(/^Ketamine/);
  await page.screenshot({ path: `${SHOTS}/validation-ketamine-worst-first.png`, fullPage: false });

  await page.getByTestId('filter-drug').selectOption('');
  await page.getByTestId('filter-layer').selectOption('learning');
  await page.getByTestId('filter-band').selectOption('good');
  for (const cls of await rows.evaluateAll((trs) => trs.map((tr) => tr.className))) expect(cls).toBe('tone-good');
  for (const sub of await rows.locator('.case-sub').allInnerTexts()) expect(sub).toMatch(/learning/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  expect(await rows.count()).toBeGreaterThanOrEqual(150);

  // The effect grid, readable: drug names, condition names, verdicts in words.
  await expect(grid.locator('tbody th', { hasText: 'Memantine' })).toBeVisible();
  await expect(grid.locator('td[data-cell="memantine×depression"]')).toHaveAttribute('title', /MADRS depression score at 8w/);
  await expect(page.getByRole('note').last()).toContainText('not for clinical decisions');
  await grid.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/validation-effect-grid.png`, fullPage: false });
});

test('the validation page in Chinese and in the dark theme, at 1024 px', async ({ page, app }) => {
  test.setTimeout(240_000);
  const server = await app.start();
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(server.url);
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page.getByRole('status')).toContainText(/个案例/, { timeout: 180_000 });
  const text = await tableText(page);
  expect(text).toContain('多奈哌齐每日 10 mg：蓄积稳定后的最高血药浓度');
  expect(text).toMatch(/在范围内，位于范围的 \d+ % 处/);
  await expect(page.getByText('如何阅读本页')).toBeVisible();
  await page.getByTestId('filter-condition').selectOption('parkinsons');
  await page.getByTestId('sort').selectOption('best');
  await expect(page.getByTestId('showing')).toContainText(/显示 \d+ 个案例中的 \d+ 个/);
  // Nothing wider than the window (the tables scroll inside their own box).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(20, 23, 28)');
  await page.screenshot({ path: `${SHOTS}/validation-zh-dark-1024.png`, fullPage: false });
  await page.getByTestId('effects-grid').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/validation-zh-dark-1024-grid.png`, fullPage: false });
});
