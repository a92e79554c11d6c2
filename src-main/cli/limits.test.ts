// The command line at its limits (issue 14): large record files run in linear time, files beyond
// the limit and files full of errors are refused in a few lines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'modulon-cli-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const ONE = ['--model', 'one-compartment-oral', '--CL', '1.1', '--V', '20', '--ka', '1.5'];

describe('modulon pk with many records', () => {
  it('runs 150,000 observation rows (Math.max(...rows) overflowed the stack from ~130,000), in closed-form agreement', async () => {
    const n = 150_000;
    const lines = ['time,amt,evid', '0,100,1'];
    for (let i = 1; i < n; i++) lines.push(`${i / 1000},.,0`);
    const start = performance.now();
    const out = await cli('pk', ...ONE, write('big.csv', `${lines.join('\n')}\n`));
    const ms = performance.now() - start;
    expect(out.stderr).toBe('');
    expect(out.code).toBe(EXIT_OK);
    const rows = out.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(n);
    // 100 mg oral, F = 1: C = D·ka/(V·(ka − ke))·(e^−ke·t − e^−ka·t), ke = CL/V; mg/L → ng/mL.
    const ke = 1.1 / 20;
    const closed = (t: number) => ((100 * 1.5) / (20 * (1.5 - ke))) * (Math.exp(-ke * t) - Math.exp(-1.5 * t)) * 1000;
    for (const row of [rows[1000], rows[20_000], rows[n - 1]]) {
      const [, t, c] = row!.split(',').map(Number);
      expect(Math.abs(c! - closed(t!)) / closed(t!)).toBeLessThan(1e-4);
    }
    // Linear: ~1.5 s here; looking each row up with indexOf took minutes at this size.
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('refuses a file beyond 200,000 rows in one line that says what to do', async () => {
    const file = write('huge.csv', `time\n${'0\n'.repeat(200_000)}`);
    const out = await cli('pk', ...ONE, file);
    expect(out).toEqual({ code: EXIT_INVALID, stdout: '', stderr: `modulon: ${file}: row 200001: expected at most 200,000 rows (header included), got 200,001; split the file, by ID, into smaller ones\n` });
  });

  it('lists the first 20 errors of a file full of them, then how many more', async () => {
    const rows = 150_000;
    const file = write('bad.csv', `time,amt,ii\n${'x,y,z\n'.repeat(rows)}`);
    const out = await cli('pk', ...ONE, file);
    expect(out.code).toBe(EXIT_INVALID);
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(`modulon: ${file}: row 2, column time: expected a number, got "x"`);
    expect(lines[1]).toBe(`${file}: row 3, column time: expected a number, got "x"`);
    expect(lines[20]).toBe(`... and ${(rows - 20).toLocaleString('en')} more errors (fix these first)`);
  });
});
