// The shared hooks: each is neutral at healthy values (ablation at the function level) and moves
// the way its mechanism says.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { achPlasticity, achSuppression, burstGain, dipGain, dopamineRho, hippocampalPlasticity, nmdaFactor } from './modulation.ts';
import { HEALTHY_STATE } from './types.ts';

const H = HEALTHY_STATE;

describe('modulatory hooks', () => {
  it('vanish at healthy values', () => {
    expect(achPlasticity(1)).toBeCloseTo(1, 12);
    expect(achSuppression(1, 0.8)).toBeCloseTo(0.8, 12);
    expect(nmdaFactor(0)).toBe(1);
    expect(hippocampalPlasticity(H)).toBeCloseTo(1, 12);
    expect(dopamineRho(1)).toBe(0);
    expect(burstGain(H)).toBe(1);
    expect(dipGain(H)).toBeCloseTo(1, 12);
  });

  it('acetylcholine: plasticity and suppression grow with ACh and saturate (Hasselmo 2006)', () => {
    expect(achPlasticity(0)).toBeGreaterThan(0.3);
    expect(achPlasticity(0)).toBeLessThan(0.6);
    expect(achPlasticity(0.6)).toBeLessThan(1);
    expect(achPlasticity(3)).toBeGreaterThan(1);
    expect(achPlasticity(3)).toBeLessThan(1.3);
    expect(achSuppression(0, 0.8)).toBe(0);
    expect(achSuppression(0.6, 0.8)).toBeLessThan(0.8);
    expect(achSuppression(10, 0.8)).toBeLessThan(1);
  });

  it('NMDA block removes hippocampal plasticity in proportion (Morris et al. 1986)', () => {
    expect(nmdaFactor(1)).toBe(0);
    expect(nmdaFactor(0.4)).toBeCloseTo(0.6, 12);
    expect(hippocampalPlasticity({ ...H, nmdaBlock: 1 })).toBe(0);
    expect(hippocampalPlasticity({ ...H, hippocampalGain: 2 })).toBeCloseTo(2, 12);
  });

  it('dopamine: PD off lowers ρ and bursts and leaves dips strong; levodopa raises ρ and masks dips (Frank 2005)', () => {
    const off = EXAMPLE_STATES.parkinsonsOff;
    const on = EXAMPLE_STATES.parkinsonsOn;
    expect(dopamineRho(off.dopamineTonic)).toBeLessThan(-0.5);
    expect(dopamineRho(on.dopamineTonic)).toBeGreaterThan(0.5);
    expect(burstGain(off)).toBeLessThan(0.5);
    expect(burstGain(on)).toBeGreaterThan(burstGain(off));
    expect(dipGain(off)).toBeGreaterThan(1);
    expect(dipGain(on)).toBeLessThan(1);
    expect(dipGain({ ...H, dopamineTonic: 1.6 })).toBeLessThan(dipGain(H));
    expect(dipGain({ ...H, d2Signal: 0.35 })).toBeCloseTo(0.35, 12);
  });

  it('stays finite at the bounds of the state', () => {
    for (const v of [0, 3, 10]) {
      const s = { ...H, dopamineTonic: v, dopaminePhasic: v, d2Signal: v, acetylcholine: v, hippocampalGain: v };
      for (const x of [achPlasticity(v), achSuppression(v, 0.8), dopamineRho(v), burstGain(s), dipGain(s), hippocampalPlasticity(s)]) expect(Number.isFinite(x)).toBe(true);
    }
  });
});
