// Accessibility as a keyboard user and a Chinese reader meet it: a visible focus ring on every stop,
// a name on every control, no clipped field or overflow at 1024 px, run warnings in Chinese, and
// the language kept across a reload; screenshots in both languages and themes.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SHOTS = 'test/e2e/screenshots';

/** Controls without an accessible name (label, aria-label, aria-labelledby, title or text). */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
      if (el.closest('[hidden]') || (el as HTMLInputElement).type === 'hidden') continue;
      const named =
        ((el as HTMLInputElement).labels?.length ?? 0) > 0 ||
        !!el.getAttribute('aria-label') ||
        !!el.getAttribute('aria-labelledby') ||
        !!el.getAttribute('title') ||
        (el.tagName === 'BUTTON' && (el.textContent ?? '').trim() !== '');
      if (!named) out.push(el.outerHTML.slice(0, 160));
    }
    return out;
  });
}

/** Fields whose text is cut (content wider than the box) and elements sticking out of the page. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll<HTMLInputElement>('input[type=text], input:not([type]), select')) {
      const r = el.getBoundingClientRect();
      // Free text (a scenario's or a drug's name) may scroll inside its box; values such as doses and times may not.
      if (r.width === 0 || el.value.length > 24) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`cut: ${el.outerHTML.slice(0, 120)} "${el.value}" (${el.scrollWidth} > ${el.clientWidth})`);
    }
    // A select's chosen text against its box less the padding and the arrow (about 20 px).
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const el of document.querySelectorAll<HTMLSelectElement>('select')) {
      if (el.getBoundingClientRect().width === 0) continue;
      const s = getComputedStyle(el);
      ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const text = el.selectedOptions[0]?.text ?? '';
      if (text.length > 40) continue; // a scenario's name (free text), as for the text fields
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 20;
      if (ctx.measureText(text).width > room + 1) out.push(`select cut: "${text}" (${Math.round(ctx.measureText(text).width)} > ${Math.round(room)}) ${el.getAttribute('aria-label') ?? ''}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('button, label, th, h2, h3')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !el.closest('.table-wrap')) out.push(`out of the page: ${el.outerHTML.slice(0, 120)}`);
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) out.push(`button text cut: ${el.textContent}`);
    }
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return out;
  });
}

async function runFirstScenario(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Run|运行)$/ }).first().click();
  await expect(page.locator('canvas').first()).toBeVisible({ timeout: 60_000 });
}

test('every keyboard stop shows a focus ring, the file button included', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Run' }).first()).toBeVisible();
  const missing: string[] = [];
  let sawImport = false;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      // An invisible file input shows its ring on its label.
      const shown = el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'file' ? (el.closest('label') as HTMLElement) : el;
      const s = getComputedStyle(shown);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      return { ring, what: `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`, file: (el as HTMLInputElement).type === 'file' };
    });
    if (!info) continue;
    if (!info.ring) missing.push(info.what);
    if (info.file && !sawImport) {
      sawImport = true;
      await page.locator('.file-button').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/a11y-focus-import.png`, fullPage: false });
    }
  }
  expect(sawImport, 'the Import scenario button is reachable by Tab').toBe(true);
  expect(missing).toEqual([]);
});

for (const [lang, width, scheme] of [['en', 1280, 'light'], ['zh', 1024, 'dark'], ['en', 1024, 'dark'], ['zh', 1280, 'light']] as const) {
  test(`the workbench at ${width} px, ${lang === 'zh' ? 'Chinese' : 'English'}, ${scheme}: every control named, no field cut, nothing overflowing`, async ({ page, app }) => {
    const server = await app.start();
    await page.setViewportSize({ width, height: 860 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url);
    if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('button', { name: lang === 'zh' ? '运行' : 'Run' }).first()).toBeVisible();
    expect(await unnamedControls(page)).toEqual([]);
    // Ketamine by infusion: the longest dose text of the catalogue ("0.5 mg/kg") must show whole.
    await page.getByRole('combobox', { name: /^(Drug|药物)/ }).first().selectOption('ketamine');
    await page.getByRole('combobox', { name: /^(Route|途径)/ }).first().selectOption('iv');
    await page.getByLabel(/^(Dose|剂量) 1$/).fill('0.5 mg/kg');
    expect(await clipped(page)).toEqual([]);
    // Every kind of row the editor can grow, then the same checks.
    for (const name of [/^\+ (Add therapy sessions|添加心理治疗)$/, /^\+ (Add DBS|添加 DBS)$/, /^\+ (Add TMS|添加 TMS)$/, /^\+ (Add tDCS|添加 tDCS)$/, /^\+ (Add ECT|添加 ECT)$/, /^\+ (Add task|添加任务)$/]) {
      await page.getByRole('button', { name }).click();
    }
    await page.getByText(/^(Define your own drug|定义自己的药物)$/).click();
    expect(await unnamedControls(page)).toEqual([]);
    expect(await clipped(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/a11y-workbench-${lang}-${scheme}-${width}.png`, fullPage: true });
    // The compare view, opened from this scenario: the same checks.
    await page.getByRole('button', { name: lang === 'zh' ? '比较' : 'Compare' }).click();
    await expect(page.locator('.compare')).toBeVisible();
    expect(await unnamedControls(page)).toEqual([]);
    expect(await clipped(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/a11y-compare-${lang}-${scheme}-${width}.png`, fullPage: false });
  });
}

test('a run with warnings reads in Chinese, and the language survives a reload', async ({ page, app }) => {
  const server = await app.start();
  await page.goto(server.url);
  await page.getByRole('button', { name: '中文' }).click();
  // A dose far above the label: the engine warns, the page says it in Chinese.
  const dose = page.getByLabel(/^剂量/).first();
  await dose.fill('50 mg');
  await runFirstScenario(page);
  const warnings = page.locator('.warnings');
  await expect(warnings).toContainText('超过说明书最大剂量');
  expect(await warnings.innerText()).not.toMatch(/exceeds|labelled maximum|within 24 h/);
  await warnings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/a11y-warnings-zh.png`, fullPage: false });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1024, height: 800 });
  await warnings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/a11y-warnings-zh-dark-1024.png`, fullPage: false });

  await page.reload();
  await expect(page.getByRole('button', { name: '运行' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '验证' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
});

test('html[data-theme] overrides the system preference both ways', async ({ page, app }) => {
  const server = await app.start();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(server.url);
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await bg()).toBe('rgb(20, 23, 28)');
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  expect(await bg()).toBe('rgb(246, 247, 249)');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  expect(await bg()).toBe('rgb(20, 23, 28)');
});

test('the Settings radio groups move with the arrow keys; the chosen theme and language survive a reload', async ({ page, app }) => {
  const server = await app.start();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const lang = page.getByRole('radiogroup', { name: /Language/ });
  await lang.getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radiogroup', { name: /语言/ }).getByRole('radio', { name: '中文' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('radiogroup', { name: /语言/ }).getByRole('radio', { name: '中文' })).toBeFocused();
  const theme = page.getByRole('radiogroup', { name: /主题/ });
  await theme.getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('End');
  await expect(theme.getByRole('radio').last()).toHaveAttribute('aria-checked', 'true');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await page.screenshot({ path: `${SHOTS}/a11y-settings-arrows-zh-dark.png`, fullPage: false });
  await page.reload();
  await expect(page.getByRole('button', { name: '设置' })).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(20, 23, 28)');
});
