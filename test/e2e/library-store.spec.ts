// Issue 14, never losing work, in the app: the working copy kept in the data folder comes back in
// web mode on another port (another origin, another page storage); an example follows a change of
// language without becoming unsaved, a saved scenario's name never does; a save made while a real
// restore runs waits, says so, and goes through after it; Settings keeps the newest N backups.
// Screenshots in English and Chinese go to test/e2e/screenshots/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
const SERTRALINE = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'src-engine', 'data', 'examples', 'sertraline-slow-onset.json'), 'utf8')) as {
  title: { en: string; zh: string };
  summary: { en: string; zh: string };
};
const SLOW = { timeout: 30_000 };
const nameField = (page: Page) => page.getByLabel('Name', { exact: true }).or(page.getByLabel('名称', { exact: true }));

async function call(page: Page, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ([m, i]) => {
      const token = sessionStorage.getItem('modulon.token');
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(i) });
      return res.json();
    },
    [method, input] as const,
  );
}

const dataDirOf = async (page: Page) => ((await call(page, 'app:info', {})).value as { dataDir: string }).dataDir;
const names = async (page: Page) => ((await call(page, 'scenarios:list', {})).value as Array<{ name: string }>).map((s) => s.name).sort();

test('the working copy written through one server comes back through another on a different port', async ({ page, app }) => {
  test.setTimeout(120_000);
  const first = await app.start();
  await page.goto(first.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await nameField(page).fill('Typed on the first port');
  await page.getByLabel('Dose 1').fill('7 mg');
  await expect(page.getByText('● unsaved changes')).toBeVisible();
  const dataDir = await dataDirOf(page);
  await expect.poll(() => existsSync(join(dataDir, 'modulon-working-copy.json'))).toBe(true);
  // Nothing in this page's storage: the data folder holds it.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('modulon.workingCopy')))).toEqual([]);
  page.once('dialog', (d) => void d.accept());
  await page.goto('about:blank');
  await app.stop();

  const second = await app.start();
  expect(second.port).not.toBe(first.port);
  await page.goto(second.url);
  await expect(page.getByText(/Unsaved changes from .* were restored\./)).toBeVisible();
  await expect(nameField(page)).toHaveValue('Typed on the first port');
  await expect(page.getByLabel('Dose 1')).toHaveValue('7 mg');
  await expect(page.getByText('● unsaved changes')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'library-restored-other-port.png') });
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByText(/已恢复 .* 的未保存更改。/)).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'library-restored-other-port-zh.png') });
  await page.getByRole('button', { name: 'English' }).click();

  // Saved: the working copy is gone from the data folder, and a third port restores nothing.
  await page.getByRole('button', { name: 'Keep' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('✓ Saved')).toBeVisible();
  await expect.poll(() => existsSync(join(dataDir, 'modulon-working-copy.json'))).toBe(false);
  await page.goto('about:blank');
  await app.stop();
  const third = await app.start();
  await page.goto(third.url);
  await expect(page.locator('aside')).toContainText('Typed on the first port');
  await expect(nameField(page)).toHaveValue('Donepezil in Alzheimer’s disease');
  await expect(page.getByText(/were restored/)).toHaveCount(0);
});

test('an example follows a change of language without becoming unsaved; a saved name never changes; a new name follows condition and drug', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New from example…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: `Open: ${SERTRALINE.title.en}` }).click();
  await expect(nameField(page)).toHaveValue(SERTRALINE.title.en);
  await expect(page.getByText('● unsaved changes')).toHaveCount(0);

  await page.getByRole('button', { name: '中文' }).click();
  await expect(nameField(page)).toHaveValue(SERTRALINE.title.zh);
  await expect(page.getByText('● 有未保存的更改')).toHaveCount(0);
  await page.waitForTimeout(600);
  // Not unsaved, so no working copy is kept.
  expect((await call(page, 'workingCopy:get', {})).value).toBeNull();
  await page.screenshot({ path: join(SHOTS, 'library-example-zh.png') });

  // Edited (a dose): unsaved, still the example's name and description, which follow the language.
  const description = async () => ((await call(page, 'workingCopy:get', {})).value as { doc: { description?: string } } | null)?.doc.description;
  await page.getByLabel('剂量 1').fill('100 mg');
  await expect(page.getByText('● 有未保存的更改')).toBeVisible();
  await expect.poll(description).toBe(SERTRALINE.summary.zh);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(nameField(page)).toHaveValue(SERTRALINE.title.en);
  await expect.poll(description).toBe(SERTRALINE.summary.en);

  // Saved: the name is the user's now and stays in either language.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('✓ Saved')).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(nameField(page)).toHaveValue(SERTRALINE.title.en);
  await expect(page.getByText('● 有未保存的更改')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'library-saved-example-zh.png') });
  await page.getByRole('button', { name: 'English' }).click();
  expect(await names(page)).toEqual([SERTRALINE.title.en]);

  // A new scenario: its name follows the condition and the drug, in the language shown, until typed.
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(nameField(page)).toHaveValue('Donepezil in Alzheimer’s disease');
  await page.getByLabel('Condition').selectOption('parkinsons');
  await page.getByLabel('Drug 1').selectOption('levodopa');
  await expect(nameField(page)).toHaveValue(/^Levodopa.* in Parkinson’s disease$/);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(nameField(page)).toHaveValue(/^帕金森病：左旋多巴/);
  await expect(page.getByText('● 有未保存的更改')).toBeVisible();
  await nameField(page).fill('我的左旋多巴');
  await page.getByLabel('状况').selectOption('depression');
  await expect(nameField(page)).toHaveValue('我的左旋多巴');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(nameField(page)).toHaveValue('我的左旋多巴');
});

/**
 * Makes the database big enough (about 120 MB of stored runs) that a restore takes a while: its
 * integrity check, safety copy and copy-in each go through every page.
 */
function ballast(dataDir: string, scenarioId: string): void {
  const db = new Database(join(dataDir, 'modulon.sqlite3'));
  try {
    db.pragma('busy_timeout = 10000');
    const insert = db.prepare(
      `INSERT INTO runs (id, scenario_id, engine, seed, scenario_doc, format, results, data, created_at) VALUES (?, ?, '0.1.0', 1, '{}', 'packed-gzip', '{}', ?, ?)`,
    );
    const blob = Buffer.alloc(3 * 1024 * 1024);
    db.transaction(() => {
      for (let i = 0; i < 40; i++) {
        blob.fill(i);
        insert.run(`ballast-${String(i).padStart(4, '0')}-0000`, scenarioId, blob, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
      }
    })();
  } finally {
    db.close();
  }
}

test('a save made while a real restore runs waits, says so, and is stored once the restore is over', async ({ page, app }) => {
  test.setTimeout(240_000);
  const server = await app.start();
  await page.goto(server.url);
  const kept = await call(page, 'scenarios:save', { doc: { schema: 'modulon.scenario/1', name: 'In the backup', duration: '3d', patient: { condition: 'alzheimers' }, interventions: [] } });
  const dataDir = await dataDirOf(page);
  ballast(dataDir, (kept.value as { id: string }).id);
  expect((await call(page, 'backup:create', {})).ok).toBe(true);

  const writer = await page.context().newPage();
  await writer.goto(server.url);
  const answers: string[] = [];
  writer.on('response', (r) => {
    if (r.url().endsWith('/api/scenarios:save')) void r.json().then((j: { ok: boolean; error?: { code: string } }) => answers.push(j.ok ? 'ok' : (j.error?.code ?? '?')));
  });

  for (const [lang, name] of [['en', 'Written during the restore'], ['zh', '恢复期间写下的情景']] as const) {
    if (lang === 'zh') await writer.getByRole('button', { name: '中文' }).click();
    await writer.getByRole('button', { name: lang === 'zh' ? '新建情景' : 'New scenario' }).click();
    await nameField(writer).fill(name);
    answers.length = 0;

    await page.getByTestId('open-settings').click();
    const panel = page.getByTestId('settings');
    await panel.getByTestId('backups').locator('li', { hasText: 'backup' }).filter({ hasNotText: 'before' }).first().getByRole('button').click();
    const restoring = page.waitForRequest((r) => r.url().endsWith('/api/backup:restore'));
    await panel.getByTestId('restore-confirm').getByRole('button', { name: 'Restore', exact: true }).click();
    await restoring;
    await writer.getByRole('button', { name: lang === 'zh' ? '保存' : 'Save', exact: true }).click();

    const waiting = writer.getByTestId('save-waiting');
    await expect(waiting).toBeVisible(SLOW);
    await expect(waiting).toHaveText(lang === 'zh' ? '正在从备份恢复：您的更改尚未保存，恢复完成后会立即自动保存。' : 'A backup is being restored: your changes are not saved yet. They will be saved as soon as the restore has finished.');
    await expect(writer.getByText(lang === 'zh' ? '● 有未保存的更改' : '● unsaved changes')).toBeVisible();
    await writer.screenshot({ path: join(SHOTS, `library-save-waits-for-restore-${lang}.png`) });

    await expect(panel.getByTestId('settings-note')).toContainText(/Restored the backup of|已恢复/, { timeout: 60_000 });
    await expect(waiting).toBeHidden(SLOW);
    await expect(writer.getByText(lang === 'zh' ? '✓ 已保存' : '✓ Saved')).toBeVisible(SLOW);
    expect(answers[0]).toBe('busy');
    expect(answers.at(-1)).toBe('ok');
    // Saved after the restore, so the restored data has it.
    expect(await names(page)).toContain(name);
    await page.keyboard.press('Escape');
  }
  expect(await names(page)).toEqual(['In the backup', '恢复期间写下的情景'].sort());
});

test('Settings keeps the newest N backups; a number out of range is refused with a clear message', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await app.start();
  await page.goto(server.url);
  const dataDir = await dataDirOf(page);
  await page.getByTestId('open-settings').click();
  const panel = page.getByTestId('settings');
  const keep = panel.getByTestId('backup-keep');
  await expect(keep).toHaveValue('10');
  for (const bad of ['0', '101', '2.5', 'ten']) {
    await keep.fill(bad);
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(panel.getByTestId('backup-keep-note')).toHaveText(`“${bad}” is not a number of backups: enter a whole number from 1 to 100.`);
  }
  await expect(keep).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: join(SHOTS, 'settings-keep-invalid-en.png') });
  expect((await call(page, 'settings:get', {})).value).toEqual({ backupKeep: 10 });
  await keep.fill('2');
  await keep.press('Enter');
  await expect(panel.getByTestId('backup-keep-note')).toHaveText('✓ Only the newest 2 backups will be kept.');
  expect((await call(page, 'settings:get', {})).value).toEqual({ backupKeep: 2 });

  // Three backups a second apart: none is a minute old, so all stay (never one of the last minute).
  for (let i = 0; i < 3; i++) {
    await panel.getByTestId('backup-now').click();
    await expect(panel.getByTestId('backups').locator('li')).toHaveCount(i + 1);
  }
  expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(3);

  await panel.getByRole('radio', { name: '中文' }).click();
  await keep.fill('500');
  await panel.getByRole('button', { name: '应用' }).click();
  await expect(panel.getByTestId('backup-keep-note')).toHaveText('“500”不是有效的备份数：请输入 1 到 100 之间的整数。');
  await page.screenshot({ path: join(SHOTS, 'settings-keep-invalid-zh.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await keep.fill('3');
  await panel.getByRole('button', { name: '应用' }).click();
  await expect(panel.getByTestId('backup-keep-note')).toHaveText('✓ 今后只保留最新的 3 个备份。');
  await page.screenshot({ path: join(SHOTS, 'settings-keep-zh-dark.png') });
});

test('when the backend refuses the working copy, this page keeps it and restores it after a reload', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await app.start();
  await page.goto(server.url);
  const dataDir = await dataDirOf(page);
  // A folder where the file should go: the backend cannot write it (the browser's storage takes over).
  mkdirSync(join(dataDir, 'modulon-working-copy.json'));
  await page.getByRole('button', { name: 'New scenario' }).click();
  await nameField(page).fill('Kept by the page');
  await expect(page.getByText('● unsaved changes')).toBeVisible();
  const key = `modulon.workingCopy:${dataDir}`;
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).toContain('Kept by the page');
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await expect(page.getByText(/Unsaved changes from .* were restored\./)).toBeVisible();
  await expect(nameField(page)).toHaveValue('Kept by the page');
  // Once the backend takes it again, the page's copy goes.
  rmSync(join(dataDir, 'modulon-working-copy.json'), { recursive: true });
  await nameField(page).fill('Kept by the data folder');
  await expect.poll(() => existsSync(join(dataDir, 'modulon-working-copy.json'))).toBe(true);
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
});
