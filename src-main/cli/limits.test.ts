// The command line at its limits (issue 14): large record files run in linear time, files beyond
// the limit and files full of errors are refused in a few lines, and problems of the user's setup
// (a folder, a port, a closed pipe) are said in one line, not as internal errors.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
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

describe('the user’s setup, in one line with exit 2', () => {
  const scenario = { schema: 'modulon.scenario/1', name: 'x', duration: '1d', patient: { condition: 'healthy' }, interventions: [] };

  it('reads a scenario file that starts with a byte-order mark (as Windows editors write it)', async () => {
    const file = write('bom.json', `\uFEFF${JSON.stringify(scenario)}`);
    const out = await cli('run', file, '--out', join(dir, 'bom-results.json'));
    expect(out).toEqual({ code: EXIT_OK, stdout: '', stderr: '' });
  });

  it('names the missing folder of --out, and a folder given as a file', async () => {
    const file = write('s.json', JSON.stringify(scenario));
    const missing = join(dir, 'no-such-folder', 'r.json');
    expect(await cli('run', file, '--out', missing)).toEqual({
      code: EXIT_INVALID,
      stdout: '',
      stderr: `modulon: cannot write ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist; create it first or write elsewhere (ENOENT)\n`,
    });
    expect((await cli('run', file, '--out', join(dir, 'r.json'), '--csv', dir)).stderr).toBe(`modulon: cannot write ${dir}: it is a folder; give a file name (EISDIR)\n`);
    const pk = await cli('pk', ...ONE, '--out', missing, write('one.csv', 'time,amt,evid\n0,1,1\n1,.,0\n'));
    expect(pk.code).toBe(EXIT_INVALID);
  });

  it('refuses a data path that is a file, and a port in use', async () => {
    const file = write('data-file', 'x');
    const asData = await cli('serve', '--data', file);
    expect(asData.code).toBe(EXIT_INVALID);
    expect(asData.stderr).toMatch(new RegExp(`^modulon: the data folder ${file} is a file, or inside one, not a folder; choose another data folder .*\\n$`));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const busy = await cli('serve', '--port', String(port), '--data', join(dir, 'data'));
      expect(busy).toEqual({ code: EXIT_INVALID, stdout: '', stderr: `modulon: serve: port ${port} is in use (another Modulon, or another program); choose another with --port N (MODULON_PORT for npm start), or 0 for a free one\n` });
    } finally {
      taken.close();
    }
  });

  it('stops quietly, with status 0, when the reader closes the pipe (modulon run x.json | head)', async () => {
    const file = write('pipe.json', JSON.stringify({ ...scenario, duration: '12w' }));
    const child = spawn(process.execPath, [join(import.meta.dirname, 'bin.cjs'), 'run', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  }, 30_000);
});
