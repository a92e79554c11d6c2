// A user's first session in web mode: make a scenario, run it, see the chart, save it, restart
// the server, reopen it with the same values, export CSV.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';

test('new scenario, run, chart, save, restart, reopen, export CSV', async ({ page, app }) => {
  const first = await app.start();
  await page.goto(first.url);
  await expect(page.getByRole('note').first()).toContainText('not for clinical decisions');
  await expect(page.getByText('No saved scenarios yet.')).toBeVisible();

  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Donepezil 10 mg, e2e');
  await page.getByLabel('Duration').fill('6w');
  await page.getByLabel('Weight (kg)').fill('64');
  await page.getByLabel('Dose 1').fill('10 mg');

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText('Preview run (not stored)')).toBeVisible();
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(2000);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('✓ Saved')).toBeVisible();
  await expect(page.getByText('Stored run')).toBeVisible();
  await page.screenshot({ path: 'test-results/workbench-after-save.png', fullPage: true });

  // Restart the backend on the same port and data folder; the new token comes with the new URL.
  await app.stop();
  const second = await app.start(first.port);
  await page.goto('about:blank');
  await page.goto(second.url);

  const item = page.getByRole('button', { name: /Donepezil 10 mg, e2e/ });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Donepezil 10 mg, e2e');
  await expect(page.getByLabel('Duration')).toHaveValue('6w');
  await expect(page.getByLabel('Weight (kg)')).toHaveValue('64');
  await expect(page.getByLabel('Dose 1')).toHaveValue('10 mg');
  await expect(page.getByText('Stored run')).toBeVisible();
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(2000);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Donepezil-10-mg-e2e-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  const header = (csv[0] as string).split(',');
  expect(header.slice(0, 4)).toEqual(['time_h', 'pk.donepezil.plasma (ng/mL)', 'target.AChE.occupancy (fraction)', 'target.AChE_rbc.inhibition (fraction)']);
  expect(header).toContain('scale.adascog (points)');
  // The hourly grid (1009 rows) and the points after each daily dose (as computed).
  expect(csv.filter((row) => Number.isInteger(Number(row.split(',')[0])))).toHaveLength(6 * 7 * 24 + 1);
  expect(csv.length).toBeGreaterThan(1 + 6 * 7 * 24 + 1);
  expect((csv[1] as string).split(',').slice(0, 4)).toEqual(['0', '0', '0', '0']);
  const [t, conc, inhibition, rbc] = (csv.at(-1) as string).split(',').slice(0, 4).map(Number);
  expect(t).toBe(1008);
  expect(conc).toBeGreaterThan(30);
  expect(conc).toBeLessThan(60);
  expect(inhibition).toBeGreaterThan(0.4);
  expect(inhibition).toBeLessThan(0.7);
  expect(rbc).toBeGreaterThan(0.6);
  expect(rbc).toBeLessThan(0.8);
  await page.screenshot({ path: 'test-results/workbench-reopened.png', fullPage: true });

  // The same run on a regular grid of 6 hours: 169 rows.
  await page.getByTestId('csv-grid').selectOption('6h');
  const gridded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const rows = readFileSync(await (await gridded).path(), 'utf8').trimEnd().split('\r\n').slice(1);
  expect(rows).toHaveLength(6 * 7 * 4 + 1);
  expect(rows.slice(0, 3).map((r) => r.split(',')[0])).toEqual(['0', '6', '12']);

  // Simplified Chinese at run time, units untouched, the chart redrawn.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('button', { name: '运行' })).toBeVisible();
  await expect(page.getByRole('note').first()).toContainText('不可用于临床决策');
  await expect(page.getByLabel('体重 (kg)')).toHaveValue('64');
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(2000);
  await page.screenshot({ path: 'test-results/workbench-zh.png', fullPage: true });
});

test('a bad field is named next to it and nothing saved is lost', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Keep me');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('✓ Saved')).toBeVisible();

  await page.getByLabel('Dose 1').fill('5 kg');
  await expect(page.getByRole('alert').filter({ hasText: 'expected a dose' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Run' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/workbench-invalid.png', fullPage: true });

  // A reload brings the unsaved (invalid) edit back as the working copy; discarding it shows what was stored.
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await expect(page.getByLabel('Dose 1')).toHaveValue('5 kg');
  await page.getByRole('button', { name: 'Discard them' }).click();
  await expect(page.getByLabel('Dose 1')).toHaveValue('5 mg');
  await expect(page.getByRole('button', { name: /Keep me/ })).toBeVisible();
});
