// Fear conditioning: the Rescorla–Wagner closed forms, the return-of-fear patterns (Bouton 2004)
// and the PTSD pattern of Milad et al. 2009, with each hook neutral at healthy values.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { fearConditioning, fearParams, type FearOptions } from './fear-conditioning.ts';
import { streams } from './random.ts';
import { runTask } from './run.ts';
import { HEALTHY_STATE } from './types.ts';

const H = HEALTHY_STATE;
const O: FearOptions = { acquisitionTrials: 10, extinctionTrials: 20, reinforcement: 1, extinctionContext: 'B', contextSimilarity: 0.2, testDelayDays: 1, recoveryDelayDays: 7, reinstatementShocks: 4 };

describe('fear conditioning', () => {
  it('reduces to Rescorla–Wagner: V_n = λ(1 − (1 − αβ)^n), extinction P_m = V(1 − α_e)^m', () => {
    const p = { ...fearParams(), pearceHallGamma: 0, initialAssociability: 1, contextSalience: 0 };
    const S = p.csSalience;
    const r = fearConditioning({ ...O, acquisitionTrials: 8, extinctionTrials: 5 }, H, streams(1), p);
    r.curves.acquisition!.forEach((cr, i) => expect(cr).toBeCloseTo(1 - (1 - S) ** i, 12));
    expect(r.measures.cr_acquisition).toBeCloseTo(1 - (1 - S) ** 8, 12);
    const v = (1 - (1 - S) ** 8) / (1 + 1 / p.acquisitionForgetting);
    expect(r.measures.cr_extinction).toBeCloseTo(v * (1 - p.extinctionRate) ** 5, 12);
    // The asymptote is λ, raised by noradrenaline as NE^k.
    const long = fearConditioning({ ...O, acquisitionTrials: 100 }, { ...H, noradrenaline: 1.44 }, streams(1), p);
    expect(long.measures.cr_acquisition).toBeCloseTo(1.44 ** p.neUsExponent, 9);
  });

  it('shows the return of fear: ABA renewal > ABC > extinction context, AAA below ABA, spontaneous recovery and reinstatement', () => {
    const m = runTask('fear-conditioning', {}, H, 1).measures;
    expect(m.cr_acquisition).toBeGreaterThan(0.9);
    expect(m.cr_extinction).toBeLessThan(0.15);
    expect(m.test_A! - m.test_B!).toBeGreaterThan(0.4);
    expect(m.test_A).toBeGreaterThan(m.test_C! + 0.05);
    expect(m.test_C).toBeGreaterThan(m.test_B! + 0.3);
    const aaa = runTask('fear-conditioning', { extinctionContext: 'A' }, H, 1).measures;
    expect(aaa.test_A).toBeLessThan(m.test_A! - 0.4);
    expect(m.spontaneous_recovery).toBeGreaterThan(m.test_B! + 0.1);
    const later = runTask('fear-conditioning', { recoveryDelayDays: 30 }, H, 1).measures;
    expect(later.spontaneous_recovery).toBeGreaterThan(m.spontaneous_recovery!);
    expect(m.reinstatement).toBeGreaterThan(m.test_B! + 0.2);
    expect(runTask('fear-conditioning', { reinstatementShocks: 0 }, H, 1).measures.reinstatement).toBeLessThan(m.reinstatement! - 0.2);
  });

  it('PTSD: larger acquisition, similar end of extinction, impaired extinction recall (Orr 2000; Milad 2009)', () => {
    const h = runTask('fear-conditioning', {}, H, 1).measures;
    const p = runTask('fear-conditioning', {}, EXAMPLE_STATES.ptsd, 1).measures;
    expect(p.cr_acquisition).toBeGreaterThan(h.cr_acquisition! + 0.1);
    expect(Math.abs(p.cr_extinction! - h.cr_extinction!)).toBeLessThan(0.05);
    expect(h.extinction_retention).toBeGreaterThan(0.65);
    expect(h.extinction_retention).toBeLessThan(0.85);
    expect(p.extinction_retention).toBeLessThan(h.extinction_retention! - 0.2);
    expect(p.test_B).toBeGreaterThan(h.test_B! + 0.3);
    expect(p.spontaneous_recovery).toBeGreaterThan(h.spontaneous_recovery!);
  });

  it('extinction learning and recall follow the plasticity gain, extinction capacity and hippocampus', () => {
    const base = runTask('fear-conditioning', { extinctionTrials: 8 }, H, 1).measures;
    const ketamine = runTask('fear-conditioning', { extinctionTrials: 8 }, { ...H, plasticityGain: 2 }, 1).measures;
    expect(ketamine.cr_extinction).toBeLessThan(base.cr_extinction!);
    expect(ketamine.test_B).toBeLessThan(base.test_B!);
    const weakHippocampus = runTask('fear-conditioning', {}, { ...H, hippocampalGain: 0.5 }, 1).measures;
    expect(weakHippocampus.test_B).toBeGreaterThan(runTask('fear-conditioning', {}, H, 1).measures.test_B!);
  });

  it('hooks vanish at healthy values: the engine\'s PTSD with the fields the model reads healed is healthy', () => {
    const h = runTask('fear-conditioning', {}, H, 3);
    // The engine's PTSD state also lowers synapses, neurogenesis and reward sensitivity, which the fear model does not read.
    expect(runTask('fear-conditioning', {}, { ...EXAMPLE_STATES.ptsd, noradrenaline: 1, extinctionCapacity: 1, hippocampalGain: 1, plasticityGain: 1 }, 3)).toEqual(h);
  });

  it('draws partial reinforcement from the seed, reproducibly', () => {
    const a = runTask('fear-conditioning', { reinforcement: 0.5 }, H, 11);
    expect(runTask('fear-conditioning', { reinforcement: 0.5 }, H, 11)).toEqual(a);
    const others = [12, 13, 14, 15].map((s) => runTask('fear-conditioning', { reinforcement: 0.5 }, H, s).curves.acquisition);
    expect(others.some((c) => JSON.stringify(c) !== JSON.stringify(a.curves.acquisition))).toBe(true);
    expect(a.measures.cr_acquisition).toBeLessThan(runTask('fear-conditioning', {}, H, 11).measures.cr_acquisition!);
  });
});
