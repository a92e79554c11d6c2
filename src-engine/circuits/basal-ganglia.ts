// Basal ganglia probe: STN beta power, its peak and thalamic relay fidelity from striatal dopamine
// and DBS, read analytically from the Holgado STN–GPe loop (stn-gpe.ts) without time stepping.
//
// - Dopamine loss (depletion pd = 1 − dopamine, 0..0.95) raises cortical drive of STN, GPe→STN
//   inhibition and striatal inhibition of GPe, Holgado's three conditions for beta.
// - STN rate spectrum = aperiodic background + loop response to cortical noise (linear transfer at
//   the effective gain of the noisy-Hopf closure, so a limit cycle has finite, Hopf-scaled power) +
//   stimulus-locked lines under DBS.
// - DBS at the STN: a fraction d of STN output fires locked to the pulses. The loop then carries
//   only (1 − d) of its own signal (loop gain × (1 − d)), and the locked firing adds lines at the
//   pulse frequency and its harmonics, echoed by the remaining loop. At 130 Hz the lines fall far
//   outside beta; at 10–30 Hz they are beta.
// - DBS at the GPi: the STN–GPe loop is untouched (GPi is outside it), GPi output passes only
//   (1 − d) of the loop's rhythm to the thalamus, plus its own locked lines.
// - Relay fidelity falls as the rhythmic (loop + locked) GPi power in the beta band rises above
//   healthy (Rubin & Terman 2004; Guo et al. 2008), through a calibrated Hill function.
import { circuitParam } from './data.ts';
import { effectiveDamping } from './closure.ts';
import { dominantRoot, gainForDamping, linearise, transfer, type Linearised, type StnGpeLoop } from './stn-gpe.ts';
import type { BasalGangliaInput, BasalGangliaOutput, Spectrum } from './types.ts';

/** Every parameter of the probe, in the units of its equations (s, spikes/s, Hz). */
export function basalGangliaParams() {
  const ms = (name: string) => circuitParam(name, 'ms') / 1000;
  return {
    tauS: ms('stnGpe.tauS'),
    tauG: ms('stnGpe.tauG'),
    delayGS: ms('stnGpe.delayGS'),
    delaySG: ms('stnGpe.delaySG'),
    delayGG: ms('stnGpe.delayGG'),
    maxS: circuitParam('stnGpe.maxS', 'spikes/s'),
    baseS: circuitParam('stnGpe.baseS', 'spikes/s'),
    maxG: circuitParam('stnGpe.maxG', 'spikes/s'),
    baseG: circuitParam('stnGpe.baseG', 'spikes/s'),
    wSG: circuitParam('stnGpe.wSG', '1'),
    wGS: circuitParam('stnGpe.wGS', '1'),
    wGG: circuitParam('stnGpe.wGG', '1'),
    cortex: circuitParam('stnGpe.cortex', 'spikes/s'),
    striatum: circuitParam('stnGpe.striatum', 'spikes/s'),
    pdCortex: circuitParam('stnGpe.depletionCortex', 'spikes/s'),
    pdGS: circuitParam('stnGpe.depletionGS', '1'),
    pdStriatum: circuitParam('stnGpe.depletionStriatum', 'spikes/s'),
    maxDepletion: circuitParam('stnGpe.maxDepletion', 'fraction'),
    noise: circuitParam('stnGpe.inputNoise', '(spikes/s)^2/Hz'),
    sigmaC: circuitParam('stnGpe.hopfDampingScale', '1/s'),
    background: circuitParam('stnGpe.aperiodicShare', 'fraction'),
    relayMax: circuitParam('relay.max', 'fraction'),
    relayMin: circuitParam('relay.min', 'fraction'),
    relayHalf: circuitParam('relay.halfExcess', '× healthy'),
    relayHill: circuitParam('relay.hill', '1'),
  };
}
export type BasalGangliaParams = ReturnType<typeof basalGangliaParams>;

export const BETA_BAND: readonly [number, number] = [13, 30];
/** Frequency grid of the spectra, Hz. */
const F_MIN = 1;
const F_MAX = 45;
const DF = 0.25;

/** The loop at a dopamine level (above healthy the loop stays healthy: no data on a hyperdopaminergic STN). */
export function loopAt(p: BasalGangliaParams, dopamine: number): StnGpeLoop {
  const pd = Math.min(p.maxDepletion, Math.max(0, 1 - dopamine));
  return {
    tauS: p.tauS,
    tauG: p.tauG,
    delayGS: p.delayGS,
    delaySG: p.delaySG,
    delayGG: p.delayGG,
    maxS: p.maxS,
    baseS: p.baseS,
    maxG: p.maxG,
    baseG: p.baseG,
    wSG: p.wSG,
    wGS: p.wGS * (1 + p.pdGS * pd),
    wGG: p.wGG,
    cortex: p.cortex + p.pdCortex * pd,
    striatum: p.striatum + p.pdStriatum * pd,
  };
}

/** The loop's operating point for one input: linearisation, dominant root, effective gain. */
export interface LoopState {
  lin: Linearised;
  /** STN output fraction locked to DBS pulses (0 unless the target is the STN). */
  stnLocked: number;
  /** Dominant root at the nominal gain (1/s, rad/s) and the effective damping of the closure. */
  sigma: number;
  omega: number;
  sigmaEff: number;
  /** Loop gain factor after DBS decoupling and saturation. */
  gain: number;
}

export function loopState(p: BasalGangliaParams, x: BasalGangliaInput): LoopState {
  const lin = linearise(loopAt(p, x.dopamine));
  const stnLocked = x.dbsTarget === 'STN' ? clamp01(x.dbsDecoupling) : 0;
  const g = 1 - stnLocked;
  const root = dominantRoot(lin, g);
  const sigmaEff = effectiveDamping(root.re, p.sigmaC);
  return { lin, stnLocked, sigma: root.re, omega: root.im, sigmaEff, gain: gainForDamping(lin, g, root, sigmaEff) };
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** A spectral line: frequency (Hz) and power ((spikes/s)²). */
interface Line {
  f: number;
  stn: number;
  gpi: number;
}

/**
 * Lines of the pulse-locked firing: a periodic spike train at f carries amplitude 2f at every
 * harmonic (its Fourier series), times the locked fraction d. At the STN they are echoed by the
 * remaining loop (transfer `locked`); at the GPi they pass straight to the thalamus.
 */
function dbsLines(s: LoopState, x: BasalGangliaInput, fMax: number): Line[] {
  const f = x.dbsFrequencyHz;
  const d = clamp01(x.dbsDecoupling);
  if (x.dbsTarget === null || !(f > 0) || d === 0) return [];
  const out: Line[] = [];
  for (let n = 1; n * f <= fMax; n++) {
    const power = 0.5 * (2 * f * d) ** 2;
    if (x.dbsTarget === 'STN') {
      const stn = power * transfer(s.lin, s.gain, s.stnLocked, 2 * Math.PI * n * f).locked;
      out.push({ f: n * f, stn, gpi: stn });
    } else out.push({ f: n * f, stn: 0, gpi: power });
  }
  return out;
}

/** Loop-generated STN power density at f Hz, (spikes/s)²/Hz. */
function loopDensity(p: BasalGangliaParams, s: LoopState, f: number): number {
  return p.noise * transfer(s.lin, s.gain, s.stnLocked, 2 * Math.PI * f).noise;
}

/** Trapezoidal band integral of a density sampled on the DF grid. */
function bandPower(density: (f: number) => number, [lo, hi]: readonly [number, number]): number {
  const n = Math.round((hi - lo) / DF);
  let sum = 0;
  for (let i = 0; i <= n; i++) sum += (i === 0 || i === n ? 0.5 : 1) * density(lo + i * DF);
  return sum * DF;
}

/** The healthy references: loop beta power and the aperiodic background level (share of healthy beta). */
interface Reference {
  loopBeta: number;
  /** Aperiodic density ∝ 1/f, scaled so its beta-band integral is `background` of healthy beta. */
  aperiodicAt1Hz: number;
}

function reference(p: BasalGangliaParams): Reference {
  const healthy = loopState(p, { dopamine: 1, dbsDecoupling: 0, dbsFrequencyHz: 0, dbsTarget: null });
  const loopBeta = bandPower((f) => loopDensity(p, healthy, f), BETA_BAND);
  // Background B with B / (B + loopBeta) = share, spread as 1/f (integrated on the same grid).
  const B = (p.background / (1 - p.background)) * loopBeta;
  return { loopBeta, aperiodicAt1Hz: B / bandPower((f) => 1 / f, BETA_BAND) };
}

/** The aperiodic background's beta-band power. */
function backgroundBeta(ref: Reference): number {
  return ref.aperiodicAt1Hz * bandPower((f) => 1 / f, BETA_BAND);
}

/** A line's weight in a band integral: it sits in its nearest grid bin, counted as the trapezoid rule counts that bin. */
function lineWeight(f: number, [lo, hi]: readonly [number, number]): number {
  const bin = F_MIN + Math.round((f - F_MIN) / DF) * DF;
  if (bin < lo - 1e-9 || bin > hi + 1e-9) return 0;
  return Math.abs(bin - lo) < 1e-9 || Math.abs(bin - hi) < 1e-9 ? 0.5 : 1;
}

/** The full computation, uncached: beta, peak and relay. */
export function computeBasalGanglia(p: BasalGangliaParams, ref: Reference, x: BasalGangliaInput): BasalGangliaOutput {
  const s = loopState(p, x);
  const lines = dbsLines(s, x, BETA_BAND[1] + DF);
  const loopBeta = bandPower((f) => loopDensity(p, s, f), BETA_BAND);
  const lineStn = lines.reduce((a, l) => a + lineWeight(l.f, BETA_BAND) * l.stn, 0);
  const lineGpi = lines.reduce((a, l) => a + lineWeight(l.f, BETA_BAND) * l.gpi, 0);
  const background = backgroundBeta(ref);
  const healthyTotal = ref.loopBeta + background;
  const beta = (background + loopBeta + lineStn) / healthyTotal;
  // GPi rhythm reaching the thalamus: the STN's rhythm (loop + lines), or at a GPi target the
  // loop's rhythm thinned by the locked fraction plus the GPi's own lines.
  const gpiLoop = x.dbsTarget === 'GPi' ? (1 - clamp01(x.dbsDecoupling)) ** 2 * loopBeta : loopBeta;
  const gpi = (gpiLoop + lineGpi) / ref.loopBeta;
  return { beta, betaPeakHz: peakOf(p, s, x), relay: relayOf(p, gpi) };
}

/** Relay fidelity from GPi rhythmic beta power relative to healthy (flat at its maximum up to healthy). */
export function relayOf(p: BasalGangliaParams, gpiRelative: number): number {
  const excess = Math.max(0, gpiRelative - 1) / p.relayHalf;
  const h = excess ** p.relayHill;
  return p.relayMin + (p.relayMax - p.relayMin) / (1 + h);
}

/** Frequency of the largest rhythmic (loop or locked) STN power in 5–35 Hz, refined by a parabola through the grid maximum. */
function peakOf(p: BasalGangliaParams, s: LoopState, x: BasalGangliaInput): number {
  const lo = 5;
  const hi = 35;
  let best = lo;
  let bestP = -1;
  const n = Math.round((hi - lo) / DF);
  for (let i = 0; i <= n; i++) {
    const v = loopDensity(p, s, lo + i * DF);
    if (v > bestP) {
      bestP = v;
      best = lo + i * DF;
    }
  }
  if (best > lo && best < hi) {
    const a = loopDensity(p, s, best - DF);
    const b = bestP;
    const c = loopDensity(p, s, best + DF);
    const den = a - 2 * b + c;
    if (den < 0) best += (0.5 * DF * (a - c)) / den;
  }
  // A locked line that outweighs the loop's whole band sets the peak.
  const loopBand = bandPower((f) => loopDensity(p, s, f), [lo, hi]);
  for (const l of dbsLines(s, x, hi)) if (l.f >= lo && l.stn > loopBand) return l.f;
  return best;
}

/** STN spectrum on 1–45 Hz, normalised so that the healthy beta band integrates to 1. */
export function computeSpectrum(p: BasalGangliaParams, ref: Reference, x: BasalGangliaInput): Spectrum {
  const s = loopState(p, x);
  const norm = 1 / (ref.loopBeta + backgroundBeta(ref));
  const n = Math.round((F_MAX - F_MIN) / DF);
  const f: number[] = [];
  const power: number[] = [];
  for (let i = 0; i <= n; i++) {
    const fi = F_MIN + i * DF;
    f.push(fi);
    power.push((ref.aperiodicAt1Hz / fi + loopDensity(p, s, fi)) * norm);
  }
  for (const l of dbsLines(s, x, F_MAX)) {
    const i = Math.round((l.f - F_MIN) / DF);
    if (i >= 0 && i <= n) power[i] = (power[i] as number) + (l.stn / DF) * norm;
  }
  return { f, power };
}

// Module defaults, the healthy reference and a small cache keyed by quantised inputs (dopamine
// and decoupling to 0.001, frequency to 0.1 Hz): the slow layer calls basalGanglia every step.
let defaults: { p: BasalGangliaParams; ref: Reference } | null = null;
function model(): { p: BasalGangliaParams; ref: Reference } {
  if (defaults === null) {
    const p = basalGangliaParams();
    defaults = { p, ref: reference(p) };
  }
  return defaults;
}

const CACHE_SIZE = 4096;
const cache = new Map<number, BasalGangliaOutput>();

/**
 * The cache key of the quantised input as one exact integer (the slow layer calls this at every
 * sample, so no string and no object is made on a hit): dopamine in 1/1000 (capped at 100 × healthy),
 * decoupling in 1/1000, frequency in 0.1 Hz, target; DBS off whenever quantise() would call it off.
 */
function keyOf(x: BasalGangliaInput): number {
  const dopamine = Number.isFinite(x.dopamine) ? Math.min(100_000, Math.max(0, Math.round(x.dopamine * 1000))) : 1000;
  const frequency = Number.isFinite(x.dbsFrequencyHz) ? Math.max(0, Math.round(x.dbsFrequencyHz * 10)) : 0;
  const target = x.dbsTarget === 'STN' ? 1 : x.dbsTarget === 'GPi' ? 2 : 0;
  if (target === 0 || frequency === 0) return dopamine * 4;
  const decoupling = Number.isFinite(x.dbsDecoupling) ? Math.min(1000, Math.max(0, Math.round(x.dbsDecoupling * 1000))) : 0;
  return ((dopamine * 1001 + decoupling) * 2501 + Math.min(2500, frequency)) * 4 + target;
}

/**
 * Inputs rounded to the cache's resolution; non-finite numbers become the healthy/off values, and
 * DBS counts as on only with a target and a positive frequency (otherwise all three are off).
 */
export function quantise(x: BasalGangliaInput): BasalGangliaInput {
  const q = (v: number, perUnit: number, fallback: number) => (Number.isFinite(v) ? Math.round(v * perUnit) / perUnit : fallback);
  const dopamine = Math.max(0, q(x.dopamine, 1000, 1));
  const dbsFrequencyHz = Math.max(0, q(x.dbsFrequencyHz, 10, 0));
  const dbsTarget = x.dbsTarget === 'STN' || x.dbsTarget === 'GPi' ? x.dbsTarget : null;
  if (dbsTarget === null || dbsFrequencyHz === 0) return { dopamine, dbsDecoupling: 0, dbsFrequencyHz: 0, dbsTarget: null };
  return { dopamine, dbsDecoupling: clamp01(q(x.dbsDecoupling, 1000, 0)), dbsFrequencyHz, dbsTarget };
}

export function basalGanglia(x: BasalGangliaInput): BasalGangliaOutput {
  const key = keyOf(x);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const { p, ref } = model();
  const out = Object.freeze(computeBasalGanglia(p, ref, quantise(x)));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as number);
  cache.set(key, out);
  return out;
}

export function basalGangliaSpectrum(x: BasalGangliaInput): Spectrum {
  const { p, ref } = model();
  return computeSpectrum(p, ref, quantise(x));
}

/** For tests and tuning: the probe with other parameters. */
export function basalGangliaWith(p: BasalGangliaParams): { run: (x: BasalGangliaInput) => BasalGangliaOutput; spectrum: (x: BasalGangliaInput) => Spectrum } {
  const ref = reference(p);
  return { run: (x) => computeBasalGanglia(p, ref, quantise(x)), spectrum: (x) => computeSpectrum(p, ref, quantise(x)) };
}
