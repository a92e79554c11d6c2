// `modulon compare` and `modulon report`: the findings table, the files they write, and exit codes
// (0 success, 2 input naming the file and field or flag, 1 when no Chromium can print the PDF).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chromiumMissing, chromiumPath } from '../reports/pdf.ts';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'modulon-cli-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

function write(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const scenario = (name: string, interventions: unknown[]) => ({
  schema: 'modulon.scenario/1',
  name,
  duration: '3d',
  patient: { condition: 'depression', severity: 'severe', treatmentResistant: true },
  interventions,
});
const ketamine = { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', start: '1d' };
const cbt = { type: 'therapy', kind: 'cbt', every: '1d', start: '1d' };
const alone = write('alone.json', scenario('Ketamine alone', [ketamine]));
const withCbt = write('cbt.json', scenario('Ketamine + CBT', [ketamine, cbt]));

describe('modulon compare', () => {
  it('prints the findings per quantity and arm named after the scenarios, writes the results and the long CSV', async () => {
    const out = await cli('compare', alone, withCbt, '--series', 'scale.madrs,target.NMDA.occupancy', '--at', '1d,2d', '--out', join(dir, 'c.json'), '--csv', join(dir, 'c.csv'));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(EXIT_OK);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('Ketamine alone | Ketamine + CBT — Comparison of 2 arms, reference: Ketamine alone');
    expect(lines).toContain('MADRS depression score (points)');
    expect(lines.find((l) => l.includes('Arm') && l.includes('Start'))).toMatch(/Arm\s+Start\s+Peak \(time\)\s+Steady state\s+Time to effect\s+At day 1\s+At day 2\s+Δ Steady state\s+Thresholds reached/);
    expect(lines.find((l) => l.startsWith('  Ketamine + CBT') && l.includes('≤10'))).toMatch(/−\d/); // lower MADRS than ketamine alone
    expect(out.stdout).toContain('NMDA occupancy (fraction)');
    expect(out.stdout.trimEnd().endsWith('Educational simulation, not for clinical decisions.')).toBe(true);
    const results = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'));
    expect(results.schema).toBe('modulon.comparison-results/1');
    expect(results.arms.map((a: { name: string }) => a.name)).toEqual(['Ketamine alone', 'Ketamine + CBT']);
    expect(results.findings.map((r: { series: string }) => r.series)).toEqual(['scale.madrs', 'target.NMDA.occupancy']);
    const csv = readFileSync(join(dir, 'c.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF#,Modulon,')).toBe(true);
    expect(csv).toContain('\r\ntime_h,arm,series,name,value,unit\r\n0,Ketamine alone,pk.ketamine.plasma,');
  });

  it('runs a comparison file, in Chinese, and repeats no arm name', async () => {
    const file = write('comp.json', { schema: 'modulon.comparison/1', name: '氯胺酮对比', base: scenario('b', [ketamine]), arms: [{ name: '单用氯胺酮' }, { name: '氯胺酮加 CBT', add: [cbt] }], series: ['scale.madrs'] });
    const out = await cli('compare', file, '--lang', 'zh-CN');
    expect(out.code).toBe(EXIT_OK);
    expect(out.stdout).toContain('氯胺酮对比 — 2 组对比, 参照：单用氯胺酮');
    expect(out.stdout).toContain('MADRS 抑郁评分 (points)');
    const twice = await cli('compare', alone, alone);
    expect(twice.code).toBe(EXIT_OK);
    expect(twice.stdout).toContain('\n  Ketamine alone (2) ');
  });

  it.each([
    [['compare', alone], /expected 2 to 6 scenario files or one comparison file, got 1 file/],
    [['compare'], /expected 2 to 6 scenario files/],
    [['compare', alone, 'missing.json'], /missing\.json: cannot read the file \(ENOENT\)/],
    [['compare', alone, write('bad.json', scenario('bad', [{ ...ketamine, dose: '5 kg' }]))], /bad\.json: interventions\[0\]\.dose: expected a dose/],
    [['compare', alone, withCbt, '--series', 'scale.nope'], /compare: --series: unknown series "scale\.nope"/],
    [['compare', alone, withCbt, '--at', 'soon'], /compare: --at: expected a duration/],
    [['compare', alone, withCbt, '--at', '9d'], /compare: --at: expected a time within every arm's run \(up to 72 h\)/],
    [['compare', alone, withCbt, '--reference', 'nobody'], /compare: --reference: expected the name of an arm/],
    [['compare', alone, withCbt, '--lang', 'fr'], /--lang expected en or zh-CN, got "fr"/],
    [['compare', write('c2.json', { schema: 'modulon.comparison/1', name: 'c', base: scenario('b', []), arms: [{ name: 'a' }, { name: 'b', remove: [3] }] })], /c2\.json: arms\[1\]\.remove\[0\]: expected an index/],
  ])('exits 2 with one line naming the file, field or flag: %j', async (args, message) => {
    const out = await cli(...(args as string[]).map((a) => (a === 'missing.json' ? join(dir, a) : a)));
    expect(out.code).toBe(EXIT_INVALID);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(message);
  });
});

describe('modulon report', () => {
  it('writes HTML and CSV of a scenario, in Chinese, and of results written by modulon run', async () => {
    const html = join(dir, 'r.html');
    const out = await cli('report', alone, '--html', html, '--csv', join(dir, 'r.csv'), '--lang', 'zh-CN');
    expect(out).toEqual({ code: EXIT_OK, stdout: '', stderr: '' });
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<html lang="zh-CN">');
    expect(text).toContain('<h2>主要结果</h2>');
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toContain('\r\ntime_h,series,name,value,unit\r\n0,pk.ketamine.plasma,氯胺酮（消旋体）血浆浓度,0,ng/mL\r\n');
    expect((await cli('run', alone, '--out', join(dir, 'results.json'))).code).toBe(EXIT_OK);
    expect((await cli('report', join(dir, 'results.json'), '--html', join(dir, 'r2.html'))).code).toBe(EXIT_OK);
    expect(readFileSync(join(dir, 'r2.html'), 'utf8')).toContain('<h1>Ketamine alone</h1>');
  });

  it('of a comparison file: each arm in words with its variation', async () => {
    const file = write('comp2.json', { schema: 'modulon.comparison/1', name: 'K vs K+CBT', base: scenario('b', [ketamine]), arms: [{ name: 'K' }, { name: 'K+CBT', add: [cbt] }] });
    expect((await cli('report', file, '--html', join(dir, 'c.html'))).code).toBe(EXIT_OK);
    expect(readFileSync(join(dir, 'c.html'), 'utf8')).toContain('Variation of the base scenario: added: CBT (cognitive-behavioural therapy) sessions, every 24 h from day 1');
  });

  it.each([
    [['report', alone], /at least one of --html FILE, --pdf FILE, --csv FILE/],
    [['report', '--html', 'x.html'], /expected exactly one scenario, results or comparison file/],
    [['report', alone, '--html', 'x.html', '--paper', 'a3'], /--paper expected a4 or letter, got "a3"/],
    [['report', alone, '--html', 'x.html', '--chain-at', '1y'], /report: --chain-at: expected a duration/],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const out = await cli(...(args as string[]));
    expect(out.code).toBe(EXIT_INVALID);
    expect(out.stderr).toMatch(message);
  });

  it('without Chromium: the other files written, one line saying what is missing, exit 1', async () => {
    process.env.CHROMIUM_PATH = join(dir, 'no-chromium');
    const pdf = join(dir, 'none.pdf');
    const out = await cli('report', alone, '--html', join(dir, 'kept.html'), '--pdf', pdf);
    expect(out.code).toBe(EXIT_INTERNAL);
    expect(out.stderr).toBe(`modulon: cannot write ${pdf}: PDF export needs Chromium: none found at ${join(dir, 'no-chromium')} (install it, e.g. apt-get install chromium, or set CHROMIUM_PATH to its executable) (the other files were written)\n`);
    expect(existsSync(join(dir, 'kept.html'))).toBe(true);
    expect(existsSync(pdf)).toBe(false);
  });

  it.skipIf(chromiumMissing(chromiumPath()) !== undefined)('writes a PDF through headless Chromium', { timeout: 120_000 }, async () => {
    const pdf = join(dir, 'r.pdf');
    const out = await cli('report', alone, '--pdf', pdf, '--paper', 'letter');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(EXIT_OK);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
