// The comparison format: arms resolved from a base and a variation (add, remove, change, patient),
// arms that are whole scenarios, and every refusal naming the comparison's own field.
import { describe, expect, it } from 'vitest';
import { parseComparison } from './comparison.ts';

const base = {
  schema: 'modulon.scenario/1',
  name: 'Ketamine alone',
  duration: '3d',
  patient: { condition: 'depression', severity: 'severe', treatmentResistant: true },
  interventions: [
    { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', start: '1d' },
    { type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' },
  ],
};
const cbt = { type: 'therapy', kind: 'cbt', every: '1d', start: '1d' };
const doc = (arms: unknown[], extra: object = {}) => ({ schema: 'modulon.comparison/1', name: 'c', base, arms, ...extra });

describe('parseComparison', () => {
  it('resolves each arm: base, added, removed, changed and patient variations, named after the arm', () => {
    const out = parseComparison(
      doc([
        { name: 'Ketamine alone' },
        { name: ' Ketamine + CBT ', add: [cbt] },
        { name: 'No ketamine', remove: [0] },
        { name: 'Double dose, mild', change: [{ intervention: 0, set: { dose: '1 mg/kg', infusion: null } }], patient: { severity: 'mild', treatmentResistant: null } },
      ]),
    );
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const [a, b, c, d] = out.arms;
    expect(a?.doc).toEqual(base);
    expect(b?.name).toBe('Ketamine + CBT');
    expect(b?.doc.name).toBe('Ketamine + CBT');
    expect(b?.doc.interventions).toEqual([...base.interventions, cbt]);
    expect(c?.doc.interventions).toEqual([base.interventions[1]]);
    expect(d?.doc.interventions?.[0]).toEqual({ type: 'drug', drug: 'ketamine', dose: '1 mg/kg', route: 'iv', start: '1d' });
    expect(d?.doc.patient).toEqual({ condition: 'depression', severity: 'mild' });
    // The base itself is never changed by an arm.
    expect(base.interventions[0]).toHaveProperty('infusion', '40min');
  });

  it('arms may be whole scenarios without a base', () => {
    const out = parseComparison({ schema: 'modulon.comparison/1', name: 'c', arms: [{ name: 'A', scenario: base }, { name: 'B', scenario: { ...base, interventions: [] } }] });
    expect(out.ok && out.arms.map((a) => a.doc.interventions?.length)).toEqual([2, 0]);
  });

  const errorOf = (d: unknown) => {
    const out = parseComparison(d);
    if (out.ok) throw new Error('expected a refusal');
    return out.errors[0];
  };

  it.each([
    ['the schema', { ...doc([{ name: 'a' }, { name: 'b' }]), schema: 'x' }, 'schema', /modulon\.comparison\/1/],
    ['too few arms', doc([{ name: 'a' }]), 'arms', /at least 2 arms/],
    ['an unknown key', doc([{ name: 'a' }, { name: 'b', colour: 'red' }]), 'arms[1]', /unknown key "colour"/],
    ['a repeated arm name', doc([{ name: 'A' }, { name: 'a' }]), 'arms[1].name', /different from arms\[0\]'s/],
    ['an unknown reference', doc([{ name: 'a' }, { name: 'b' }], { reference: 'z' }), 'reference', /expected the name of an arm \("a", "b"\)/],
    ['a bad base', { ...doc([{ name: 'a' }, { name: 'b' }]), base: { ...base, duration: '5 kg' } }, 'base.duration', /expected a duration/],
    ['a bad added dose', doc([{ name: 'a' }, { name: 'b', add: [{ ...base.interventions[1], dose: '5 kg' }] }]), 'arms[1].add[0].dose', /expected a dose/],
    ['a bad changed dose', doc([{ name: 'a' }, { name: 'b', change: [{ intervention: 1, set: { dose: 'lots' } }] }]), 'arms[1].change[0].set.dose', /expected a dose/],
    ['a bad patient change', doc([{ name: 'a' }, { name: 'b', patient: { severity: 'awful' } }]), 'arms[1].patient.severity', /./],
    ['a removal out of range', doc([{ name: 'a' }, { name: 'b', remove: [5] }]), 'arms[1].remove[0]', /interventions \(0–1\), got 5/],
    ['a change out of range', doc([{ name: 'a' }, { name: 'b', change: [{ intervention: 2, set: { dose: '1 mg' } }] }]), 'arms[1].change[0].intervention', /got 2/],
    ['a type change', doc([{ name: 'a' }, { name: 'b', change: [{ intervention: 0, set: { type: 'tms' } }] }]), 'arms[1].change[0].set.type', /type to stay/],
    ['no scenario at all', { schema: 'modulon.comparison/1', name: 'c', arms: [{ name: 'a' }, { name: 'b' }] }, 'arms[0].scenario', /or a "base"/],
    ['a bad arm scenario', { schema: 'modulon.comparison/1', name: 'c', arms: [{ name: 'a', scenario: { ...base, patient: { condition: 'flu' } } }, { name: 'b', scenario: base }] }, 'arms[0].scenario.patient.condition', /expected one of/],
    ['a bad analysis time', doc([{ name: 'a' }, { name: 'b' }], { at: ['soon'] }), 'at[0]', /expected a duration/],
    ['bad threshold levels', doc([{ name: 'a' }, { name: 'b' }], { thresholds: { 'target.D2.occupancy': { levels: [] } } }), 'thresholds.target.D2.occupancy.levels', /at least 1/],
  ])('refuses %s at its field', (_what, d, path, message) => {
    const e = errorOf(d);
    expect(e?.path).toBe(path);
    expect(e?.message).toMatch(message);
  });
});
