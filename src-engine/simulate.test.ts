// What a run publishes besides the curves: the sampling grid, requested times, dose and session
// events with their labels, the labelled-maximum warning over any 24 h, user-defined flags, and
// input errors for models too stiff to integrate.
import { describe, expect, it } from 'vitest';
import type { DrugFile } from './drugs/schema.ts';
import { MAX_OUTPUT_VALUES, outputSeriesBound, parseScenario, type Scenario } from './scenario.ts';
import { refineGrid } from './refine.ts';
import { run, runChecked, simulate } from './simulate.ts';
import { resampleResults, seriesAt } from './results.ts';

const base = { schema: 'modulon.scenario/1', name: 't', patient: { condition: 'healthy' } };
function ok(doc: Record<string, unknown>) {
  const out = simulate({ ...base, ...doc });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}

describe('grids', () => {
  it('samples every step from 0 and adds the end when the step does not divide the duration', () => {
    const untreated = Object.entries(ok({ duration: '10h', sampling: '3h' }).series);
    expect(untreated.length).toBeGreaterThan(0);
    // The EEG probes publish at their own times (hourly by default in a short scenario).
    for (const [name, s] of untreated) expect(s.t).toEqual(name.startsWith('eeg.') ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [0, 3, 6, 9, 10]);
    const parsed = parseScenario({ ...base, duration: '1d', sampling: '6h', interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg' }] });
    if (!parsed.ok) throw new Error('refused');
    expect(run(parsed.scenario, { refine: false }).series['pk.donepezil.plasma']!.t).toEqual([0, 6, 12, 18, 24]);
    // Every candidate: the grid, plus the ladder after the dose at 0 h.
    const t = run(parsed.scenario, { refine: 'all' }).series['pk.donepezil.plasma']!.t;
    expect(t).toEqual(expect.arrayContaining([0, 6, 12, 18, 24, 0.25, 0.5, 1, 2, 3, 4, 8]));
    expect(t.filter((x) => x > 8 && x < 24)).toEqual([12, 18]);
    // Refined (the default): the grid and those of them the curves need, on a 6-hour grid some.
    const needed = run(parsed.scenario).series['pk.donepezil.plasma']!.t;
    expect(needed).toEqual(expect.arrayContaining([0, 6, 12, 18, 24]));
    expect(needed.every((x) => t.includes(x))).toBe(true);
    expect(needed.length).toBeGreaterThan(5);
  });

  it('samples at requested times instead, sorted and without repeats', () => {
    const parsed = parseScenario({ ...base, duration: '1d', interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg' }] });
    if (!parsed.ok) throw new Error('refused');
    const r = run(parsed.scenario, { times: [5, 1.5, 5, 0], slowLayer: false });
    expect(r.series['pk.donepezil.plasma']!.t).toEqual([0, 1.5, 5]);
    // Without the slow layer only the pk layer is published.
    expect(Object.keys(r.series).every((k) => k.startsWith('pk.') || k.startsWith('target.'))).toBe(true);
  });
});

describe('events and warnings', () => {
  it('labels doses with drug, dose, route and infusion, and sessions by kind, in time order', () => {
    const r = ok({
      duration: '2d',
      interventions: [
        { type: 'therapy', kind: 'exposure', start: '1h' },
        { type: 'drug', drug: 'ketamine', route: 'iv', dose: '0.5 mg/kg', infusion: '40min', start: '2h' },
        { type: 'therapy', kind: 'cbt', start: '3h' },
        { type: 'drug', drug: 'donepezil', dose: '5 mg' },
      ],
    });
    expect(r.events).toEqual([
      { t: 0, kind: 'dose', label: 'donepezil 5 mg oral', drug: 'donepezil' },
      { t: 1, kind: 'session', label: 'exposure session' },
      { t: 2, kind: 'dose', label: 'ketamine 0.5 mg/kg iv over 40min', drug: 'ketamine' },
      { t: 3, kind: 'session', label: 'CBT session' },
    ]);
  });

  it('labels record doses with amount, compartment and infusion time', () => {
    const r = ok({ duration: '2d', interventions: [{ type: 'drug', drug: 'ketamine', route: 'iv', records: [{ time: 1, amt: 35, cmt: 'central', rate: 70 }, { time: 3, amt: 10, cmt: 'central', f: 0.5 }] }] });
    expect(r.events.map((e) => [e.t, e.label])).toEqual([
      [1, 'ketamine 35 mg central over 0.5 h'],
      [3, 'ketamine 5 mg central'],
    ]);
  });

  it('warns when any 24 h holds more than the labelled maximum, and not at exactly the maximum', () => {
    // Donepezil: 23 mg/day. 10 mg at 0, 12 and 23.9 h is 30 mg within 24 h; 10 mg at 0, 12, 24 never is.
    const over = ok({ duration: '3d', interventions: [{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '11.95h', count: 3 }] });
    expect(over.warnings).toEqual([expect.stringMatching(/^donepezil: 30 mg within 24 h exceeds the labelled maximum of 23 mg\/day; source: /)]);
    const spaced = ok({ duration: '3d', interventions: [{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '12h', count: 3 }] });
    expect(spaced.warnings).toEqual([]);
    const exactly = ok({ duration: '3d', interventions: [{ type: 'drug', drug: 'donepezil', dose: '23 mg' }] });
    expect(exactly.warnings).toEqual([]);
    const split = ok({ duration: '3d', interventions: [{ type: 'drug', drug: 'donepezil', dose: '11.5 mg', every: '12h', count: 2 }, { type: 'drug', drug: 'donepezil', dose: '1 mg', start: '23h' }] });
    expect(split.warnings).toEqual([expect.stringMatching(/^donepezil: 24 mg within 24 h/)]);
  });

  it('flags a user-defined drug first among the warnings', () => {
    const mine = { id: 'mine', name: 'Mine', model: 'one-compartment', routes: ['iv'], CL: { value: 1, unit: 'L/h' }, V: { value: 10, unit: 'L' }, maxDailyDose: { value: 1, unit: 'mg/day' } };
    const r = ok({ duration: '1d', customDrugs: [mine], interventions: [{ type: 'drug', drug: 'mine', route: 'iv', dose: '2 mg' }] });
    expect(r.warnings).toEqual([
      'mine: user-defined, not validated (its parameters come from the user, not from the literature)',
      'mine: 2 mg within 24 h exceeds the labelled maximum of 1 mg/day; source: user-defined, not validated',
    ]);
  });
});

describe('input errors and engine bugs', () => {
  const stiff = {
    id: 'stiff',
    name: { en: 'Stiff', zh: 'Stiff' },
    class: { en: 't', zh: 't' },
    description: { en: 't', zh: 't' },
    labelledMaxDailyDose: { value: 1e5, unit: 'mg/day', source: 't' },
    routes: { iv: {} },
    pk: { model: 'one-compartment', CL: { value: 1e12, unit: 'L/h', source: 't' }, V: { value: 1e-6, unit: 'L', source: 't' }, concentrationUnit: 'ng/mL' },
    targets: {},
    metabolites: [],
  } as unknown as DrugFile;

  it('reports a model too stiff to integrate as an input error at $', () => {
    const parsed = parseScenario({ ...base, duration: '1d' });
    if (!parsed.ok) throw new Error('refused');
    const scenario = { ...parsed.scenario, interventions: [{ type: 'drug', drug: 'stiff', route: 'iv', dose: '1 mg', start: '0d' }] } as Scenario;
    const out = runChecked(scenario, { lookup: (id) => (id === 'stiff' ? stiff : undefined), slowLayer: false });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.path).toBe('$');
    expect(out.errors[0]!.message).toMatch(/^the model could not be integrated \(.+\); its rate constants are probably too large$/);
  });

  it('treats an unknown drug in a validated scenario as an engine bug', () => {
    const parsed = parseScenario({ ...base, duration: '1d' });
    if (!parsed.ok) throw new Error('refused');
    const scenario = { ...parsed.scenario, interventions: [{ type: 'drug', drug: 'ghost', dose: '1 mg', start: '0d' }] } as Scenario;
    expect(() => run(scenario, { lookup: () => undefined })).toThrow('BUG: validated scenario names unknown drug ghost');
  });

  it('returns the field errors of an invalid document instead of running it', () => {
    expect(simulate({ ...base, duration: 'x' })).toEqual({ ok: false, errors: [expect.objectContaining({ path: 'duration' })] });
  });
});

describe('sampling that shows the peaks (refinement after events)', () => {
  const scenario = (doc: Record<string, unknown>): Scenario => {
    const parsed = parseScenario({ ...base, ...doc });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.scenario;
  };
  /** Peak and its time from the pk layer evaluated every 30 s (the ODE reference for the published curve). */
  const densePeak = (s: Scenario, name: string, toH: number) => {
    const times = Array.from({ length: Math.round(toH * 120) + 1 }, (_, k) => k / 120);
    const d = run(s, { times, slowLayer: false }).series[name]!;
    const k = d.v.indexOf(Math.max(...d.v));
    return { c: d.v[k]!, t: d.t[k]! };
  };
  const peakIn = (r: { t: number[]; v: number[] }, from: number, to: number) => {
    let best = { c: -Infinity, t: NaN };
    r.t.forEach((t, k) => {
      if (t >= from && t <= to && r.v[k]! > best.c) best = { c: r.v[k]!, t };
    });
    return best;
  };

  it('publishes the ketamine IV peak (0.5 mg/kg over 40 min) within 1 % of the dense ODE peak; the hourly grid alone misses it by a third', () => {
    const s = scenario({ duration: '1d', interventions: [{ type: 'drug', drug: 'ketamine', route: 'iv', dose: '0.5 mg/kg', infusion: '40min' }] });
    const ref = densePeak(s, 'pk.ketamine.plasma', 3);
    expect(ref.t).toBeCloseTo(40 / 60, 2);
    const refined = peakIn(run(s).series['pk.ketamine.plasma']!, 0, 24);
    expect(Math.abs(refined.c / ref.c - 1)).toBeLessThan(0.01);
    expect(refined.t).toBeCloseTo(40 / 60, 6);
    const hourly = peakIn(run(s, { refine: false }).series['pk.ketamine.plasma']!, 0, 24);
    expect(hourly.c / ref.c).toBeLessThan(0.75);
    // The same holds for a dose inside a long run on a coarse grid (12 weeks, 6-hourly samples, the dose at day 14 + 3 h).
    const long = scenario({ duration: '12w', sampling: '6h', interventions: [{ type: 'drug', drug: 'ketamine', route: 'iv', dose: '0.5 mg/kg', infusion: '40min', start: '339h' }] });
    const p = peakIn(run(long).series['pk.ketamine.plasma']!, 339, 345);
    expect(Math.abs(p.c / ref.c - 1)).toBeLessThan(0.01);
  });

  it('shows an oral Tmax: levodopa 100 mg peaks within 15 min of the dense Tmax, within 2 % of its Cmax', () => {
    const s = scenario({ duration: '1d', interventions: [{ type: 'drug', drug: 'levodopa', dose: '100 mg', route: 'oral' }] });
    const ref = densePeak(s, 'pk.levodopa.plasma', 8);
    expect(ref.t).toBeGreaterThan(0.2);
    expect(ref.t).toBeLessThan(3);
    const p = peakIn(run(s).series['pk.levodopa.plasma']!, 0, 24);
    expect(Math.abs(p.t - ref.t)).toBeLessThanOrEqual(0.25 + 1e-9);
    expect(Math.abs(p.c / ref.c - 1)).toBeLessThan(0.02);
  });

  it('keeps every series ascending in t, with as many values as times, the slow layer included', () => {
    const r = ok({
      duration: '2w',
      patient: { condition: 'depression', treatmentResistant: true },
      interventions: [
        { type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' },
        { type: 'drug', drug: 'ketamine', route: 'iv', dose: '0.5 mg/kg', infusion: '40min', every: '7d', start: '2d' },
        { type: 'therapy', kind: 'cbt', every: '7d', start: '3d' },
      ],
    });
    for (const [name, s] of Object.entries(r.series)) {
      expect(s.v.length, name).toBe(s.t.length);
      for (let k = 1; k < s.t.length; k++) if (!(s.t[k]! > s.t[k - 1]!)) throw new Error(`${name} not ascending at ${k}`);
    }
    // The session at 3 d and the infusion end at 2 d + 40 min are sample times of the slow layer too.
    const gain = r.series['plasticity.gain']!.t;
    expect(gain).toContain(72);
    expect(gain.some((t) => Math.abs(t - (48 + 40 / 60)) < 1e-9)).toBe(true);
  });

  it('stays within the output bound: a run at the sampling limit gets only what the bound leaves', () => {
    // 12 weeks at 2 min with one drug: 60,481 samples of at most 98 series, 5,927,138 values of 6,000,000.
    const s = scenario({ duration: '12w', sampling: '2min', interventions: [{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }] });
    const n = run(s, { slowLayer: false, refine: 'all' }).series['pk.donepezil.plasma']!.t.length;
    expect(n).toBeGreaterThan(60_481);
    expect(n).toBeLessThanOrEqual(Math.floor(MAX_OUTPUT_VALUES / outputSeriesBound(s)));
    // On a 2-minute grid the curves need none of the candidates.
    expect(run(s, { slowLayer: false }).series['pk.donepezil.plasma']!.t.length).toBe(60_481);
  });

  it('refineGrid adds levels in priority order and never more than the budget', () => {
    const baseGrid = [0, 6, 12];
    expect(refineGrid(baseGrid, [2, 8], 12, 0)).toEqual(baseGrid);
    // Budget 3: the first level (event, minute before) for the events in time order, then stop.
    expect(refineGrid(baseGrid, [8, 2], 12, 3)).toEqual([0, 2 - 1 / 60, 2, 6, 8, 12]);
    const all = refineGrid(baseGrid, [2, 8], 12, 1e9);
    expect(all.at(-1)).toBe(12);
    expect(all).toContain(2 + 8);
    expect(all.every((t, k) => k === 0 || t > all[k - 1]!)).toBe(true);
    expect(all.filter((t) => t > 12)).toEqual([]);
  });
});

describe('resampling for exports', () => {
  it('puts the dense series on a regular grid and keeps sparse ones at their times', () => {
    const r = ok({ duration: '2d', interventions: [{ type: 'drug', drug: 'ketamine', route: 'iv', dose: '0.5 mg/kg', infusion: '40min', start: '3h' }] });
    const g = resampleResults(r, 6);
    const plasma = g.series['pk.ketamine.plasma']!;
    expect(plasma.t).toEqual([0, 6, 12, 18, 24, 30, 36, 42, 48]);
    expect(plasma.v[1]).toBeCloseTo(seriesAt(r.series['pk.ketamine.plasma']!, 6)!, 12);
    expect(g.series['scale.hamd17']!.t).toHaveLength(9);
    // EEG probes stay where they were computed.
    expect(g.series['eeg.alpha']!.t).toEqual(r.series['eeg.alpha']!.t);
  });
});
