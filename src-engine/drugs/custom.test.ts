// User-defined drugs in scenarios: validated by path, never replacing a built-in drug, run by the
// whole engine, always flagged as not validated.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario.ts';
import { simulate } from '../simulate.ts';

const myDrug = {
  id: 'my-ssri',
  name: 'My SSRI',
  model: 'two-compartment',
  routes: ['oral', 'iv'],
  CL: { value: 30, unit: 'L/h' },
  V: { value: 500, unit: 'L' },
  Q: { value: 20, unit: 'L/h' },
  V2: { value: 1000, unit: 'L', source: 'my lecture notes' },
  ka: { value: 0.8, unit: '1/h' },
  F: 0.6,
  ke0: { value: 0.5, unit: '1/h' },
  maxDailyDose: { value: 100, unit: 'mg/day' },
  targets: { SERT: { potency: { value: 5, unit: 'ng/mL' }, emax: 0.9 } },
};

const scenario = (over: Record<string, unknown> = {}) => ({
  schema: 'modulon.scenario/1',
  name: 'custom',
  duration: '3w',
  patient: { condition: 'depression' },
  customDrugs: [myDrug],
  interventions: [{ type: 'drug', drug: 'my-ssri', dose: '40 mg', every: '24h' }],
  ...over,
});

describe('user-defined drugs', () => {
  it('run through the whole engine like a built-in drug, flagged as not validated', () => {
    const out = simulate(scenario());
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const { series, warnings } = out.results;
    expect(Object.keys(series).filter((k) => /^(pk|target)\./.test(k))).toEqual(['pk.my-ssri.plasma', 'pk.my-ssri.brain', 'target.SERT.occupancy']);
    expect(series['nt.serotonin.cortex']!.v.at(-1)).toBeGreaterThan(1.5);
    expect(Math.max(...series['target.SERT.occupancy']!.v)).toBeGreaterThan(0.5);
    expect(Math.max(...series['target.SERT.occupancy']!.v)).toBeLessThan(0.9);
    expect(warnings[0]).toMatch(/^my-ssri: user-defined, not validated/);
  });

  it('compete with built-in drugs at a shared target', () => {
    const both = simulate(scenario({ interventions: [{ type: 'drug', drug: 'my-ssri', dose: '40 mg', every: '24h' }, { type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' }] }));
    const alone = simulate(scenario());
    if (!both.ok || !alone.ok) throw new Error('refused');
    expect(both.results.series['target.SERT.occupancy']!.v.at(-1)!).toBeGreaterThan(alone.results.series['target.SERT.occupancy']!.v.at(-1)!);
  });

  it('absorb through transit compartments when given', () => {
    const peakAt = (drug: object) => {
      const out = simulate(scenario({ duration: '2d', sampling: '5min', customDrugs: [drug], interventions: [{ type: 'drug', drug: 'my-ssri', dose: '40 mg' }] }));
      if (!out.ok) throw new Error(JSON.stringify(out.errors));
      const s = out.results.series['pk.my-ssri.plasma']!;
      return s.t[s.v.indexOf(Math.max(...s.v))]!;
    };
    // Three more steps at ka 0.8/h add about 3/0.8 h to the mean absorption time.
    expect(peakAt({ ...myDrug, transit: 3 })).toBeGreaterThan(peakAt(myDrug) + 2);
  });

  it('take dosing records', () => {
    const out = simulate(scenario({ interventions: [{ type: 'drug', drug: 'my-ssri', route: 'iv', records: [{ time: 0, amt: 20, cmt: 'central', rate: 10, ii: 24, addl: 6 }] }] }));
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.results.events).toHaveLength(7);
    expect(out.results.series['pk.my-ssri.plasma']!.v[0]).toBe(0);
  });

  it.each([
    ['a built-in id', { ...myDrug, id: 'sertraline' }, 'customDrugs[0].id', /built-in drug; a user-defined drug never replaces one/],
    ['a unit of the wrong kind', { ...myDrug, CL: { value: 30, unit: 'mg' } }, 'customDrugs[0].CL.unit', /expected the unit of CL to be one of "L\/h", "L\/h\/kg"/],
    ['a missing clearance', { ...myDrug, CL: undefined }, 'customDrugs[0].CL', /expected CL \(a number in L\/h or L\/h\/kg\)/],
    ['a volume without its unit', { ...myDrug, V: 500 }, 'customDrugs[0].V', /expected V as \{ value, unit \}/],
    ['a negative volume', { ...myDrug, V: { value: -5, unit: 'L' } }, 'customDrugs[0].V.value', /expected V greater than 0/],
    ['two compartments without Q', { ...myDrug, Q: undefined }, 'customDrugs[0].Q', /needs Q and V2/],
    ['an oral route without ka', { ...myDrug, ka: undefined }, 'customDrugs[0].ka', /needs ka/],
    ['an unknown target', { ...myDrug, targets: { XYZ: { potency: { value: 1, unit: 'ng/mL' } } } }, 'customDrugs[0].targets', /unknown key "XYZ"/],
    ['F above 1', { ...myDrug, F: 1.5 }, 'customDrugs[0].F', /from 0 to 1/],
    ['a fractional number of transit compartments', { ...myDrug, transit: 1.5 }, 'customDrugs[0].transit', /whole number of compartments/],
  ])('refuses %s with its path', (_what, drug, path, message) => {
    const parsed = parseScenario(scenario({ customDrugs: [drug] }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const hit = parsed.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(parsed.errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('engage a target with their Hill coefficient: E = Emax·x/(1 + x), x = (C/C50)^hill, exactly', () => {
    // IV bolus into one compartment: C(t) = D/V·e^(−CL/V·t) = 100 ng/mL·e^(−0.1·t). Hill 2 at C50 50 ng/mL.
    const hill2 = { id: 'steep', name: 'Steep', model: 'one-compartment', routes: ['iv'], CL: { value: 10, unit: 'L/h' }, V: { value: 100, unit: 'L' }, targets: { SERT: { potency: { value: 50, unit: 'ng/mL' }, emax: 0.9, hill: 2 } } };
    const out = simulate(scenario({ duration: '1d', customDrugs: [hill2], interventions: [{ type: 'drug', drug: 'steep', route: 'iv', dose: '10 mg' }] }));
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const occ = out.results.series['target.SERT.occupancy']!;
    const expected = (t: number) => {
      const x = ((100 * Math.exp(-0.1 * t)) / 50) ** 2;
      return (0.9 * x) / (1 + x);
    };
    // At t = 0: x = 4, E = 0.72 (with x^(1/2) it would be 0.53).
    expect(occ.v[0]).toBeCloseTo(0.72, 9);
    for (const t of [0, 1, 3, 12, 20]) expect(occ.v[occ.t.indexOf(t)]).toBeCloseTo(expected(t), 6);
  });

  it('names customDrugs when a drug is unknown', () => {
    const parsed = parseScenario(scenario({ interventions: [{ type: 'drug', drug: 'nope', dose: '1 mg' }] }));
    expect(!parsed.ok && parsed.errors[0]).toMatchObject({ path: 'interventions[0].drug', message: expect.stringMatching(/my-ssri \(or a drug defined under "customDrugs"\)/) });
  });
});
