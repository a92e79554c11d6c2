// Drug-aware dosing: usual regimens from the drug files, the range text, and advice beside the dose field.
import { describe, expect, it } from 'vitest';
import { drugSummary } from '../../src-engine/contract/app-api.ts';
import { getDrug, simulate } from '../../src-engine/index.ts';
import { doseAdvice, doseSuggestions, rangeText, usualRegimen } from './dosing.ts';

const drug = (id: string) => drugSummary(getDrug(id)!);
const row = (dose: string, every = '24h') => ({ dose, every });

describe('usual regimen', () => {
  it('gives ketamine its 0.5 mg/kg infusion over 40 min once, not 5 mg every 24 h', () => {
    expect(usualRegimen(drug('ketamine'))).toEqual({ route: 'iv', dose: '0.5 mg/kg', every: '', infusion: '40min' });
    expect(doseSuggestions(drug('ketamine'))).toEqual(['0.1 mg/kg', '0.2 mg/kg', '0.5 mg/kg', '1 mg/kg']);
    expect(rangeText(drug('ketamine'))).toBe('0.1–1 mg/kg');
  });

  it('gives each drug its own route, interval and doses', () => {
    expect(usualRegimen(drug('levodopa'))).toEqual({ route: 'oral', dose: '100 mg', every: '8h', infusion: '' });
    expect(usualRegimen(drug('rivastigmine'))).toMatchObject({ route: 'patch', dose: '9.5 mg' });
    expect(usualRegimen(drug('esketamine'))).toMatchObject({ route: 'intranasal', dose: '56 mg', every: '84h' });
    expect(doseSuggestions(drug('sertraline'))).toContain('200 mg');
    expect(doseSuggestions(drug('sertraline'))).not.toContain('23 mg');
  });

  it('has nothing to offer for a drug without dosing data (user-defined) or no drug', () => {
    const mine = { ...drug('sertraline'), dosing: undefined, userDefined: true };
    expect(usualRegimen(mine)).toBeUndefined();
    expect(doseSuggestions(mine)).toEqual([]);
    expect(rangeText(undefined)).toBeUndefined();
  });
});

describe('dose advice', () => {
  it('is silent inside the range and under the daily maximum', () => {
    expect(doseAdvice(row('10 mg'), drug('donepezil'), 70)).toEqual([]);
    expect(doseAdvice(row('0.5 mg/kg', ''), drug('ketamine'), 70)).toEqual([]);
  });

  it('names a dose above or below the labelled range', () => {
    expect(doseAdvice(row('2 mg'), drug('donepezil'), 70)).toEqual([{ kind: 'below', range: '5–23 mg' }]);
    expect(doseAdvice(row('5000 mg'), drug('donepezil'), 70)).toEqual([
      { kind: 'above', range: '5–23 mg' },
      { kind: 'daily', mgPerDay: 5000, max: 23 },
    ]);
  });

  it('compares a mg dose with a mg/kg range at the patient’s weight, and the reverse', () => {
    // 35 mg is 0.5 mg/kg at 70 kg and 1.17 mg/kg at 30 kg.
    expect(doseAdvice(row('35 mg', ''), drug('ketamine'), 70)).toEqual([]);
    expect(doseAdvice(row('35 mg', ''), drug('ketamine'), 30)).toEqual([{ kind: 'above', range: '0.1–1 mg/kg' }]);
    expect(doseAdvice(row('0.2 mg/kg'), drug('sertraline'), 70)).toEqual([{ kind: 'below', range: '25–200 mg' }]);
    expect(doseAdvice(row('0.5 mg/kg'), drug('sertraline'), 70)).toEqual([]);
  });

  it('counts doses in 24 h as the engine does: every 8 h is three, every 7 h four, every 48 h one', () => {
    expect(doseAdvice(row('250 mg', '8h'), drug('levodopa'), 70)).toEqual([]);
    expect(doseAdvice(row('250 mg', '3h'), drug('levodopa'), 70)).toEqual([]);
    expect(doseAdvice(row('250 mg', '2h'), drug('levodopa'), 70)).toEqual([{ kind: 'daily', mgPerDay: 3000, max: 2000 }]);
    expect(doseAdvice(row('6 mg', '7h'), drug('donepezil'), 70)).toEqual([{ kind: 'daily', mgPerDay: 24, max: 23 }]);
    expect(doseAdvice(row('23 mg', '48h'), drug('donepezil'), 70)).toEqual([]);
  });

  it('agrees with the engine’s run-time warning on the daily maximum', () => {
    for (const [dose, every] of [['6 mg', '7h'], ['6 mg', '8h'], ['12 mg', '12h'], ['11 mg', '12h']] as const) {
      const out = simulate({ schema: 'modulon.scenario/1', name: 'x', duration: '3d', patient: { condition: 'alzheimers' }, interventions: [{ type: 'drug', drug: 'donepezil', dose, every }] });
      if (!out.ok) throw new Error('setup');
      const engineWarns = out.results.warnings.some((w) => w.includes('labelled maximum'));
      expect(doseAdvice(row(dose, every), drug('donepezil'), 70).some((a) => a.kind === 'daily'), `${dose} every ${every}`).toBe(engineWarns);
    }
  });

  it('says nothing about a row it cannot read (the field error speaks) or dosing records', () => {
    expect(doseAdvice(row('five mg'), drug('donepezil'), 70)).toEqual([]);
    expect(doseAdvice(row('5000 mg', 'daily'), drug('donepezil'), 70)).toEqual([{ kind: 'above', range: '5–23 mg' }]);
    expect(doseAdvice({ ...row('5000 mg'), records: [] }, drug('donepezil'), 70)).toEqual([]);
  });
});
