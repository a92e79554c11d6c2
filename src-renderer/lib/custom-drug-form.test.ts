import { describe, expect, it } from 'vitest';
import { customDrugSchema } from '../../src-engine/index.ts';
import { idFromName, newCustomDrugForm, toCustomDrug } from './custom-drug-form.ts';

describe('custom drug form', () => {
  it('makes a drug the engine accepts from filled fields', () => {
    const drug = toCustomDrug({ ...newCustomDrugForm(), name: 'My SSRI', routes: ['oral', 'iv'], CL: '30', V: '500', ka: '0.8', F: '0.6', target: 'SERT', potency: '5', emax: '0.9' });
    const parsed = customDrugSchema.safeParse(drug);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(drug).toMatchObject({ id: 'my-ssri', CL: { value: 30, unit: 'L/h' }, targets: { SERT: { potency: { value: 5, unit: 'ng/mL' }, emax: 0.9 } } });
  });

  it('passes transit compartments for absorbing routes only', () => {
    expect(toCustomDrug({ ...newCustomDrugForm(), name: 'Slow', CL: '5', V: '50', transit: '2' })).toMatchObject({ transit: 2 });
    expect(toCustomDrug({ ...newCustomDrugForm(), name: 'Slow', routes: ['iv'], CL: '5', V: '50', transit: '2' })).not.toHaveProperty('transit');
  });

  it('leaves empty fields out so validation names them', () => {
    const parsed = customDrugSchema.safeParse(toCustomDrug({ ...newCustomDrugForm(), name: 'X drug' }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['CL', 'V']));
  });

  it('derives ids that start with a letter', () => {
    expect(idFromName('  My SSRI 2! ')).toBe('my-ssri-2');
    expect(idFromName('5-HT drug')).toBe('drug-5-ht-drug');
    expect(idFromName('多奈哌齐')).toBe('drug-custom');
    expect(idFromName('X')).toBe('drug-x');
  });
});
