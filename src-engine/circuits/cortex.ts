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
import { add, c, div, mul, scale, sub, type C } from './complex.ts';
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

// The hot paths below work on the pole-free form N(s) = u³·D(s), u = (1 + s/α)(1 + s/β) = 1/L:
//   N = (u² − Gsrs)·(e²(u − Gei) − Gee) − (Gese·u + Gesre)·e^(−st0),   e = 1 + s/γe,
// an entire function with the zeros of D (u ≠ 0 right of −α), evaluated with inline re/im
// arithmetic and no allocation: the probe runs at every probe time of the slow layer.

/** Scratch for N and N′ at one point: [Re N, Im N, Re N′, Im N′]. */
const nScratch = new Float64Array(4);

/** N(s) and N′(s) at s = sr + i·si, written to nScratch. */
function characteristicN(ct: Corticothalamic, sr: number, si: number): void {
  const ia = 1 / ct.alpha;
  const ib = 1 / ct.beta;
  const ig = 1 / ct.gammaE;
  const ar = 1 + sr * ia;
  const ai = si * ia;
  const br = 1 + sr * ib;
  const bi = si * ib;
  const ur = ar * br - ai * bi;
  const ui = ar * bi + ai * br;
  // u′ = a/β + b/α
  const dur = ar * ib + br * ia;
  const dui = ai * ib + bi * ia;
  const er = 1 + sr * ig;
  const ei = si * ig;
  const e2r = er * er - ei * ei;
  const e2i = 2 * er * ei;
  // X = u² − Gsrs, Y = e²·(u − Gei) − Gee, Z = Gese·u + Gesre, E = e^(−st0)
  const Xr = ur * ur - ui * ui - ct.Gsrs;
  const Xi = 2 * ur * ui;
  const vr = ur - ct.Gei;
  const vi = ui;
  const Yr = e2r * vr - e2i * vi - ct.Gee;
  const Yi = e2r * vi + e2i * vr;
  const Zr = ct.Gese * ur + ct.Gesre;
  const Zi = ct.Gese * ui;
  const m = Math.exp(-sr * ct.t0);
  const Er = m * Math.cos(si * ct.t0);
  const Ei = -m * Math.sin(si * ct.t0);
  const ZEr = Zr * Er - Zi * Ei;
  const ZEi = Zr * Ei + Zi * Er;
  nScratch[0] = Xr * Yr - Xi * Yi - ZEr;
  nScratch[1] = Xr * Yi + Xi * Yr - ZEi;
  // N′ = X′Y + XY′ − (Gese·u′·E − t0·Z·E), X′ = 2uu′, Y′ = 2ee′·(u − Gei) + e²·u′
  const dXr = 2 * (ur * dur - ui * dui);
  const dXi = 2 * (ur * dui + ui * dur);
  const eer = 2 * er * ig;
  const eei = 2 * ei * ig;
  const dYr = eer * vr - eei * vi + e2r * dur - e2i * dui;
  const dYi = eer * vi + eei * vr + e2r * dui + e2i * dur;
  const gr = ct.Gese * (dur * Er - dui * Ei) - ct.t0 * ZEr;
  const gi = ct.Gese * (dur * Ei + dui * Er) - ct.t0 * ZEi;
  nScratch[2] = dXr * Yr - dXi * Yi + Xr * dYr - Xi * dYi - gr;
  nScratch[3] = dXr * Yi + dXi * Yr + Xr * dYi + Xi * dYr - gi;
}

/**
 * Corticothalamic power at f Hz under white thalamic input, evaluated at s = shift − iω (s = −iω
 * gives the e^(iωt0) form above, same modulus). A shift > 0 moves every mode left by `shift`:
 * the closure's extra damping, the spectrum of the impulse response times e^(−shift·t).
 * |L²/D|² = |u|²/|N|²; the spectrum below evaluates the same on its grid.
 */
export function corticothalamicPower(ct: Corticothalamic, f: number, shift = 0): number {
  const w = 2 * Math.PI * f;
  const m = Math.exp(-shift * ct.t0);
  const delayRe = m * Math.cos(w * ct.t0);
  const delayIm = m * Math.sin(w * ct.t0);
  const ar = 1 + shift / ct.alpha;
  const ai = -w / ct.alpha;
  const br = 1 + shift / ct.beta;
  const bi = -w / ct.beta;
  const ur = ar * br - ai * bi;
  const ui = ar * bi + ai * br;
  const er = 1 + shift / ct.gammaE;
  const ei = -w / ct.gammaE;
  const e2r = er * er - ei * ei;
  const e2i = 2 * er * ei;
  const Xr = ur * ur - ui * ui - ct.Gsrs;
  const Xi = 2 * ur * ui;
  const vr = ur - ct.Gei;
  const Yr = e2r * vr - e2i * ui - ct.Gee;
  const Yi = e2r * ui + e2i * vr;
  const Zr = ct.Gese * ur + ct.Gesre;
  const Zi = ct.Gese * ui;
  const Nr = Xr * Yr - Xi * Yi - (Zr * delayRe - Zi * delayIm);
  const Ni = Xr * Yi + Xi * Yr - (Zr * delayIm + Zi * delayRe);
  return (ur * ur + ui * ui) / (Nr * Nr + Ni * Ni);
}

function sigmoid(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

/**
 * The lowest fixed point of the E–I pair: E scanned upward on a 1/200 grid for the first sign
 * change of r(E) = E − S(wEE·E − wEI·I(E) + driveE), then refined; I(E) is the root of
 * I − S(wIE·E − wII·I + driveI) in [0, 1]. Both roots by Newton kept inside a bracket (a
 * bisection step whenever Newton would leave it), warm-started along the scan, to full double
 * precision (the result of bisecting to the end, at a few exponentials per point).
 */
export function gammaFixedPoint(w: GammaPair): { E: number; I: number } {
  // I(E) from a start guess; also leaves dI/dE at the root in iSlope.
  let iSlope = 0;
  const iOf = (E: number, guess: number): number => {
    const u = w.wIE * E + w.driveI;
    let lo = 0;
    let hi = 1;
    let I = guess > 0 && guess < 1 ? guess : 0.5;
    for (let k = 0; k < 100; k++) {
      const s = sigmoid(u - w.wII * I);
      const g = I - s;
      if (g > 0) hi = I;
      else lo = I;
      let next = I - g / (1 + w.wII * s * (1 - s));
      // Quadratic convergence: after a Newton step below 1e−8 the error is below 1e−16.
      let done = Math.abs(next - I) < 1e-8;
      if (!(next >= lo && next <= hi)) {
        next = 0.5 * (lo + hi);
        done = hi - lo < 1e-15;
      }
      I = next;
      if (done) break;
    }
    const sI = I * (1 - I);
    iSlope = (w.wIE * sI) / (1 + w.wII * sI);
    return I;
  };
  const N = 200;
  let I = iOf(0, sigmoid(w.driveI));
  let prev = -sigmoid(-w.wEI * I + w.driveE);
  for (let k = 1; k <= N; k++) {
    const E = k / N;
    I = iOf(E, I + iSlope / N);
    const v = E - sigmoid(w.wEE * E - w.wEI * I + w.driveE);
    if (prev <= 0 && v > 0) {
      // Refine in [(k − 1)/N, E]; r′ = 1 − S′·(wEE − wEI·dI/dE), S = x − r.
      let lo = (k - 1) / N;
      let hi = E;
      let x = E;
      let r = v;
      for (let j = 0; j < 100; j++) {
        const S = x - r;
        let next = x - r / (1 - S * (1 - S) * (w.wEE - w.wEI * iSlope));
        let done = Math.abs(next - x) < 1e-12;
        if (!(next >= lo && next <= hi)) {
          next = 0.5 * (lo + hi);
          done = hi - lo < 1e-15;
        }
        I = iOf(next, I + iSlope * (next - x));
        x = next;
        r = x - sigmoid(w.wEE * x - w.wEI * I + w.driveE);
        if (r > 0) hi = x;
        else lo = x;
        if (done) break;
      }
      return { E: x, I };
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

// The frequency grid (Hz), its angular frequencies, and the trapezoid weights of each band.
const N_GRID = Math.round((F_MAX - F_MIN) / DF);
const GRID: readonly number[] = Array.from({ length: N_GRID + 1 }, (_, i) => F_MIN + i * DF);
const OMEGA = Float64Array.from(GRID, (f) => 2 * Math.PI * f);

/** Band [lo, hi] on the grid: first and last index (the ends carry weight ½). */
interface BandIndex {
  first: number;
  last: number;
}
function bandIndex(lo: number, hi: number): BandIndex {
  let first = -1;
  let last = -1;
  GRID.forEach((fi, i) => {
    if (fi < lo - 1e-9 || fi > hi + 1e-9) return;
    if (first < 0) first = i;
    last = i;
  });
  return { first, last };
}

/** Trapezoid rule on the grid; the ends of the band count half when they fall on grid points. */
function integrate(p: ArrayLike<number>, lo: number, hi: number, band: BandIndex): number {
  let sum = 0;
  for (let i = band.first; i <= band.last; i++) {
    const fi = GRID[i] as number;
    const w = Math.abs(fi - lo) < 1e-9 || Math.abs(fi - hi) < 1e-9 ? 0.5 : 1;
    sum += w * (p[i] as number);
  }
  return sum * DF;
}

const TOTAL = bandIndex(F_MIN, F_MAX);
const BAND_INDEX = {
  delta: bandIndex(...BANDS.delta),
  theta: bandIndex(...BANDS.theta),
  alpha: bandIndex(...BANDS.alpha),
  beta: bandIndex(...BANDS.beta),
  gamma: bandIndex(...BANDS.gamma),
};

interface Reference {
  ct: number;
  wc: number;
}

/** The two generators' operating point: corticothalamic state, gamma-pair Jacobian, and the closure's shifts. */
interface Generators {
  ct: Corticothalamic;
  ctShift: number;
  j: ReturnType<typeof gammaJacobian>;
  wcShift: number;
}

/**
 * Both generators for one input, with the closure's extra damping: each generator's leading mode
 * keeps its frequency and gets the damping whose linear power equals that of a saturating mode.
 */
function generators(p: CortexParams, x: CortexInput): Generators {
  const { ct, wc } = stateOf(p, x);
  const sigma = corticothalamicDominantRoot(ct).re;
  const ctShift = sigma - effectiveDamping(sigma, p.sigmaCortex);
  const j = gammaJacobian(wc);
  const lead = gammaLeading(j);
  const wcShift = lead - effectiveDamping(lead, p.sigmaGamma);
  return { ct, ctShift, j, wcShift };
}

/**
 * kCt·(corticothalamic power) + kWc·(gamma power) on the grid. The delay factor e^(−s·t0) at
 * s = shift − iω is stepped from one grid point to the next by the rotation e^(i·2π·DF·t0)
 * (relative drift over the grid ~1e−14) instead of a cos and sin per point.
 */
function spectrumOn(g: Generators, kCt: number, kWc: number): number[] {
  const { ct, ctShift, j, wcShift } = g;
  // ctPowerAt and gammaPowerAt with everything that does not depend on ω hoisted out of the loop:
  // u = (1 + s/α)(1 + s/β) = (P0 − ω²P2) − iω·P1, e = er − iω/γe at s = shift − iω.
  const ia = 1 / ct.alpha;
  const ib = 1 / ct.beta;
  const ig = 1 / ct.gammaE;
  const ar = 1 + ctShift * ia;
  const br = 1 + ctShift * ib;
  const er = 1 + ctShift * ig;
  const P0 = ar * br;
  const P1 = ar * ib + br * ia;
  const P2 = ia * ib;
  const er2 = er * er;
  const ig2 = ig * ig;
  const erig2 = 2 * er * ig;
  const { Gee, Gei, Gese, Gesre, Gsrs } = ct;
  const ga = wcShift - j.j11;
  const gd = wcShift - j.j22;
  const gad = ga * gd - j.j12 * j.j21;
  const gsum = ga + gd;
  const gd2 = gd * gd;
  const gin = kWc * j.inE * j.inE;
  const m = Math.exp(-ctShift * ct.t0);
  const w0 = OMEGA[0] as number;
  let dr = m * Math.cos(w0 * ct.t0);
  let di = m * Math.sin(w0 * ct.t0);
  const rotR = Math.cos(2 * Math.PI * DF * ct.t0);
  const rotI = Math.sin(2 * Math.PI * DF * ct.t0);
  const power = new Array<number>(OMEGA.length);
  for (let i = 0; i < OMEGA.length; i++) {
    const w = OMEGA[i] as number;
    const w2 = w * w;
    const ur = P0 - w2 * P2;
    const ui = -w * P1;
    const e2r = er2 - w2 * ig2;
    const e2i = -w * erig2;
    const Xr = ur * ur - ui * ui - Gsrs;
    const Xi = 2 * ur * ui;
    const vr = ur - Gei;
    const Yr = e2r * vr - e2i * ui - Gee;
    const Yi = e2r * ui + e2i * vr;
    const Zr = Gese * ur + Gesre;
    const Zi = Gese * ui;
    const Nr = Xr * Yr - Xi * Yi - (Zr * dr - Zi * di);
    const Ni = Xr * Yi + Xi * Yr - (Zr * di + Zi * dr);
    const detRe = gad - w2;
    const detIm = w * gsum;
    power[i] = (kCt * (ur * ur + ui * ui)) / (Nr * Nr + Ni * Ni) + (gin * (gd2 + w2)) / (detRe * detRe + detIm * detIm);
    const t = dr * rotR - di * rotI;
    di = dr * rotI + di * rotR;
    dr = t;
  }
  return power;
}

/** Normalisers: the healthy corticothalamic 1–45 Hz power and the gamma pair's scale for its healthy share. */
function reference(p: CortexParams): Reference {
  const g = generators(p, HEALTHY);
  const ctTotal = integrate(spectrumOn(g, 1, 0), F_MIN, F_MAX, TOTAL);
  const wcTotal = integrate(spectrumOn(g, 0, 1), F_MIN, F_MAX, TOTAL);
  // Scale the pair so that it carries gammaShare of the healthy total (the rest is corticothalamic).
  return { ct: (1 - p.gammaShare) / ctTotal, wc: p.gammaShare / wcTotal };
}

export const HEALTHY: CortexInput = { acetylcholine: 1, nmdaBlock: 0, synapses: 1, excitability: 0, gaba: 1 };

/** Spectrum on 1–45 Hz, normalised so that the healthy total integrates to 1. */
function spectrumOf(p: CortexParams, ref: Reference, x: CortexInput): Spectrum {
  return { f: GRID.slice(), power: spectrumOn(generators(p, x), ref.ct, ref.wc) };
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
  const { power } = spectrum;
  const total = integrate(power, F_MIN, F_MAX, TOTAL);
  const share = ([lo, hi]: readonly [number, number], band: BandIndex) => integrate(power, lo, hi, band) / total;
  return {
    delta: share(BANDS.delta, BAND_INDEX.delta),
    theta: share(BANDS.theta, BAND_INDEX.theta),
    alpha: share(BANDS.alpha, BAND_INDEX.alpha),
    beta: share(BANDS.beta, BAND_INDEX.beta),
    gamma: share(BANDS.gamma, BAND_INDEX.gamma),
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

/** Newton on N from (sr, si); the root, or null when it does not converge in 60 steps. */
function newtonN(ct: Corticothalamic, sr: number, si: number): C | null {
  for (let i = 0; i < 60; i++) {
    characteristicN(ct, sr, si);
    const nr = nScratch[0] as number;
    const ni = nScratch[1] as number;
    const dr = nScratch[2] as number;
    const di = nScratch[3] as number;
    const d = dr * dr + di * di;
    const stepR = (nr * dr + ni * di) / d;
    const stepI = (ni * dr - nr * di) / d;
    sr -= stepR;
    si -= stepI;
    if (!Number.isFinite(sr) || !Number.isFinite(si)) return null;
    // Quadratic convergence: the error after a step below 1e−10·|s| is at rounding level.
    if (Math.hypot(stepR, stepI) < 1e-10 * (1 + Math.hypot(sr, si))) return c(sr, si);
  }
  return null;
}

/**
 * The rightmost real root of N on (lo, ∞), or null. N > 0 for large s (N ~ u²e²u); step left
 * from s = 5 to a point where N < 0, then Newton kept inside the bracket.
 */
function rightmostRealRoot(ct: Corticothalamic, lo: number): number | null {
  const nAt = (s: number) => {
    characteristicN(ct, s, 0);
    return nScratch[0] as number;
  };
  let hi = 5;
  for (let k = 0; k < 60 && nAt(hi) <= 0; k++) hi = 2 * hi + 5;
  // Real roots across the input ranges: the slow mode (≤ 2.3 s⁻¹) and one below −44 s⁻¹; a step of 2.
  let left = hi - 2;
  while (left > lo && nAt(left) >= 0) {
    hi = left;
    left -= 2;
  }
  if (!(left > lo)) {
    left = lo;
    if (nAt(left) >= 0) return null;
  }
  let x = hi;
  let a = left;
  let b = hi;
  for (let i = 0; i < 200; i++) {
    characteristicN(ct, x, 0);
    const n = nScratch[0] as number;
    const dn = nScratch[2] as number;
    if (n > 0) b = x;
    else if (n < 0) a = x;
    else return x;
    let next = x - n / dn;
    let done = Math.abs(next - x) < 1e-10 * (1 + Math.abs(x));
    if (!(next >= a && next <= b)) {
      next = 0.5 * (a + b);
      done = b - a < 1e-15 * (1 + Math.abs(x));
    }
    x = next;
    if (done) return x;
  }
  return x;
}

/** Start points for the oscillatory modes (1/s, Hz): the lowest mode lies at 5.8–12 Hz across the input ranges. */
const OSCILLATORY_STARTS: readonly (readonly [number, number])[] = [5, 7, 9, 11].map((f) => [-5, f] as const);
/** A 0.5–60 Hz grid of starts, for a loop with no real mode right of −0.999·min(α, γe) (no synapses left). */
const FALLBACK_STARTS: readonly (readonly [number, number])[] = [0.5, 2, 4, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60].flatMap((f) => [[5, f] as const, [-10, f] as const]);

/**
 * The corticothalamic mode with the largest real part (1/s, rad/s): the rightmost real root (by
 * a bracketed Newton along the real axis) or an oscillatory one (Newton from 5–11 Hz), whichever
 * lies further right, among modes right of −0.999·min(α, γe). The modes form a chain whose
 * damping grows with frequency (a retarded delay system), so the leader is the slow real mode or
 * the lowest oscillatory one; both searches work on the pole-free N = u³·D with its exact
 * derivative. The spectrum formula is meaningful only while this is negative; the tests check it
 * across the input ranges.
 */
export function corticothalamicDominantRoot(ct: Corticothalamic): C {
  const lo = -Math.min(ct.alpha, ct.gammaE) * 0.999;
  let best: C | null = null;
  const real = rightmostRealRoot(ct, lo);
  if (real !== null && real > lo) best = c(real, 0);
  // Across the input ranges there is always a real mode; without one the loop has lost its
  // corticothalamic gains (synapses → 0) and the modes may lie anywhere: search a wide grid.
  for (const [sigma, f] of best === null ? FALLBACK_STARTS : OSCILLATORY_STARTS) {
    const s = newtonN(ct, sigma, 2 * Math.PI * f);
    if (s !== null && s.im >= -1e-9 && s.re > lo && (best === null || s.re > best.re)) best = s;
  }
  if (best === null) throw new Error('BUG: no corticothalamic mode converged');
  return best;
}
