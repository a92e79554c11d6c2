// The custom drug editor and the dosing-record import in Chinese (issue 14): bad input for every
// field of the drug form and a broken records file, each refusal naming the field and what was
// expected in Chinese, with no English sentence left; and a report naming the series as the Why panel
// does (one source of series names). Screenshots go to test/e2e/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');

/** English sentences (two or more words) left in the alerts of a part of the page. */
async function englishAlerts(where: Locator): Promise<string[]> {
  const texts = await where.getByRole('alert').allInnerTexts();
  return texts.flatMap((t) => t.replace(/"[^"]*"/g, '').match(/[A-Za-z]{3,}(?: [A-Za-z]{3,})+/g) ?? []);
}

test('custom drug form and dosing-record import refuse bad input in Chinese, naming the field', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Duration').fill('5d');
  await page.getByRole('button', { name: '中文' }).click();

  await page.getByText('定义自己的药物').click();
  const form = page.locator('details.custom-drug');
  await form.getByLabel('药物名称').fill('教学药物');
  // Every route, the two-compartment model and a target: all fields shown, each one wrong.
  await form.getByLabel('模型').selectOption('two-compartment');
  await form.getByLabel('静脉').check();
  await form.getByLabel('CL').fill('-1');
  await form.getByLabel('V (L)').fill('abc');
  await form.getByLabel('ka').fill('5000');
  await form.getByLabel('F (0–1)').fill('2');
  await form.getByLabel('滞后时间').fill('100');
  await form.getByLabel('转运室数').fill('2.5');
  await form.getByLabel('Q (L/h)').fill('0');
  await form.getByLabel('V2').fill('');
  await form.getByLabel('ke0').fill('50');
  await form.getByLabel('靶点').selectOption('D2');
  await form.getByLabel('EC50').fill('0');
  await form.getByLabel('Emax').fill('3');
  await form.getByLabel('Hill').fill('9');
  await form.getByRole('button', { name: '保存药物' }).click();

  const alerts = form.getByRole('alert');
  await expect(alerts.first()).toBeVisible();
  const texts = await alerts.allInnerTexts();
  // Each field (the rate limits are checked once the fields themselves pass, below).
  for (const expected of [/CL（清除率）应大于 0/, /V（中央室容积）应为数字/, /ka（吸收速率常数）至多为 1000/, /F（生物利用度）应在 0 到 1 之间/, /lag（滞后时间）至多为 48 h/, /transit（转运室数）应为 0 到 20 之间的整数/, /Q（室间清除率）应大于 0/, /效价（EC50\/IC50\/Ki）应大于 0/, /Emax（最大效应）应在 0 到 1 之间/, /Hill 系数应在 0.1 到 5 之间/]) {
    expect(texts.some((t) => expected.test(t)), `${expected} among ${JSON.stringify(texts)}`).toBe(true);
  }
  expect(await englishAlerts(form)).toEqual([]);
  await form.screenshot({ path: join(SHOTS, 'custom-drug-errors-zh.png') });

  // Corrected but for rate constants faster than any built-in drug: the rate checks name the field.
  await form.getByLabel('CL').fill('10');
  await form.getByLabel('V (L)').fill('100');
  await form.getByLabel('ka').fill('1');
  await form.getByLabel('F (0–1)').fill('0.8');
  await form.getByLabel('滞后时间').fill('');
  await form.getByLabel('转运室数').fill('');
  await form.getByLabel('Q (L/h)').fill('5');
  await form.getByLabel('V2').fill('200');
  await form.getByLabel('EC50').fill('2');
  await form.getByLabel('Emax').fill('1');
  await form.getByLabel('Hill').fill('1');
  await form.getByLabel('药物名称').fill('Teaching drug');
  await form.getByRole('button', { name: '保存药物' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'ke0（效应室平衡速率常数）为 50/h，已快于任何内置药物；应至多为 20/h' })).toBeVisible();
  expect(await englishAlerts(form)).toEqual([]);
  await form.getByLabel('ke0').fill('');
  await form.getByRole('button', { name: '保存药物' }).click();
  await expect(form.getByRole('status')).toContainText('已保存');

  // A broken records file: every refusal by its row and column, in Chinese.
  await page.getByLabel('药物 1').selectOption('teaching-drug');
  await page.getByRole('button', { name: '给药记录 1' }).click();
  await page.getByLabel('给药记录 CSV').fill('time,amt,cmt,rate,dur,ii,addl,ss,evid\n0,100,9,,,,,,\n5,100,1,10,2,,,,\n1,100,1,,,,3,,\n8,100,1,,,,,7,\n9,x,1,,,,,,\n');
  await page.getByRole('button', { name: '使用记录' }).click();
  const editor = page.locator('.records-editor');
  await expect(editor.getByRole('alert').first()).toBeVisible();
  const refusals = await editor.getByRole('alert').allInnerTexts();
  for (const expected of [/^第 2 行，cmt 列：cmt 应为 1（储库）/, /^第 3 行，dur 列：rate（输注速率）与 dur（输注时长）同时给出/, /^第 4 行，time 列：时间倒退/, /^第 5 行，ss 列：ss（稳态标志）应为 0、1 或 2/, /^第 6 行，amt 列：应为数字，当前为 "x"/]) {
    expect(refusals.some((t) => expected.test(t)), `${expected} among ${JSON.stringify(refusals)}`).toBe(true);
  }
  expect(await englishAlerts(editor)).toEqual([]);
  await editor.screenshot({ path: join(SHOTS, 'records-errors-zh.png') });

  // The same file in English: the engine's messages as written.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(editor.getByRole('alert').filter({ hasText: 'row 3, column dur: rate and dur both given; expected one of them' })).toBeVisible();
});

test('a report and the Why panel name the series alike, in English and Chinese', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Sertraline names');
  await page.getByLabel('Condition').selectOption('depression');
  await page.getByLabel('Duration').fill('2w');
  await page.getByLabel('Drug 1').selectOption('sertraline');
  await page.getByLabel('Dose 1').fill('50 mg');
  await page.getByLabel('Every 1').fill('24h');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  for (const [lang, readout, htmlButton] of [['en', 'Readout', /^HTML report$/], ['zh', '读数', /^HTML 报告$/]] as const) {
    if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
    const select = page.getByRole('combobox', { name: readout });
    await expect.poll(() => select.locator('option').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    await expect(select.locator('option').first()).not.toHaveText(/^[a-z]+\./);
    const options = await select.locator('option').allTextContents();
    const box = page.getByTestId('scenario-export');
    await box.getByRole('button', { name: /^(Export report…|导出报告…)$/ }).click();
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await box.getByRole('button', { name: htmlButton }).click();
    const html = readFileSync(await (await downloading).path(), 'utf8');
    // The symptom scales the report tabulates carry the Why panel's names (not the ids, not another wording).
    const scales = options.filter((o) => /MADRS|HAM-D/.test(o));
    expect(scales.length, JSON.stringify(options)).toBeGreaterThanOrEqual(2);
    for (const name of scales) expect(html, `${lang}: ${name}`).toContain(name);
    expect(html).not.toContain('scale.madrs');
  }
});
