// Regressions from review: steady states with lag, resets after steady states, the companion at
// steady state, limits that keep validation and integration bounded, tiny infusions.
import { describe, expect, it } from 'vitest';
import { emaxEffect } from './model.ts';
import { parseScenario } from '../scenario.ts';
import { simulate } from '../simulate.ts';

const scenario = (interventions: unknown[], extra: Record<string, unknown> = {}) => ({
  schema: 'modulon.scenario/1',
  name: 't',
  duration: '2d',
  sampling: '1h',
  patient: { condition: 'healthy' },
  interventions,
  ...extra,
});

function plasma(doc: unknown, series: string): number[] {
  // On the sampling grid only: values are compared by index.
  const out = simulate(doc, { refine: false });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results.series[series]!.v;
}

describe('steady state from records', () => {
  it('gives one dose per interval whatever the lag’s rounding (lag a multiple of ii)', () => {
    // ii 0.1 h and lag 1 h: −9·0.1 + 1 rounds to just under 0.1, which once gave two doses per interval.
    const at = (lag: number) => plasma(scenario([{ type: 'drug', drug: 'donepezil', records: [{ time: 0, amt: 0.025, cmt: 'central', ii: 0.1, ss: 1, lag }] }], { duration: '3h' }), 'pk.donepezil.plasma')[0]!;
    expect(Math.abs(at(1) - at(0.2)) / at(0.2)).toBeLessThan(1e-6);
  });

  it('lets a later reset cancel what earlier doses of a steady state still deliver', () => {
    const v = plasma(scenario([{ type: 'drug', drug: 'donepezil', records: [{ time: 0, amt: 5, cmt: 'central', ii: 24, ss: 1, lag: 30 }, { time: 3, evid: 3 }] }], { duration: '3d' }), 'pk.donepezil.plasma');
    expect(v.slice(3).every((x) => x === 0)).toBe(true);
  });

  it('brings the companion (carbidopa) to steady state with levodopa', () => {
    const byRecord = plasma(scenario([{ type: 'drug', drug: 'levodopa', records: [{ time: 0, amt: 100, cmt: 'depot', ii: 8, ss: 1, addl: 2 }] }], { duration: '1d', sampling: '15min' }), 'pk.levodopa.plasma');
    const byDosing = plasma(scenario([{ type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' }], { duration: '30d', sampling: '15min' }), 'pk.levodopa.plasma');
    const lastDay = byDosing.slice(-97, -1);
    const firstDay = byRecord.slice(0, 96);
    for (let k = 0; k < 96; k += 8) expect(Math.abs(firstDay[k]! - lastDay[k]!)).toBeLessThanOrEqual(1e-3 * Math.max(...lastDay));
  });

  it('turns an infusion too short to resolve into a bolus instead of losing it', () => {
    const bolus = plasma(scenario([{ type: 'drug', drug: 'donepezil', records: [{ time: 10, amt: 10, cmt: 'central' }] }]), 'pk.donepezil.plasma');
    const tiny = plasma(scenario([{ type: 'drug', drug: 'donepezil', records: [{ time: 10, amt: 10, cmt: 'central', dur: 1e-15 }] }]), 'pk.donepezil.plasma');
    expect(tiny).toEqual(bolus);
  });
});

describe('limits that keep validation and integration bounded', () => {
  it('refuses millions of additional doses quickly, before making them', () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({ time: i, amt: 1, cmt: 'central', ii: 1, addl: 100000 }));
    const t0 = performance.now();
    const parsed = parseScenario(scenario([{ type: 'drug', drug: 'donepezil', records }], { duration: '260w', sampling: '1d' }));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(!parsed.ok && parsed.errors.some((e) => e.path === 'interventions' && /at most 20000 doses/.test(e.message))).toBe(true);
  });

  it('refuses steady states that reach back over too many intervals, and ii under a minute', () => {
    const parsed = parseScenario(scenario([{ type: 'drug', drug: 'donepezil', records: [{ time: 0, amt: 1, cmt: 'central', ii: 0.04, ss: 1, lag: 40 }, { time: 1, amt: 1, cmt: 'central', ii: 0.001, addl: 2 }] }]));
    expect(!parsed.ok && parsed.errors.map((e) => e.path)).toEqual(['interventions[0].records[0].lag', 'interventions[0].records[1].ii']);
  });

  it('refuses "start" with records (records carry their own times)', () => {
    const parsed = parseScenario(scenario([{ type: 'drug', drug: 'donepezil', start: '5d', records: [{ time: 0, amt: 1, cmt: 'central' }] }]));
    expect(!parsed.ok && parsed.errors[0]!.path).toBe('interventions[0].start');
  });

  it('refuses user-defined drugs too fast to integrate, or with absurd potency', () => {
    const drug = { id: 'fast', name: 'Fast', model: 'one-compartment', routes: ['iv'], CL: { value: 10000, unit: 'L/h' }, V: { value: 0.01, unit: 'L' }, targets: { D2: { potency: { value: 1e-60, unit: 'ng/mL' } } } };
    const parsed = parseScenario(scenario([{ type: 'drug', drug: 'fast', dose: '1 mg' }], { customDrugs: [drug] }));
    expect(!parsed.ok && parsed.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'customDrugs[0].targets.D2.potency.value: expected potency of at least 1e-6 ng/mL',
      'customDrugs[0].CL: CL/V is 1000000/h; expected at most 20/h (faster than any built-in drug)',
    ]);
  });

  it('never overflows an Emax term to NaN', () => {
    const t = { effect: 'occupancy', c50: { value: 1e-300, unit: 'ng/mL', source: 't' }, emax: { value: 0.9, unit: 'fraction', source: 't' }, hill: { value: 5, unit: '1', source: 't' } } as const;
    expect(emaxEffect(1e10, t as never)).toBeCloseTo(0.9, 12);
  });
});
