// The cortex probe against SciPy (the corticothalamic transfer function and its leading mode) and
// against published behaviour: an alpha peak at rest, cholinergic EEG slowing in Alzheimer's with
// partial reversal when acetylcholine is restored (Jeong 2004; Adler et al. 2004; Babiloni et al.
// 2013), and more gamma under NMDA block (Hong et al. 2010; Muthukumaraswamy et al. 2015).
import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/scipy.json' with { type: 'json' };
import { cortex } from './index.ts';
import { HEALTHY, cortexWith, corticothalamicDenominator, corticothalamicDominantRoot, corticothalamicPower, cortexParams, gammaFixedPoint, gammaJacobian, gammaLeading, stateOf, type Corticothalamic, type GammaPair } from './cortex.ts';
import { c, div, scale, sub, type C } from './complex.ts';
import { effectiveDamping } from './closure.ts';
import type { CortexInput } from './types.ts';

const p = cortexParams();
const at = (x: Partial<CortexInput>) => cortex({ ...HEALTHY, ...x });
const healthy = at({});
/** The slow layer's moderate Alzheimer's (cortical ACh 0.65, synapses 0.65) and the same on donepezil 10 mg (ACh 1.02). */
const AD = { acetylcholine: 0.65, synapses: 0.65 };
const AD_DONEPEZIL = { acetylcholine: 1.02, synapses: 0.65 };

describe('corticothalamic model (Robinson et al.; eyes-closed gains of Abeysuriya et al. 2015)', () => {
  it('evaluates the transfer function as SciPy does', () => {
    const { ct } = stateOf(p, HEALTHY);
    fixtures.robinson.freqs.forEach((f, i) => {
      expect(corticothalamicPower(ct, f) / (fixtures.robinson.power[i] as number)).toBeCloseTo(1, 10);
    });
  });

  it('finds the leading mode SciPy finds: a slow real mode just left of the axis', () => {
    const root = corticothalamicDominantRoot(stateOf(p, HEALTHY).ct);
    expect(root.re).toBeCloseTo(fixtures.robinson.rootRe, 6);
    expect(Math.abs(root.im)).toBeLessThan(1e-6);
  });

  it('adds little damping to the healthy slow mode through the closure', () => {
    const { ct } = stateOf(p, HEALTHY);
    const root = corticothalamicDominantRoot(ct);
    const shift = root.re - effectiveDamping(root.re, p.sigmaCortex);
    expect(shift).toBeGreaterThan(0);
    // Barely changes the healthy spectrum: under 10 % more damping of the slow mode.
    expect(shift / -root.re).toBeLessThan(0.1);
  });
});

describe('resting EEG', () => {
  it('has its healthy peak in the alpha band and shares that sum to one', () => {
    expect(healthy.peakHz).toBeGreaterThanOrEqual(8);
    expect(healthy.peakHz).toBeLessThanOrEqual(12);
    expect(healthy.alpha).toBeGreaterThan(healthy.theta);
    expect(healthy.alpha).toBeGreaterThan(healthy.beta);
    expect(healthy.delta + healthy.theta + healthy.alpha + healthy.beta + healthy.gamma).toBeCloseTo(1, 12);
    // The spectrum is normalised to a healthy 1–45 Hz total of 1.
    const s = healthy.spectrum;
    let total = 0;
    for (let i = 0; i + 1 < s.f.length; i++) total += 0.5 * ((s.f[i + 1] as number) - (s.f[i] as number)) * ((s.power[i] as number) + (s.power[i + 1] as number));
    expect(total).toBeCloseTo(1, 10);
  });

  it('slows without cholinergic drive: peak down by at least 1 Hz, theta share up', () => {
    const low = at({ acetylcholine: 0.5 });
    expect(healthy.peakHz - low.peakHz).toBeGreaterThanOrEqual(1);
    expect(low.theta).toBeGreaterThan(healthy.theta);
    expect(low.alpha).toBeLessThan(healthy.alpha);
    const none = at({ acetylcholine: 0.1 });
    expect(none.peakHz).toBeLessThan(low.peakHz);
    expect(none.theta).toBeGreaterThan(low.theta);
  });

  it('slows in moderate Alzheimer\'s and is partly restored when ACh is restored (synapses still lost)', () => {
    const ad = at(AD);
    const treated = at(AD_DONEPEZIL);
    expect(healthy.peakHz - ad.peakHz).toBeGreaterThanOrEqual(1);
    expect(ad.theta).toBeGreaterThan(healthy.theta);
    expect(treated.peakHz).toBeGreaterThan(ad.peakHz + 0.3);
    expect(treated.peakHz).toBeLessThan(healthy.peakHz - 0.3);
    expect(treated.theta).toBeLessThan(ad.theta);
    expect(treated.theta).toBeGreaterThan(healthy.theta);
  });

  it('slows monotonically as acetylcholine falls', () => {
    let prev = Infinity;
    for (let a = 3; a >= 0.1 - 1e-9; a -= 0.1) {
      const pk = at({ acetylcholine: a }).peakHz;
      expect(pk).toBeLessThanOrEqual(prev + 1e-9);
      prev = pk;
    }
  });

  it('gains gamma and loses alpha under NMDA block (ketamine 0.5)', () => {
    const ket = at({ nmdaBlock: 0.5 });
    expect(ket.gamma).toBeGreaterThan(1.3 * healthy.gamma);
    expect(ket.alpha).toBeLessThan(healthy.alpha);
    let prev = 0;
    for (let b = 0; b <= 0.9 + 1e-9; b += 0.1) {
      const g = at({ nmdaBlock: b }).gamma;
      expect(g).toBeGreaterThan(prev);
      prev = g;
    }
  });

  it('gets its gamma from disinhibition: NMDA block on the E→I drive raises the pyramidal fixed point', () => {
    const e0 = gammaFixedPoint(stateOf(p, HEALTHY).wc).E;
    const e5 = gammaFixedPoint(stateOf(p, { ...HEALTHY, nmdaBlock: 0.5 }).wc).E;
    expect(e5).toBeGreaterThan(e0);
    // The healthy pair is a damped ~40 Hz resonator.
    const j = gammaJacobian(stateOf(p, HEALTHY).wc);
    const tr = j.j11 + j.j22;
    const det = j.j11 * j.j22 - j.j12 * j.j21;
    const hz = Math.sqrt(det - (tr * tr) / 4) / (2 * Math.PI);
    expect(gammaLeading(j)).toBeLessThan(-50);
    expect(hz).toBeGreaterThan(30);
    expect(hz).toBeLessThan(50);
  });
});

describe('hippocampal theta', () => {
  it('follows acetylcholine and synapses', () => {
    expect(healthy.hippocampalTheta).toBeCloseTo(1, 12);
    const ad = at(AD).hippocampalTheta;
    expect(ad).toBeLessThan(0.75);
    expect(at(AD_DONEPEZIL).hippocampalTheta).toBeGreaterThan(ad);
    let prev = 0;
    for (let a = 0.1; a <= 3; a += 0.1) {
      const t = at({ acetylcholine: a }).hippocampalTheta;
      expect(t).toBeGreaterThan(prev);
      prev = t;
    }
  });
});

describe('robustness', () => {
  it('is finite and well formed across every input', () => {
    for (const acetylcholine of [0.1, 0.3, 1, 3]) {
      for (const nmdaBlock of [0, 0.5, 1]) {
        for (const synapses of [0.3, 0.7, 1, 1.2]) {
          for (const excitability of [-0.3, 0, 0.3]) {
            for (const gaba of [0.5, 1, 2]) {
              const x = { acetylcholine, nmdaBlock, synapses, excitability, gaba };
              const o = cortex(x);
              const shares = [o.delta, o.theta, o.alpha, o.beta, o.gamma];
              expect(shares.every((v) => Number.isFinite(v) && v >= 0 && v <= 1), JSON.stringify(x)).toBe(true);
              expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
              expect(o.peakHz).toBeGreaterThanOrEqual(4);
              expect(o.peakHz).toBeLessThanOrEqual(15);
              expect(Number.isFinite(o.hippocampalTheta) && o.hippocampalTheta >= 0).toBe(true);
              expect(o.spectrum.power.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
            }
          }
        }
      }
    }
  });

  it('keeps power bounded where a knob pushes a linearised mode past instability', () => {
    // Extra synapses, anodal excitability and low GABA destabilise the corticothalamic slow mode;
    // add full NMDA block and the disinhibited gamma pair passes its Hopf bifurcation.
    const corticothalamic = { acetylcholine: 3, nmdaBlock: 0, synapses: 1.2, excitability: 0.3, gaba: 0.5 };
    const gamma = { acetylcholine: 0.3, nmdaBlock: 1, synapses: 1.2, excitability: 0.3, gaba: 0.5 };
    expect(corticothalamicDominantRoot(stateOf(p, corticothalamic).ct).re).toBeGreaterThan(0);
    expect(gammaLeading(gammaJacobian(stateOf(p, gamma).wc))).toBeGreaterThan(0);
    for (const x of [corticothalamic, gamma]) {
      const s = cortex(x).spectrum;
      expect(Math.max(...s.power)).toBeLessThan(1000 * Math.max(...healthy.spectrum.power));
    }
  });

  it('treats non-finite inputs as healthy', () => {
    expect(cortex({ acetylcholine: Number.NaN, nmdaBlock: Number.NaN, synapses: Number.NaN, excitability: Number.NaN, gaba: Number.NaN })).toEqual(healthy);
  });
});

// The probe's solvers are fast paths; these are the plain searches they replace (Newton on D with a
// numerical derivative from a 0.5–60 Hz grid; bisection for the E–I pair), kept here as references.
function referenceDominantRoot(ct: Corticothalamic): C {
  let best: C | null = null;
  for (const f of [0.5, 2, 4, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60]) {
    for (const sigma of [5, -10]) {
      let s = c(sigma, 2 * Math.PI * f);
      let ok = false;
      for (let i = 0; i < 80; i++) {
        const h = 1e-6 * (1 + Math.hypot(s.re, s.im));
        const D = corticothalamicDenominator(ct, s);
        const dD = scale(sub(corticothalamicDenominator(ct, c(s.re + h, s.im)), corticothalamicDenominator(ct, c(s.re - h, s.im))), 1 / (2 * h));
        const step = div(D, dD);
        s = sub(s, step);
        if (!Number.isFinite(s.re) || !Number.isFinite(s.im)) break;
        if (Math.hypot(step.re, step.im) < 1e-9 * (1 + Math.hypot(s.re, s.im))) {
          ok = true;
          break;
        }
      }
      if (ok && s.im >= -1e-9 && s.re > -Math.min(ct.alpha, ct.gammaE) * 0.999 && (best === null || s.re > best.re)) best = s;
    }
  }
  if (best === null) throw new Error('no mode');
  return best;
}

function referenceFixedPoint(w: GammaPair): { E: number; I: number } {
  const S = (v: number) => 1 / (1 + Math.exp(-v));
  const iOf = (E: number) => {
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 60; k++) {
      const mid = 0.5 * (lo + hi);
      if (mid - S(w.wIE * E - w.wII * mid + w.driveI) > 0) hi = mid;
      else lo = mid;
    }
    return 0.5 * (lo + hi);
  };
  const r = (E: number) => E - S(w.wEE * E - w.wEI * iOf(E) + w.driveE);
  let prev = r(0);
  for (let k = 1; k <= 200; k++) {
    const v = r(k / 200);
    if (prev <= 0 && v > 0) {
      let lo = (k - 1) / 200;
      let hi = k / 200;
      for (let j = 0; j < 50; j++) {
        const mid = 0.5 * (lo + hi);
        if (r(mid) > 0) hi = mid;
        else lo = mid;
      }
      const E = 0.5 * (lo + hi);
      return { E, I: iOf(E) };
    }
    prev = v;
  }
  throw new Error('no fixed point');
}

describe('fast solvers', () => {
  const inputs: CortexInput[] = [];
  for (const acetylcholine of [0.1, 0.3, 0.65, 1, 1.5, 3])
    for (const nmdaBlock of [0, 0.5, 1])
      for (const synapses of [0.3, 0.65, 1, 1.2])
        for (const excitability of [-0.3, 0, 0.3]) for (const gaba of [0.5, 1, 2]) inputs.push({ acetylcholine, nmdaBlock, synapses, excitability, gaba });

  it('find the leading corticothalamic mode the wide Newton search finds, across the input ranges', () => {
    let oscillatory = 0;
    for (const x of inputs) {
      const { ct } = stateOf(p, x);
      const fast = corticothalamicDominantRoot(ct);
      const ref = referenceDominantRoot(ct);
      expect(Math.abs(fast.re - ref.re), JSON.stringify(x)).toBeLessThan(1e-9);
      expect(Math.abs(fast.im - Math.max(0, ref.im)), JSON.stringify(x)).toBeLessThan(1e-7);
      if (fast.im > 1) oscillatory++;
    }
    // Both kinds of leader occur: the slow real mode and the lowest oscillatory one.
    expect(oscillatory).toBeGreaterThan(0);
    expect(oscillatory).toBeLessThan(inputs.length);
  });

  it('still find a mode when the corticothalamic gains vanish (no synapses)', () => {
    const { ct } = stateOf(p, { ...HEALTHY, synapses: 0 });
    expect(corticothalamicDominantRoot(ct).re).toBeCloseTo(referenceDominantRoot(ct).re, 9);
    expect(Number.isFinite(cortex({ ...HEALTHY, synapses: 0 }).peakHz)).toBe(true);
  });

  it('find the lowest fixed point of the E–I pair that bisection finds', () => {
    for (const x of inputs) {
      const { wc } = stateOf(p, x);
      const fast = gammaFixedPoint(wc);
      const ref = referenceFixedPoint(wc);
      expect(Math.abs(fast.E - ref.E), JSON.stringify(x)).toBeLessThan(1e-13);
      expect(Math.abs(fast.I - ref.I), JSON.stringify(x)).toBeLessThan(1e-13);
    }
  });

  it('evaluate the spectrum on its grid as the pointwise transfer function does', () => {
    // Without the gamma pair the spectrum is the corticothalamic power at the closure's shift, up
    // to the normaliser; the grid steps e^(−s·t0) by rotation instead of a cos and sin per point.
    const probe = cortexWith({ ...p, gammaShare: 0 });
    for (const x of [HEALTHY, { ...HEALTHY, acetylcholine: 0.3, synapses: 0.5 }, { acetylcholine: 3, nmdaBlock: 0, synapses: 1.2, excitability: 0.3, gaba: 0.5 }]) {
      const { ct } = stateOf(p, x);
      const root = corticothalamicDominantRoot(ct).re;
      const shift = root - effectiveDamping(root, p.sigmaCortex);
      const { f, power } = probe(x).spectrum;
      const ratios = f.map((fi, i) => (power[i] as number) / corticothalamicPower(ct, fi, shift));
      for (const r of ratios) expect(r / (ratios[0] as number)).toBeCloseTo(1, 12);
    }
  });
});
