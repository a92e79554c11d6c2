// Issue 5 as a user does it: define a drug in the app, schedule it by pasted dosing records, run
// it through the engine, see it flagged as not validated, save and reopen it intact.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';

test('define a drug, dose it by records, run, save, reopen', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('My drug by records');
  await page.getByLabel('Duration').fill('5d');

  await page.getByText('Define your own drug').click();
  const form = page.locator('details.custom-drug');
  await form.getByLabel('Drug name').fill('Teaching drug');
  await form.getByLabel('iv', { exact: false }).check();
  await form.getByLabel('CL').fill('1.1');
  await form.getByLabel('V (L)').fill('20');
  await form.getByLabel('ka').fill('1.5');
  await form.getByLabel('Target').selectOption('D2');
  await form.getByLabel('EC50').fill('-3');
  await form.getByRole('button', { name: 'Save drug' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'greater than 0' })).toBeVisible();
  await form.getByLabel('EC50').fill('2000');
  await form.getByRole('button', { name: 'Save drug' }).click();
  await expect(form.getByRole('status')).toContainText('Drug saved');
  await expect(form.getByRole('button', { name: 'Delete drug Teaching drug' })).toBeVisible();

  await page.getByLabel('Drug 1').selectOption('teaching-drug');
  await page.getByRole('button', { name: 'Dosing records 1' }).click();
  await page.getByLabel('Dosing records CSV').fill('time,amt,cmt,rate,dur,ii,addl\n0,100,1,10,2,,\n');
  await page.getByRole('button', { name: 'Use records' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'row 2, column dur: rate and dur both given' })).toBeVisible();
  await page.getByLabel('Dosing records CSV').fill('time,amt,cmt,ii,addl\n0,100,1,24,3\n');
  await page.getByRole('button', { name: 'Use records' }).click();
  await expect(page.getByText('1 dosing record', { exact: true })).toBeVisible();
  await expect(page.locator('.drug-note .badge')).toHaveText('user-defined, not validated');

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'teaching-drug: user-defined, not validated' })).toBeVisible();
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(2000);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('✓ Saved')).toBeVisible();
  await page.screenshot({ path: 'test-results/custom-drug.png', fullPage: true });

  await page.reload();
  await page.getByRole('button', { name: /My drug by records/ }).click();
  await expect(page.getByLabel('Drug 1')).toHaveValue('teaching-drug');
  await expect(page.getByText('1 dosing record', { exact: true })).toBeVisible();
  await expect(page.getByText('Stored run')).toBeVisible();

  // The exported file carries the drug with it: it opens on a machine that never saw the drug.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario' }).click();
  const file = await (await downloading).path();
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  expect(doc.customDrugs.map((d: { id: string }) => d.id)).toEqual(['teaching-drug']);
  expect(doc.interventions[0].records).toHaveLength(1);

  await app.stop();
  app.freshData();
  const elsewhere = await app.start();
  await page.goto('about:blank');
  await page.goto(elsewhere.url);
  await expect(page.getByText('No saved scenarios yet.')).toBeVisible();
  await page.getByLabel('Import scenario').setInputFiles(file);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('My drug by records');
  await expect(page.getByLabel('Drug 1')).toHaveValue('teaching-drug');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(2000);

  // The imported scenario carries its drug; deleting nothing from this fresh library leaves it usable.
  await page.getByText('Define your own drug').click();
  await expect(page.locator('.my-drugs')).toHaveCount(0);
});

test('a drug deleted from the library leaves the menus', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByText('Define your own drug').click();
  const form = page.locator('details.custom-drug');
  await form.getByLabel('Drug name').fill('Short-lived');
  await form.getByLabel('CL').fill('2');
  await form.getByLabel('V (L)').fill('50');
  await form.getByRole('button', { name: 'Save drug' }).click();
  await expect(page.getByLabel('Drug 1').locator('option', { hasText: 'Short-lived' })).toHaveCount(1);
  await form.getByRole('button', { name: 'Delete drug Short-lived' }).click();
  await expect(form.locator('.my-drugs')).toHaveCount(0);
  await expect(page.getByLabel('Drug 1').locator('option', { hasText: 'Short-lived' })).toHaveCount(0);
});
