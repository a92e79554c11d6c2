// The spacing effect (Cepeda et al. 2006): spaced sessions beat massed ones at a delay; the
// trace cascade's closed form; hooks vanish at healthy values.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { streams } from './random.ts';
import { runTask } from './run.ts';
import { spacing, spacingParams } from './spacing.ts';
import { HEALTHY_STATE } from './types.ts';

const H = HEALTHY_STATE;
const ret = (schedule: 'spaced' | 'massed', retentionDays: number, s = H) => runTask('spacing', { schedule, retentionDays, items: 200 }, s, 1).measures.retention!;

describe('spacing', () => {
  it('one session: s_k = η_k·(1 − Σ_{j≤k} 0) = η_k, recall 1 − exp(−Σ s_k e^{−t/τ_k}/θ)', () => {
    const p = { ...spacingParams(), itemSpread: 0 };
    const r = spacing({ schedule: 'spaced', sessions: 1, gapDays: 1, retentionDays: 3, items: 1 }, H, streams(1), p);
    let m = 0;
    for (let k = 0; k < 4; k++) m += p.rate[k]! * Math.exp(-3 / p.tau[k]!);
    expect(r.measures.retention).toBeCloseTo(1 - Math.exp(-m / p.recallScale), 12);
    expect(r.measures.retention_immediate).toBeCloseTo(1 - Math.exp(-(p.rate[0]! + p.rate[1]! + p.rate[2]! + p.rate[3]!) / p.recallScale), 12);
  });

  it('spaced beats massed at a week (Cepeda 2006: ≈ 0.47 vs 0.37), not immediately', () => {
    const spaced = ret('spaced', 7);
    const massed = ret('massed', 7);
    expect(spaced - massed).toBeGreaterThan(0.06);
    expect(spaced).toBeGreaterThan(0.4);
    expect(spaced).toBeLessThan(0.55);
    expect(massed).toBeGreaterThan(0.28);
    expect(massed).toBeLessThan(0.42);
    expect(Math.abs(ret('spaced', 0) - ret('massed', 0))).toBeLessThan(0.03);
    expect(ret('spaced', 30) - ret('massed', 30)).toBeGreaterThan(0.04);
    expect(ret('spaced', 30)).toBeLessThan(spaced);
  });

  it('returns retention per day from the first session to the test', () => {
    const r = runTask('spacing', {}, H, 1);
    expect(r.curves.retention).toHaveLength(2 + 7 + 1);
    expect(r.curves.retention![9]).toBeCloseTo(r.measures.retention!, 2);
  });

  it('hippocampal and cortical plasticity set retention; hooks vanish at healthy values', () => {
    expect(ret('spaced', 7, EXAMPLE_STATES.alzheimers)).toBeLessThan(ret('spaced', 7) - 0.03);
    expect(ret('spaced', 7, { ...H, plasticityGain: 0.5 })).toBeLessThan(ret('spaced', 7) - 0.05);
    const h = runTask('spacing', {}, H, 4);
    // Depression in the engine lowers plasticity and hippocampal synapses (read) and neurogenesis and reward sensitivity (not read).
    expect(ret('spaced', 7, EXAMPLE_STATES.depression)).toBeLessThan(ret('spaced', 7) - 0.03);
    expect(runTask('spacing', {}, { ...EXAMPLE_STATES.depression, plasticityGain: 1, hippocampalGain: 1, hippocampalSynapses: 1 }, 4)).toEqual(h);
  });
});
