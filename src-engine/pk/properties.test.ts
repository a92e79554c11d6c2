// Property tests over the whole catalogue: any accepted scenario gives finite, non-negative series;
// linear drugs are linear in dose; an IV dose is accounted for (AUC·CL = dose).
import { describe, expect, it } from 'vitest';
import { DRUG_IDS, getDrug } from '../drugs/catalogue.ts';
import { speciesParams } from '../drugs/schema.ts';
import { simulate } from '../simulate.ts';

/** mulberry32: a small seeded generator, so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

function randomScenario(r: () => number, i: number) {
  const n = 1 + Math.floor(r() * 3);
  const interventions = Array.from({ length: n }, () => {
    const drug = pick(r, DRUG_IDS);
    const route = pick(r, Object.keys(getDrug(drug)!.routes));
    const iv: Record<string, unknown> = { type: 'drug', drug, route, dose: `${(0.1 + r() * 200).toFixed(2)} mg`, start: `${Math.floor(r() * 20)}h` };
    if (r() < 0.7) iv.every = pick(r, ['6h', '8h', '12h', '24h', '7d']);
    if (route === 'iv' && r() < 0.5) iv.infusion = pick(r, ['10min', '40min', '2h']);
    if (iv.every && r() < 0.3) iv.skip = [`${(iv.start as string).replace('h', '')}h`];
    return iv;
  });
  return {
    schema: 'modulon.scenario/1',
    name: `random ${i}`,
    duration: pick(r, ['1d', '5d', '3w']),
    sampling: pick(r, ['10min', '1h', '6h']),
    patient: {
      condition: 'healthy',
      weightKg: 40 + r() * 100,
      age: 18 + Math.floor(r() * 80),
      cyp2d6: pick(r, ['poor', 'intermediate', 'normal', 'ultrarapid'] as const),
      crclMlMin: 15 + r() * 120,
    },
    interventions,
  };
}

describe('properties over the catalogue', () => {
  it('200 random accepted scenarios give finite, non-negative series', () => {
    const r = rng(20261123);
    for (let i = 0; i < 200; i++) {
      const doc = randomScenario(r, i);
      const out = simulate(doc);
      if (!out.ok) throw new Error(`scenario ${i} refused: ${JSON.stringify(out.errors)} ${JSON.stringify(doc)}`);
      for (const [name, s] of Object.entries(out.results.series)) {
        for (const v of s.v) {
          if (!Number.isFinite(v) || v < 0) throw new Error(`${name} = ${v} in ${JSON.stringify(doc)}`);
        }
        if (name.startsWith('target.')) expect(Math.max(...s.v)).toBeLessThanOrEqual(1);
      }
    }
  });

  /** Drugs whose kinetics are linear: no CYP2D6 inhibitor among their species, no AADC coupling. */
  const linear = DRUG_IDS.filter((id) => {
    const d = getDrug(id)!;
    return !d.inhibits && d.metabolites.every((m) => !m.inhibits) && !d.companion && !d.aadcFraction;
  });

  it.each(linear)('%s is linear in dose', (drug) => {
    const route = Object.keys(getDrug(drug)!.routes)[0]!;
    const doc = (dose: string) => ({ schema: 'modulon.scenario/1', name: 'lin', duration: '3d', sampling: '1h', patient: { condition: 'healthy' }, interventions: [{ type: 'drug', drug, route, dose, every: '24h' }] });
    const a = simulate(doc('1 mg'));
    const b = simulate(doc('3 mg'));
    if (!a.ok || !b.ok) throw new Error('refused');
    for (const [name, s] of Object.entries(a.results.series)) {
      if (!name.startsWith('pk.')) continue;
      s.v.forEach((v, k) => expect(Math.abs(b.results.series[name]!.v[k]! - 3 * v)).toBeLessThanOrEqual(1e-6 * 3 * v + 1e-12));
    }
  });

  it.each(DRUG_IDS.filter((id) => getDrug(id)!.routes.iv && !getDrug(id)!.inhibits && !getDrug(id)!.aadcFraction))('%s: an IV dose is all eliminated (AUC·CL = dose)', (drug) => {
    const d = getDrug(drug)!;
    const p = speciesParams(d.pk, { weightKg: 70, age: 40, cyp2d6: 'normal', crclMlMin: 100 });
    const halfLife = (Math.LN2 * (p.V + p.V2)) / p.CL;
    const hours = Math.ceil(halfLife * 30);
    // Fine sampling keeps the trapezoid's error below the tolerance for fast distribution phases.
    const sampling = `${Math.max(1, Math.ceil((hours * 60) / 150_000))}min`;
    const out = simulate({ schema: 'modulon.scenario/1', name: 'mb', duration: `${hours}h`, sampling, patient: { condition: 'healthy' }, interventions: [{ type: 'drug', drug, route: 'iv', dose: '10 mg' }] });
    if (!out.ok) throw new Error('refused');
    const s = out.results.series[`pk.${drug}.plasma`]!;
    let auc = 0;
    for (let k = 1; k < s.t.length; k++) auc += ((s.v[k]! + s.v[k - 1]!) / 2) * (s.t[k]! - s.t[k - 1]!);
    const amount = 10 * (d.doseAs?.perMg.value ?? 1);
    expect(Math.abs((auc / p.toConc) * p.CL - amount) / amount).toBeLessThan(1e-3);
  });
});
