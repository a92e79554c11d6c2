// Issue 14 in the app, the library: Save as keeps the original, a renamed scenario is not saved
// over silently, delete with Undo brings back the scenario and its run, the unsaved-changes
// prompt, the working copy restored after a reload, examples that open and run, and drug-aware
// dosing (ketamine's infusion, the labelled range and advice beside the dose field). Screenshots
// in English and Chinese go to test/e2e/screenshots/.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { paintedPixels } from './canvas.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');

const dialog = (page: Page) => page.getByRole('dialog');
/** A scenario in the list, by its exact name. */
const item = (page: Page, name: string) => page.locator('aside .title').getByText(name, { exact: true });
/** Engine runs share two cores with the rest of the machine: answers may take seconds. */
const SLOW = { timeout: 30_000 };
/** A list action (Rename, Duplicate, Delete) of one scenario. */
const action = (page: Page, what: string, name: string) => page.getByRole('group', { name: `Actions for ${name}`, exact: true }).getByRole('button', { name: what });

async function saveNew(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('✓ Saved')).toBeVisible();
}

test('Save as keeps the original; a renamed scenario asks before Save replaces it', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await saveNew(page, 'Original');
  await expect(page.getByLabel('Dose 1')).toHaveValue('5 mg');

  await page.getByLabel('Dose 1').fill('10 mg');
  await page.getByRole('button', { name: 'Save as…' }).click();
  await expect(dialog(page).getByRole('heading')).toHaveText('Save as a new scenario');
  await expect(dialog(page).getByLabel('Name of the new scenario')).toHaveValue('Original (copy)');
  await dialog(page).getByLabel('Name of the new scenario').fill('Variant 10 mg');
  await page.screenshot({ path: join(SHOTS, 'library-save-as.png') });
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Variant 10 mg');
  await expect(item(page, 'Variant 10 mg')).toBeVisible();

  // The original is as it was stored.
  await item(page, 'Original').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Original');
  await expect(page.getByLabel('Dose 1')).toHaveValue('5 mg');

  // Renamed in the editor, then Save: the user chooses; "Save as a new scenario" leaves the original.
  await page.getByLabel('Name', { exact: true }).fill('Original, renamed');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog(page).getByRole('heading')).toHaveText('以新名称保存？');
  await page.screenshot({ path: join(SHOTS, 'library-rename-save-zh.png') });
  await dialog(page).getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog(page).getByRole('heading')).toHaveText('Save under a new name?');
  await expect(dialog(page)).toContainText('The stored scenario is called “Original”');
  await page.screenshot({ path: join(SHOTS, 'library-rename-save.png') });
  await dialog(page).getByRole('button', { name: 'Save as a new scenario' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.locator('aside li')).toHaveCount(3);
  await item(page, 'Original').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Original');

  // "Rename and save" renames the stored scenario itself.
  await page.getByLabel('Name', { exact: true }).fill('Original v2');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog(page).getByRole('button', { name: 'Rename “Original” and save' }).click();
  await expect(page.locator('aside li')).toHaveCount(3);
  await expect(item(page, 'Original v2')).toBeVisible();
  await expect(item(page, 'Original')).toHaveCount(0);
});

test('delete with Undo brings the scenario back with its stored run; rename and duplicate from the list', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await saveNew(page, 'Keep me');
  // Saved and unchanged: Run stores a run of the scenario.
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled(SLOW);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/^Stored run/)).toBeVisible(SLOW);
  await saveNew(page, 'Other');

  await action(page, 'Duplicate', 'Keep me').click();
  await expect(item(page, 'Keep me (copy)')).toBeVisible();
  await action(page, 'Rename', 'Keep me (copy)').click();
  await dialog(page).getByLabel('Name').fill('Keep me, second');
  await dialog(page).getByRole('button', { name: 'Rename' }).click();
  await expect(item(page, 'Keep me, second')).toBeVisible();

  // Search and sort.
  await page.getByLabel('Search scenarios').fill('keep');
  await expect(page.locator('aside li')).toHaveCount(2);
  await page.getByLabel('Sort by').selectOption('name');
  await expect(page.locator('aside li .title')).toHaveText(['Keep me', 'Keep me, second']);
  await page.getByLabel('Search scenarios').fill('');

  await action(page, 'Delete', 'Keep me').click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Keep me”.' })).toBeVisible();
  await expect(item(page, 'Keep me')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'library-deleted-undo.png') });
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(item(page, 'Keep me')).toBeVisible();
  await item(page, 'Keep me').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Keep me', SLOW);
  await expect(page.getByText(/^Stored run/)).toBeVisible(SLOW);

  // Deleting the open scenario with unsaved changes asks first.
  await page.getByLabel('Dose 1').fill('10 mg');
  await action(page, 'Delete', 'Keep me').click();
  await expect(dialog(page).getByRole('heading')).toHaveText('Delete the open scenario?');
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Dose 1')).toHaveValue('10 mg');
  await action(page, 'Delete', 'Keep me').click();
  await dialog(page).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByLabel('Name', { exact: true })).not.toHaveValue('Keep me');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已删除“Keep me”。' })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'library-deleted-undo-zh.png') });
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('Keep me');
  await expect(page.getByLabel('剂量 1')).toHaveValue('5 mg');
});

test('unsaved changes: asked before New scenario and opening another; a reload restores the working copy', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await saveNew(page, 'First');
  await saveNew(page, 'Second');
  // An untouched new scenario asks nothing.
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(dialog(page)).toHaveCount(0);

  await item(page, 'First').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('First', SLOW);
  await page.getByLabel('Dose 1').fill('10 mg');
  await expect(page.getByText('● unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(dialog(page).getByRole('heading')).toHaveText('Unsaved changes');
  await page.screenshot({ path: join(SHOTS, 'library-unsaved-prompt.png') });
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Dose 1')).toHaveValue('10 mg');

  await item(page, 'Second').click();
  await expect(dialog(page)).toContainText('“First” has changes that are not saved');
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Second', SLOW);
  await item(page, 'First').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('First', SLOW);
  await expect(page.getByLabel('Dose 1')).toHaveValue('10 mg');

  await page.getByLabel('Dose 1').fill('23 mg');
  await page.getByRole('button', { name: '中文' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: '新建情景' }).click();
  await expect(dialog(page).getByRole('heading')).toHaveText('未保存的更改');
  await page.screenshot({ path: join(SHOTS, 'library-unsaved-prompt-zh-dark.png') });
  await dialog(page).getByRole('button', { name: '不保存' }).click();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Donepezil in Alzheimer’s disease');

  // Edits, then a reload: the browser asks (beforeunload), then the working copy comes back.
  await item(page, 'Second').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Second', SLOW);
  await page.getByLabel('Dose 1').fill('10 mg');
  await page.getByLabel('Duration').fill('6w');
  await page.waitForTimeout(600);
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.type();
    void d.accept();
  });
  await page.reload();
  expect(asked).toBe('beforeunload');
  await expect(page.getByText(/Unsaved changes from .* were restored\./)).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Second');
  await expect(page.getByLabel('Dose 1')).toHaveValue('10 mg');
  await expect(page.getByLabel('Duration')).toHaveValue('6w');
  await expect(page.getByText('● unsaved changes')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'library-restored.png') });
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByText(/已恢复 .* 的未保存更改。/)).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'library-restored-zh.png') });
  await page.getByRole('button', { name: '丢弃这些更改' }).click();
  await expect(page.getByLabel('剂量 1')).toHaveValue('5 mg');
  await page.reload();
  await expect(page.getByText(/已恢复/)).toHaveCount(0);
});

test('an example opens as a new scenario, runs clean, and its name follows the condition', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New from example…' }).click();
  await expect(dialog(page).getByRole('heading', { name: 'Example scenarios' })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'library-examples.png') });
  await dialog(page).getByRole('button', { name: 'Open: Ketamine and CBT in treatment-resistant depression' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ketamine and CBT in treatment-resistant depression');
  await expect(page.getByLabel('Drug 1')).toHaveValue('ketamine');
  await expect(page.getByLabel('Route 1')).toHaveValue('iv');
  await expect(page.getByLabel('Dose 1')).toHaveValue('0.5 mg/kg');
  // The live preview runs it: no Run press needed.
  await expect(page.getByText(/^Preview run/)).toBeVisible(SLOW);
  await expect.poll(() => paintedPixels(page), SLOW).toBeGreaterThan(2000);
  await expect(page.locator('.warnings')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'library-example-ketamine.png'), fullPage: true });

  // The name is the app's until the user types one: it follows the condition.
  await page.getByLabel('Condition').selectOption('ptsd');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ketamine + CBT in PTSD');
  await page.getByLabel('Name', { exact: true }).fill('My ketamine');
  await page.getByLabel('Condition').selectOption('depression');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('My ketamine');

  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '从示例新建…' }).click();
  await expect(page.getByRole('dialog').getByRole('heading', { name: '示例情景' })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'library-examples-zh.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SHOTS, 'library-examples-zh-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog(page).getByRole('button', { name: '打开: 帕金森病：左旋多巴剂末现象' }).click();
  // "My ketamine" is unsaved: asked first.
  await dialog(page).getByRole('button', { name: '不保存' }).click();
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('帕金森病：左旋多巴剂末现象');
  await expect(page.getByLabel('间隔 1')).toHaveValue('8h');
});

test('choosing a drug sets its usual dosing; the range and dose advice show beside the field', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(page.getByText('labelled 5–23 mg per dose')).toBeVisible();
  await page.getByLabel('Drug 1').selectOption('ketamine');
  await expect(page.getByLabel('Route 1')).toHaveValue('iv');
  await expect(page.getByLabel('Dose 1')).toHaveValue('0.5 mg/kg');
  await expect(page.getByRole('textbox', { name: 'Every 1' })).toHaveValue('');
  await expect(page.getByLabel('Infusion 1')).toHaveValue('40min');
  await expect(page.getByText('labelled 0.1–1 mg/kg per dose')).toBeVisible();
  const options = await page.locator('#dose-presets-0 option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options).toEqual(['0.1 mg/kg', '0.2 mg/kg', '0.5 mg/kg', '1 mg/kg']);
  // A new scenario's name follows the drug and condition.
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ketamine in Alzheimer’s disease');
  await page.getByLabel('Condition').selectOption('depression');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ketamine in depression');
  await page.screenshot({ path: join(SHOTS, 'library-dosing-ketamine.png') });

  await page.getByLabel('Drug 1').selectOption('donepezil');
  await expect(page.getByRole('textbox', { name: 'Every 1' })).toHaveValue('24h');
  await page.getByLabel('Dose 1').fill('5000 mg');
  await expect(page.getByText('⚠ above the labelled range (5–23 mg per dose)')).toBeVisible();
  await expect(page.getByText('⚠ 5000 mg in 24 h exceeds the labelled maximum of 23 mg/day')).toBeVisible();
  await expect(page.locator('.warnings').first()).toContainText('labelled maximum', SLOW);
  await page.locator('.editor').screenshot({ path: join(SHOTS, 'library-dose-advice.png') });
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByText('⚠ 高于说明书范围（每次 5–23 mg）')).toBeVisible();
  await page.locator('.editor').screenshot({ path: join(SHOTS, 'library-dose-advice-zh.png') });
});
