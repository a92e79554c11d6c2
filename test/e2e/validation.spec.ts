// The validation page: the whole suite run by the backend's engine, every case with its source and band.
import { expect, test } from './fixtures.ts';

test('the validation page lists every case with its band and source', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Validation' }).click();
  await expect(page.getByRole('status')).toContainText(/\d+ cases: \d+ in range or within 10 %, \d+ within 30 %, \d+ outside/, { timeout: 30_000 });
  expect(await page.locator('table.vtable tbody tr').count()).toBeGreaterThanOrEqual(40);
  await expect(page.locator('tr', { hasText: 'sertraline-sert-50mg' })).toContainText('Meyer');
  // The effect matrix: a drug × condition grid with memantine's negative control in depression in band.
  const grid = page.getByTestId('effects-grid');
  await expect(grid).toBeVisible();
  await expect(grid.locator('tr', { hasText: 'memantine' }).locator('td').nth(1)).toHaveAttribute('title', /scale\.madrs at 8w/);
  await expect(page.getByText(/cells \(\d+ negative controls\): \d+ in band/)).toBeVisible();
  await expect(page.getByRole('note').first()).toContainText('not for clinical decisions');
  await page.screenshot({ path: 'test-results/validation.png', fullPage: false });
  await page.getByRole('button', { name: 'Workbench' }).click();
  await expect(page.getByRole('button', { name: 'Run' })).toBeVisible();
});
