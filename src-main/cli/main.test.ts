// The command line, called in-process and as the real `modulon` binary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'modulon-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

const scenario = {
  schema: 'modulon.scenario/1',
  name: 'Donepezil 10 mg',
  duration: '2w',
  patient: { condition: 'alzheimers' },
  interventions: [{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }],
};

describe('modulon run', () => {
  it('prints the results JSON to stdout', async () => {
    const out = await cli('run', write('ok.json', scenario));
    expect(out.code).toBe(EXIT_OK);
    const results = JSON.parse(out.stdout);
    expect(results.schema).toBe('modulon.results/1');
    // The hourly grid over two weeks (337 points) and the points after each daily dose.
    const t: number[] = results.series['pk.donepezil.plasma'].t;
    expect(t.filter((x) => Number.isInteger(x))).toHaveLength(337);
    expect(t.length).toBeGreaterThan(337);
    expect(out.stderr).toBe('');
  });

  it('writes --out and --csv files', async () => {
    const outFile = join(dir, 'r.json');
    const csvFile = join(dir, 'r.csv');
    const out = await cli('run', write('ok2.json', scenario), '--out', outFile, '--csv', csvFile);
    expect(out.code).toBe(EXIT_OK);
    expect(out.stdout).toBe('');
    expect(JSON.parse(readFileSync(outFile, 'utf8')).engine).toBe('0.1.0');
    expect(readFileSync(csvFile, 'utf8').split('\r\n')[0]).toMatch(/^time_h,pk\.donepezil\.plasma \(ng\/mL\),target\.AChE\.occupancy \(fraction\),target\.AChE_rbc\.inhibition \(fraction\),nt\.dopamine\.striatum \(ratio\),.*scale\.adascog \(points\)/);
  });

  it('exits 2 with one message naming the JSON path for an invalid scenario', async () => {
    const file = write('bad.json', { ...scenario, interventions: [{ ...scenario.interventions[0], dose: '5 kg' }] });
    const out = await cli('run', file);
    expect(out.code).toBe(EXIT_INVALID);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/bad\.json: interventions\[0\]\.dose: expected a dose .* got "5 kg"/);
  });

  it('exits 2 for unreadable files, bad JSON and bad usage', async () => {
    expect((await cli('run', join(dir, 'missing.json'))).stderr).toMatch(/cannot read the file \(ENOENT\)/);
    expect((await cli('run', write('broken.json', '{"schema":'))).code).toBe(EXIT_INVALID);
    expect((await cli('run')).code).toBe(EXIT_INVALID);
    expect((await cli('run', 'a', '--frobnicate')).code).toBe(EXIT_INVALID);
    expect((await cli('fly')).stderr).toMatch(/unknown command "fly"/);
    expect((await cli('serve', '--port', 'x')).stderr).toMatch(/--port expected an integer/);
  });

  it('warns on stderr above the labelled maximum but still runs', async () => {
    const out = await cli('run', write('high.json', { ...scenario, interventions: [{ ...scenario.interventions[0], dose: '40 mg' }] }));
    expect(out.code).toBe(EXIT_OK);
    expect(out.stderr).toMatch(/warning: donepezil: 40 mg within 24 h exceeds the labelled maximum/);
  });

  it('prints the JSON Schema of the scenario format', async () => {
    const out = await cli('schema');
    expect(out.code).toBe(EXIT_OK);
    const schema = JSON.parse(out.stdout);
    expect(schema.$schema).toMatch(/json-schema.org/);
    expect(schema.properties.schema.const).toBe('modulon.scenario/1');
    expect(schema.additionalProperties).toBe(false);
    const drug = schema.properties.interventions.items.oneOf[0];
    expect(drug.properties.drug.examples).toContain('donepezil');
    expect(drug.properties.drug.examples).toHaveLength(15);
    expect(schema.properties.customDrugs.items.properties.CL).toBeDefined();
    expect(drug.properties.records.items.properties.ss).toBeDefined();
    expect(new RegExp(drug.properties.dose.pattern).test('0.5 mg/kg')).toBe(true);
    expect(new RegExp(drug.properties.dose.pattern).test('5 kg')).toBe(false);
    expect(new RegExp(schema.properties.duration.pattern).test('12w')).toBe(true);
  });

  it('prints help for each command', async () => {
    for (const args of [['--help'], ['run', '--help'], ['serve', '--help']]) {
      const out = await cli(...args);
      expect(out.code).toBe(EXIT_OK);
      expect(out.stdout).toMatch(/modulon/);
    }
  });
});

describe('modulon pk', () => {
  it('prints ID,time,conc for observation rows', async () => {
    const file = write('records.csv', 'ID,time,amt,cmt,ii,addl,evid\n7,0,100,1,24,3,1\n7,0,.,2,.,.,0\n7,1,.,2,.,.,0\n');
    const out = await cli('pk', '--model', 'one-compartment-oral', '--CL', '1.1', '--V', '20', '--ka', '1.5', file);
    expect(out.code).toBe(EXIT_OK);
    // Closed form: 100 mg · 1.5 / (20 L · (1.5 − 0.055)) · (e^−0.055 − e^−1.5) · 1000 = 3754.44 ng/mL.
    expect(out.stdout).toBe('ID,time,conc\n7,0,0\n7,1,3754.437652\n');
  });

  it('refuses inconsistent records by row and column, and bad flags, with exit 2', async () => {
    const file = write('bad-records.csv', 'time,amt,cmt,rate,dur,ii,addl\n0,100,1,10,2,,\n1,100,1,,,,3\n');
    const out = await cli('pk', '--model', 'one-compartment-oral', '--CL', '1.1', '--V', '20', '--ka', '1.5', file);
    expect(out.code).toBe(EXIT_INVALID);
    expect(out.stderr).toMatch(/row 2, column dur: rate and dur both given/);
    expect(out.stderr).toMatch(/row 3, column addl: addl without ii/);
    expect((await cli('pk', '--model', 'three-compartment', file)).stderr).toMatch(/--model expected one-compartment-oral or two-compartment-oral/);
    expect((await cli('pk', '--model', 'two-compartment-oral', '--CL', '1', '--V', '2', '--ka', '1', file)).stderr).toMatch(/--Q \(L\/h\) is required/);
    expect((await cli('pk', '--model', 'one-compartment-oral', '--CL=-1', '--V', '2', '--ka', '1', file)).stderr).toMatch(/--CL expected a number greater than 0/);
  });
});

describe('the modulon binary', () => {
  const bin = join(import.meta.dirname, 'bin.cjs');

  it('runs a scenario through the bin entry with exit code 0', () => {
    const res = spawnSync(process.execPath, [bin, 'run', write('bin.json', scenario)], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).schema).toBe('modulon.results/1');
  });

  it('exits 2 with the path on stderr for an invalid scenario', () => {
    const res = spawnSync(process.execPath, [bin, 'run', write('bin-bad.json', { ...scenario, duration: 'NaN' })], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/duration: expected a duration/);
  });
});
