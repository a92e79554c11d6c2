// Issue 12 in the app: learning tasks in the editor (paradigm, time, options with ranges and
// defaults, errors at the field, Chinese) and the task panel (measures, curves, what the paradigm
// shows, the state it read). Episodic memory in Alzheimer's without and with donepezil; the
// probabilistic selection task in Parkinson's off and on levodopa. Screenshots go to test/e2e/screenshots/.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Results } from '../../src-engine/index.ts';
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');

/** A number the task panel holds for a run (its data-value). */
async function value(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

/** Abbreviations, units, citations and key names (the zoom hint) that stay as they are in Chinese. */
const KEPT = /\b(CA3|NMDA|D1|D2|Go|NoGo|PTSD|vmPFC|CS|US|ACh|AChE|Frank|Seeberger|O’Reilly|Hasselmo|Bouton|Milad|Huys|Clarke|Foster|Morris|Dayan|McClelland|McNaughton|Cepeda|Mozer|Rescorla|Wagner|Vervliet|CAPS|HAM|MADRS|Shift|Ctrl|s|h|d|w)\b/g;

async function englishIn(page: Page, testId: string): Promise<string[]> {
  const text = (await page.getByTestId(testId).innerText()).replace(KEPT, ' ');
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

/** Runs the scenario and waits until the page shows these results (not the previous run's). */
async function runAndWait(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().includes('/api/engine:simulate'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const results = ((await (await answered).json()) as { value: Results }).value;
  await expect(page.getByText('Preview run (not stored)')).toBeVisible();
  const first = results.tasks?.[0];
  const [measure, v] = Object.entries(first?.measures ?? {})[0] ?? [];
  if (first && measure !== undefined) await expect(page.getByTestId(`task-${first.index}-${measure}`)).toHaveAttribute('data-value', String(v));
}

test("Alzheimer's disease: episodic memory recalls less untreated than on donepezil", async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill("Episodic memory in Alzheimer's disease");
  await page.getByLabel('Severity').selectOption('moderate');
  await page.getByLabel('Duration').fill('8w');
  await page.getByRole('button', { name: 'Remove 1' }).click();

  // The condition suggests its paradigm; the task comes at the end of the scenario with its defaults.
  await expect(page.getByLabel('Paradigm')).toHaveValue('episodic-memory');
  await page.getByRole('button', { name: '+ Add task' }).click();
  const row = page.getByTestId('task-row-0');
  await expect(row.locator('legend')).toHaveText('Episodic memory');
  await expect(page.getByLabel('Task 1 Time')).toHaveValue('8w');
  await expect(page.getByLabel('Task 1 Items studied')).toHaveAttribute('placeholder', 'default 16');
  await expect(row).toContainText('2–40');
  await expect(row).toContainText('0–0.5');

  // A value out of range is named at its field and nothing runs until it is fixed; so is a time beyond the scenario.
  await page.getByLabel('Task 1 Items studied').fill('50');
  await expect(row.getByRole('alert')).toHaveText('expected items studied (in pairs of similar items) from 2 to 40, got 50 (above 40)');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await row.screenshot({ path: join(SHOTS, 'tasks-editor-error.png') });
  await page.getByLabel('Task 1 Items studied').fill('');
  await page.getByLabel('Task 1 Time').fill('9w');
  await expect(row.getByRole('alert')).toHaveText('expected a task time within the scenario (8w), got "9w"');
  await page.getByLabel('Task 1 Time').fill('6w');
  await expect(row.getByRole('alert')).toHaveCount(0);

  await runAndWait(page);
  const panel = page.getByTestId('task-panel');
  const card = page.getByTestId('task-episodic-memory');
  await expect(card.getByRole('heading', { name: 'Episodic memory' })).toBeVisible();
  await expect(card).toContainText('Hasselmo 1994');
  await expect(card).toContainText('Items recalled');
  await expect(card).toContainText('on day 42');
  await expect(card).toContainText('without a learning curve');
  await expect(panel.getByRole('note')).toContainText('not for clinical decisions');
  const untreated = await value(page, 'task-0-recall');
  const achUntreated = await value(page, 'task-0-state-nt.acetylcholine.hippocampus');
  expect(achUntreated).toBeLessThan(0.9);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'tasks-ad-untreated.png'), fullPage: true });
  await panel.screenshot({ path: join(SHOTS, 'tasks-ad-untreated-panel.png') });

  // The same patient on donepezil 10 mg from the start.
  await page.getByRole('button', { name: '+ Add dose schedule' }).click();
  await expect(page.getByLabel('Drug 1')).toHaveValue('donepezil');
  await page.getByLabel('Dose 1').fill('10 mg');
  await page.getByLabel('Start 1').fill('0d');
  await runAndWait(page);
  const treated = await value(page, 'task-0-recall');
  expect(untreated).toBeLessThan(treated);
  expect(await value(page, 'task-0-state-nt.acetylcholine.hippocampus')).toBeGreaterThan(achUntreated);
  await page.screenshot({ path: join(SHOTS, 'tasks-ad-donepezil.png'), fullPage: true });

  // In Chinese: the task card, its errors and the panel.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '学习任务' }).first()).toBeVisible();
  await expect(row.locator('legend')).toHaveText('情景记忆');
  await page.getByLabel('任务 1 学习项目数').fill('50');
  await expect(row.getByRole('alert')).toHaveText('超出范围：应为 2–40，当前为 50（高于上限）');
  await page.getByLabel('任务 1 学习项目数').fill('');
  await expect(page.getByTestId('task-episodic-memory')).toContainText('回忆出的项目');
  expect(await englishIn(page, 'task-row-0')).toEqual([]);
  expect(await englishIn(page, 'task-panel')).toEqual([]);
  await page.getByTestId('task-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'tasks-ad-zh.png'), fullPage: true });
  await page.getByTestId('task-panel').screenshot({ path: join(SHOTS, 'tasks-ad-zh-panel.png') });
  await row.screenshot({ path: join(SHOTS, 'tasks-editor-zh.png') });
});

test("Parkinson's disease: the probabilistic selection task off and on levodopa", async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill("Probabilistic selection in Parkinson's disease");
  await page.getByLabel('Condition').selectOption('parkinsons');
  await page.getByLabel('Severity').selectOption('moderate');
  await page.getByLabel('Duration').fill('3w');
  await page.getByRole('button', { name: 'Remove 1' }).click();

  await expect(page.getByLabel('Paradigm')).toHaveValue('probabilistic-selection');
  await page.getByRole('button', { name: '+ Add task' }).click();
  await expect(page.getByLabel('Task 1 Stop at the learning criterion')).toBeChecked();
  // Day 14, two hours after the morning dose once levodopa is given every 8 h from the start.
  await page.getByLabel('Task 1 Time').fill('338h');
  await runAndWait(page);
  const card = page.getByTestId('task-probabilistic-selection');
  await expect(card).toContainText('Frank, Seeberger & O’Reilly (2004)');
  await expect(card).toContainText('Choose A (learning from reward)');
  await expect(card).toContainText('Avoid B (learning from punishment)');
  await expect(card).toContainText('It also reads reward sensitivity');
  await expect.poll(() => paintedPixels(page, 'task-chart-probabilistic-selection')).toBeGreaterThan(2000);
  const off = { a: await value(page, 'task-0-choose_a'), b: await value(page, 'task-0-avoid_b'), da: await value(page, 'task-0-state-nt.dopamine.striatum') };
  expect(off.da).toBeLessThan(0.6);
  // Off medication: better at avoiding B than at choosing A (Frank 2004).
  expect(off.b).toBeGreaterThan(off.a);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'tasks-pd-off.png'), fullPage: true });
  // The learning curve's data table: the paradigm's x (training blocks) and y with its unit.
  await page.getByTestId('task-chart-probabilistic-selection-table-toggle').click();
  const curveTable = page.getByTestId('task-chart-probabilistic-selection-table');
  await expect(curveTable.locator('thead th').first()).toHaveText('Training block');
  await expect(curveTable.locator('thead')).toContainText('Correct choices (%)');
  const firstAccuracy = Number(await curveTable.locator('tbody tr').first().locator('td').first().innerText());
  expect(firstAccuracy).toBeGreaterThan(0);
  expect(firstAccuracy).toBeLessThanOrEqual(100);
  await page.getByTestId('task-chart-probabilistic-selection-table-toggle').click();

  await page.getByRole('button', { name: '+ Add dose schedule' }).click();
  await page.getByLabel('Drug 1').selectOption('levodopa');
  await page.getByLabel('Dose 1').fill('100 mg');
  await page.getByLabel('Every 1').fill('8h');
  await page.getByLabel('Start 1').fill('0d');
  await runAndWait(page);
  const on = { a: await value(page, 'task-0-choose_a'), b: await value(page, 'task-0-avoid_b'), da: await value(page, 'task-0-state-nt.dopamine.striatum') };
  expect(on.da).toBeGreaterThan(off.da);
  // On levodopa the balance tips towards choosing A (Frank 2004).
  expect(on.a - on.b).toBeGreaterThan(off.a - off.b);
  await page.screenshot({ path: join(SHOTS, 'tasks-pd-levodopa.png'), fullPage: true });
  await page.getByTestId('task-panel').screenshot({ path: join(SHOTS, 'tasks-pd-levodopa-panel.png') });

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('task-probabilistic-selection')).toContainText('回避 B（从惩罚中学习）');
  expect(await englishIn(page, 'task-panel')).toEqual([]);
  await expect.poll(() => paintedPixels(page, 'task-chart-probabilistic-selection')).toBeGreaterThan(2000);
  await page.getByTestId('task-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'tasks-pd-zh.png'), fullPage: true });
  await page.getByTestId('task-panel').screenshot({ path: join(SHOTS, 'tasks-pd-zh-panel.png') });
  await page.getByTestId('task-chart-probabilistic-selection-table-toggle').click();
  const zhTable = page.getByTestId('task-chart-probabilistic-selection-table');
  await expect(zhTable.locator('thead th').first()).toHaveText('训练组');
  await expect(zhTable.locator('thead')).toContainText('正确选择 (%)');
  expect(await englishIn(page, 'task-chart-probabilistic-selection-table')).toEqual([]);
  await page.getByTestId('task-probabilistic-selection').screenshot({ path: join(SHOTS, 'tasks-table-zh.png') });
});

test('PTSD: exposure sessions are extinction trials; fear returns in everyday places (renewal), and the task panel shows each session', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Exposure therapy in PTSD');
  await page.getByLabel('Condition').selectOption('ptsd');
  await page.getByLabel('Severity').selectOption('moderate');
  await page.getByLabel('Duration').fill('13w');
  await page.getByRole('button', { name: 'Remove 1' }).click();
  // Ten weekly exposure sessions from week 1 (PTSD suggests exposure).
  await page.getByRole('button', { name: '+ Add therapy sessions' }).click();
  await expect(page.getByLabel('Sessions 1')).toHaveValue('exposure');
  await page.getByLabel('Psychotherapy Start 1').fill('1w');
  await page.getByLabel('Psychotherapy Number 1').fill('10');
  const answered = page.waitForResponse((r) => r.url().includes('/api/engine:simulate'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const results = ((await (await answered).json()) as { value: Results }).value;
  const learned = results.series['therapy.exposure.session_learning']!;
  expect(learned.t).toHaveLength(10);

  const card = page.getByTestId('therapy-exposure');
  await expect(card.getByRole('heading', { name: 'Exposure: extinction trials' })).toBeVisible();
  await expect(card).toContainText('renewal');
  await expect(card).toContainText('day 7');
  await expect(page.getByTestId('therapy-exposure-0-learned')).toHaveAttribute('data-value', String(learned.v[0]));
  // Later sessions teach less than the first (the prediction error shrinks as extinction builds).
  expect(await value(page, 'therapy-exposure-9-learned')).toBeLessThan(await value(page, 'therapy-exposure-0-learned'));
  // Fear returns in everyday places: more than in the therapy room.
  const room = await value(page, 'therapy-final-therapy.exposure.fear_therapy_context');
  const everyday = await value(page, 'therapy-final-therapy.exposure.fear_original_context');
  expect(everyday).toBeGreaterThan(room);
  expect(await value(page, 'therapy-renewal')).toBeCloseTo(everyday / room, 6);
  await expect(page.getByTestId('task-panel').getByRole('note')).toContainText('not for clinical decisions');
  await expect.poll(() => paintedPixels(page, 'therapy-chart')).toBeGreaterThan(500);
  await page.getByTestId('therapy-learning').scrollIntoViewIfNeeded();
  // The therapy chart's data table: a row per session, at its time in the run (the chart is over
  // the run's time, on the workbench's window), what it taught in percent.
  await page.getByTestId('therapy-chart-table-toggle').click();
  const sessions = page.getByTestId('therapy-chart-table');
  await expect(sessions.locator('thead')).toContainText('Time');
  await expect(sessions.locator('thead')).toContainText('Exposure: extinction trials (%)');
  await expect(sessions.locator('tbody tr')).toHaveCount(10);
  const first = sessions.locator('tbody tr').first();
  await expect(first.locator('th')).toHaveText(`day ${learned.t[0]! / 24 + 1}, 00:00`);
  expect(Number(await first.locator('td').nth(1).innerText())).toBeCloseTo(100 * learned.v[0]!, 0);
  await page.getByTestId('therapy-chart-table-toggle').click();
  await page.screenshot({ path: join(SHOTS, 'therapy-exposure-ptsd.png'), fullPage: true });
  await page.getByTestId('task-panel').screenshot({ path: join(SHOTS, 'therapy-exposure-panel.png') });

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('therapy-exposure')).toContainText('暴露治疗：消退试次');
  await expect(page.getByTestId('therapy-exposure')).toContainText('第 7 天');
  expect(await englishIn(page, 'task-panel')).toEqual([]);
  await page.getByTestId('task-panel').screenshot({ path: join(SHOTS, 'therapy-exposure-panel-zh.png') });
  await page.getByTestId('therapy-chart-table-toggle').click();
  await expect(page.getByTestId('therapy-chart-table').locator('thead')).toContainText('暴露治疗：消退试次 (%)');
  expect(await englishIn(page, 'therapy-chart-table')).toEqual([]);
});

test('Treatment-resistant depression: a CBT session the day after ketamine reads a higher learning rate and teaches more than one two weeks later', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  // Dark theme from the start (the charts take their colours when drawn).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Name', { exact: true }).fill('Ketamine and CBT');
  await page.getByLabel('Condition').selectOption('depression');
  await page.getByLabel('Severity').selectOption('severe');
  await page.getByLabel('Duration').fill('4w');
  await page.getByLabel('Drug 1').selectOption('ketamine');
  await page.getByLabel('Dose 1').fill('0.5 mg/kg');
  await page.getByLabel('Start 1').fill('0d');
  await page.getByRole('button', { name: '+ Add therapy sessions' }).click();
  await expect(page.getByLabel('Sessions 1')).toHaveValue('cbt');
  await page.getByLabel('Psychotherapy Every 1').fill('14d');
  await page.getByLabel('Psychotherapy Number 1').fill('2');
  const answered = page.waitForResponse((r) => r.url().includes('/api/engine:simulate'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const results = ((await (await answered).json()) as { value: Results }).value;
  expect(results.series['therapy.cbt.session_gain']!.t).toEqual([24, 360]);
  const card = page.getByTestId('therapy-cbt');
  await expect(card.getByRole('heading', { name: 'CBT: testing a negative expectation' })).toBeVisible();
  const early = { gain: await value(page, 'therapy-cbt-0-gain'), learned: await value(page, 'therapy-cbt-0-learned') };
  const late = { gain: await value(page, 'therapy-cbt-1-gain'), learned: await value(page, 'therapy-cbt-1-learned') };
  expect(early.gain).toBeGreaterThan(1.3 * late.gain);
  expect(early.learned).toBeGreaterThan(1.3 * late.learned);
  await page.getByTestId('therapy-learning').scrollIntoViewIfNeeded();
  await page.getByTestId('task-panel').screenshot({ path: join(SHOTS, 'therapy-cbt-ketamine-dark.png') });
});
