// A species' parameters for one patient: per-kg scaling, the CYP2D6, other and renal parts of
// clearance, age, units. Exact values from the formulas in speciesParams' doc.
import { describe, expect, it } from 'vitest';
import { getDrug, listDrugs, DRUG_IDS } from './catalogue.ts';
import { drugFileSchema, speciesParams, type Covariates, type SpeciesPkData } from './schema.ts';

const q = (value: number, unit: string) => ({ value, unit, source: 'test' });
const NORMAL: Covariates = { weightKg: 70, age: 40, cyp2d6: 'normal', crclMlMin: 100 };
const pk = (over: Record<string, unknown> = {}) => ({ model: 'one-compartment', CL: q(10, 'L/h'), V: q(100, 'L'), concentrationUnit: 'ng/mL', ...over }) as unknown as SpeciesPkData;

describe('speciesParams', () => {
  it('takes CL, V, Q and V2 as given, or per kg of body weight', () => {
    expect(speciesParams(pk(), NORMAL)).toEqual({ CL: 10, V: 100, Q: 0, V2: 0, ke0: 0, fm2d6: 0, toConc: 1000 });
    const perKg = pk({ model: 'two-compartment', CL: q(0.1, 'L/h/kg'), V: q(2, 'L/kg'), Q: q(0.5, 'L/h/kg'), V2: q(4, 'L/kg'), ke0: q(0.3, '1/h') });
    expect(speciesParams(perKg, { ...NORMAL, weightKg: 50 })).toEqual({ CL: 5, V: 100, Q: 25, V2: 200, ke0: 0.3, fm2d6: 0, toConc: 1000 });
    expect(speciesParams(pk({ Q: q(3, 'L/h'), V2: q(30, 'L') }), NORMAL)).toMatchObject({ Q: 3, V2: 30 });
  });

  it('uses 1 as the concentration factor for mmol/L species (lithium)', () => {
    expect(speciesParams(pk({ concentrationUnit: 'mmol/L' }), NORMAL).toConc).toBe(1);
  });

  it('scales the renal fraction with creatinine clearance (reference 100 mL/min)', () => {
    const renal = pk({ clearance: { renalFraction: q(0.4, 'fraction') } });
    expect(speciesParams(renal, NORMAL).CL).toBeCloseTo(10, 12);
    // 10 · (0.6 + 0.4 · 50/100) = 8
    expect(speciesParams(renal, { ...NORMAL, crclMlMin: 50 }).CL).toBeCloseTo(8, 12);
    expect(speciesParams(renal, { ...NORMAL, crclMlMin: 150 }).CL).toBeCloseTo(12, 12);
  });

  it('scales the non-renal part with age around 40, never below a fifth', () => {
    const aged = pk({ clearance: { renalFraction: q(0.5, 'fraction'), agePerYear: q(-0.01, '1/year') } });
    // 10 · 0.5 · (1 − 0.01 · 30) + 10 · 0.5 = 8.5
    expect(speciesParams(aged, { ...NORMAL, age: 70 }).CL).toBeCloseTo(8.5, 12);
    expect(speciesParams(aged, { ...NORMAL, age: 20 }).CL).toBeCloseTo(11, 12);
    // 1 − 0.01 · 90 = 0.1 → 0.2
    expect(speciesParams(aged, { ...NORMAL, age: 130 }).CL).toBeCloseTo(10 * 0.5 * 0.2 + 5, 12);
  });

  it('splits clearance into a CYP2D6 part (1 − poor) and the rest, scaled by phenotype', () => {
    const cyp = pk({ clearance: { cyp2d6: { poor: q(0.3, 'ratio'), intermediate: q(0.6, 'ratio'), ultrarapid: q(1.5, 'ratio') }, renalFraction: q(0.1, 'fraction') } });
    // normal: CYP 10·0.7, other 10·(0.3 − 0.1), renal 10·0.1
    expect(speciesParams(cyp, NORMAL)).toMatchObject({ CL: 10, fm2d6: 0.7 });
    const at = (cyp2d6: Covariates['cyp2d6']) => speciesParams(cyp, { ...NORMAL, cyp2d6 });
    expect(at('poor').CL).toBeCloseTo(3, 12);
    expect(at('poor').fm2d6).toBe(0);
    expect(at('intermediate').CL).toBeCloseTo(6, 12);
    expect(at('intermediate').fm2d6).toBeCloseTo(3 / 6, 12);
    expect(at('ultrarapid').CL).toBeCloseTo(15, 12);
    expect(at('ultrarapid').fm2d6).toBeCloseTo(12 / 15, 12);
  });

  it('gives no CYP2D6 share to a drug without CYP2D6 data, whatever the phenotype', () => {
    expect(speciesParams(pk(), { ...NORMAL, cyp2d6: 'poor' })).toMatchObject({ CL: 10, fm2d6: 0 });
  });

  it('has fm2d6 0 when clearance is zero', () => {
    expect(speciesParams(pk({ CL: q(0, 'L/h') }), NORMAL)).toMatchObject({ CL: 0, fm2d6: 0 });
  });
});

describe('the catalogue', () => {
  it('loads every drug file, each under its own id', () => {
    expect(DRUG_IDS).toHaveLength(15);
    expect(listDrugs().map((d) => d.id)).toEqual(DRUG_IDS);
    for (const id of DRUG_IDS) expect(getDrug(id)!.id).toBe(id);
    expect(getDrug('aspirin')).toBeUndefined();
  });
});

describe('usual dosing in the drug files', () => {
  it('gives every built-in drug a usual regimen on one of its routes, inside its labelled range', () => {
    for (const d of listDrugs()) {
      expect(d.dosing, d.id).toBeDefined();
      expect(Object.keys(d.routes), d.id).toContain(d.dosing!.route);
      expect(d.dosing!.suggestions, d.id).toContain(d.dosing!.dose);
    }
  });

  it('gives ketamine its antidepressant infusion, not a daily tablet', () => {
    expect(getDrug('ketamine')!.dosing).toMatchObject({ route: 'iv', dose: '0.5 mg/kg', infusion: '40min', range: { min: { value: 0.1, unit: 'mg/kg' }, max: { value: 1, unit: 'mg/kg' } } });
    expect(getDrug('ketamine')!.dosing!.every).toBeUndefined();
  });

  it('refuses a regimen on a route the drug lacks, an unparsable interval, a dose outside its range or in the wrong unit', () => {
    const raw = JSON.parse(JSON.stringify(getDrug('sertraline'))) as Record<string, unknown> & { dosing: Record<string, unknown> };
    const issues = (dosing: Record<string, unknown>) => {
      const out = drugFileSchema.safeParse({ ...raw, dosing: { ...raw.dosing, ...dosing } });
      return out.success ? [] : out.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({})).toEqual([]);
    expect(issues({ route: 'iv' })).toEqual(['dosing.route: expected a route of the drug (oral), got "iv"']);
    expect(issues({ every: 'daily' })).toEqual(['dosing.every: expected a duration such as "24h", got "daily"']);
    expect(issues({ dose: '500 mg' })).toEqual(['dosing.dose: expected a dose inside the labelled range 25–200 mg, got "500 mg"']);
    expect(issues({ suggestions: ['1 mg/kg'] })).toEqual(['dosing.suggestions.0: expected a dose in mg (the range\'s unit), got "1 mg/kg"']);
    expect(issues({ range: { min: q(300, 'mg'), max: q(200, 'mg') } })[0]).toBe('dosing.range: expected min ≤ max, got 300 and 200');
  });
});
