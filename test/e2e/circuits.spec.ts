// Issue 11 in the app: device rows in the editor (defaults, ranges, errors at the field, Chinese),
// the circuits-and-EEG panel, DBS at 130 Hz against the same Parkinson's scenario without it, and
// a course of TMS in depression. Screenshots go to test/e2e/screenshots/.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');

/** A readout of the circuits panel at the chosen time, as the page holds it. */
async function readout(page: Page, name: string): Promise<number> {
  return Number(await page.getByTestId(`readout-${name}`).getAttribute('data-value'));
}

/** Abbreviations and units that stay as they are in Chinese (DESIGN.md §5: units untranslated). */
const KEPT = /\b(DBS|STN|GPe|GPi|TMS|rTMS|iTBS|cTBS|tDCS|ECT|DLPFC|MT|M1|UPDRS-III|HAM-D-17|MADRS|NMDA|Hz|µs|mA|V|ms|min|cm²|d|h|w|e)\b/g;

/** English words left in a part of the page shown in Chinese (empty when it is fully translated). */
async function englishIn(page: Page, testId: string): Promise<string[]> {
  const text = (await page.getByTestId(testId).innerText()).replace(KEPT, ' ');
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

async function runAndWait(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().includes('/api/engine:simulate'));
  await page.getByRole('button', { name: 'Run' }).click();
  await answered;
  await expect(page.getByText('Preview run (not stored)')).toBeVisible();
}

test("Parkinson's disease: DBS at 130 Hz lowers STN beta and UPDRS-III against the same scenario without it", async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill("Levodopa and STN-DBS in Parkinson's");
  await page.getByLabel('Condition').selectOption('parkinsons');
  await page.getByLabel('Severity').selectOption('moderate');
  await page.getByLabel('Duration').fill('2w');
  await page.getByLabel('Drug 1').selectOption('levodopa');
  await page.getByLabel('Dose 1').fill('100 mg');
  await page.getByLabel('Every 1').fill('8h');

  // A DBS row with the usual settings, each field with its unit and accepted range.
  await page.getByRole('button', { name: '+ Add DBS' }).click();
  const dbs = page.getByTestId('device-dbs');
  await expect(page.getByLabel('DBS 1 Target')).toHaveValue('STN');
  await expect(page.getByLabel('DBS 1 Frequency')).toHaveValue('130');
  await expect(page.getByLabel('DBS 1 Pulse width')).toHaveValue('60');
  await expect(page.getByLabel('DBS 1 Amplitude', { exact: true })).toHaveValue('2.5');
  await expect(page.getByLabel('DBS 1 Switch on')).toHaveValue('0d');
  await expect(dbs).toContainText('2–250 Hz');
  await expect(dbs).toContainText('30–450 µs');
  await expect(dbs).toContainText('0–10.5 V');
  await page.getByLabel('DBS 1 Amplitude unit').selectOption('mA');
  await expect(dbs).toContainText('0–25.5 mA');
  await page.getByLabel('DBS 1 Amplitude unit').selectOption('V');

  // A value out of range is named at its field, and nothing runs until it is fixed.
  await page.getByLabel('DBS 1 Frequency').fill('300');
  await expect(dbs.getByRole('alert')).toHaveText('expected a stimulation frequency from 2 to 250 Hz, got 300 (above 250)');
  await expect(page.getByRole('button', { name: 'Run' })).toBeDisabled();
  await page.getByLabel('DBS 1 Frequency').fill('130');
  // Beyond Shannon's limit: refused at the amplitude.
  await page.getByLabel('DBS 1 Amplitude', { exact: true }).fill('10');
  await page.getByLabel('DBS 1 Pulse width').fill('450');
  await expect(dbs.getByRole('alert')).toContainText('Shannon k');
  await page.getByLabel('DBS 1 Amplitude', { exact: true }).fill('2.5');
  await page.getByLabel('DBS 1 Pulse width').fill('60');
  await expect(dbs.getByRole('alert')).toHaveCount(0);

  await runAndWait(page);
  const panel = page.getByRole('region', { name: 'Circuits and EEG' });
  await expect(panel.getByTestId('circuit-chain')).toContainText('DBS → STN beta ↓ → thalamic relay ↑ → UPDRS-III ↓');
  await expect(panel.getByTestId('circuit-chain')).toContainText('Dose → striatal dopamine ↑ → STN beta ↓');
  await expect(panel.getByRole('note')).toContainText('not for clinical decisions');
  for (const chart of ['beta-chart', 'eeg-chart', 'spectrum-chart']) await expect.poll(() => paintedPixels(page, chart)).toBeGreaterThan(2000);
  const withDbs = { updrs: await readout(page, 'scale.updrs3'), beta: await readout(page, 'lfp.stn.beta'), relay: await readout(page, 'circuit.thalamus.relay') };
  await expect(panel.getByTestId('readout-stim.dbs.decoupling')).toBeVisible();
  await expect(page.getByTestId('why-circuit')).toContainText('STN beta');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'circuits-pd-dbs.png'), fullPage: true });

  // Picking a time on the chart moves the cursor, the readouts and the spectrum to the nearest probe.
  const when = panel.locator('.why-controls label > span');
  await expect(when).toHaveText('At: day 15, 00:00 · nearest probe: day 15, 00:00');
  const box = (await panel.getByTestId('beta-chart').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
  await expect(when).not.toHaveText('At: day 15, 00:00 · nearest probe: day 15, 00:00');
  await expect(when).toHaveText(/^At: day \d+, \d\d:\d\d · nearest probe: day \d+, \d\d:\d\d$/);

  // The same scenario without DBS.
  await page.getByRole('button', { name: 'Remove DBS 1' }).click();
  await runAndWait(page);
  await expect(panel.getByTestId('readout-stim.dbs.decoupling')).toHaveCount(0);
  await panel.getByLabel('Circuits and EEG · At').fill('14'); // days
  const without = { updrs: await readout(page, 'scale.updrs3'), beta: await readout(page, 'lfp.stn.beta'), relay: await readout(page, 'circuit.thalamus.relay') };
  expect(withDbs.updrs).toBeLessThan(without.updrs - 5);
  expect(withDbs.beta).toBeLessThan(without.beta / 2);
  expect(withDbs.relay).toBeGreaterThan(without.relay);
  await page.screenshot({ path: join(SHOTS, 'circuits-pd-levodopa-only.png'), fullPage: true });

  // In Chinese: the device card, its ranges and its errors, the panel.
  await page.getByRole('button', { name: '+ Add DBS' }).click();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '脑刺激' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '环路与脑电' })).toBeVisible();
  await page.getByLabel('DBS 1 频率').fill('300');
  await expect(page.getByTestId('device-dbs').getByRole('alert')).toHaveText('超出范围：应为 2–250 Hz，当前为 300（高于上限）');
  await page.getByLabel('DBS 1 频率').fill('130');
  await page.getByRole('button', { name: '运行' }).click();
  await expect(page.getByText('预览运行（未存储）')).toBeVisible();
  await expect(page.getByTestId('circuit-chain')).toContainText('DBS → STN β ↓ → 丘脑中继 ↑ → UPDRS-III ↓');
  await expect.poll(() => paintedPixels(page, 'beta-chart')).toBeGreaterThan(2000);
  expect(await englishIn(page, 'device-dbs')).toEqual([]);
  expect(await englishIn(page, 'circuit-panel')).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'circuits-zh.png'), fullPage: true });

  await page.setViewportSize({ width: 1024, height: 860 });
  await expect.poll(() => paintedPixels(page, 'spectrum-chart')).toBeGreaterThan(2000);
  await page.screenshot({ path: join(SHOTS, 'circuits-zh-1024.png'), fullPage: true });
  await page.getByRole('button', { name: 'English' }).click();
  await page.screenshot({ path: join(SHOTS, 'circuits-1024.png'), fullPage: true });
});

test('a course of 10 Hz rTMS over the left DLPFC in depression', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('rTMS course in depression');
  await page.getByLabel('Condition').selectOption('depression');
  await page.getByLabel('Duration').fill('8w');
  await page.getByRole('button', { name: 'Remove 1' }).click();

  await page.getByRole('button', { name: '+ Add TMS' }).click();
  const tms = page.getByTestId('device-tms');
  await expect(page.getByLabel('TMS 1 Protocol')).toHaveValue('10hz');
  await expect(page.getByLabel('TMS 1 Target')).toHaveValue('left-DLPFC');
  await expect(page.getByLabel('TMS 1 Stop')).toHaveValue('6w');
  await expect(page.getByLabel('TMS 1 Pulses per session')).toHaveAttribute('placeholder', '3000');
  await expect(tms).toContainText('50–160 % MT');
  // iTBS is offered, with its own default train.
  await page.getByLabel('TMS 1 Protocol').selectOption('itbs');
  await expect(page.getByLabel('TMS 1 Pulses per session')).toHaveAttribute('placeholder', '600');
  await page.getByLabel('TMS 1 Protocol').selectOption('10hz');
  await page.getByLabel('TMS 1 Days per week').fill('2.5');
  await expect(tms.getByRole('alert')).toContainText('whole number');
  await page.getByLabel('TMS 1 Days per week').fill('5');

  await runAndWait(page);
  const panel = page.getByRole('region', { name: 'Circuits and EEG' });
  await expect(panel.getByTestId('circuit-chain')).toContainText('TMS / tDCS sessions → DLPFC plasticity');
  await expect(panel.getByText("STN beta stays at the healthy level")).toBeVisible();
  await expect.poll(() => paintedPixels(page, 'stim-chart')).toBeGreaterThan(2000);
  await expect.poll(() => paintedPixels(page, 'eeg-chart')).toBeGreaterThan(2000);

  // At the end of the course (6 weeks) the left DLPFC is potentiated and HAM-D-17 is lower than at the start.
  await panel.getByLabel('Circuits and EEG · At').fill(String(6 * 7 - 1)); // days
  const potentiation = await readout(page, 'plasticity.dlpfc.left');
  const hamdCourse = await readout(page, 'scale.hamd17');
  await panel.getByLabel('Circuits and EEG · At').fill('0');
  const hamdStart = await readout(page, 'scale.hamd17');
  expect(potentiation).toBeGreaterThan(0.05);
  expect(hamdCourse).toBeLessThan(hamdStart - 1);
  await page.getByLabel('Readout').selectOption('scale.hamd17');
  await expect(page.getByTestId('why-devices')).toContainText('DLPFC plasticity');
  await panel.getByLabel('Circuits and EEG · At').fill(String(6 * 7 - 1)); // days
  await page.screenshot({ path: join(SHOTS, 'circuits-tms.png'), fullPage: true });

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByLabel('TMS 1 方案')).toHaveValue('10hz');
  await expect(page.getByTestId('stim-chart')).toBeVisible();
  expect(await englishIn(page, 'device-tms')).toEqual([]);
  expect(await englishIn(page, 'circuit-panel')).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'circuits-tms-zh.png'), fullPage: true });

  // Saved and reopened, the course comes back as it was, with its stored run.
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('✓ 已保存')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: /rTMS course in depression/ }).click();
  // The language is kept across the reload.
  await expect(page.getByLabel('TMS 1 方案')).toHaveValue('10hz');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByLabel('TMS 1 Protocol')).toHaveValue('10hz');
  await expect(page.getByLabel('TMS 1 Stop')).toHaveValue('6w');
  await expect(page.getByLabel('TMS 1 Days per week')).toHaveValue('5');
  await expect(page.getByText('Stored run')).toBeVisible();
  await expect(page.getByText('● unsaved changes')).toHaveCount(0);
  await expect.poll(() => paintedPixels(page, 'stim-chart')).toBeGreaterThan(2000);
});
