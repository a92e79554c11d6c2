// The STN–GPe loop's analytic read-out against outside references: the closed-form stability
// boundary of its characteristic equation, SciPy's roots and fixed points (fixtures/make-fixtures.py),
// and the time-domain integration of the same nonlinear delay equations.
import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/scipy.json' with { type: 'json' };
import { basalGangliaParams, loopAt, loopState } from './basal-ganglia.ts';
import { effectiveDamping, truncatedMean } from './closure.ts';
import { characteristic, dominantRoot, gainForDamping, linearise, rate, simulate, transfer, type Linearised, type StnGpeLoop } from './stn-gpe.ts';
import { abs2, c } from './complex.ts';

const p = basalGangliaParams();
const TWO_PI = 2 * Math.PI;

/** A linearised loop built directly from its slopes and gain (wGG = 0 unless given). */
function bare(tauS: number, tauG: number, T: number, K: number, wGG = 0): Linearised {
  const loop: StnGpeLoop = { ...loopAt(p, 1), tauS, tauG, delayGS: T / 2, delaySG: T / 2, delayGG: 0.004, wGG };
  return { loop, S: 0, G: 0, kS: 1, kG: 1, K };
}

describe('characteristic equation (Holgado, Terry & Bogacz 2010)', () => {
  it('puts a pure-imaginary root exactly on the closed-form stability boundary (wGG = 0)', () => {
    // D(iω) = 0 with wGG = 0 splits into phase and modulus: atan(ωτS) + atan(ωτG) + ωT = π and
    // K = √((1 + ω²τS²)(1 + ω²τG²)). Choose ω (20 Hz) and solve the phase condition for T.
    const tauS = p.tauS;
    const tauG = p.tauG;
    const w = TWO_PI * 20;
    const T = (Math.PI - Math.atan(w * tauS) - Math.atan(w * tauG)) / w;
    const Kc = Math.sqrt((1 + (w * tauS) ** 2) * (1 + (w * tauG) ** 2));
    const lin = bare(tauS, tauG, T, Kc);
    const root = dominantRoot(lin, 1);
    expect(Math.abs(root.re)).toBeLessThan(1e-8);
    expect(root.im).toBeCloseTo(w, 8);
    // Just below the critical gain every root is damped, just above one grows.
    expect(dominantRoot(lin, 0.98).re).toBeLessThan(0);
    expect(dominantRoot(lin, 1.02).re).toBeGreaterThan(0);
  });

  it('has the first-order Hayes root when the GPe is instantaneous and the delay vanishes', () => {
    // τG → 0, T → 0: (1 + λτS) + K = 0, so λ = −(1 + K)/τS exactly (a real, damped root).
    const lin = bare(p.tauS, 1e-12, 1e-12, 2);
    const { D } = characteristic(lin, 1, c(-3 / p.tauS, 0));
    expect(abs2(D)).toBeLessThan(1e-12);
  });

  it('matches SciPy for the fixed points and dominant roots of the healthy and moderate-PD loops', () => {
    for (const ref of fixtures.holgado) {
      const lin = linearise(loopAt(p, ref.dopamine));
      expect(lin.S).toBeCloseTo(ref.S, 8);
      expect(lin.G).toBeCloseTo(ref.G, 8);
      expect(lin.kS).toBeCloseTo(ref.kS, 10);
      expect(lin.kG).toBeCloseTo(ref.kG, 10);
      const root = dominantRoot(lin, 1);
      expect(root.re).toBeCloseTo(ref.rootRe, 6);
      expect(root.im).toBeCloseTo(ref.rootIm, 6);
    }
  });

  it('solves the fixed-point equations', () => {
    for (const dopamine of [3, 1, 0.55, 0.4, 0.05]) {
      const L = loopAt(p, dopamine);
      const { S, G } = linearise(L);
      expect(S).toBeCloseTo(rate(L.cortex - L.wGS * G, L.maxS, L.baseS), 9);
      expect(G).toBeCloseTo(rate(L.wSG * S - L.wGG * G - L.striatum, L.maxG, L.baseG), 9);
    }
  });
});

/** Envelope growth rate, frequency and variance of a simulated STN trace about `baseline` (its mean when not given), from `from` s. */
function measure(x: Float64Array, dtSample: number, from: number, baseline?: number): { rate: number; hz: number; variance: number } {
  const tail = Array.from(x.subarray(Math.round(from / dtSample)));
  const mean = baseline ?? tail.reduce((a, b) => a + b, 0) / tail.length;
  const d = tail.map((v) => v - mean);
  const crossings: number[] = [];
  const peaks: Array<[number, number]> = [];
  for (let i = 1; i < d.length - 1; i++) {
    if ((d[i - 1] as number) < 0 && (d[i] as number) >= 0) crossings.push(i);
    if ((d[i] as number) > (d[i - 1] as number) && (d[i] as number) >= (d[i + 1] as number) && (d[i] as number) > 0) peaks.push([i * dtSample, d[i] as number]);
  }
  const hz = (crossings.length - 1) / (((crossings.at(-1) as number) - (crossings[0] as number)) * dtSample);
  // Least-squares slope of log peak height against time.
  const n = peaks.length;
  const mt = peaks.reduce((a, [t]) => a + t, 0) / n;
  const ml = peaks.reduce((a, [, v]) => a + Math.log(v), 0) / n;
  const rate = peaks.reduce((a, [t, v]) => a + (t - mt) * (Math.log(v) - ml), 0) / peaks.reduce((a, [t]) => a + (t - mt) ** 2, 0);
  return { rate, hz, variance: d.reduce((a, v) => a + v * v, 0) / d.length };
}

describe('time-domain integration of the same nonlinear loop', () => {
  const dt = 1e-5;
  const every = 10;

  it('decays at the rate and frequency of the dominant root when healthy', () => {
    const lin = linearise(loopAt(p, 1));
    const root = dominantRoot(lin, 1);
    const x = simulate(lin.loop, { duration: 0.3, dt, kick: 0.05, every });
    const m = measure(x, dt * every, 0.03, lin.S);
    expect(m.rate).toBeGreaterThan(root.re * 1.05);
    expect(m.rate).toBeLessThan(root.re * 0.95);
    expect(m.hz).toBeGreaterThan(root.im / TWO_PI - 0.3);
    expect(m.hz).toBeLessThan(root.im / TWO_PI + 0.3);
  });

  it('grows at the rate of the dominant root near the fixed point when depleted', () => {
    const lin = linearise(loopAt(p, 0.5));
    const root = dominantRoot(lin, 1);
    const x = simulate(lin.loop, { duration: 0.5, dt, kick: 1e-4, every });
    const m = measure(x.subarray(0, Math.round(0.45 / (dt * every))), dt * every, 0.05, lin.S);
    expect(root.re).toBeGreaterThan(0);
    expect(m.rate).toBeGreaterThan(root.re * 0.9);
    expect(m.rate).toBeLessThan(root.re * 1.1);
    expect(m.hz).toBeCloseTo(root.im / TWO_PI, 0);
  });

  it('settles into a beta limit cycle whose power the noisy-Hopf closure tracks within a factor 1.5', () => {
    // inputNoise was calibrated at dopamine 0.40; check two other depletion levels.
    for (const dopamine of [0.25, 0.1]) {
      const state = loopState(p, { dopamine, dbsDecoupling: 0, dbsFrequencyHz: 0, dbsTarget: null });
      const x = simulate(state.lin.loop, { duration: 3, dt: 2e-5, kick: 1, every: 5 });
      const m = measure(x, 1e-4, 1.5);
      expect(m.hz).toBeGreaterThan(13);
      expect(m.hz).toBeLessThan(30);
      let closure = 0;
      for (let f = 13; f <= 30 + 1e-9; f += 0.25) closure += (f === 13 || f > 29.99 ? 0.125 : 0.25) * p.noise * transfer(state.lin, state.gain, 0, TWO_PI * f).noise;
      expect(closure / m.variance).toBeGreaterThan(1 / 1.5);
      expect(closure / m.variance).toBeLessThan(1.5);
    }
  });

  it('reproduces the calibration point: closure beta power equals the limit-cycle variance at dopamine 0.40', () => {
    const state = loopState(p, { dopamine: 0.4, dbsDecoupling: 0, dbsFrequencyHz: 0, dbsTarget: null });
    const x = simulate(state.lin.loop, { duration: 4, dt: 2e-5, kick: 1, every: 5 });
    const m = measure(x, 1e-4, 2);
    let closure = 0;
    for (let f = 13; f <= 30 + 1e-9; f += 0.25) closure += (f === 13 || f > 29.99 ? 0.125 : 0.25) * p.noise * transfer(state.lin, state.gain, 0, TWO_PI * f).noise;
    expect(closure / m.variance).toBeGreaterThan(0.97);
    expect(closure / m.variance).toBeLessThan(1.03);
  });
});

describe('noisy-Hopf closure', () => {
  it('computes the truncated-normal mean as SciPy does', () => {
    fixtures.truncatedMean.x.forEach((x, i) => {
      const g = fixtures.truncatedMean.g[i] as number;
      expect(Math.abs(truncatedMean(x) / g - 1)).toBeLessThan(1e-5);
    });
  });

  it('has the closed forms of its limits: linear below, Hopf scaling above, √(π/2) at the bifurcation', () => {
    const sc = 12;
    expect(effectiveDamping(0, sc)).toBeCloseTo(-sc * Math.sqrt(Math.PI / 2), 6);
    // Far below: σ_eff = σ·(1 + 2σc²/σ² + …), the first correction of the asymptotic series.
    expect(effectiveDamping(-2000, sc) / -2000).toBeCloseTo(1 + 2 * (sc / 2000) ** 2, 7);
    expect(effectiveDamping(200, sc)).toBeCloseTo(-(sc * sc) / 200, 3);
    // Always damped and monotone: more instability, sharper peak.
    let prev = -Infinity;
    for (let s = -300; s <= 300; s += 0.5) {
      const e = effectiveDamping(s, sc);
      expect(e).toBeLessThan(0);
      expect(e).toBeLessThanOrEqual(Math.min(s, 0) + 1e-12);
      expect(e).toBeGreaterThan(prev);
      prev = e;
    }
  });

  it('finds the loop gain whose dominant root has the closure damping', () => {
    const lin = linearise(loopAt(p, 0.4));
    const root = dominantRoot(lin, 1);
    const target = effectiveDamping(root.re, p.sigmaC);
    const gain = gainForDamping(lin, 1, root, target);
    expect(gain).toBeGreaterThan(0);
    expect(gain).toBeLessThan(1);
    expect(dominantRoot(lin, gain).re).toBeCloseTo(target, 6);
  });
});
