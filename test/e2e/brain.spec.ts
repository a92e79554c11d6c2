// The slow layer in the workbench: a treatment-resistant depression with ketamine and CBT sessions
// in the plasticity window; the brain chart, its groups, and the mechanism chain behind MADRS.
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';

test('ketamine and CBT in treatment-resistant depression: brain chart and mechanism chain', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ketamine + CBT, TRD');
  await page.getByLabel('Condition').selectOption('depression');
  await page.getByLabel('Severity').selectOption('moderate');
  await page.getByLabel('treatment-resistant').check();
  await page.getByLabel('Duration').fill('6w');
  await page.getByLabel('Drug 1').selectOption('ketamine');
  await page.getByLabel('Route 1').selectOption('iv');
  await page.getByLabel('Infusion 1').fill('40min');
  await page.getByLabel('Dose 1').fill('0.5 mg/kg');
  await page.getByLabel('Every 1').fill('');
  await page.getByRole('button', { name: 'Add therapy sessions' }).click();
  await page.getByLabel('Psychotherapy Every 1').fill('2d');
  await page.getByLabel('Psychotherapy Number 1').fill('4');

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText('Preview run (not stored)')).toBeVisible();
  await expect.poll(() => paintedPixels(page, 'brain-chart')).toBeGreaterThan(2000);

  // The chain behind MADRS at the end of the run: dose → … → spines → therapy → readout.
  const chain = page.getByTestId('why-chain');
  await expect(chain).toContainText('HAM-D-17');
  await page.getByLabel('Readout').selectOption('scale.madrs');
  await expect(chain).toContainText('Ketamine (racemic) 0.5 mg/kg IV over 40min');
  await expect(chain).toContainText('NMDA');
  await expect(chain).toContainText('Spines, prefrontal cortex');
  await expect(chain).toContainText('Learned in therapy');
  await expect(chain).toContainText('MADRS');
  await page.screenshot({ path: 'test-results/brain-scales.png', fullPage: true });

  // The Why panel's time slider speaks in days and clock time, a quarter day per arrow, a week per PageUp.
  const slider = page.getByTestId('why-slider');
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 43, 00:00');
  await expect(page.locator('.why .why-controls label.grow > span')).toHaveText('At: day 43, 00:00');
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 1, 00:00');
  await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 8, 00:00');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', 'day 8, 06:00');
  await expect(chain).toContainText('MADRS');

  await page.getByRole('tab', { name: 'Plasticity' }).click();
  await expect.poll(() => paintedPixels(page, 'brain-chart')).toBeGreaterThan(2000);
  await page.getByRole('tab', { name: 'Side effects' }).click();
  await page.getByLabel('Readout').selectOption('adverse.dissociation');
  await expect(chain).toContainText('Dissociation');
  await page.screenshot({ path: 'test-results/brain-adverse.png', fullPage: true });

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '大脑与症状' })).toBeVisible();
  await expect(page.getByTestId('why-chain')).toContainText('解离');
  await expect(slider).toHaveAttribute('aria-valuetext', '第8天 06:00');
  await expect(page.locator('.why .why-controls label.grow > span')).toHaveText('时刻: 第8天 06:00');
  await page.screenshot({ path: 'test-results/brain-zh.png', fullPage: true });
});
