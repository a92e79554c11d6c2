// The STN–GPe loop of Nevado Holgado, Terry & Bogacz 2010 (J Neurosci 30:12340): two firing-rate
// populations with delayed coupling, read out analytically from its linearisation (characteristic
// equation with delays, transfer functions), plus a time-domain integrator of the same nonlinear
// equations that the tests use as an independent check.
//
//   τS·dS/dt = FS(I_C − wGS·G(t − T_GS)) − S
//   τG·dG/dt = FG(wSG·S(t − T_SG) − wGG·G(t − T_GG) − Str) − G
//   F(x) = M·B / (B + (M − B)·e^(−4x/M))      (F(0) = B, F(∞) = M, maximal slope 1)
//
// Linearised about the fixed point (slopes kS = FS′, kG = FG′) with a loop gain factor g
// (1 = intact; lower when DBS replaces part of the STN output or when the noisy-Hopf closure
// saturates the oscillation), the characteristic function is
//
//   D(λ) = (1 + λτS)·(1 + λτG + kG·wGG·e^(−λT_GG)) + g·K·e^(−λ(T_GS + T_SG)),   K = kS·kG·wGS·wSG.
import { add, c, expNeg, mul, scale, type C } from './complex.ts';

/** One state of the loop: kinetics, delays, sigmoids, weights and tonic inputs (s, spikes/s). */
export interface StnGpeLoop {
  tauS: number;
  tauG: number;
  /** Delays GPe→STN, STN→GPe, GPe→GPe, s. */
  delayGS: number;
  delaySG: number;
  delayGG: number;
  maxS: number;
  baseS: number;
  maxG: number;
  baseG: number;
  /** Weights STN→GPe, GPe→STN, GPe→GPe (dimensionless). */
  wSG: number;
  wGS: number;
  wGG: number;
  /** Cortical excitation of STN (w_CS·C) and striatal inhibition of GPe (Str), spikes/s. */
  cortex: number;
  striatum: number;
}

/** The loop linearised at its fixed point. */
export interface Linearised {
  loop: StnGpeLoop;
  /** Fixed-point rates, spikes/s. */
  S: number;
  G: number;
  /** Sigmoid slopes at the fixed point (spikes/s per unit input). */
  kS: number;
  kG: number;
  /** Open-loop gain kS·kG·wGS·wSG. */
  K: number;
}

/** The Holgado sigmoid F(x) = M·B / (B + (M − B)·e^(−4x/M)). */
export function rate(x: number, M: number, B: number): number {
  return (M * B) / (B + (M - B) * Math.exp((-4 * x) / M));
}

/** Its slope at output F: F′ = (4/M)·F·(1 − F/M). */
function slopeAt(F: number, M: number): number {
  return (4 / M) * F * (1 - F / M);
}

/** The unique fixed point (GPe rate by bisection: the right-hand side falls as G rises) and its linearisation. */
export function linearise(loop: StnGpeLoop): Linearised {
  const stn = (G: number) => rate(loop.cortex - loop.wGS * G, loop.maxS, loop.baseS);
  const residual = (G: number) => G - rate(loop.wSG * stn(G) - loop.wGG * G - loop.striatum, loop.maxG, loop.baseG);
  let lo = 0;
  let hi = loop.maxG;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (residual(mid) > 0) hi = mid;
    else lo = mid;
  }
  const G = 0.5 * (lo + hi);
  const S = stn(G);
  const kS = slopeAt(S, loop.maxS);
  const kG = slopeAt(G, loop.maxG);
  return { loop, S, G, kS, kG, K: kS * kG * loop.wGS * loop.wSG };
}

/** The GPe factor Q(λ) = 1 + λτG + kG·wGG·e^(−λT_GG). */
function gpeFactor(lin: Linearised, l: C): C {
  const { tauG, wGG, delayGG } = lin.loop;
  return add(c(1 + l.re * tauG, l.im * tauG), scale(expNeg(l, delayGG), lin.kG * wGG));
}

/** Scratch for D, D′ and the GPe factor Q at one point: [Re D, Im D, Re D′, Im D′, Re Q, Im Q]. */
const scratch = new Float64Array(6);

/** D(λ) and D′(λ) at loop gain factor g. */
export function characteristic(lin: Linearised, g: number, l: C): { D: C; dD: C } {
  characteristicInto(lin, g, l.re, l.im);
  return { D: c(scratch[0] as number, scratch[1] as number), dD: c(scratch[2] as number, scratch[3] as number) };
}

/**
 * D(λ), D′(λ) and Q(λ) at λ = lr + i·li into `scratch`, without allocation: the root search and the
 * spectra evaluate it hundreds of times per probe. The same operations, in the same order, as
 * P·Q + g·K·e^(−λT) and τS·Q + P·Q′ − T·g·K·e^(−λT) with the complex helpers (bit-identical).
 */
function characteristicInto(lin: Linearised, g: number, lr: number, li: number): void {
  const { tauS, tauG, wGG, delayGG, delayGS, delaySG } = lin.loop;
  const T = delayGS + delaySG;
  const Pr = 1 + lr * tauS;
  const Pi = li * tauS;
  // e^(−λ·T_GG) and e^(−λ·T)
  const mG = Math.exp(-lr * delayGG);
  const eGr = mG * Math.cos(li * delayGG);
  const eGi = -mG * Math.sin(li * delayGG);
  const mT = Math.exp(-lr * T);
  const eTr = mT * Math.cos(li * T);
  const eTi = -mT * Math.sin(li * T);
  // Q = 1 + λτG + kG·wGG·e^(−λT_GG), Q′ = τG − T_GG·kG·wGG·e^(−λT_GG)
  const kw = lin.kG * wGG;
  const Qr = 1 + lr * tauG + eGr * kw;
  const Qi = li * tauG + eGi * kw;
  scratch[4] = Qr;
  scratch[5] = Qi;
  const gK = g * lin.K;
  scratch[0] = Pr * Qr - Pi * Qi + eTr * gK;
  scratch[1] = Pr * Qi + Pi * Qr + eTi * gK;
  const k2 = -delayGG * lin.kG * wGG;
  const dQr = tauG + eGr * k2;
  const dQi = 0 + eGi * k2;
  const k3 = -T * g * lin.K;
  scratch[2] = Qr * tauS + (Pr * dQr - Pi * dQi) + eTr * k3;
  scratch[3] = Qi * tauS + (Pr * dQi + Pi * dQr) + eTi * k3;
}

/** Newton's method on D from one start; null when it does not converge. */
function newton(lin: Linearised, g: number, start: C): C | null {
  let lr = start.re;
  let li = start.im;
  for (let i = 0; i < 60; i++) {
    characteristicInto(lin, g, lr, li);
    const Dr = scratch[0] as number;
    const Di = scratch[1] as number;
    const dr = scratch[2] as number;
    const di = scratch[3] as number;
    const d = dr * dr + di * di;
    if (d === 0) return null;
    const sr = (Dr * dr + Di * di) / d;
    const si = (Di * dr - Dr * di) / d;
    lr = lr - sr;
    li = li - si;
    if (!Number.isFinite(lr) || !Number.isFinite(li)) return null;
    if (sr * sr + si * si < 1e-20 * (1 + (lr * lr + li * li))) return c(lr, li);
  }
  return null;
}

/** Start points for the root search: a grid over 2–120 Hz and two damping levels (rad/s, 1/s). */
const STARTS: readonly C[] = [2, 5, 10, 15, 20, 25, 30, 40, 55, 75, 100, 120].flatMap((f) => [c(0, 2 * Math.PI * f), c(-40, 2 * Math.PI * f)]);

/**
 * The dominant root (largest real part, Im ≥ 0) of D at loop gain factor g. The loop is a
 * retarded delay system, so only finitely many roots lie right of any vertical line and those
 * far up the imaginary axis are strongly damped; Newton from a 2–120 Hz grid finds the leader.
 */
export function dominantRoot(lin: Linearised, g: number): C {
  let best: C | null = null;
  for (const s of STARTS) {
    const r = newton(lin, g, s);
    if (r === null || r.im < -1e-9) continue;
    if (best === null || r.re > best.re + 1e-9) best = r;
  }
  if (best === null) throw new Error('BUG: no root of the STN–GPe characteristic equation converged');
  return best;
}

/**
 * The loop gain factor κ·g at which the dominant root has real part σ_eff (< Re of the root at g):
 * the saturation of the sigmoids lowers the effective gain of a large oscillation. Solved along
 * Re λ = σ_eff for the frequency at which −PQ·e^(λT)/K is real, by Newton from the root's frequency.
 */
export function gainForDamping(lin: Linearised, g: number, root: C, sigmaEff: number): number {
  if (sigmaEff >= root.re) return g;
  const { tauS, delayGS, delaySG } = lin.loop;
  const T = delayGS + delaySG;
  // h(ω) = −P·Q·e^(λT)/K along λ = σ_eff + iω; the gain is h where Im h = 0.
  const h = (w: number): C => {
    const l = c(sigmaEff, w);
    const P = c(1 + l.re * tauS, l.im * tauS);
    const eT = expNeg(l, -T);
    return scale(mul(mul(P, gpeFactor(lin, l)), eT), -1 / lin.K);
  };
  let w = root.im;
  for (let i = 0; i < 50; i++) {
    const dw = 1e-4 * Math.max(1, Math.abs(w));
    const f0 = h(w).im;
    const f1 = h(w + dw).im;
    const step = (f0 * dw) / (f1 - f0);
    if (!Number.isFinite(step)) break;
    w -= step;
    if (Math.abs(step) < 1e-10 * Math.max(1, Math.abs(w))) break;
  }
  const gain = h(w).re;
  // Newton may land on another branch of Im h = 0: accept only a gain whose dominant root is the target.
  if (Number.isFinite(gain) && gain > 0 && gain <= g && Math.abs(dominantRoot(lin, gain).re - sigmaEff) < 1e-3 * (1 + Math.abs(sigmaEff))) return gain;
  // Fallback: bisection on the gain (the dominant real part rises with the loop gain); 0 when even
  // the open loop is less damped than σ_eff.
  let lo = 0;
  let hi = g;
  if (dominantRoot(lin, 0).re >= sigmaEff) return 0;
  for (let i = 0; i < 50 && hi - lo > 1e-12; i++) {
    const mid = 0.5 * (lo + hi);
    if (dominantRoot(lin, mid).re > sigmaEff) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Transfer functions at angular frequency ω for a loop whose STN output is a fraction (1 − d)
 * free-running and d stimulus-locked, at effective loop gain factor gEff (already including 1 − d):
 * `noise` maps STN input noise to STN rate, (1 − d)·kS·Q/D; `locked` maps the locked firing to STN
 * rate, P·Q/D (the rest of the loop echoes the imposed rhythm).
 */
export function transfer(lin: Linearised, gEff: number, decoupling: number, w: number): { noise: number; locked: number } {
  // At λ = iω: P = 1 + iωτS; Q = 1 + iωτG + kG·wGG·e^(−iωT_GG) and D as characteristic computes them.
  characteristicInto(lin, gEff, 0, w);
  const Pr = 1;
  const Pi = w * lin.loop.tauS;
  const Qr = scratch[4] as number;
  const Qi = scratch[5] as number;
  const D2 = (scratch[0] as number) * (scratch[0] as number) + (scratch[1] as number) * (scratch[1] as number);
  const PQr = Pr * Qr - Pi * Qi;
  const PQi = Pr * Qi + Pi * Qr;
  const free = 1 - decoupling;
  return { noise: (free * free * lin.kS * lin.kS * (Qr * Qr + Qi * Qi)) / D2, locked: (PQr * PQr + PQi * PQi) / D2 };
}

/**
 * Time-domain integration of the nonlinear loop (forward Euler on a ring buffer), from the fixed
 * point with the STN rate displaced by `kick` spikes/s over the history. Returns the STN rate
 * sampled every `every` steps. Used by the tests to check the analytic results.
 */
export function simulate(loop: StnGpeLoop, opts: { duration: number; dt: number; kick: number; every?: number }): Float64Array {
  const { S: S0, G: G0 } = linearise(loop);
  const { dt, duration, kick } = opts;
  const every = opts.every ?? 1;
  const n = Math.round(duration / dt);
  const lagGS = Math.round(loop.delayGS / dt);
  const lagSG = Math.round(loop.delaySG / dt);
  const lagGG = Math.round(loop.delayGG / dt);
  const size = Math.max(lagGS, lagSG, lagGG) + 1;
  const S = new Float64Array(size).fill(S0 + kick);
  const G = new Float64Array(size).fill(G0);
  const out = new Float64Array(Math.floor(n / every));
  let head = size - 1;
  for (let i = 0; i < n; i++) {
    const s = S[head] as number;
    const g = G[head] as number;
    const gLagGS = G[(head - lagGS + size) % size] as number;
    const sLagSG = S[(head - lagSG + size) % size] as number;
    const gLagGG = G[(head - lagGG + size) % size] as number;
    const ds = (rate(loop.cortex - loop.wGS * gLagGS, loop.maxS, loop.baseS) - s) / loop.tauS;
    const dg = (rate(loop.wSG * sLagSG - loop.wGG * gLagGG - loop.striatum, loop.maxG, loop.baseG) - g) / loop.tauG;
    head = (head + 1) % size;
    S[head] = s + dt * ds;
    G[head] = g + dt * dg;
    if ((i + 1) % every === 0 && (i + 1) / every - 1 < out.length) out[(i + 1) / every - 1] = S[head] as number;
  }
  return out;
}
