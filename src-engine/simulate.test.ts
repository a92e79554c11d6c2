// What a run publishes besides the curves: the sampling grid, requested times, dose and session
// events with their labels, the labelled-maximum warning over any 24 h, user-defined flags, and
// input errors for models too stiff to integrate.
import { describe, expect, it } from 'vitest';
import type { DrugFile } from './drugs/schema.ts';
import { parseScenario, type Scenario } from './scenario.ts';
import { run, runChecked, simulate } from './simulate.ts';

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
    const r = ok({ duration: '1d', sampling: '6h', interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg' }] });
    expect(r.series['pk.donepezil.plasma']!.t).toEqual([0, 6, 12, 18, 24]);
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
