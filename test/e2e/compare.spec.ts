// Issue 13 in the app: the compare view (arms copied from the scenario in the editor and edited,
// or saved scenarios; charts with one colour per arm; differences from a reference arm; the
// key-findings table), saved comparisons, and report export (HTML, PDF, CSV) in English and
// Chinese from a comparison and from a scenario. Screenshots go to test/e2e/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ARM_COLOURS, NOTICE } from '../../src-engine/contract/app-api.ts';
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');

/** Clicks "Export report…" in `menu`, then a format; returns the downloaded file's name and bytes. */
async function exportReport(page: Page, menu: string, format: RegExp): Promise<{ name: string; body: Buffer }> {
  const box = page.getByTestId(menu);
  await box.getByRole('button', { name: /^(Export report…|导出报告…)$/ }).click();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await box.getByRole('button', { name: format }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), body: readFileSync(await download.path()) };
}

async function runComparison(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().includes('/api/compare:run'), { timeout: 60_000 });
  await page.getByRole('button', { name: /^(Run comparison|运行比较)$/ }).click();
  expect((await answered).ok()).toBe(true);
  await expect(page.getByTestId('compare-results')).toBeVisible();
}

/** The steady state of a series in an arm, as the findings table holds it. */
async function steady(page: Page, series: string, arm: number): Promise<number> {
  return Number(await page.getByTestId(`finding-${series}-${arm}`).first().getAttribute('data-steady'));
}

test('treatment-resistant depression: ketamine alone against ketamine + CBT, saved and exported in both languages', async ({ page, app }) => {
  test.setTimeout(180_000);
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ketamine alone');
  await page.getByLabel('Condition').selectOption('depression');
  await page.getByLabel('Severity').selectOption('severe');
  await page.getByLabel('treatment-resistant').check();
  await page.getByLabel('Duration').fill('12w');
  await page.getByLabel('Drug 1').selectOption('ketamine');
  await page.getByLabel('Route 1').selectOption('iv');
  await page.getByLabel('Infusion 1').fill('40min');
  await page.getByLabel('Dose 1').fill('0.5 mg/kg');
  await page.getByLabel('Every 1').fill('');
  await page.getByLabel('Start 1').fill('14d');

  // The compare view starts from the scenario in the editor: the base and a copy of it, open to edit.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('arm-0')).toContainText('Ketamine alone');
  await expect(view.getByTestId('arm-1')).toContainText('Ketamine alone (2)');
  await expect(view.getByTestId('arm-0')).toContainText('reference');
  const editor = view.getByTestId('arm-editor');
  await expect(editor).toContainText('Editing the arm “Ketamine alone (2)”');
  await editor.getByLabel('Name', { exact: true }).fill('Ketamine + CBT');
  await editor.getByRole('button', { name: '+ Add therapy sessions' }).click();
  await editor.getByLabel('Psychotherapy Start 1').fill('15d');
  await page.screenshot({ path: join(SHOTS, 'compare-arm-editor.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1000 } });
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(view.getByTestId('arm-1')).toContainText('Ketamine + CBT');
  await view.getByLabel('Comparison name').fill('Ketamine with and without CBT in TRD');
  await view.getByLabel('Values at').fill('15d, 6w, 12w');

  await runComparison(page);
  const legend = view.getByTestId('compare-legend');
  await expect(legend).toContainText('Ketamine alone (reference)');
  await expect(legend).toContainText('Ketamine + CBT');
  expect(await legend.locator('.legend-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-colour')))).toEqual([ARM_COLOURS[0], ARM_COLOURS[1]]);
  await expect.poll(() => paintedPixels(page, 'compare-chart-scale.madrs')).toBeGreaterThan(2000);
  const findings = view.getByTestId('findings');
  await expect(findings).toContainText('MADRS');
  await expect(findings).toContainText('day 15');
  await expect(findings).toContainText('week 6');
  // CBT sessions in ketamine's plasticity window lower MADRS further by the end.
  expect(await steady(page, 'scale.madrs', 1)).toBeLessThan((await steady(page, 'scale.madrs', 0)) - 1);
  await view.getByTestId('compare-results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'compare-ketamine-cbt.png'), fullPage: true });
  await view.getByTestId('compare-results').screenshot({ path: join(SHOTS, 'compare-ketamine-cbt-results.png') });

  // The data table behind the MADRS panel: a column per arm headed with the unit, the whole run in day and clock time.
  await view.getByTestId('compare-chart-scale.madrs-table-toggle').click();
  const madrsTable = view.getByTestId('compare-chart-scale.madrs-table');
  await expect(madrsTable.locator('thead')).toContainText('Ketamine alone (points)');
  await expect(madrsTable.locator('thead')).toContainText('Ketamine + CBT (points)');
  await expect(madrsTable.locator('tbody tr').first().locator('th')).toHaveText('day 1, 00:00');
  const lastRow = madrsTable.locator('tbody tr').last();
  await expect(lastRow.locator('th')).toHaveText('day 85, 00:00');
  const [aloneEnd, cbtEnd] = (await lastRow.locator('td').allInnerTexts()).slice(1).map(Number);
  expect(cbtEnd).toBeLessThan(aloneEnd!);

  // Differences from the reference arm: the reference is the zero line, the table shows Δ at the times.
  await view.getByLabel('Show differences from the reference arm').check();
  await expect(findings.locator('thead')).toContainText('Δ week 6');
  await expect(madrsTable.locator('thead')).toContainText('Ketamine + CBT, Δ (points)');
  await expect(lastRow.locator('td').nth(1)).toHaveText('0');
  await expect.poll(() => paintedPixels(page, 'compare-chart-scale.madrs')).toBeGreaterThan(2000);
  await view.getByTestId('compare-results').screenshot({ path: join(SHOTS, 'compare-ketamine-cbt-differences.png') });

  // Saved, it is listed beside the scenarios.
  await view.getByRole('button', { name: 'Save comparison' }).click();
  await expect(view.getByText('✓ Comparison saved')).toBeVisible();
  await expect(page.getByTestId('comparison-list')).toContainText('Ketamine with and without CBT in TRD');

  // The report follows the app's language; it carries the notice and the arm names.
  await view.getByRole('button', { name: 'Export report…' }).click();
  const bar = (await view.locator('.compare-toolbar').boundingBox())!;
  await page.screenshot({ path: join(SHOTS, 'compare-export-menu.png'), clip: { x: bar.x - 10, y: bar.y - 10, width: 720, height: bar.height + 150 } });
  await view.getByRole('button', { name: 'Export report…' }).click();
  const html = await exportReport(page, 'compare-export', /^HTML report$/);
  expect(html.name).toMatch(/^Ketamine-with-and-without-CBT-in-TRD-.*\.html$/);
  const en = html.body.toString('utf8');
  expect(en).toContain(NOTICE.en);
  expect(en).toContain('Ketamine alone');
  expect(en).toContain('Ketamine + CBT');
  const csv = await exportReport(page, 'compare-export', /^CSV/);
  expect(csv.body.toString('utf8')).toContain('Ketamine + CBT');

  await page.getByRole('button', { name: '中文' }).click();
  await expect(view.getByRole('heading', { name: '方案比较' })).toBeVisible();
  await expect(findings).toContainText('第 6 周');
  await expect(madrsTable.locator('thead')).toContainText('Ketamine + CBT，Δ (分)');
  await expect(madrsTable.locator('thead')).toContainText('时间');
  await expect(lastRow.locator('th')).toHaveText('第85天 00:00');
  await expect(view.getByTestId('compare-chart-scale.madrs-table-toggle')).toHaveText('隐藏数据表');
  await madrsTable.scrollIntoViewIfNeeded();
  await view.locator('.compare-panel').first().screenshot({ path: join(SHOTS, 'compare-table-zh.png') });
  await view.getByTestId('compare-chart-scale.madrs-table-toggle').click();
  const zhHtml = await exportReport(page, 'compare-export', /^HTML 报告$/);
  expect(zhHtml.name).toMatch(/-zh-.*\.html$/);
  const zh = zhHtml.body.toString('utf8');
  expect(zh).toContain(NOTICE.zh);
  expect(zh).toContain('Ketamine alone');
  expect(zh).toContain('Ketamine + CBT');
  await expect(page.getByTestId('compare-export')).toContainText('已下载');
  await page.screenshot({ path: join(SHOTS, 'compare-ketamine-cbt-zh.png'), fullPage: true });
  await view.getByTestId('compare-results').screenshot({ path: join(SHOTS, 'compare-ketamine-cbt-zh-results.png') });

  // A scenario's own report, from the workbench, in Chinese too.
  await page.getByRole('button', { name: '工作台' }).click();
  const scenarioReport = await exportReport(page, 'scenario-export', /^HTML 报告$/);
  expect(scenarioReport.body.toString('utf8')).toContain(NOTICE.zh);
  expect(scenarioReport.body.toString('utf8')).toContain('Ketamine alone');
});

/** Fills a Parkinson's scenario with STN-DBS at `hz` switched on at day 1, and saves it. */
async function saveDbsScenario(page: Page, name: string, hz: string): Promise<void> {
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Condition').selectOption('parkinsons');
  await page.getByLabel('Severity').selectOption('moderate');
  await page.getByLabel('Duration').fill('3d');
  await page.getByRole('button', { name: 'Remove 1' }).click();
  await page.getByRole('button', { name: '+ Add DBS' }).click();
  await page.getByLabel('DBS 1 Frequency').fill(hz);
  await page.getByLabel('DBS 1 Switch on').fill('1d');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('✓ Saved')).toBeVisible();
}

test("Parkinson's disease: two saved scenarios, DBS at 130 Hz against 20 Hz, reopened from the saved comparisons", async ({ page, app }) => {
  test.setTimeout(180_000);
  const server = await app.start();
  await page.goto(server.url);
  await saveDbsScenario(page, 'DBS 130 Hz', '130');
  await saveDbsScenario(page, 'DBS 20 Hz', '20');

  // Two saved scenarios as the arms (the copies of the editor's scenario removed).
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByTestId('compare-view');
  await view.getByRole('button', { name: 'Remove arm DBS 20 Hz (2)', exact: true }).click();
  await view.getByRole('button', { name: 'Remove arm DBS 20 Hz', exact: true }).click();
  await expect(view.getByText('A comparison needs 2 to 6 arms.')).toBeVisible();
  await expect(view.getByRole('button', { name: 'Run comparison' })).toBeDisabled();
  await view.getByLabel('Add a saved scenario').selectOption({ label: 'DBS 130 Hz' });
  await expect(view.getByTestId('arm-0')).toContainText('DBS 130 Hz');
  await view.getByLabel('Add a saved scenario').selectOption({ label: 'DBS 20 Hz' });
  await expect(view.getByTestId('arm-1')).toContainText('DBS 20 Hz');
  await expect(view.getByTestId('arm-1')).toContainText('saved scenario');
  await view.getByLabel('Comparison name').fill('STN-DBS at 130 Hz against 20 Hz');

  await runComparison(page);
  await expect.poll(() => paintedPixels(page, 'compare-chart-scale.updrs3')).toBeGreaterThan(2000);
  await expect.poll(() => paintedPixels(page, 'compare-chart-lfp.stn.beta')).toBeGreaterThan(2000);
  // Only high-frequency stimulation decouples the loop: lower beta and UPDRS-III at the end.
  expect(await steady(page, 'scale.updrs3', 0)).toBeLessThan((await steady(page, 'scale.updrs3', 1)) - 5);
  expect(await steady(page, 'lfp.stn.beta', 0)).toBeLessThan(await steady(page, 'lfp.stn.beta', 1));
  // The same arm colour and dash in every panel's findings row as in the legend.
  const strokes = await view.getByTestId('findings').locator('tbody tr[data-testid^="finding-"] line').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('stroke')))]);
  expect(strokes).toEqual([ARM_COLOURS[0], ARM_COLOURS[1]]);
  await view.getByLabel('Reference arm', { exact: true }).selectOption({ label: 'DBS 20 Hz' });
  await runComparison(page);
  await view.getByLabel('Show differences from the reference arm').check();
  await expect(view.getByTestId('compare-legend')).toContainText('DBS 20 Hz (reference)');
  await page.screenshot({ path: join(SHOTS, 'compare-dbs.png'), fullPage: true });
  await view.getByTestId('compare-results').screenshot({ path: join(SHOTS, 'compare-dbs-results.png') });

  await view.getByRole('button', { name: 'Save comparison' }).click();
  await expect(view.getByText('✓ Comparison saved')).toBeVisible();
  const pdf = await exportReport(page, 'compare-export', /^PDF report$/);
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const html = (await exportReport(page, 'compare-export', /^HTML report$/)).body.toString('utf8');
  expect(html).toContain(NOTICE.en);
  expect(html).toContain('DBS 130 Hz');
  expect(html).toContain('DBS 20 Hz');

  // After a reload the saved comparison opens as it was, and runs.
  await page.reload();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByTestId('comparison-list').getByRole('button', { name: /^STN-DBS at 130 Hz against 20 Hz/ }).click();
  await expect(view.getByLabel('Comparison name')).toHaveValue('STN-DBS at 130 Hz against 20 Hz');
  await expect(view.getByTestId('arm-0')).toContainText('DBS 130 Hz');
  await expect(view.getByTestId('arm-1')).toContainText('DBS 20 Hz');
  await expect(view.getByLabel('Reference arm', { exact: true })).toHaveValue('1');
  await expect(view.getByTestId('compare-results')).toBeVisible();
  await expect(view.getByTestId('compare-legend')).toContainText('DBS 20 Hz (reference)');

  await page.getByRole('button', { name: '中文' }).click();
  const zh = (await exportReport(page, 'compare-export', /^HTML 报告$/)).body.toString('utf8');
  expect(zh).toContain(NOTICE.zh);
  expect(zh).toContain('DBS 130 Hz');
  expect(zh).toContain('DBS 20 Hz');
  await expect.poll(() => paintedPixels(page, 'compare-chart-scale.updrs3')).toBeGreaterThan(2000);
  await page.screenshot({ path: join(SHOTS, 'compare-dbs-zh.png'), fullPage: true });
});
