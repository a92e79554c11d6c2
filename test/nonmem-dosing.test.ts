// Dosing records against NONMEM 7.5 (test/fixtures/nonmem-dosing, from mrgsolve/nmtests): 29
// scenarios of boluses, infusions, lag, bioavailability, modelled duration, steady state 1 and 2,
// resets. Every observation row must agree within the printed precision.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src-main/cli/main.ts';
import { describe, expect, it } from 'vitest';
import type { DrugFile } from '../src-engine/drugs/schema.ts';
import type { DoseRecordInput } from '../src-engine/pk/records.ts';
import { parseScenario, type Scenario } from '../src-engine/scenario.ts';
import { run } from '../src-engine/simulate.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'nonmem-dosing');

function table(file: string): Array<Record<string, string>> {
  const [head, ...rows] = readFileSync(join(DIR, file), 'utf8').trim().split(/\r?\n/);
  const names = (head as string).split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [names[i] as string, v])));
}

const q = (value: number, unit: string) => ({ value, unit, source: 'NONMEM ADVAN2 TRANS2 test model (nmtests/dosing README)' }) as never;
/** The reference model: CL 1.1 L/h, V 20 L, KA 1.5 /h, one compartment with first-order absorption. */
const MODEL = {
  id: 'nmtest',
  name: { en: 'NONMEM test drug', zh: 'NONMEM 测试药' },
  class: { en: 'test', zh: '测试' },
  description: { en: 'test', zh: '测试' },
  labelledMaxDailyDose: q(1e5, 'mg/day'),
  routes: { oral: { F: q(1, 'fraction'), ka: q(1.5, '1/h') } },
  pk: { model: 'one-compartment', CL: q(1.1, 'L/h'), V: q(20, 'L'), concentrationUnit: 'ng/mL' },
  targets: {},
  metabolites: [],
} as unknown as DrugFile;

/** NONMEM's record to ours: LAGT and BIOAV apply to compartment 2 only; RATE −2 means D2 = DUR2. */
function toRecord(r: Record<string, string>): DoseRecordInput {
  const num = (k: string) => Number(r[k]);
  const central = num('cmt') === 2;
  const rate = num('rate');
  return {
    time: num('time'),
    amt: num('amt'),
    cmt: central ? 'central' : 'depot',
    ss: num('ss') as 0 | 1 | 2,
    ii: num('ii'),
    addl: num('addl'),
    evid: num('evid') as 1 | 3 | 4,
    ...(rate > 0 ? { rate } : {}),
    ...(rate === -2 && central ? { dur: num('DUR2') } : {}),
    lag: central ? num('LAGT') : 0,
    f: central ? num('BIOAV') : 1,
  };
}

describe('dosing records vs NONMEM 7.5', () => {
  const records = table('records.csv');
  const output = table('nonmem-output.csv');
  const names = new Map(table('scenarios.csv').map((s) => [s.ID, s.descr]));
  const ids = [...new Set(records.map((r) => r.ID as string))];

  it('has the 29 scenarios', () => expect(ids).toHaveLength(29));

  it.each(ids)('scenario %s matches every observation row', (id) => {
    const rows = records.map((r, i) => ({ r, out: output[i]! })).filter(({ r }) => r.ID === id);
    const doses = rows.filter(({ r }) => r.evid !== '0').map(({ r }) => toRecord(r));
    const obs = rows.filter(({ r }) => r.evid === '0');
    const times = obs.map(({ r }) => Number(r.time));
    const parsed = parseScenario({ schema: 'modulon.scenario/1', name: `nmtests ${id}`, duration: `${Math.max(...times) + 1}h`, patient: { condition: 'healthy' } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const scenario = { ...parsed.scenario, interventions: [{ type: 'drug', drug: 'nmtest', route: 'oral', start: '0d', records: doses.map((d) => ({ amt: 0, cmt: 'depot', ii: 0, addl: 0, ss: 0, evid: 1, lag: 0, f: 1, ...d })) }] } as Scenario;
    const results = run(scenario, { lookup: (x) => (x === 'nmtest' ? MODEL : undefined), times, slowLayer: false });
    const s = results.series['pk.nmtest.plasma']!;
    const bad: string[] = [];
    obs.forEach(({ r, out }) => {
      const ref = Number(out.CP);
      const ours = s.v[s.t.indexOf(Number(r.time))]!;
      if (!(Math.abs(ours - ref) <= 6e-5 * Math.abs(ref) + 1e-6)) bad.push(`t=${r.time}: ours ${ours} vs NONMEM ${ref}`);
    });
    expect(bad, `${names.get(id)}: ${bad.slice(0, 5).join('; ')}`).toEqual([]);
  });
});

describe('modulon pk on the NONMEM records, converted to our CSV columns', () => {
  it('prints ID,time,conc matching NONMEM on all 29 scenarios', async () => {
    const records = table('records.csv');
    const output = table('nonmem-output.csv');
    const cols = ['ID', 'time', 'amt', 'cmt', 'rate', 'dur', 'ii', 'addl', 'ss', 'evid', 'lag', 'f'] as const;
    const csv = [cols.join(',')];
    const expected: string[] = [];
    records.forEach((r, i) => {
      if (r.evid === '0') {
        csv.push(`${r.ID},${r.time},.,.,.,.,.,.,.,0,.,.`);
        expected.push(`${r.ID},${r.time},${output[i]!.CP}`);
        return;
      }
      const d = toRecord(r) as Record<string, unknown>;
      csv.push([r.ID, ...cols.slice(1).map((c) => (c === 'cmt' ? (d.cmt === 'central' ? 2 : 1) : (d[c] ?? '.')))].join(','));
    });
    const dir = mkdtempSync(join(tmpdir(), 'modulon-nm-'));
    const file = join(dir, 'records.csv');
    writeFileSync(file, `${csv.join('\n')}\n`);
    let stdout = '';
    const code = await main(['pk', '--model', 'one-compartment-oral', '--CL', '1.1', '--V', '20', '--ka', '1.5', file], { stdout: (t) => (stdout += t), stderr: () => {} });
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n');
    expect(rows[0]).toBe('ID,time,conc');
    // Observations are printed per ID in file order; NONMEM's file is sorted by ID.
    const bad = rows.slice(1).flatMap((row, k) => {
      const [id, t, conc] = row.split(',');
      const [eid, et, ref] = (expected[k] as string).split(',');
      const ok = id === eid && Number(t) === Number(et) && Math.abs(Number(conc) - Number(ref)) <= 6e-5 * Math.abs(Number(ref)) + 1e-6;
      return ok ? [] : [`${row} vs ${expected[k]}`];
    });
    expect(rows.length - 1).toBe(expected.length);
    expect(bad.slice(0, 5)).toEqual([]);
  });
});
