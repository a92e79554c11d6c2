// Cortex probe: the resting EEG spectrum and hippocampal theta from cholinergic tone, NMDA block,
// synapse loss, excitability and GABA tone, with no time stepping.
//
// - Background and alpha: the corticothalamic mean-field model of Robinson et al. (2001, 2004) at
//   k = 0, whose transfer function gives the spectrum directly:
//     L = 1 / ((1 − iω/α)(1 − iω/β)),
//     φe/φn ∝ L²·e^(iωt0/2) / [(1 − Gsrs·L²)·((1 − iω/γe)²(1 − Gei·L) − Gee·L) − (Gese·L² + Gesre·L³)·e^(iωt0)],
//   with the eyes-closed gains of Abeysuriya, Rennie & Robinson 2015.
// - Gamma: a Wilson–Cowan excitatory–inhibitory pair (PING-like, τE ≈ AMPA, τI ≈ GABA_A decay)
//   linearised at its fixed point, S(ω) ∝ |[(iω − J)⁻¹]EE|²; NMDA block acts more on the E→I drive
//   than on E→E, disinhibiting pyramidal cells (ketamine's gamma increase).
// - Knobs: cholinergic deficit lengthens the corticothalamic loop delay t0 and slows the dendritic
//   rate α (EEG slowing in Alzheimer's); synapse loss scales the cortical gains; an excitability
//   shift scales the pyramidal gain ρe (every gain with a cortical source); GABA scales the
//   inhibitory gains; NMDA block lowers cortical excitatory gains and the E→I drive.
import { abs2, add, c, div, mul, scale, sub, type C } from './complex.ts';
import { effectiveDamping } from './closure.ts';
import { circuitParam } from './data.ts';
import type { CortexInput, CortexOutput, Spectrum } from './types.ts';

export function cortexParams() {
  const ms = (name: string) => circuitParam(name, 'ms') / 1000;
  return {
    alpha: circuitParam('robinson.alpha', '1/s'),
    beta: circuitParam('robinson.beta', '1/s'),
    gammaE: circuitParam('robinson.gammaE', '1/s'),
    t0: ms('robinson.t0'),
    Gee: circuitParam('robinson.Gee', '1'),
    Gei: circuitParam('robinson.Gei', '1'),
    Gese: circuitParam('robinson.Gese', '1'),
    Gesre: circuitParam('robinson.Gesre', '1'),
    Gsrs: circuitParam('robinson.Gsrs', '1'),
    achHalf: circuitParam('ach.muscarinicHalf', '× healthy'),
    achDelay: circuitParam('ach.delayGain', '1'),
    achRate: circuitParam('ach.dendriticRateGain', '1'),
    achDrive: circuitParam('ach.gammaDrive', '1'),
    synapseDelay: circuitParam('synapses.delayGain', '1'),
    excGain: circuitParam('excitability.gain', '1'),
    nmdaE: circuitParam('nmda.pyramidalShare', 'fraction'),
    nmdaI: circuitParam('nmda.interneuronShare', 'fraction'),
    gabaExp: circuitParam('gaba.gainExponent', '1'),
    gabaDecayExp: circuitParam('gaba.decayExponent', '1'),
    tauE: ms('wc.tauE'),
    tauI: ms('wc.tauI'),
    wEE: circuitParam('wc.wEE', '1'),
    wEI: circuitParam('wc.wEI', '1'),
    wIE: circuitParam('wc.wIE', '1'),
    wII: circuitParam('wc.wII', '1'),
    driveE: circuitParam('wc.driveE', '1'),
    driveI: circuitParam('wc.driveI', '1'),
    excDrive: circuitParam('wc.excitabilityDrive', '1'),
    gammaShare: circuitParam('eeg.gammaGeneratorShare', 'fraction'),
    thetaHalf: circuitParam('hippocampus.thetaAchHalf', '× healthy'),
    thetaHill: circuitParam('hippocampus.thetaAchHill', '1'),
    thetaSynapse: circuitParam('hippocampus.thetaSynapseExponent', '1'),
    sigmaCortex: circuitParam('robinson.hopfDampingScale', '1/s'),
    sigmaGamma: circuitParam('wc.hopfDampingScale', '1/s'),
  };
}
export type CortexParams = ReturnType<typeof cortexParams>;

/** Corticothalamic parameters for one state (s⁻¹, s, dimensionless gains). */
export interface Corticothalamic {
  alpha: number;
  beta: number;
  gammaE: number;
  t0: number;
  Gee: number;
  Gei: number;
  Gese: number;
  Gesre: number;
  Gsrs: number;
}

/** The excitatory–inhibitory gamma pair for one state. */
export interface GammaPair {
  tauE: number;
  tauI: number;
  wEE: number;
  wEI: number;
  wIE: number;
  wII: number;
  driveE: number;
  driveI: number;
}

export const BANDS = { delta: [1, 4], theta: [4, 8], alpha: [8, 13], beta: [13, 30], gamma: [30, 45] } as const;
const F_MIN = 1;
const F_MAX = 45;
const DF = 0.25;
const PEAK_RANGE: readonly [number, number] = [4, 15];

/** Muscarinic activation relative to healthy: a·(1 + K)/(a + K), 1 at a = 1. */
function muscarinic(ach: number, K: number): number {
  return (ach * (1 + K)) / (ach + K);
}

/** The knobs applied to both generators. */
export function stateOf(p: CortexParams, x: CortexInput): { ct: Corticothalamic; wc: GammaPair } {
  const m = muscarinic(Math.max(0, x.acetylcholine), p.achHalf);
  const deficit = 1 - m;
  const syn = Math.max(0, x.synapses);
  const rho = Math.max(0, 1 + p.excGain * x.excitability);
  const gaba = Math.max(0, x.gaba);
  const block = Math.min(1, Math.max(0, x.nmdaBlock));
  const nmdaE = 1 - p.nmdaE * block;
  const inhibition = gaba ** p.gabaExp;
  const ct: Corticothalamic = {
    alpha: p.alpha * (1 - p.achRate * deficit),
    beta: p.beta * (1 - p.achRate * deficit),
    gammaE: p.gammaE,
    t0: p.t0 * (1 + p.achDelay * deficit + p.synapseDelay * (1 - Math.min(1, syn))),
    Gee: p.Gee * syn * rho * nmdaE,
    Gei: p.Gei * syn * rho * inhibition,
    Gese: p.Gese * syn * rho * nmdaE,
    Gesre: p.Gesre * syn * rho * nmdaE * inhibition,
    Gsrs: p.Gsrs * inhibition,
  };
  const wc: GammaPair = {
    tauE: p.tauE,
    tauI: p.tauI * gaba ** p.gabaDecayExp,
    wEE: p.wEE * syn * nmdaE,
    wEI: p.wEI * syn * gaba,
    wIE: p.wIE * syn * (1 - p.nmdaI * block),
    wII: p.wII * gaba,
    driveE: p.driveE + p.excDrive * x.excitability + p.achDrive * (m - 1),
    driveI: p.driveI,
  };
  return { ct, wc };
}

/** The corticothalamic characteristic function at Laplace variable s (its zeros are the modes). */
export function corticothalamicDenominator(ct: Corticothalamic, s: C): C {
  const L = div(c(1), mul(c(1 + s.re / ct.alpha, s.im / ct.alpha), c(1 + s.re / ct.beta, s.im / ct.beta)));
  const L2 = mul(L, L);
  const L3 = mul(L2, L);
  const e = c(1 + s.re / ct.gammaE, s.im / ct.gammaE);
  const m = Math.exp(-s.re * ct.t0);
  const delay = c(m * Math.cos(s.im * ct.t0), -m * Math.sin(s.im * ct.t0));
  const cortex = sub(mul(mul(e, e), sub(c(1), scale(L, ct.Gei))), scale(L, ct.Gee));
  const loop = mul(add(scale(L2, ct.Gese), scale(L3, ct.Gesre)), delay);
  return sub(mul(sub(c(1), scale(L2, ct.Gsrs)), cortex), loop);
}

/**
 * Corticothalamic power at f Hz under white thalamic input, evaluated at s = shift − iω (s = −iω
 * gives the e^(iωt0) form above, same modulus). A shift > 0 moves every mode left by `shift`:
 * the closure's extra damping, the spectrum of the impulse response times e^(−shift·t).
 */
export function corticothalamicPower(ct: Corticothalamic, f: number, shift = 0): number {
  const s = c(shift, -2 * Math.PI * f);
  const L = div(c(1), mul(c(1 + s.re / ct.alpha, s.im / ct.alpha), c(1 + s.re / ct.beta, s.im / ct.beta)));
  return abs2(mul(L, L)) / abs2(corticothalamicDenominator(ct, s));
}

function sigmoid(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

/** The lowest fixed point of the E–I pair (I solved for each E by bisection; E scanned upward). */
export function gammaFixedPoint(w: GammaPair): { E: number; I: number } {
  const iOf = (E: number) => {
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 60; k++) {
      const mid = 0.5 * (lo + hi);
      if (mid - sigmoid(w.wIE * E - w.wII * mid + w.driveI) > 0) hi = mid;
      else lo = mid;
    }
    return 0.5 * (lo + hi);
  };
  const r = (E: number) => E - sigmoid(w.wEE * E - w.wEI * iOf(E) + w.driveE);
  const N = 200;
  let prev = r(0);
  for (let k = 1; k <= N; k++) {
    const E = k / N;
    const v = r(E);
    if (prev <= 0 && v > 0) {
      let lo = (k - 1) / N;
      let hi = E;
      for (let j = 0; j < 50; j++) {
        const mid = 0.5 * (lo + hi);
        if (r(mid) > 0) hi = mid;
        else lo = mid;
      }
      const E0 = 0.5 * (lo + hi);
      return { E: E0, I: iOf(E0) };
    }
    prev = v;
  }
  // r(1) = 1 − S(…) > 0 always, and r(0) < 0, so a crossing exists; this is unreachable.
  throw new Error('BUG: the E–I pair has no fixed point');
}

/** Jacobian of the E–I pair at its fixed point, and the input gain of E. */
export function gammaJacobian(w: GammaPair): { j11: number; j12: number; j21: number; j22: number; inE: number } {
  const { E, I } = gammaFixedPoint(w);
  const sE = E * (1 - E);
  const sI = I * (1 - I);
  return { j11: (-1 + w.wEE * sE) / w.tauE, j12: (-w.wEI * sE) / w.tauE, j21: (w.wIE * sI) / w.tauI, j22: (-1 - w.wII * sI) / w.tauI, inE: sE / w.tauE };
}

/** Real part of the pair's leading eigenvalue, 1/s. */
export function gammaLeading(j: ReturnType<typeof gammaJacobian>): number {
  const tr = j.j11 + j.j22;
  const disc = (tr * tr) / 4 - (j.j11 * j.j22 - j.j12 * j.j21);
  return tr / 2 + (disc > 0 ? Math.sqrt(disc) : 0);
}

/** Power of E at f Hz under white input to E, |(iω + shift − j22)·inE / det((iω + shift) − J)|²; shift as for the corticothalamic part. */
function gammaPower(j: ReturnType<typeof gammaJacobian>, f: number, shift = 0): number {
  const w = 2 * Math.PI * f;
  const a = c(shift - j.j11, w);
  const d = c(shift - j.j22, w);
  const det = sub(mul(a, d), c(j.j12 * j.j21));
  return (abs2(d) * j.inE * j.inE) / abs2(det);
}

function integrate(f: readonly number[], p: readonly number[], lo: number, hi: number): number {
  let sum = 0;
  for (let i = 0; i < f.length; i++) {
    const fi = f[i] as number;
    if (fi < lo - 1e-9 || fi > hi + 1e-9) continue;
    const w = Math.abs(fi - lo) < 1e-9 || Math.abs(fi - hi) < 1e-9 ? 0.5 : 1;
    sum += w * (p[i] as number);
  }
  return sum * DF;
}

interface Reference {
  ct: number;
  wc: number;
}

/**
 * Both generators for one input, with the closure's extra damping: each generator's leading mode
 * keeps its frequency and gets the damping whose linear power equals that of a saturating mode.
 */
function generators(p: CortexParams, x: CortexInput): { ct: (f: number) => number; wc: (f: number) => number } {
  const { ct, wc } = stateOf(p, x);
  const sigma = corticothalamicDominantRoot(ct).re;
  const ctShift = sigma - effectiveDamping(sigma, p.sigmaCortex);
  const j = gammaJacobian(wc);
  const lead = gammaLeading(j);
  const wcShift = lead - effectiveDamping(lead, p.sigmaGamma);
  return { ct: (f) => corticothalamicPower(ct, f, ctShift), wc: (f) => gammaPower(j, f, wcShift) };
}

/** Normalisers: the healthy corticothalamic 1–45 Hz power and the gamma pair's scale for its healthy share. */
function reference(p: CortexParams): Reference {
  const g = generators(p, HEALTHY);
  const f = grid();
  const ctTotal = integrate(f, f.map(g.ct), F_MIN, F_MAX);
  const wcTotal = integrate(f, f.map(g.wc), F_MIN, F_MAX);
  // Scale the pair so that it carries gammaShare of the healthy total (the rest is corticothalamic).
  return { ct: (1 - p.gammaShare) / ctTotal, wc: p.gammaShare / wcTotal };
}

export const HEALTHY: CortexInput = { acetylcholine: 1, nmdaBlock: 0, synapses: 1, excitability: 0, gaba: 1 };

function grid(): number[] {
  const n = Math.round((F_MAX - F_MIN) / DF);
  return Array.from({ length: n + 1 }, (_, i) => F_MIN + i * DF);
}

/** Spectrum on 1–45 Hz, normalised so that the healthy total integrates to 1. */
function spectrumOf(p: CortexParams, ref: Reference, x: CortexInput): Spectrum {
  const g = generators(p, x);
  const f = grid();
  return { f, power: f.map((fi) => ref.ct * g.ct(fi) + ref.wc * g.wc(fi)) };
}

/** Frequency of the largest power in 4–15 Hz, refined by a parabola through the grid maximum. */
function peakOf({ f, power }: Spectrum): number {
  let k = -1;
  for (let i = 0; i < f.length; i++) {
    const fi = f[i] as number;
    if (fi < PEAK_RANGE[0] || fi > PEAK_RANGE[1]) continue;
    if (k < 0 || (power[i] as number) > (power[k] as number)) k = i;
  }
  const fk = f[k] as number;
  if (fk <= PEAK_RANGE[0] || fk >= PEAK_RANGE[1]) return fk;
  const a = power[k - 1] as number;
  const b = power[k] as number;
  const cc = power[k + 1] as number;
  const den = a - 2 * b + cc;
  return den < 0 ? fk + (0.5 * DF * (a - cc)) / den : fk;
}

/** Hippocampal theta power relative to healthy: a Hill function of ACh (septal cholinergic drive) times a synapse factor. */
export function hippocampalThetaOf(p: CortexParams, x: CortexInput): number {
  const a = Math.max(0, x.acetylcholine);
  const n = p.thetaHill;
  const K = p.thetaHalf ** n;
  const drive = (a ** n * (1 + K)) / (a ** n + K);
  return drive * Math.max(0, x.synapses) ** p.thetaSynapse;
}

export function computeCortex(p: CortexParams, ref: Reference, x: CortexInput): CortexOutput {
  const spectrum = spectrumOf(p, ref, x);
  const { f, power } = spectrum;
  const total = integrate(f, power, F_MIN, F_MAX);
  const share = ([lo, hi]: readonly [number, number]) => integrate(f, power, lo, hi) / total;
  return {
    delta: share(BANDS.delta),
    theta: share(BANDS.theta),
    alpha: share(BANDS.alpha),
    beta: share(BANDS.beta),
    gamma: share(BANDS.gamma),
    peakHz: peakOf(spectrum),
    hippocampalTheta: hippocampalThetaOf(p, x),
    spectrum,
  };
}

/** Inputs made finite: a non-finite number falls back to its healthy value. */
function sanitise(x: CortexInput): CortexInput {
  const ok = (v: number, fallback: number) => (Number.isFinite(v) ? v : fallback);
  return {
    acetylcholine: ok(x.acetylcholine, 1),
    nmdaBlock: ok(x.nmdaBlock, 0),
    synapses: ok(x.synapses, 1),
    excitability: ok(x.excitability, 0),
    gaba: ok(x.gaba, 1),
  };
}

let defaults: { p: CortexParams; ref: Reference } | null = null;

export function cortex(x: CortexInput): CortexOutput {
  if (defaults === null) {
    const p = cortexParams();
    defaults = { p, ref: reference(p) };
  }
  return computeCortex(defaults.p, defaults.ref, sanitise(x));
}

/** For tests and tuning: the probe with other parameters. */
export function cortexWith(p: CortexParams): (x: CortexInput) => CortexOutput {
  const ref = reference(p);
  return (x) => computeCortex(p, ref, sanitise(x));
}

/**
 * The corticothalamic mode with the largest real part (1/s, rad/s), by Newton from a 0–60 Hz grid
 * (a numerical derivative; the function is analytic off the poles at −α, −β, −γe). The spectrum
 * formula is meaningful only while this is negative; the tests check it across the input ranges.
 */
export function corticothalamicDominantRoot(ct: Corticothalamic): C {
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
  if (best === null) throw new Error('BUG: no corticothalamic mode converged');
  return best;
}
