// Dosing records against closed forms: infusion timing (rate, dur, f), lag, additional doses,
// steady states (bolus, infusion, lag, constant infusion), resets. These pin the timing without
// the NONMEM fixture; a synthetic one-compartment drug keeps them independent of the catalogue.
import { describe, expect, it } from 'vitest';
import type { DrugFile } from '../drugs/schema.ts';
import { parseScenario, type Scenario } from '../scenario.ts';
import { run } from '../simulate.ts';
import type { DoseRecordInput } from './records.ts';

const q = (value: number, unit: string) => ({ value, unit, source: 'synthetic test drug' }) as never;

/** CL 5 L/h, V 100 L (k = 0.05 /h); oral F 0.8, ka 1.2 /h. Concentrations in ng/mL = 1000 · mg/L. */
const CL = 5, V = 100, k = CL / V, F = 0.8, ka = 1.2;
const DRUG = {
  id: 'rec',
  name: { en: 'Records test drug', zh: '测试' },
  class: { en: 'test', zh: '测试' },
  description: { en: 'test', zh: '测试' },
  labelledMaxDailyDose: q(1e5, 'mg/day'),
  routes: { oral: { F: q(F, 'fraction'), ka: q(ka, '1/h') }, iv: {} },
  pk: { model: 'one-compartment', CL: q(CL, 'L/h'), V: q(V, 'L'), concentrationUnit: 'ng/mL' },
  targets: {},
  metabolites: [],
} as unknown as DrugFile;

const GRID = Array.from({ length: 48 * 4 + 1 }, (_, i) => i / 4);

function plasma(records: DoseRecordInput[], route: 'oral' | 'iv' = 'iv'): number[] {
  const parsed = parseScenario({ schema: 'modulon.scenario/1', name: 'records', duration: '2d', patient: { condition: 'healthy' } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const full = records.map((r) => ({ amt: 0, cmt: 'central', ii: 0, addl: 0, ss: 0, evid: 1, lag: 0, f: 1, ...r }));
  const scenario = { ...parsed.scenario, interventions: [{ type: 'drug', drug: 'rec', route, start: '0d', records: full }] } as Scenario;
  const s = run(scenario, { lookup: (id) => (id === 'rec' ? DRUG : undefined), times: GRID, slowLayer: false }).series['pk.rec.plasma']!;
  expect(s.t).toEqual(GRID);
  return s.v;
}

/** Amount-normalised pieces, in ng/mL per mg. */
const bolus = (t: number, at: number) => (t < at ? 0 : (Math.exp(-k * (t - at)) / V) * 1000);
const oral = (t: number, at: number) => (t < at ? 0 : ((F * ka) / (V * (ka - k))) * (Math.exp(-k * (t - at)) - Math.exp(-ka * (t - at))) * 1000);
/** An infusion of `amount` mg over `T` h from `at`: R/CL·(1 − e^(−k·τ)) while it runs, then first-order decay. */
const infusion = (t: number, at: number, amount: number, T: number) => {
  if (t <= at) return 0;
  const rise = (tau: number) => ((amount / T / CL) * (1 - Math.exp(-k * tau))) * 1000;
  return t <= at + T ? rise(t - at) : rise(T) * Math.exp(-k * (t - at - T));
};

function expectClose(v: number[], f: (t: number) => number, rel = 1e-6): void {
  const bad = GRID.flatMap((t, i) => {
    const ref = f(t);
    return Math.abs((v[i] as number) - ref) <= rel * Math.abs(ref) + 1e-9 ? [] : [`t=${t}: ${v[i]} vs ${ref}`];
  });
  expect(bad.slice(0, 5)).toEqual([]);
}

describe('infusions from records', () => {
  it('a rate gives amt/rate hours of input from the record time', () => {
    expectClose(plasma([{ time: 3, amt: 50, rate: 25 }]), (t) => infusion(t, 3, 50, 2));
  });

  it('a duration gives the same infusion as the equivalent rate', () => {
    expectClose(plasma([{ time: 3, amt: 50, dur: 2 }]), (t) => infusion(t, 3, 50, 2));
  });

  it('f scales the amount and so the duration, not the rate (NONMEM)', () => {
    // 50 mg × f 0.5 at 25 mg/h: 25 mg over 1 h.
    expectClose(plasma([{ time: 3, amt: 50, rate: 25, f: 0.5 }]), (t) => infusion(t, 3, 25, 1));
  });

  it('f scales the amount of a bolus', () => {
    expectClose(plasma([{ time: 3, amt: 50, f: 0.3 }]), (t) => 15 * bolus(t, 3));
  });

  it('an infusion into the depot is absorbed at ka (zero-order into the gut)', () => {
    // Input into the depot at R for T, then first-order absorption: the convolution of the infusion with the oral response.
    const R = 20, T = 2, t0 = 1;
    const ref = (t: number) => {
      if (t <= t0) return 0;
      const a = (tau: number) => ((F * R * ka) / (V * (ka - k))) * ((1 - Math.exp(-k * tau)) / k - (1 - Math.exp(-ka * tau)) / ka) * 1000;
      const tau = t - t0;
      if (tau <= T) return a(tau);
      // After the end: what the input gave, minus the same input started T later.
      return a(tau) - a(tau - T);
    };
    expectClose(plasma([{ time: t0, amt: R * T, rate: R, cmt: 'depot' }], 'oral'), ref);
  });
});

describe('lag times from records', () => {
  it('a record lag shifts a depot dose, with the route’s F', () => {
    expectClose(plasma([{ time: 2, amt: 10, cmt: 'depot', lag: 1.75 }], 'oral'), (t) => 10 * oral(t, 3.75));
  });

  it('a record lag shifts an infusion’s start and end', () => {
    expectClose(plasma([{ time: 2, amt: 50, rate: 25, lag: 1.5 }]), (t) => infusion(t, 3.5, 50, 2));
  });

  it('a lag applies to every additional dose', () => {
    expectClose(plasma([{ time: 0, amt: 10, ii: 12, addl: 2, lag: 1 }]), (t) => 10 * (bolus(t, 1) + bolus(t, 13) + bolus(t, 25)));
  });
});

describe('additional doses, steady states and resets', () => {
  it('addl gives addl more doses every ii', () => {
    expectClose(plasma([{ time: 2, amt: 10, ii: 12, addl: 3 }]), (t) => 10 * (bolus(t, 2) + bolus(t, 14) + bolus(t, 26) + bolus(t, 38)));
  });

  it('ss 1 starts from the steady state of the regimen: D/V·e^(−kτ)/(1 − e^(−k·ii))', () => {
    const acc = 1 / (1 - Math.exp(-k * 12));
    expectClose(plasma([{ time: 6, amt: 10, ii: 12, ss: 1 }]), (t) => (t < 6 ? 0 : 10 * acc * bolus(t, 6)));
  });

  it('ss 1 resets what was there before; ss 2 adds the steady state to it', () => {
    const acc = 1 / (1 - Math.exp(-k * 12));
    const before = (t: number) => 40 * bolus(t, 0);
    expectClose(plasma([{ time: 0, amt: 40 }, { time: 6, amt: 10, ii: 12, ss: 1 }]), (t) => (t < 6 ? before(t) : 10 * acc * bolus(t, 6)));
    expectClose(plasma([{ time: 0, amt: 40 }, { time: 6, amt: 10, ii: 12, ss: 2 }]), (t) => before(t) + (t < 6 ? 0 : 10 * acc * bolus(t, 6)));
  });

  it('a steady state with a lag has its doses at the lagged phase', () => {
    // Doses at 6 + 5 − 12·n for n ≥ 0: the steady-state part (n ≥ 1) is in at the record time, this record's dose comes at 11 h.
    const ref = (t: number) => {
      if (t < 6) return 0;
      let c = 0;
      for (let n = 0; n < 400; n++) c += 10 * bolus(t, 11 - 12 * n);
      return c;
    };
    expectClose(plasma([{ time: 6, amt: 10, ii: 12, ss: 1, lag: 5 }]), ref);
  });

  it('a steady-state infusion longer than ii keeps delivering what earlier doses still infuse', () => {
    // 60 mg over 15 h every 12 h: infusions from 6 − 12·n, n ≥ 0, each still running where it overlaps t.
    const ref = (t: number) => {
      if (t < 6) return 0;
      let c = 0;
      for (let n = 0; n < 400; n++) c += infusion(t, 6 - 12 * n, 60, 15);
      return c;
    };
    expectClose(plasma([{ time: 6, amt: 60, rate: 4, ii: 12, ss: 1 }]), ref);
  });

  it('a constant infusion at steady state (amt 0, ii 0) sets R/CL and, as in NONMEM, does not keep running', () => {
    expectClose(plasma([{ time: 4, amt: 0, rate: 10, ss: 1 }]), (t) => (t < 4 ? 0 : (10 / CL) * Math.exp(-k * (t - 4)) * 1000));
  });

  it('a reset (evid 3) empties the compartments and cancels what earlier doses would still do', () => {
    // An infusion running across the reset stops there (its end must not be applied later), and a
    // lagged dose given before the reset never arrives; a dose after the reset starts from empty.
    const v = plasma([{ time: 0, amt: 50, rate: 5 }, { time: 2, amt: 10, lag: 5 }, { time: 4, evid: 3 }, { time: 12, amt: 10 }]);
    expectClose(v, (t) => (t < 4 ? infusion(t, 0, 50, 10) : 10 * bolus(t, 12)));
  });

  it('a reset and dose (evid 4) starts again from the dose alone', () => {
    expectClose(plasma([{ time: 0, amt: 10 }, { time: 20, amt: 5, evid: 4 }]), (t) => (t < 20 ? 10 * bolus(t, 0) : 5 * bolus(t, 20)));
  });
});
