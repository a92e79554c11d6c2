// The long CSV: BOM, the # header block with the scenario in words, one row per sample with the
// plain-language name beside the id, 6 significant digits, negative numbers as numbers, and every
// user text that looks like a formula neutralised.
import { describe, expect, it } from 'vitest';
import { parseScenario, type Results, type ScenarioInput } from '../../src-engine/index.ts';
import { analyse } from './compare.ts';
import { csvNumber, longCsv } from './csv.ts';

function results(doc: ScenarioInput, series: Results['series']): Results {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { schema: 'modulon.results/1', engine: '0.1.0', scenario: parsed.scenario, series, events: [], warnings: [] };
}

const doc = (name: string): ScenarioInput => ({
  schema: 'modulon.scenario/1',
  name,
  duration: '2h',
  patient: { condition: 'depression' },
  interventions: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' }],
});

function run(names: string[], series: Results['series']) {
  const out = analyse({ name: names.join(' vs ') }, names.map((name) => ({ name, doc: doc(name), variation: { from: 'scenario' as const }, results: results(doc(name), series) })), {});
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.value;
}

const SERIES: Results['series'] = {
  'pk.sertraline.plasma': { unit: 'ng/mL', t: [0, 1, 2], v: [0, 12.3456789, 1 / 3] },
  'scale.hamd17': { unit: 'points', t: [0, 1, 2], v: [22, -0.000123456789, 1e-9] },
};

describe('longCsv', () => {
  it('one scenario: BOM, the # block, then time_h, series, name, value, unit at 6 significant digits', () => {
    const csv = longCsv(run(['Sertraline 50 mg'], SERIES), { lang: 'en', generatedAt: '2026-12-01T14:05:00.000Z' });
    expect(csv.startsWith('\uFEFF#,Modulon,"Educational simulation, not for clinical decisions."\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const block = lines.filter((l) => l.startsWith('#'));
    expect(block).toEqual([
      '#,Modulon,"Educational simulation, not for clinical decisions."',
      '#,report,Sertraline 50 mg',
      '#,engine,0.1.0',
      '#,exported,2026-12-01T14:05:00.000Z',
      '#,scenario,Sertraline 50 mg,"Major depression, moderate; female, 40 years, 70 kg; CYP2D6 normal metabolizer; creatinine clearance 100 mL/min","Sertraline 50 mg, every 24 h from the start"',
      '#,columns,"time_h: hours from the start; series: the engine’s id; name: in plain language; value at 6 significant digits, in unit"',
    ]);
    const data = lines.slice(block.length);
    expect(data).toEqual([
      'time_h,series,name,value,unit',
      '0,pk.sertraline.plasma,"Sertraline, plasma concentration",0,ng/mL',
      '1,pk.sertraline.plasma,"Sertraline, plasma concentration",12.3457,ng/mL',
      '2,pk.sertraline.plasma,"Sertraline, plasma concentration",0.333333,ng/mL',
      '0,scale.hamd17,HAM-D-17 depression score,22,points',
      '1,scale.hamd17,HAM-D-17 depression score,-0.000123457,points',
      '2,scale.hamd17,HAM-D-17 depression score,1e-9,points',
    ]);
  });

  it('a comparison has an arm column; formula-like names are escaped, numbers are not', () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1', '-2 arms', '@SUM(A1)'];
    const csv = longCsv(run(evil, { 'scale.hamd17': { unit: 'points', t: [0], v: [-3.5] } }), { lang: 'en', generatedAt: '2026-12-01T14:05:00.000Z' });
    expect(csv).toContain('\r\ntime_h,arm,series,name,value,unit\r\n');
    expect(csv).toContain(`\r\n#,report,"'=HYPERLINK(""http://x"",""y"") vs +1 vs -2 arms vs @SUM(A1)"\r\n`);
    expect(csv).toContain(`\r\n#,arm,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(csv).toContain("\r\n0,'+1,scale.hamd17,HAM-D-17 depression score,-3.5,points\r\n");
    expect(csv).toContain("\r\n0,'-2 arms,scale.hamd17,HAM-D-17 depression score,-3.5,points\r\n");
    expect(csv).toContain("\r\n0,'@SUM(A1),scale.hamd17,");
    // No cell of the file starts with a formula character, but the negative numbers.
    const cells = csv.slice(1).split(/\r\n/).flatMap((l) => l.split(','));
    expect(cells.filter((c) => /^[=+@]/.test(c))).toEqual([]);
    expect(cells.filter((c) => /^-/.test(c))).toEqual(['-3.5', '-3.5', '-3.5', '-3.5']);
  });

  it('Chinese: names, the header block and the scenario in words, no English words but ids and units', () => {
    const csv = longCsv(run(['舍曲林'], SERIES), { lang: 'zh-CN', generatedAt: '2026-12-01T14:05:00.000Z' });
    expect(csv).toContain('\r\n#,情景,舍曲林,重度抑郁症，中度；女性，40 岁，70 kg；CYP2D6 正常代谢型；肌酐清除率 100 mL/min,舍曲林 50 mg，自开始时起每 24 小时 一次\r\n');
    expect(csv).toContain('\r\n1,pk.sertraline.plasma,舍曲林血浆浓度,12.3457,ng/mL\r\n');
    const words = csv.replace(/pk\.sertraline\.plasma|scale\.hamd17|time_h|series|name|value|unit|ng\/mL|mL\/min|points|Modulon|CYP2D6|HAM-D-17|kg|mg/g, '').match(/[A-Za-z]{2,}/g);
    expect(words).toBeNull();
  });

  it('csvNumber: 6 significant digits, no negative zero, empty for non-finite', () => {
    expect([csvNumber(123456789), csvNumber(0.1 + 0.2), csvNumber(-0), csvNumber(-1e-12), csvNumber(Number.NaN), csvNumber(Infinity)]).toEqual(['123457000', '0.3', '0', '-1e-12', '', '']);
  });
});
