// Non-linear pharmacokinetics against SciPy's LSODA (fixtures made by test/fixtures/lsoda/generate.py):
// CYP2D6 auto-inhibition by a parent and its metabolite, AADC block by a companion, and a
// two-compartment infusion with effect sites and a metabolite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DrugFile } from '../drugs/schema.ts';
import { parseScenario, type Scenario } from '../scenario.ts';
import { run, simulate } from '../simulate.ts';

interface FixtureCase {
  id: string;
  t: number[];
  plasma: Record<string, number[]>;
  effect: Record<string, number[]>;
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/lsoda/nonlinear-pk.json'), 'utf8')) as { cases: FixtureCase[] };
const byId = (id: string) => fixture.cases.find((c) => c.id === id)!;

const q = (value: number, unit: string) => ({ value, unit, source: 'LSODA fixture parameter' }) as never;
const oneCmt = (CL: number, V: number, extra: object = {}) => ({ model: 'one-compartment', CL: q(CL, 'L/h'), V: q(V, 'L'), concentrationUnit: 'ng/mL', ...extra });
const base = { name: { en: 'T', zh: 'T' }, class: { en: 'T', zh: 'T' }, description: { en: 'T', zh: 'T' }, labelledMaxDailyDose: q(1e4, 'mg/day'), targets: {}, metabolites: [] };

function runWith(d: DrugFile, doc: Record<string, unknown>, interventions: unknown[]) {
  const parsed = parseScenario({ schema: 'modulon.scenario/1', name: 'lsoda', patient: { condition: 'healthy' }, ...doc });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const scenario = { ...parsed.scenario, interventions: interventions.map((iv) => ({ type: 'drug', start: '0d', drug: d.id, ...(iv as object) })) } as Scenario;
  // On the sampling grid only, as the fixture (no refined points after doses).
  return run(scenario, { lookup: (id) => (id === d.id ? d : undefined), refine: false });
}

/** Relative agreement where the reference is not tiny, absolute near zero. */
function expectClose(ours: number[], ref: number[], rel: number, abs: number) {
  expect(ours).toHaveLength(ref.length);
  let worst = 0;
  ours.forEach((v, k) => {
    const r = ref[k] as number;
    worst = Math.max(worst, Math.abs(v - r) / (rel * Math.abs(r) + abs));
  });
  expect(worst).toBeLessThanOrEqual(1);
}

describe('non-linear PK vs SciPy LSODA', () => {
  it('CYP2D6 auto-inhibition by parent and metabolite over 8 weeks of daily dosing', () => {
    const ref = byId('cyp2d6-autoinhibition');
    const d = {
      ...base,
      id: 'autoinhib',
      routes: { oral: { F: q(0.7, 'fraction'), ka: q(0.5, '1/h') } },
      pk: oneCmt(30, 2000, { clearance: { cyp2d6: { poor: q(0.3, '×'), intermediate: q(0.65, '×'), ultrarapid: q(1.3, '×') } } }),
      inhibits: { CYP2D6: { ki: q(50, 'ng/mL') } },
      metabolites: [{ id: 'autoinhib-met', name: { en: 'M', zh: 'M' }, formation: q(0.8, 'fraction'), massRatio: q(0.96, '1'), pk: oneCmt(10, 3000), targets: {}, inhibits: { CYP2D6: { ki: q(40, 'ng/mL') } } }],
    } as unknown as DrugFile;
    const r = runWith(d, { duration: '8w', sampling: '6h' }, [{ dose: '20 mg', route: 'oral', every: '24h' }]);
    expectClose(r.series['pk.autoinhib.plasma']!.v, ref.plasma.parent!, 1e-6, 1e-9);
    expectClose(r.series['pk.autoinhib-met.plasma']!.v, ref.plasma.metabolite!, 1e-6, 1e-9);
    // The inhibition matters: without it the parent's week-8 level would be far lower.
    const plain = { ...d, inhibits: undefined, metabolites: d.metabolites.map((m) => ({ ...m, inhibits: undefined })) } as DrugFile;
    const without = runWith(plain, { duration: '8w', sampling: '6h' }, [{ dose: '20 mg', route: 'oral', every: '24h' }]);
    expect(ref.plasma.parent!.at(-1)! / without.series['pk.autoinhib.plasma']!.v.at(-1)!).toBeGreaterThan(1.5);
  });

  it('peripheral AADC block by a companion lengthens the parent’s clearance', () => {
    const ref = byId('aadc-companion');
    const d = {
      ...base,
      id: 'ldopa',
      routes: { oral: { F: q(0.9, 'fraction'), ka: q(2, '1/h') } },
      pk: oneCmt(60, 60),
      aadcFraction: q(0.6, 'fraction'),
      companion: {
        id: 'cdopa',
        name: { en: 'C', zh: 'C' },
        ratio: q(0.25, 'mg/mg'),
        routes: { oral: { F: q(0.6, 'fraction'), ka: q(1, '1/h') } },
        pk: oneCmt(25, 100),
        targets: { AADC_peripheral: { effect: 'inhibition', c50: q(50, 'ng/mL'), emax: q(1, 'fraction'), hill: q(1, '1') } },
      },
    } as unknown as DrugFile;
    const r = runWith(d, { duration: '3d', sampling: '15min' }, [{ dose: '100 mg', route: 'oral', every: '8h' }]);
    expectClose(r.series['pk.ldopa.plasma']!.v, ref.plasma.parent!, 1e-6, 1e-9);
    expectClose(r.series['pk.cdopa.plasma']!.v, ref.plasma.companion!, 1e-6, 1e-9);
  });

  it('two compartments, an infusion, effect sites and a metabolite', () => {
    const ref = byId('two-compartment-infusion-effect-site');
    const d = {
      ...base,
      id: 'ket',
      routes: { iv: {} },
      pk: { model: 'two-compartment', CL: q(80, 'L/h'), V: q(70, 'L'), Q: q(120, 'L/h'), V2: q(200, 'L'), ke0: q(2, '1/h'), concentrationUnit: 'ng/mL' },
      metabolites: [{ id: 'ket-met', name: { en: 'M', zh: 'M' }, formation: q(0.8, 'fraction'), massRatio: q(0.95, '1'), pk: oneCmt(40, 150, { ke0: q(0.7, '1/h') }), targets: {} }],
    } as unknown as DrugFile;
    const r = runWith(d, { duration: '12h', sampling: '5min' }, [{ dose: '35 mg', route: 'iv', infusion: '40min' }]);
    expectClose(r.series['pk.ket.plasma']!.v, ref.plasma.parent!, 1e-6, 1e-9);
    expectClose(r.series['pk.ket-met.plasma']!.v, ref.plasma.metabolite!, 1e-6, 1e-9);
    expectClose(r.series['pk.ket.brain']!.v, ref.effect.parent!, 1e-6, 1e-9);
    expectClose(r.series['pk.ket-met.brain']!.v, ref.effect.metabolite!, 1e-6, 1e-9);
  });
});

/** The catalogue's non-linear drugs from their own data files (regenerate the fixture when those change). */
const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/lsoda/catalogue-nonlinear.json'), 'utf8')) as {
  cases: Array<{ id: string; scenario: { drug: string; dose: string; every: string; duration: string; sampling: string }; t: number[]; plasma: Record<string, number[]> }>;
};

describe('catalogue drugs vs SciPy LSODA', () => {
  it.each(catalogue.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const out = simulate({
      schema: 'modulon.scenario/1',
      name: c.id,
      duration: c.scenario.duration,
      sampling: c.scenario.sampling,
      patient: { condition: 'healthy', weightKg: 70, age: 40, cyp2d6: 'normal', crclMlMin: 100 },
      interventions: [{ type: 'drug', drug: c.scenario.drug, dose: c.scenario.dose, every: c.scenario.every }],
    }, { refine: false });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    for (const [species, ref] of Object.entries(c.plasma)) {
      const s = out.results.series[`pk.${species}.plasma`]!;
      expect(s.t).toEqual(c.t);
      expectClose(s.v, ref, 1e-6, 1e-9);
    }
  });
});
