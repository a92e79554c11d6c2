// Settings in web mode (issue 14): language and theme kept across a reload, the data folder shown
// read-only, Backup now (path and size), Restore from the list after a confirmation (the current
// data backed up first, the app's lists reloaded), and a damaged backup refused with the data
// intact. Screenshots of the panel in both languages and both themes go to test/e2e/screenshots/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');

const doc = (name: string) => ({
  schema: 'modulon.scenario/1',
  name,
  duration: '3d',
  patient: { condition: 'alzheimers' },
  interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', every: '24h' }],
});

/** Calls the page's own API with its token (the scenarios are made here, not through the editor). */
async function call(page: Page, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  return page.evaluate(
    async ([m, i]) => {
      const token = sessionStorage.getItem('modulon.token');
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(i) });
      return res.json();
    },
    [method, input] as const,
  );
}

async function openSettings(page: Page) {
  await page.getByTestId('open-settings').click();
  const panel = page.getByTestId('settings');
  await expect(panel).toBeVisible();
  return panel;
}

const names = async (page: Page) => ((await call(page, 'scenarios:list', {})).value as Array<{ name: string }>).map((s) => s.name).sort();

test('language and theme persist, the data folder is shown read-only in web mode', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  let panel = await openSettings(page);
  await expect(panel.getByTestId('data-folder')).toContainText('modulon-e2e-');
  await expect(panel).toContainText('cannot be changed from here');
  await expect(panel.getByRole('button', { name: /Choose another folder/ })).toHaveCount(0);

  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  await panel.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(panel.getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  await panel.getByRole('radio', { name: '中文' }).click();
  await expect(panel.getByRole('heading', { name: '设置' })).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  panel = await openSettings(page);
  await expect(panel.getByRole('radio', { name: '深色' })).toHaveAttribute('aria-checked', 'true');
  await panel.getByRole('radio', { name: '浅色' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await panel.getByRole('radio', { name: '跟随系统' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  // Escape closes the panel.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('backup now, restore a backup after confirming, and a damaged backup refused with the data intact', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await app.start();
  await page.goto(server.url);
  expect((await call(page, 'scenarios:save', { doc: doc('Before the backup') })).ok).toBe(true);

  let panel = await openSettings(page);
  const dataDir = (await panel.getByTestId('data-folder').textContent())!.trim();
  await expect(panel).toContainText('No backups yet.');
  await panel.getByTestId('backup-now').click();
  const made = panel.getByTestId('backup-made');
  await expect(made).toContainText(`Backup written: ${join(dataDir, 'backups', 'modulon-manual-')}`);
  await expect(made).toContainText(/\(\d+(\.\d)? KB\)/);
  await expect(panel.getByTestId('backups').locator('li')).toHaveCount(1);
  await page.keyboard.press('Escape');

  expect((await call(page, 'scenarios:save', { doc: doc('After the backup') })).ok).toBe(true);
  expect(await names(page)).toEqual(['After the backup', 'Before the backup']);

  // Restore: asked first; Cancel changes nothing.
  panel = await openSettings(page);
  const row = panel.getByTestId('backups').locator('li').first();
  await row.getByRole('button', { name: 'Restore…' }).click();
  const confirm = panel.getByTestId('restore-confirm');
  await expect(confirm).toContainText('A backup of the current data is made first');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await names(page)).toEqual(['After the backup', 'Before the backup']);

  await row.getByRole('button', { name: 'Restore…' }).click();
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  const note = panel.getByTestId('settings-note');
  await expect(note).toContainText('Restored the backup of');
  await expect(note).toContainText(join(dataDir, 'backups', 'modulon-before-restore-'));
  expect(await names(page)).toEqual(['Before the backup']);
  // The app reloaded its lists: the sidebar no longer offers the scenario saved after the backup.
  await expect(page.locator('aside')).toContainText('Before the backup');
  await expect(page.locator('aside')).not.toContainText('After the backup');
  // The safety copy is listed beside the backup.
  await expect(panel.getByTestId('backups').locator('li')).toHaveCount(2);
  await expect(panel.getByTestId('backups')).toContainText('before a restore');
  await page.keyboard.press('Escape');

  // A damaged file among the backups: refused with the reason, the current data untouched.
  writeFileSync(join(dataDir, 'backups', 'modulon-manual-2030-01-01T00-00-00-000Z.sqlite3'), 'not a database at all '.repeat(300));
  panel = await openSettings(page);
  const damaged = panel.getByTestId('backups').locator('li').first();
  await expect(damaged).toContainText('2030');
  await damaged.getByRole('button', { name: 'Restore…' }).click();
  await panel.getByTestId('restore-confirm').getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(panel.getByTestId('settings-note')).toContainText(/^Restore refused: the backup .*modulon-manual-2030.* is not a readable Modulon database .*; nothing was restored$/);
  expect(await names(page)).toEqual(['Before the backup']);
  await page.screenshot({ path: join(SHOTS, 'settings-restore-refused.png') });
});

test('screenshots of the panel in both languages and both themes', async ({ page, app }) => {
  test.setTimeout(120_000);
  const server = await app.start();
  await page.goto(server.url);
  expect((await call(page, 'backup:create', {})).ok).toBe(true);
  for (const [lang, theme] of [['en', 'light'], ['en', 'dark'], ['zh', 'light'], ['zh', 'dark']] as const) {
    await page.evaluate(([l, t]) => {
      localStorage.setItem('modulon.lang', l);
      localStorage.setItem('modulon.theme', t);
    }, [lang, theme] as const);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const panel = await openSettings(page);
    const rows = panel.getByTestId('backups').locator('li');
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();
    await panel.getByTestId('backup-now').click();
    await expect(panel.getByTestId('backup-made')).toContainText(lang === 'zh' ? '已写入备份' : 'Backup written');
    await expect(rows).toHaveCount(before + 1);
    await panel.getByTestId('backups').locator('li').first().getByRole('button').click();
    await expect(panel.getByTestId('restore-confirm')).toBeVisible();
    await page.screenshot({ path: join(SHOTS, `settings-${lang}-${theme}.png`) });
  }
  // The header at 1024 px with the Settings entry: nothing wraps or is cut.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: join(SHOTS, 'settings-header-1024-zh.png'), clip: { x: 0, y: 0, width: 1024, height: 120 } });
  await page.evaluate(() => localStorage.setItem('modulon.lang', 'en'));
  await page.reload();
  await page.screenshot({ path: join(SHOTS, 'settings-header-1024-en.png'), clip: { x: 0, y: 0, width: 1024, height: 120 } });
  const button = page.getByTestId('open-settings');
  expect((await button.boundingBox())!.height).toBeLessThan(45);
  expect(await button.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
});
