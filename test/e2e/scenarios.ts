// Scenarios typed into the editor as a user would, shared by the e2e specs and the UI bench.
import type { Page } from '@playwright/test';

/** A 12-week depression scenario: ketamine 0.5 mg/kg IV over 40 min weekly, sertraline 50 mg daily (the editor must show a new scenario). */
export async function fillKetamineSertraline(page: Page): Promise<void> {
  await page.getByLabel('Condition').selectOption('depression');
  await page.getByLabel('Duration').fill('12w');
  await page.getByLabel('Drug 1').selectOption('ketamine');
  await page.getByLabel('Route 1').selectOption('iv');
  await page.getByLabel('Infusion 1').fill('40min');
  await page.getByLabel('Every 1').fill('7d');
  await page.getByLabel('Dose 1').fill('0.5 mg/kg');
  await page.getByRole('button', { name: 'Add dose schedule' }).click();
  await page.getByLabel('Drug 2').selectOption('sertraline');
  await page.getByLabel('Route 2').selectOption('oral');
  if (await page.getByLabel('Infusion 2').isVisible()) await page.getByLabel('Infusion 2').fill('');
  await page.getByLabel('Dose 2').fill('50 mg');
  await page.getByLabel('Every 2').fill('24h');
  await page.getByLabel('Start 2').fill('0d');
}
