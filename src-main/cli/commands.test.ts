// The command line's pk, explain, schema and help commands: closed-form numbers, every refusal
// with exit 2 and its message. (`modulon validate` is tested with the validation suite.)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTICE } from '../../src-engine/contract/app-api.ts';
import { ENGINE_VERSION } from '../../src-engine/index.ts';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, main } from './main.ts';
import { electronExecutable } from './start.ts';

const dir = mkdtempSync(join(tmpdir(), 'modulon-cli-commands-'));
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

const ONE = ['--model', 'one-compartment-oral', '--CL', '1.1', '--V', '20', '--ka', '1.5'];
const rows = (stdout: string) => stdout.trim().split('\n').slice(1).map((r) => r.split(',').map(Number));

describe('modulon pk, two compartments', () => {
  // IV bolus of 100 mg into the central compartment (cmt 2): biexponential with
  // k10 = CL/V, k12 = Q/V, k21 = Q/V2; α, β the roots of s² − (k10 + k12 + k21)s + k10·k21.
  const CL = 6, V = 20, Q = 10, V2 = 80;
  const biexp = (t: number, q = Q, v2 = V2) => {
    const k10 = CL / V, k12 = q / V, k21 = q / v2;
    const sum = k10 + k12 + k21;
    const disc = Math.sqrt(sum * sum - 4 * k10 * k21);
    const a = (sum + disc) / 2, b = (sum - disc) / 2;
    return (100 / V) * 1000 * (((a - k21) / (a - b)) * Math.exp(-a * t) + ((k21 - b) / (a - b)) * Math.exp(-b * t));
  };
  const TIMES = [0, 0.5, 1, 2, 4, 8, 24, 48];

  it('prints the biexponential of an IV bolus: Q and V2 each where they belong', async () => {
    const csv = ['time,amt,cmt,evid', '0,100,2,1', ...TIMES.map((t) => `${t},.,2,0`)].join('\n');
    const out = await cli('pk', '--model', 'two-compartment-oral', '--CL', `${CL}`, '--V', `${V}`, '--Q', `${Q}`, '--V2', `${V2}`, '--ka', '1', write('two.csv', csv));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(EXIT_OK);
    const got = rows(out.stdout);
    expect(got.map((r) => r[1])).toEqual(TIMES);
    for (const [, t, c] of got) expect(Math.abs(c! - biexp(t!)) / biexp(t!)).toBeLessThan(1e-6);
    // Swapping Q and V2 moves the distribution phase far outside that tolerance.
    expect(Math.abs(biexp(4, V2, Q) - biexp(4)) / biexp(4)).toBeGreaterThan(0.1);
  });

  it('applies --F to depot doses only', async () => {
    const csv = ['time,amt,cmt,evid', '0,100,1,1', '0,100,2,1', '2,.,2,0'].join('\n');
    const whole = rows((await cli('pk', ...ONE, write('f1.csv', csv))).stdout)[0]![2]!;
    const depotOnly = rows((await cli('pk', ...ONE, write('f2.csv', ['time,amt,cmt,evid', '0,100,1,1', '2,.,2,0'].join('\n')))).stdout)[0]![2]!;
    const half = rows((await cli('pk', ...ONE, '--F', '0.5', write('f3.csv', csv))).stdout)[0]![2]!;
    expect(half).toBeCloseTo(whole - depotOnly / 2, 4);
  });
});

describe('modulon pk, input and output', () => {
  it('prints each ID’s observations in file order, skips IDs without any, and notes ignored columns', async () => {
    const csv = ['ID,time,amt,cmt,evid,DV', '3,0,.,2,0,.', '1,0,100,1,1,.', '1,1,.,2,0,.', '1,2,.,2,0,3.1', '2,0,50,2,1,.'].join('\n');
    const out = await cli('pk', ...ONE, write('ids.csv', csv));
    expect(out.code).toBe(EXIT_OK);
    expect(out.stderr).toBe(`modulon: note: ${join(dir, 'ids.csv')}: columns ignored: dv\n`);
    expect(out.stdout.split('\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['ID,time', '3,0', '1,1', '1,2', '']);
    expect(out.stdout.split('\n')[1]).toBe('3,0,0');
  });

  it('writes --out instead of stdout', async () => {
    const file = join(dir, 'pk-out.csv');
    const out = await cli('pk', ...ONE, '--out', file, write('o.csv', 'time,amt,evid\n0,100,1\n1,.,0\n'));
    expect(out).toEqual({ code: EXIT_OK, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe('ID,time,conc\n1,1,3754.437652\n');
  });

  it('prints its help', async () => {
    const out = await cli('pk', '--help');
    expect(out.code).toBe(EXIT_OK);
    expect(out.stdout).toMatch(/^modulon pk --model one-compartment-oral/);
  });

  it.each([
    ['no file', [...ONE], /^modulon: pk: expected exactly one records CSV file/],
    ['two files', [...ONE, 'a.csv', 'b.csv'], /^modulon: pk: expected exactly one records CSV file/],
    ['no model', ['--CL', '1', '--V', '1', '--ka', '1', 'x.csv'], /^modulon: pk: --model expected one-compartment-oral or two-compartment-oral, got ""/],
    ['a missing CL', ['--model', 'one-compartment-oral', '--V', '1', '--ka', '1', 'x.csv'], /^modulon: pk: --CL \(L\/h\) is required for one-compartment-oral/],
    ['a missing V', ['--model', 'one-compartment-oral', '--CL', '1', '--ka', '1', 'x.csv'], /^modulon: pk: --V \(L\) is required/],
    ['a missing ka', ['--model', 'one-compartment-oral', '--CL', '1', '--V', '1', 'x.csv'], /^modulon: pk: --ka \(1\/h\) is required/],
    ['a missing V2', ['--model', 'two-compartment-oral', '--CL', '1', '--V', '1', '--ka', '1', '--Q', '1', 'x.csv'], /^modulon: pk: --V2 \(L\) is required for two-compartment-oral/],
    ['a zero V', ['--model', 'one-compartment-oral', '--CL', '1', '--V', '0', '--ka', '1', 'x.csv'], /^modulon: pk: --V expected a number greater than 0 \(L\), got "0"/],
    ['a text ka', ['--model', 'one-compartment-oral', '--CL', '1', '--V', '1', '--ka', 'fast', 'x.csv'], /^modulon: pk: --ka expected a number greater than 0 \(1\/h\), got "fast"/],
    ['an infinite Q', ['--model', 'two-compartment-oral', '--CL', '1', '--V', '1', '--ka', '1', '--Q', 'Infinity', '--V2', '1', 'x.csv'], /--Q expected a number greater than 0/],
    ['Q with one compartment', [...ONE, '--Q', '1', 'x.csv'], /^modulon: pk: --Q and --V2 belong to --model two-compartment-oral/],
    ['V2 with one compartment', [...ONE, '--V2', '1', 'x.csv'], /^modulon: pk: --Q and --V2 belong to --model two-compartment-oral/],
    ['F above 1', [...ONE, '--F', '1.5', 'x.csv'], /^modulon: pk: --F expected a fraction from 0 to 1, got 1\.5/],
    ['an unknown flag', [...ONE, '--frob', 'x.csv'], /^modulon: pk: .*frob.* \(see modulon pk --help\)/],
    ['a missing file', [...ONE, join(dir, 'nope.csv')], /nope\.csv: cannot read the file \(ENOENT\)/],
  ])('refuses %s with exit 2 and one message', async (_what, args, message) => {
    const out = await cli('pk', ...args);
    expect(out.code).toBe(EXIT_INVALID);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });

  it('names the file, row and column of each bad record, and the ID of a record the scenario refuses', async () => {
    const bad = write('bad.csv', 'time,amt\n0,-5\n1,x\n');
    const out = await cli('pk', ...ONE, bad);
    expect(out).toEqual({ code: EXIT_INVALID, stdout: '', stderr: `modulon: ${bad}: row 2, column amt: expected amt (mg) ≥ 0\n${bad}: row 3, column amt: expected a number, got "x"\n` });
    // A rate above 100 g/h passes the CSV checks and is refused by the scenario, per ID.
    const fast = write('fast.csv', 'ID,time,amt,cmt,rate,evid\n4,0,1,2,200000,1\n4,1,.,2,.,0\n');
    const refused = await cli('pk', ...ONE, fast);
    expect(refused).toEqual({ code: EXIT_INVALID, stdout: '', stderr: `modulon: ${fast}: ID 4: interventions[0].records[0].rate: expected a rate of at most 100000 mg/h, got 200000\n` });
  });
});

describe('modulon explain', () => {
  const scenario = { schema: 'modulon.scenario/1', name: 'x', duration: '3d', patient: { condition: 'alzheimers' }, interventions: [{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }] };

  it('prints the chain behind a readout, with the notice', async () => {
    const out = await cli('explain', write('e.json', scenario), '--readout', 'scale.adascog', '--at', '2d');
    expect(out.code).toBe(EXIT_OK);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('Why scale.adascog at 2d:');
    expect(lines[1]).toMatch(/^ {2}dose {9}donepezil 10 mg oral \(0 h ago\)$/);
    const plasma = lines.find((l) => l.includes('pk.donepezil.plasma'))!;
    const target = lines.find((l) => l.includes('target.AChE.occupancy'))!;
    expect(plasma).toMatch(/^ {2}plasma {7}pk\.donepezil\.plasma +\d+(\.\d+)? ng\/mL {5}\(start 0\)$/);
    // Columns line up: names padded to 36, values right-aligned in 8, units padded to 9.
    expect(plasma.indexOf(' ng/mL')).toBe(target.indexOf(' fraction'));
    expect(plasma.indexOf('(start')).toBe(target.indexOf('(start'));
    expect(lines.at(-4)).toMatch(/^ {2}readout {6}scale\.adascog +\d+\.\d points {4}\(start \d+\.\d\)$/);
    expect(out.stdout.endsWith(`\n\n${NOTICE.en}\n`)).toBe(true);
  });

  it('prints the chain as JSON with --json', async () => {
    const out = await cli('explain', write('e2.json', scenario), '--readout', 'scale.adascog', '--at', '36h', '--json');
    expect(out.code).toBe(EXIT_OK);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({ engine: ENGINE_VERSION, readout: 'scale.adascog', t: 36, notice: NOTICE.en });
    expect(json.links[0]).toMatchObject({ layer: 'dose', name: 'donepezil 10 mg oral', value: 12 });
    expect(json.links.at(-1)).toMatchObject({ layer: 'readout', name: 'scale.adascog' });
  });

  it.each([
    ['no scenario', ['--readout', 'scale.adascog', '--at', '1d'], /^modulon: explain: expected exactly one scenario file/],
    ['no readout', ['s.json', '--at', '1d'], /^modulon: explain: --readout is required, one of .*scale\.adascog/],
    ['no time', ['s.json', '--readout', 'scale.adascog'], /^modulon: explain: --at expected a duration such as "40min".*, got ""/],
    ['a bad time', ['s.json', '--readout', 'scale.adascog', '--at', 'soon'], /^modulon: explain: --at expected a duration .*, got "soon"/],
  ])('refuses %s with exit 2', async (_what, args, message) => {
    const out = await cli('explain', ...args);
    expect(out.code).toBe(EXIT_INVALID);
    expect(out.stderr).toMatch(message);
  });

  it('refuses a readout it cannot explain and a time outside the run', async () => {
    const file = write('e3.json', scenario);
    expect((await cli('explain', file, '--readout', 'pk.donepezil.plasma', '--at', '1d')).stderr).toMatch(/^modulon: explain: expected a readout to explain, one of /);
    expect((await cli('explain', file, '--readout', 'scale.adascog', '--at', '4d')).stderr).toMatch(/^modulon: explain: expected a time within the run \(0–72 h\), got 96/);
  });

  it('prints its help', async () => {
    expect((await cli('explain', '--help')).stdout).toMatch(/^modulon explain <scenario\.json> --readout/);
  });
});

describe('modulon: top level', () => {
  it('prints the version and the help', async () => {
    expect(await cli('--version')).toEqual({ code: EXIT_OK, stdout: `${ENGINE_VERSION}\n`, stderr: '' });
    for (const args of [[], ['--help'], ['-h'], ['help']]) {
      const out = await cli(...args);
      expect(out.code).toBe(EXIT_OK);
      expect(out.stdout).toMatch(/^modulon \d+\.\d+\.\d+ — a what-if lab/);
      expect(out.stdout).toContain(NOTICE.en);
      expect(out.stdout).toContain('Exit codes: 0 success, 2 invalid input, 1 internal error.');
    }
    for (const command of ['run', 'serve', 'validate']) expect((await cli(command, '--help')).stdout).toMatch(new RegExp(`^modulon ${command}`));
  });

  it('runs exactly one scenario file', async () => {
    expect(await cli('run', 'a.json', 'b.json')).toEqual({ code: EXIT_INVALID, stdout: '', stderr: 'modulon: run: expected exactly one scenario file (see modulon run --help)\n' });
  });

  it('refuses arguments to schema and unknown commands with exit 2', async () => {
    expect(await cli('schema', 'extra')).toEqual({ code: EXIT_INVALID, stdout: '', stderr: 'modulon: schema: expected "scenario" (the default) or "results", got "extra"\n' });
    expect(await cli('schema', 'results', 'x')).toMatchObject({ code: EXIT_INVALID });
    const results = JSON.parse((await cli('schema', 'results')).stdout);
    expect(results.title).toBe('modulon.results/1');
    expect(results.properties.spectra.additionalProperties.required).toEqual(['unit', 'f', 't', 'power']);
    expect(JSON.parse((await cli('schema')).stdout)).toEqual(JSON.parse((await cli('schema', 'scenario')).stdout));
    const out = await cli('frobnicate');
    expect(out).toEqual({ code: EXIT_INVALID, stdout: '', stderr: 'modulon: unknown command "frobnicate"; expected run, serve, pk, explain, compare, report, validate, schema or examples (see modulon --help)\n' });
  });

  it('refuses a scenario that is not JSON, naming the file', async () => {
    const file = write('broken.json', '{"schema":');
    const out = await cli('run', file);
    expect(out.code).toBe(EXIT_INVALID);
    expect(out.stderr).toMatch(new RegExp(`^modulon: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(`));
  });

  it('lists how many more errors an invalid scenario has, by path', async () => {
    const file = write('two-errors.json', { schema: 'modulon.scenario/1', name: '', duration: 'x', patient: { condition: 'healthy' } });
    const out = await cli('run', file);
    expect(out.code).toBe(EXIT_INVALID);
    expect(out.stderr).toBe(`modulon: ${file}: name: expected a non-empty name (and 1 more: duration)\n`);
  });

  it('runs a device scenario from a file: DBS and probes reach the results, a refused setting names its field', async () => {
    const doc = { schema: 'modulon.scenario/1', name: 'DBS', duration: '1d', patient: { condition: 'parkinsons' }, probes: { every: '12h' }, interventions: [{ type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 2.5, start: '0d' }] };
    const out = await cli('run', write('dbs.json', doc));
    expect(out.code).toBe(EXIT_OK);
    const results = JSON.parse(out.stdout);
    expect(results.series['lfp.stn.beta'].v.at(-1)).toBeLessThan(1.5);
    expect(results.series['eeg.alpha'].t).toEqual([0, 12, 24]);
    expect(results.spectra['lfp.stn'].power).toHaveLength(3);
    expect(results.events[0]).toMatchObject({ kind: 'device', device: 'dbs' });
    const refused = await cli('run', write('dbs-bad.json', { ...doc, interventions: [{ ...doc.interventions[0], pulseWidthUs: 450, amplitudeV: 10.5 }] }));
    expect(refused.code).toBe(EXIT_INVALID);
    expect(refused.stderr).toMatch(/interventions\[0\]\.amplitudeV: .*Shannon/);
  });

  it('refuses serve arguments before starting anything', async () => {
    expect((await cli('serve', 'extra')).stderr).toBe('modulon: serve: unexpected argument "extra"\n');
    for (const port of ['-1', '65536', '1.5']) expect((await cli('serve', `--port=${port}`)).stderr).toBe(`modulon: serve: --port expected an integer from 0 to 65535, got "${port}"\n`);
  });

  it('reports an internal error with exit 1 and its stack', async () => {
    let err = '';
    const out = await main(['run', write('ok.json', { schema: 'modulon.scenario/1', name: 'x', duration: '1d', patient: { condition: 'healthy' } })], {
      stdout: () => {
        throw new Error('stdout closed');
      },
      stderr: (t) => void (err += t),
    });
    expect(out).toBe(EXIT_INTERNAL);
    expect(err).toMatch(/^modulon: internal error: Error: stdout closed\n {4}at /);
  });
});

describe('npm start', () => {
  it('finds the Electron binary only where its path file and executable both exist', () => {
    const root = join(dir, 'root');
    const electron = join(root, 'node_modules', 'electron');
    expect(electronExecutable(root)).toBeUndefined();
    // path.txt names the executable inside dist/.
    mkdirSync(join(electron, 'dist'), { recursive: true });
    writeFileSync(join(electron, 'path.txt'), 'electron\n');
    expect(electronExecutable(root)).toBeUndefined();
    writeFileSync(join(electron, 'dist', 'electron'), '');
    expect(electronExecutable(root)).toBe(join(electron, 'dist', 'electron'));
  });
});
