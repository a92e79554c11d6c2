// The one-compartment oral model against its closed form, linearity, split doses, finiteness.
import { describe, expect, it } from 'vitest';
import { getDrug } from './drugs/catalogue.ts';
import { speciesParams } from './drugs/schema.ts';
import { simulate } from './simulate.ts';
import type { Results } from './results.ts';

function scenario(interventions: unknown[], extra: Record<string, unknown> = {}) {
  return {
    schema: 'modulon.scenario/1',
    name: 'test',
    duration: '12w',
    patient: { condition: 'alzheimers', weightKg: 70 },
    interventions,
    ...extra,
  };
}

function runOk(doc: unknown): Results {
  // On the sampling grid only (the closed forms below are compared sample by sample with its step).
  const out = simulate(doc, { refine: false });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}

/** Superposition of single oral doses: C(t) = F·D·ka / (V·(ka − k)) · (e^(−k·τ) − e^(−ka·τ)), τ = t − t_dose. */
function closedForm(t: number, doseTimes: number[], doseMg: number, p: { F: number; V: number; CL: number; ka: number }): number {
  const k = p.CL / p.V;
  let c = 0;
  for (const td of doseTimes) {
    if (td > t) continue;
    const tau = t - td;
    c += ((p.F * doseMg * p.ka) / (p.V * (p.ka - k))) * (Math.exp(-k * tau) - Math.exp(-p.ka * tau));
  }
  return c * 1000; // mg/L → ng/mL
}

describe('one-compartment oral pharmacokinetics', () => {
  const drug = getDrug('donepezil')!;
  const p = { ...speciesParams(drug.pk, { weightKg: 70, age: 40, cyp2d6: 'normal', crclMlMin: 100 }), F: drug.routes.oral!.F.value, ka: drug.routes.oral!.ka.value };

  it('matches the closed form within 1e-6 relative over 12 weeks of daily dosing', () => {
    const results = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }]));
    const s = results.series['pk.donepezil.plasma']!;
    const doses = Array.from({ length: 84 }, (_, i) => i * 24);
    let worst = 0;
    let compared = 0;
    s.t.forEach((t, k) => {
      const ref = closedForm(t, doses, 10, p);
      if (ref === 0) {
        expect(s.v[k]).toBe(0);
        return;
      }
      worst = Math.max(worst, Math.abs((s.v[k]! - ref) / ref));
      compared++;
    });
    expect(compared).toBe(84 * 24);
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it('matches the closed form at off-grid dose times and a 40-minute sampling grid', () => {
    const results = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '5 mg', every: '17h', start: '5h', stop: '10d' }], { duration: '3w', sampling: '40min' }));
    const s = results.series['pk.donepezil.plasma']!;
    const doses: number[] = [];
    for (let t = 5; t < 240; t += 17) doses.push(t);
    for (let k = 0; k < s.t.length; k++) {
      const ref = closedForm(s.t[k]!, doses, 5, p);
      expect(Math.abs(s.v[k]! - ref)).toBeLessThanOrEqual(1e-6 * Math.abs(ref) + 1e-12);
    }
  });

  it('is linear in dose', () => {
    const a = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '5 mg', every: '24h' }])).series['pk.donepezil.plasma']!;
    const b = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '15 mg', every: '24h' }])).series['pk.donepezil.plasma']!;
    for (let k = 1; k < a.v.length; k++) expect(b.v[k]! / a.v[k]!).toBeCloseTo(3, 6);
  });

  it('gives the same concentrations for a dose given as two simultaneous halves', () => {
    const whole = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }])).series['pk.donepezil.plasma']!;
    const halves = runOk(
      scenario([
        { type: 'drug', drug: 'donepezil', dose: '5 mg', every: '24h' },
        { type: 'drug', drug: 'donepezil', dose: '5000 µg', every: '24h' },
      ]),
    ).series['pk.donepezil.plasma']!;
    for (let k = 0; k < whole.v.length; k++) expect(Math.abs(halves.v[k]! - whole.v[k]!)).toBeLessThanOrEqual(1e-9 * whole.v[k]! + 1e-12);
  });

  it('scales mg/kg doses by body weight', () => {
    const perKg = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '0.1 mg/kg' }], { duration: '3d', patient: { condition: 'healthy', weightKg: 50 } }));
    const flat = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '5 mg' }], { duration: '3d', patient: { condition: 'healthy', weightKg: 50 } }));
    expect(perKg.series['pk.donepezil.plasma']!.v).toEqual(flat.series['pk.donepezil.plasma']!.v);
  });

  it('reaches the label’s accumulation and time to steady state', () => {
    const s = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }])).series['pk.donepezil.plasma']!;
    const at = (h: number) => s.v[s.t.indexOf(h)]!;
    // Trough accumulation vs day 1: label 4–7-fold.
    const accumulation = at(83 * 24) / at(24);
    expect(accumulation).toBeGreaterThan(4);
    expect(accumulation).toBeLessThan(7);
    // Steady state within 15–21 days: day-21 trough within 5 % of the week-12 trough.
    expect(at(21 * 24) / at(83 * 24)).toBeGreaterThan(0.95);
  });

  it('never produces NaN, negative or infinite values', () => {
    for (const dose of ['1 µg', '23 mg', '100 g']) {
      const r = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose, every: '1min', stop: '1h' }], { duration: '1w', sampling: '1min' }));
      // One assertion per run (3.7 million expect() calls took 20 s of the suite).
      const bad = Object.entries(r.series).flatMap(([name, s]) => s.v.flatMap((v, k) => (Number.isFinite(v) && v >= 0 ? [] : [`${name}[${k}] = ${v}`])));
      expect(bad.slice(0, 5), dose).toEqual([]);
    }
  });

  it('computes brain AChE inhibition from plasma with the Emax model', () => {
    const r = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }]));
    const c = r.series['pk.donepezil.plasma']!.v;
    const inh = r.series['target.AChE.occupancy']!.v;
    const ic50 = drug.targets.AChE!.c50.value;
    for (let k = 0; k < c.length; k += 97) expect(inh[k]).toBeCloseTo(c[k]! / (ic50 + c[k]!), 12);
  });

  it('is deterministic: the same scenario gives the same numbers bit for bit', () => {
    const doc = scenario([{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' }]);
    expect(JSON.stringify(runOk(doc))).toBe(JSON.stringify(runOk(doc)));
  });

  it('lists a dose event per administration and warns above the labelled maximum', () => {
    const ok = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h', stop: '7d' }]));
    expect(ok.events).toHaveLength(7);
    expect(ok.events[0]).toMatchObject({ t: 0, kind: 'dose', label: 'donepezil 10 mg oral' });
    expect(ok.warnings).toEqual([]);
    const high = runOk(scenario([{ type: 'drug', drug: 'donepezil', dose: '15 mg', every: '12h', stop: '2d' }]));
    expect(high.warnings).toHaveLength(1);
    expect(high.warnings[0]).toMatch(/donepezil: 30 mg within 24 h exceeds the labelled maximum of 23 mg\/day/);
  });
});
