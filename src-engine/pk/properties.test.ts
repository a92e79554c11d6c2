// Property tests over the whole catalogue: linear drugs are linear in dose; an IV dose is
// accounted for (AUC·CL = dose). (Random scenarios: random-scenarios.test.ts.)
import { describe, expect, it } from 'vitest';
import { DRUG_IDS, getDrug } from '../drugs/catalogue.ts';
import { speciesParams } from '../drugs/schema.ts';
import { simulate } from '../simulate.ts';

describe('properties over the catalogue', () => {
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
    // At the times both publish (the refined points after doses follow each run's own curves,
    // target occupancy included, which is not linear in dose).
    let compared = 0;
    for (const [name, s] of Object.entries(a.results.series)) {
      if (!name.startsWith('pk.')) continue;
      const other = b.results.series[name]!;
      const at = new Map(other.t.map((t, k) => [t, other.v[k]!]));
      s.v.forEach((v, k) => {
        const w = at.get(s.t[k]!);
        if (w === undefined) return;
        compared++;
        expect(Math.abs(w - 3 * v)).toBeLessThanOrEqual(1e-6 * 3 * v + 1e-12);
      });
    }
    expect(compared).toBeGreaterThan(72);
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
