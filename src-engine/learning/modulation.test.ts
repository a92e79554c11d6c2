// The shared hooks: each is neutral at healthy values (ablation at the function level) and moves
// the way its mechanism says, at the states the engine produces (examples.ts).
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { achPlasticity, achSuppression, burstGain, d2Availability, dipGain, dopamineRho, excessTone, hippocampalPlasticity, nmdaFactor, terminalCapacity } from './modulation.ts';
import { HEALTHY_STATE } from './types.ts';

const H = HEALTHY_STATE;

describe('modulatory hooks', () => {
  it('vanish at healthy values', () => {
    expect(achPlasticity(1)).toBeCloseTo(1, 12);
    expect(achSuppression(1, 0.8)).toBeCloseTo(0.8, 12);
    expect(nmdaFactor(0)).toBe(1);
    expect(hippocampalPlasticity(H)).toBeCloseTo(1, 12);
    expect(terminalCapacity(1)).toBe(1);
    expect(excessTone(H)).toBe(1);
    expect(d2Availability(H)).toBe(1);
    expect(dopamineRho(H)).toBe(0);
    expect(burstGain(H)).toBe(1);
    expect(dipGain(H)).toBe(1);
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

  it('excess tone: 1 in untreated Parkinson\'s at any stage (the tone its terminals sustain), above 1 on levodopa', () => {
    // The engine's untreated tone is the compensated tone of its terminals, so the excess is 1.
    expect(excessTone(EXAMPLE_STATES.parkinsonsOff)).toBeCloseTo(1, 2);
    for (const t of [0.06, 0.2, 0.5]) expect(excessTone({ ...H, dopaminePhasic: t, dopamineTonic: terminalCapacity(t) })).toBeCloseTo(1, 12);
    expect(excessTone(EXAMPLE_STATES.parkinsonsOn)).toBeGreaterThan(1.5);
    expect(excessTone(EXAMPLE_STATES.parkinsonsWithdrawn)).toBeGreaterThan(1);
    expect(excessTone(EXAMPLE_STATES.parkinsonsWithdrawn)).toBeLessThan(excessTone(EXAMPLE_STATES.parkinsonsOn));
  });

  it('dopamine at the engine\'s Parkinson\'s states: off, weak bursts and full dips with ρ < 0; on levodopa, ρ > 0, bursts up and dips masked (Frank 2005)', () => {
    const off = EXAMPLE_STATES.parkinsonsOff;
    const on = EXAMPLE_STATES.parkinsonsOn;
    expect(dopamineRho(off)).toBeLessThan(-0.2);
    expect(dopamineRho(on)).toBeGreaterThan(0.4);
    expect(burstGain(off)).toBeLessThan(0.2);
    expect(burstGain(on)).toBeGreaterThan(1.5 * burstGain(off));
    expect(dipGain(off)).toBeCloseTo(1, 2);
    expect(dipGain(on)).toBeLessThan(0.5);
    // Relative to its own dips, the medicated patient learns far more from bursts than the unmedicated one.
    expect(burstGain(on) / dipGain(on)).toBeGreaterThan(4 * (burstGain(off) / dipGain(off)));
  });

  it('levodopa on intact terminals (Cools 2001) masks dips; a D2 blocker hides them; tone alone does not', () => {
    expect(dipGain({ ...H, dopamineTonic: 1.6 })).toBeLessThan(0.5);
    expect(d2Availability(EXAMPLE_STATES.schizophreniaRisperidone)).toBeCloseTo(0.307, 3);
    expect(dipGain(EXAMPLE_STATES.schizophreniaRisperidone)).toBeCloseTo(0.307, 3);
    expect(dipGain({ ...H, d2Signal: 0.35 })).toBeCloseTo(0.35, 12);
    // Receptor up-regulation (D2 signal above the tone) is not credited.
    expect(d2Availability(EXAMPLE_STATES.parkinsonsOff)).toBe(1);
  });

  it('stays finite at the bounds of the state', () => {
    for (const v of [0, 3, 10]) {
      const s = { ...H, dopamineTonic: v, dopaminePhasic: v, d2Signal: v, acetylcholine: v, hippocampalGain: v };
      for (const x of [achPlasticity(v), achSuppression(v, 0.8), dopamineRho(s), burstGain(s), dipGain(s), hippocampalPlasticity(s)]) expect(Number.isFinite(x)).toBe(true);
      for (const t of [0, 3, 10]) {
        const u = { ...H, dopamineTonic: v, dopaminePhasic: t, d2Signal: t };
        for (const x of [dopamineRho(u), burstGain(u), dipGain(u)]) expect(Number.isFinite(x)).toBe(true);
      }
    }
  });
});
