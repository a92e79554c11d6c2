// The custom-drug and dosing-record parsers' messages reach the editor in Chinese: bad input for
// every field of the custom drug (as the backend's save passes zod's messages through, and as a
// scenario's customDrugs report them), broken CSV files and records inside a scenario; and a
// tripwire that counts the parsers' message words so a new message cannot land without a pattern.
import { describe, expect, it } from 'vitest';
import { customDrugSchema } from '../../src-engine/drugs/custom.ts';
import { formatCsvError, parseRecordsCsv } from '../../src-engine/pk/records-csv.ts';
import { parseScenario } from '../../src-engine/scenario.ts';
import { localise, patternOf } from './messages.ts';

const good = { id: 'my-drug', name: 'My drug', model: 'one-compartment', routes: ['oral'], CL: { value: 30, unit: 'L/h' }, V: { value: 500, unit: 'L' }, ka: { value: 1, unit: '1/h' }, F: 1, targets: {} };
const SERT = (t: Record<string, unknown>) => ({ targets: { SERT: { potency: { value: 5, unit: 'ng/mL' }, ...t } } });

/** One change to a valid drug per refusal: each field of the form, wrong in each way the parser tells apart. */
const BAD_DRUGS: Array<Record<string, unknown>> = [
  { id: 'X' }, { name: '' }, { name: 'n'.repeat(100) }, { model: 'three' }, { routes: [] }, { routes: ['skin'] }, { routes: ['oral', 'oral'] },
  { CL: undefined }, { CL: { value: Number.NaN, unit: 'L/h' } }, { CL: { value: 'a', unit: 'L/h' } }, { CL: { value: -1, unit: 'L/h' } }, { CL: { value: 1e6, unit: 'L/h' } }, { CL: { value: 1, unit: 'mL' } }, { CL: 5 },
  { V: { value: 0, unit: 'L' } }, { ka: undefined }, { ka: { value: 2000, unit: '1/h' } }, { ka: { value: 50, unit: '1/h' } }, { F: 2 }, { F: Number.NaN }, { F: 'x' },
  { lag: { value: -1, unit: 'h' } }, { lag: { value: 100, unit: 'h' } }, { transit: 1.5 }, { transit: 30 }, { transit: Number.NaN },
  { model: 'two-compartment' }, { Q: { value: 1, unit: 'L/h' } }, { model: 'two-compartment', Q: { value: 1000, unit: 'L/h' }, V2: { value: 10, unit: 'L' } },
  { ke0: { value: 0, unit: '1/h' } }, { ke0: { value: 30, unit: '1/h' } }, { CL: { value: 0.0001, unit: 'L/h' }, V: { value: 90000, unit: 'L' } },
  SERT({ potency: { value: Number.NaN, unit: 'ng/mL' } }), SERT({ potency: { value: 1e-9, unit: 'ng/mL' } }), SERT({ potency: undefined }),
  SERT({ emax: 2 }), SERT({ emax: Number.NaN }), SERT({ hill: 9 }), SERT({ hill: Number.NaN }),
  { targets: { FOO: { potency: { value: 5, unit: 'ng/mL' } } } }, { surprise: 1 }, { wear: { value: 1000, unit: 'h' } }, { maxDailyDose: { value: 0, unit: 'mg/day' } },
  { description: 'd'.repeat(3000) }, { CL: { value: 30, unit: 'L/h', source: 's'.repeat(600) } },
];

/** Broken CSV files, one refusal each (header row 1). */
const BAD_CSV = [
  'time\n', 'amt\n0', 'time,amt\nx,5', 'time,amt\n,5', 'time,amt\n5,1\n1,1', 'time,amt,cmt\n0,5,9', 'time,amt,rate\n0,5,-2', 'time,amt,rate,dur\n0,5,1,1',
  'time,amt,addl\n0,5,3', 'time,amt,evid\n0,5,3', 'time,amt,ss\n0,5,1', 'time,amt,ii\n0,5,0.001', 'time,amt,ii,ss,lag\n0,5,1,1,100', 'time,amt,f\n0,5,20',
  'time,amt,ss\n0,5,7', 'time,amt,evid\n0,5,9', 'time,amt,addl\n0,5,1.5', 'time,amt,lag\n0,5,-1', 'time,amt,ii,addl\n0,5,24,200000', 'time,amt,evid\n0,0,1',
];

/** Records inside a scenario (the JSON form of the same rows). */
const BAD_RECORDS: unknown[] = [{ time: -1, amt: 5 }, { time: 0, amt: 5, cmt: 'skin' }, { time: 0, amt: 5, ii: 24, addl: 1.5 }, { time: 0, amt: 5, f: 11 }, { time: 'x', amt: 5 }];

/** English left in a Chinese message once quoted values, field symbols and units are set aside. */
function englishLeft(zh: string): string[] {
  return zh.replace(/"[^"]*"/g, '').match(/[A-Za-z]{3,}(?: [A-Za-z]{3,})+/g) ?? [];
}

function expectChinese(message: string, seen: Set<string>): void {
  const hit = patternOf(message);
  expect(hit, `no pattern for: ${message}`).toBeDefined();
  seen.add(hit!.pattern.id);
  const zh = localise(message, 'zh');
  expect(zh, message).toMatch(/[\u4e00-\u9fff]/);
  expect(englishLeft(zh), `${message} → ${zh}`).toEqual([]);
  expect(localise(message, 'en')).toBe(message);
}

const withChange = (change: Record<string, unknown>) => {
  const d: Record<string, unknown> = { ...good, ...change };
  for (const k of Object.keys(d)) if (d[k] === undefined) delete d[k];
  const t = (d.targets as Record<string, Record<string, unknown>>).SERT;
  if (t) for (const k of Object.keys(t)) if (t[k] === undefined) delete t[k];
  return d;
};

describe('custom-drug and dosing-record messages in Chinese', () => {
  it('renders every refusal of the custom drug form, as the backend passes it and inside a scenario', () => {
    const seen = new Set<string>();
    for (const change of BAD_DRUGS) {
      const drug = withChange(change);
      const raw = customDrugSchema.safeParse(drug, { reportInput: true });
      expect(raw.success, JSON.stringify(change)).toBe(false);
      if (!raw.success) for (const i of raw.error.issues) expectChinese(i.message, seen);
      const inScenario = parseScenario({ schema: 'modulon.scenario/1', name: 'x', duration: '1d', patient: { condition: 'healthy' }, customDrugs: [drug] });
      expect(inScenario.ok).toBe(false);
      if (!inScenario.ok) for (const e of inScenario.errors) expectChinese(e.message, seen);
    }
    expect(seen.size).toBeGreaterThanOrEqual(25);
  });

  it('renders every refusal of a broken CSV file, with its row and column, and the count of the others', () => {
    const seen = new Set<string>();
    for (const csv of BAD_CSV) {
      const parsed = parseRecordsCsv(csv);
      expect(parsed.ok, csv).toBe(false);
      if (!parsed.ok) {
        for (const e of parsed.errors) {
          expectChinese(formatCsvError(e), seen);
          expectChinese(e.message, seen);
        }
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(10);
    expect(localise('row 3, column time: time goes back (1 after 5) within ID 1; expected records sorted by time', 'zh')).toBe('第 3 行，time 列：时间倒退（ID 1 中 1 出现在 5 之后）：记录应按时间排序');
    expectChinese('and 1234 more', seen);
    expectChinese('expected the records of one subject (ID), found 2', seen);
  });

  it('renders the refusals of records inside a scenario', () => {
    const seen = new Set<string>();
    for (const r of BAD_RECORDS) {
      const parsed = parseScenario({ schema: 'modulon.scenario/1', name: 'x', duration: '1d', patient: { condition: 'depression' }, interventions: [{ type: 'drug', drug: 'sertraline', records: [r] }] });
      expect(parsed.ok, JSON.stringify(r)).toBe(false);
      if (!parsed.ok) for (const e of parsed.errors) expectChinese(e.message, seen);
    }
  });

  it('names the field in Chinese and keeps the numbers', () => {
    expect(localise('expected CL of at most 10000 L/h, got 1000000', 'zh')).toBe('CL（清除率）至多为 10000 L/h，当前为 1000000');
    expect(localise('CL/V is 2000/h; expected at most 20/h (faster than any built-in drug)', 'zh')).toBe('CL/V（消除速率常数）为 2000/h，已快于任何内置药物；应至多为 20/h');
    expect(localise('expected hill from 0.1 to 5', 'zh')).toBe('Hill 系数应在 0.1 到 5 之间');
    expect(localise('drug id: "donepezil" is a built-in drug; choose another id', 'zh')).toBe('药物 id："donepezil" 与内置药物重名：请换一个名称');
  });

  it('the parsers build no message the sweep does not know (a new one fails here until it has a pattern and a case above)', () => {
    // Message words per file, comments set aside. Adding a message means adding its pattern in
    // messages-drugs.ts and its bad input above, then the count here.
    const WORDS: Record<string, number> = { 'src-engine/drugs/custom.ts': 22, 'src-engine/pk/records.ts': 15, 'src-engine/pk/records-csv.ts': 8 };
    const sources = import.meta.glob(['../../src-engine/drugs/custom.ts', '../../src-engine/pk/records.ts', '../../src-engine/pk/records-csv.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const found: Record<string, number> = {};
    for (const [path, text] of Object.entries(sources)) {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      found[path.replace('../../', '')] = (code.match(/\b(?:expected|needs|belong|carries)\b/g) ?? []).length;
    }
    expect(found).toEqual(WORDS);
  });
});
