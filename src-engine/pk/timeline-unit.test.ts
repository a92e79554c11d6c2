// The pk layer's parts without a run: how doses become jumps (bolus, infusion edges, lag, parts,
// tiny infusions, constant infusions), the timeline's order and tolerances, entries per route,
// and the right-hand side on a known state. Exact values: these are the pieces every curve uses.
import { describe, expect, it } from 'vitest';
import type { DrugFile } from '../drugs/schema.ts';
import { emaxEffect, hillTerm, PkModel } from './model.ts';
import { entryFor, Timeline } from './timeline.ts';

const q = (value: number, unit: string) => ({ value, unit, source: 'synthetic test drug' }) as never;
const COV = { weightKg: 70, age: 40, cyp2d6: 'normal', crclMlMin: 100 } as const;

function drug(over: Record<string, unknown> = {}): DrugFile {
  return {
    id: 'd',
    name: { en: 'D', zh: 'D' },
    class: { en: 'D', zh: 'D' },
    description: { en: 'D', zh: 'D' },
    labelledMaxDailyDose: q(1000, 'mg/day'),
    routes: { oral: { F: q(0.8, 'fraction'), ka: q(1.2, '1/h'), lag: q(0.5, 'h') }, iv: {}, patch: { F: q(0.5, 'fraction'), wear: q(24, 'h') } },
    pk: { model: 'one-compartment', CL: q(5, 'L/h'), V: q(100, 'L'), concentrationUnit: 'ng/mL' },
    targets: {},
    metabolites: [],
    ...over,
  } as DrugFile;
}

const strip = (t: Timeline) => t.jumps.map(({ seq: _seq, ...j }) => j);

describe('administering doses', () => {
  const model = new PkModel(COV);
  const dm = model.add(drug());
  const oral = entryFor(dm, 'oral', 'route')!;
  const iv = entryFor(dm, 'iv', 'route')!;
  const patch = entryFor(dm, 'patch', 'route')!;
  const depotIndex = model.depots[oral.target]!.i;

  it('lays out the state vector: central, then the oral depot', () => {
    expect(model.size).toBe(2);
    expect(model.species[0]).toMatchObject({ id: 'd', iC: 0, iP: -1, iE: -1, CL: 5, V: 100 });
    expect(depotIndex).toBe(1);
    expect(dm.states).toEqual({ start: 0, end: 2 });
    expect(model.add(drug())).toBe(dm);
  });

  it('a bolus after the route’s lag plus the record’s, into the depot, keeping the dose time as origin', () => {
    const t = new Timeline(model);
    t.administer('d', oral, 10, 50, 0, 0.25);
    expect(strip(t)).toEqual([{ kind: 'bolus', t: 10.75, drug: 'd', origin: 10, index: depotIndex, amount: 50 }]);
  });

  it('an infusion as a rate on and the same rate off, F applied to the amount', () => {
    const t = new Timeline(model);
    t.administer('d', iv, 2, 30, 1.5);
    expect(strip(t)).toEqual([
      { kind: 'rate', t: 2, drug: 'd', origin: 2, index: 0, amount: 20 },
      { kind: 'rate', t: 3.5, drug: 'd', origin: 2, index: 0, amount: -20 },
    ]);
  });

  it('a patch over its wear time whatever the duration asked, with its F', () => {
    const t = new Timeline(model);
    t.administer('d', patch, 0, 48, 0);
    expect(strip(t)).toEqual([
      { kind: 'rate', t: 0, drug: 'd', origin: 0, index: 0, amount: 1 },
      { kind: 'rate', t: 24, drug: 'd', origin: 0, index: 0, amount: -1 },
    ]);
  });

  it('a constant infusion as one rate that never stops; an infusion too short to resolve as a bolus', () => {
    const t = new Timeline(model);
    t.administer('d', iv, 1, 7, Infinity);
    t.administer('d', iv, 1e7, 7, 1);
    t.administer('d', iv, 4, 7, 1e-7);
    expect(strip(t)).toEqual([
      { kind: 'rate', t: 1, drug: 'd', origin: 1, index: 0, amount: 7 },
      { kind: 'bolus', t: 1e7, drug: 'd', origin: 1e7, index: 0, amount: 7 },
      { kind: 'bolus', t: 4, drug: 'd', origin: 4, index: 0, amount: 7 },
    ]);
  });

  it('sorts by time, then by the order of scheduling', () => {
    const t = new Timeline(model);
    t.administer('d', iv, 5, 1, 0);
    t.reset('d', 5);
    t.administer('d', iv, 1, 2, 0);
    t.sort();
    expect(t.jumps.map((j) => [j.t, j.kind, j.seq])).toEqual([
      [1, 'bolus', 2],
      [5, 'bolus', 0],
      [5, 'reset', 1],
    ]);
  });

  it('scales the absolute tolerance with the mean input per dosing time (rates count as one hour)', () => {
    const t = new Timeline(model);
    t.administer('d', iv, 0, 10, 0);
    t.administer('d', iv, 0, 30, 0);
    t.administer('d', iv, 5, 60, 2);
    // Inputs: 10 and 30 at t 0, a rate of 30 at t 5 (its end is negative and does not count): 70 over 2 times.
    expect(t.tolerances()).toEqual({ rtol: 1e-9, atol: 1e-9 * 35, maxStep: 24 });
    expect(new Timeline(model).tolerances()).toEqual({ rtol: 1e-9, atol: 1e-9, maxStep: 24 });
  });
});

describe('entries', () => {
  it('doses into the central compartment of the parent or the companion, never the depot of an IV-only drug', () => {
    const model = new PkModel(COV);
    const dm = model.add(drug({ routes: { iv: {} } }));
    expect(entryFor(dm, 'iv', 'central')).toEqual({ kind: 'central', target: 0, F: 1, lagH: 0, durationH: 0 });
    expect(entryFor(dm, 'iv', 'central', true)).toBeUndefined();
    expect(entryFor(dm, 'iv', 'depot')).toBeUndefined();
    expect(entryFor(dm, 'oral', 'route')).toBeUndefined();
  });

  it('gives a formulation its own absorption, or the route’s when it has none', () => {
    const model = new PkModel(COV);
    const dm = model.add(
      drug({
        formulations: {
          slow: { name: { en: 's', zh: 's' }, route: 'oral', absorption: { F: q(0.6, 'fraction'), ka: q(0.2, '1/h') } },
          plain: { name: { en: 'p', zh: 'p' }, route: 'oral' },
        },
      }),
    );
    const slow = entryFor(dm, 'oral', 'route', false, 'slow')!;
    expect(model.depots[slow.target]).toMatchObject({ ka: 0.2, F: 0.6 });
    expect(entryFor(dm, 'oral', 'route', false, 'plain')).toBe(dm.entries.oral);
    expect(model.depots[dm.entries.oral!.target]).toMatchObject({ ka: 1.2, F: 0.8 });
  });

  it('splits a nasal dose: F of it into the nasal depot (all absorbed), the swallowed share to a gut depot over its duration', () => {
    const model = new PkModel(COV);
    const dm = model.add(drug({ routes: { intranasal: { F: q(0.4, 'fraction'), ka: q(3, '1/h'), swallowed: { fraction: q(0.6, 'fraction'), F: q(0.2, 'fraction'), ka: q(0.5, '1/h'), duration: q(0.25, 'h') } } } }));
    const e = dm.entries.intranasal!;
    expect(e).toMatchObject({ kind: 'depot', F: 0.4, lagH: 0, durationH: 0 });
    expect(model.depots[e.target]).toMatchObject({ ka: 3, F: 1 });
    expect(e.parts).toEqual([{ kind: 'depot', target: e.target + 1, F: 0.6, lagH: 0, durationH: 0.25 }]);
    expect(model.depots[e.target + 1]).toMatchObject({ ka: 0.5, F: 0.2 });
    const t = new Timeline(model);
    t.administer('d', e, 0, 100, 0);
    expect(strip(t)).toEqual([
      { kind: 'rate', t: 0, drug: 'd', origin: 0, index: model.depots[e.target + 1]!.i, amount: 240 },
      { kind: 'rate', t: 0.25, drug: 'd', origin: 0, index: model.depots[e.target + 1]!.i, amount: -240 },
      { kind: 'bolus', t: 0, drug: 'd', origin: 0, index: model.depots[e.target]!.i, amount: 40 },
    ]);
  });

  it('releases a patch with a skin reservoir into a depot emptied at its release rate', () => {
    const model = new PkModel(COV);
    const dm = model.add(drug({ routes: { patch: { F: q(0.5, 'fraction'), wear: q(24, 'h'), skinRelease: q(0.1, '1/h') } } }));
    expect(dm.entries.patch).toMatchObject({ kind: 'zero-order', intoDepot: true, F: 0.5, durationH: 24 });
    expect(model.depots[dm.entries.patch!.target]).toMatchObject({ ka: 0.1, F: 1, transit: 0 });
  });
});

describe('the right-hand side', () => {
  it('gives absorption, elimination, distribution, the effect site and zero-order input exactly', () => {
    const model = new PkModel(COV);
    model.add(drug({ pk: { model: 'two-compartment', CL: q(5, 'L/h'), V: q(100, 'L'), Q: q(10, 'L/h'), V2: q(200, 'L'), ke0: q(0.5, '1/h'), concentrationUnit: 'ng/mL' }, routes: { oral: { F: q(0.8, 'fraction'), ka: q(1.2, '1/h'), transit: q(1, '1') } } }));
    // States: central 0, peripheral 1, effect site 2, depot 3, transit 4.
    expect(model.size).toBe(5);
    const rates = new Float64Array(5);
    rates[0] = 7;
    const y = Float64Array.from([50, 40, 300, 10, 20]);
    const dy = new Float64Array(5);
    model.rhs(rates)(0, y, dy);
    const c = 50 / 100, cp = 40 / 200;
    expect(dy[3]).toBeCloseTo(-1.2 * 10, 12);
    expect(dy[4]).toBeCloseTo(1.2 * (10 - 20), 12);
    expect(dy[1]).toBeCloseTo(10 * (c - cp), 12);
    expect(dy[0]).toBeCloseTo(0.8 * 1.2 * 20 - 5 * c - 10 * (c - cp) + 7, 12);
    expect(dy[2]).toBeCloseTo(0.5 * (c * 1000 - 300), 12);
    // Without rates the zero-order input is left out.
    model.rhs(rates, false)(0, y, dy);
    expect(dy[0]).toBeCloseTo(0.8 * 1.2 * 20 - 5 * c - 10 * (c - cp), 12);
    expect(model.concentration(y, model.species[0]!)).toBe(500);
  });

  it('forms a metabolite from the parent’s elimination and inhibits CYP2D6 competitively', () => {
    const model = new PkModel(COV);
    model.add(
      drug({
        routes: { iv: {} },
        pk: { model: 'one-compartment', CL: q(10, 'L/h'), V: q(100, 'L'), concentrationUnit: 'ng/mL', clearance: { cyp2d6: { poor: q(0.4, '×'), intermediate: q(0.7, '×'), ultrarapid: q(1.3, '×') } } },
        inhibits: { CYP2D6: { ki: q(100, 'ng/mL') } },
        metabolites: [{ id: 'm', name: { en: 'M', zh: 'M' }, via: 'CYP2D6', formation: q(0.5, 'fraction'), massRatio: q(0.9, '1'), pk: { model: 'one-compartment', CL: q(2, 'L/h'), V: q(50, 'L'), concentrationUnit: 'ng/mL' }, targets: {} }],
      }),
    );
    const y = Float64Array.from([10, 1]);
    const dy = new Float64Array(2);
    model.rhs(new Float64Array(2))(0, y, dy);
    // C = 0.1 mg/L = 100 ng/mL = Ki: inhibition 1, CYP factor 1/2. CYP part 0.6·10 L/h.
    const cyp = 10 * 0.6 * 0.5 * 0.1, other = 10 * 0.4 * 0.1;
    expect(dy[0]).toBeCloseTo(-(cyp + other), 12);
    expect(dy[1]).toBeCloseTo(0.5 * 0.9 * cyp - 2 * (1 / 50), 12);
  });
});

describe('Emax and Hill terms', () => {
  const target = (c50: number, hill: number, emax = 1) => ({ effect: 'occupancy', c50: q(c50, 'ng/mL'), emax: q(emax, 'fraction'), hill: q(hill, '1') }) as never;

  it('is Emax·x/(1 + x) with x = (C/C50)^hill', () => {
    expect(emaxEffect(10, target(10, 1, 0.8))).toBeCloseTo(0.4, 15);
    expect(hillTerm(20, target(10, 2))).toBeCloseTo(4, 15);
    expect(hillTerm(5, target(10, 0.5))).toBeCloseTo(Math.SQRT1_2, 15);
    expect(emaxEffect(30, target(10, 2))).toBeCloseTo(0.9, 15);
  });

  it('caps x so that sums never overflow', () => {
    expect(hillTerm(1e300, target(1e-6, 1))).toBe(1e150);
    expect(emaxEffect(1e300, target(1e-6, 5))).toBe(1);
  });
});
