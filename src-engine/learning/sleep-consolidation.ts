// Systems consolidation by sleep replay (complementary learning systems; McClelland, McNaughton &
// O'Reilly 1995; reference/models.md §5.7): a fast hippocampal trace per new memory replays into a
// slow cortical linear associator at night. Replay interleaved with reinstated old memories
// (generative replay) protects them; replay of the new ones alone overwrites what they share with
// the old (catastrophic interference, McCloskey & Cohen 1989). Synapses consolidated by past
// learning are stiffer (metaplastic stability; Fusi, Drew & Abbott 2005; Benna & Fusi 2016).
import { learningParam } from './data.ts';
import { clamp, hippocampalPlasticity, nmdaFactor } from './modulation.ts';
import { randomPattern } from './hopfield.ts';
import type { RngFactory } from './random.ts';
import type { ModulatoryState, TaskOutcome } from './types.ts';

export interface ClsParams {
  features: number;
  cueOverlap: number;
  hippocampalEncoding: number;
  hippocampalDecay: number;
  replaysPerNight: number;
  corticalRate: number;
  oldReplayShare: number;
  consolidatedStability: number;
  stabilityGain: number;
  sleepDeprivedReplay: number;
  sleepAchSensitivity: number;
}

export function clsParams(): ClsParams {
  return {
    features: learningParam('cls.features', 'units'),
    cueOverlap: learningParam('cls.cueOverlap', 'overlap'),
    hippocampalEncoding: learningParam('cls.hippocampalEncoding', 'fraction'),
    hippocampalDecay: learningParam('cls.hippocampalDecay', 'd'),
    replaysPerNight: learningParam('cls.replaysPerNight', 'replays/night'),
    corticalRate: learningParam('cls.corticalRate', '1/replay'),
    oldReplayShare: learningParam('cls.oldReplayShare', 'fraction'),
    consolidatedStability: learningParam('cls.consolidatedStability', '1'),
    stabilityGain: learningParam('cls.stabilityGain', '1'),
    sleepDeprivedReplay: learningParam('cls.sleepDeprivedReplay', 'fraction'),
    sleepAchSensitivity: learningParam('cls.sleepAchSensitivity', '1/(× healthy)'),
  };
}

export interface ClsOptions {
  /** Associations per set (old and new). */
  items: number;
  /** Days (and nights) from learning the new set to the test. */
  days: number;
  /** Old memories are reinstated and replayed with the new ones. */
  interleaved: boolean;
  /** Sleep replay at all (false: the new memory lives only in the fading hippocampal trace). */
  replay: boolean;
  /** The first night after learning is lost. */
  sleepDeprived: boolean;
  subjects: number;
}

/** Solve the small dense system A·x = b in place (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array, b: Float64Array, n: number): void {
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]!) > Math.abs(a[piv * n + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        const t = a[c * n + k]!;
        a[c * n + k] = a[piv * n + k]!;
        a[piv * n + k] = t;
      }
      const t = b[c]!;
      b[c] = b[piv]!;
      b[piv] = t;
    }
    const d = a[c * n + c]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c]! / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r * n + k] = a[r * n + k]! - f * a[c * n + k]!;
      b[r] = b[r]! - f * b[c]!;
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let acc = b[c]!;
    for (let k = c + 1; k < n; k++) acc -= a[c * n + k]! * b[k]!;
    const d = a[c * n + c]!;
    b[c] = Math.abs(d) < 1e-12 ? 0 : acc / d;
  }
}

/** Cosine of the cortex's output for cue x with target t, floored at 0. */
function corticalRecall(w: Float64Array, x: Float64Array, t: Int8Array, d: number, y: Float64Array): number {
  let dot = 0;
  let yy = 0;
  for (let i = 0; i < d; i++) {
    let acc = 0;
    const row = i * d;
    for (let j = 0; j < d; j++) acc += w[row + j]! * x[j]!;
    y[i] = acc;
    dot += acc * t[i]!;
    yy += acc * acc;
  }
  return yy > 0 ? Math.max(0, dot / Math.sqrt(yy * d)) : 0;
}

/**
 * Per subject: `items` old associations (cue → target) are already consolidated in the cortex
 * (the least-squares solution the delta rule converges to, with their synapses' stability set in
 * proportion to their weight); `items` new ones, whose cues share `cueOverlap` of the old cues'
 * features, are encoded in the hippocampus with strength h = encoding × hippocampal plasticity.
 * Each night, R replays (fewer after sleep deprivation, fewer with cholinergic tone above healthy
 * in slow-wave sleep, Gais & Born 2004) pick a new memory ∝ h, or, interleaved, an old memory with
 * probability `oldReplayShare`, reinstated by the cortex itself (target sgn(W·x)). Each replay
 * trains the cortex by the delta rule, ΔW_ij = ε·g·a·(t_i − y_i)·x_j/(1 + s_ij), with a = h for
 * a hippocampal replay and 1 for a reinstatement, g = prefrontal plasticity gain × NMDA; the
 * stability s_ij grows with |ΔW_ij|. Hippocampal traces fade, h ← h·e^{−1 d/τ_h}. Recall of a
 * memory: 1 − (1 − h·synapses)(1 − c), with c the cosine of the cortical output and the target.
 *
 * Measures: old_memory and new_memory, mean recall of each set at the test (after the last night).
 * Curves: old_memory and new_memory per day, day 0 being the evening of learning.
 */
export function sleepConsolidation(o: ClsOptions, s: ModulatoryState, rngFor: RngFactory, p: ClsParams = clsParams()): TaskOutcome {
  const d = p.features;
  const n = o.items;
  const encode = clamp(p.hippocampalEncoding * hippocampalPlasticity(s), 0, 1);
  const hRecall = clamp(s.hippocampalSynapses, 0, 1);
  const gain = Math.max(0, s.plasticityGain) * nmdaFactor(s.nmdaBlock);
  const achSleep = 1 / (1 + p.sleepAchSensitivity * Math.max(0, s.acetylcholine - 1));
  const eps = p.corticalRate * gain;
  const decay = Math.exp(-1 / p.hippocampalDecay);
  const inv = 1 / Math.sqrt(d);

  const w = new Float64Array(d * d);
  const stab = new Float64Array(d * d);
  const y = new Float64Array(d);
  const reinstated = new Int8Array(d);
  const gram = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  const oldCues: Float64Array[] = [];
  const newCues: Float64Array[] = [];
  const oldTargets: Int8Array[] = [];
  const newTargets: Int8Array[] = [];
  for (let k = 0; k < n; k++) {
    oldCues.push(new Float64Array(d));
    newCues.push(new Float64Array(d));
    oldTargets.push(new Int8Array(d));
    newTargets.push(new Int8Array(d));
  }
  const h = new Float64Array(n);
  const oldCurve = new Float64Array(o.days + 1);
  const newCurve = new Float64Array(o.days + 1);
  const pattern = new Int8Array(d);

  const train = (x: Float64Array, t: Int8Array, a: number): void => {
    for (let i = 0; i < d; i++) {
      let acc = 0;
      const row = i * d;
      for (let j = 0; j < d; j++) acc += w[row + j]! * x[j]!;
      const err = eps * a * (t[i]! - acc);
      if (err === 0) continue;
      for (let j = 0; j < d; j++) {
        const dw = (err * x[j]!) / (1 + stab[row + j]!);
        w[row + j] = w[row + j]! + dw;
        stab[row + j] = stab[row + j]! + p.stabilityGain * Math.abs(dw);
      }
    }
  };
  const score = (day: number): void => {
    let o1 = 0;
    let n1 = 0;
    for (let k = 0; k < n; k++) {
      o1 += corticalRecall(w, oldCues[k]!, oldTargets[k]!, d, y);
      n1 += 1 - (1 - h[k]! * hRecall) * (1 - corticalRecall(w, newCues[k]!, newTargets[k]!, d, y));
    }
    oldCurve[day] = oldCurve[day]! + o1 / n;
    newCurve[day] = newCurve[day]! + n1 / n;
  };

  for (let subj = 0; subj < o.subjects; subj++) {
    const rng = rngFor(subj);
    for (let k = 0; k < n; k++) {
      randomPattern(d, rng, pattern);
      for (let j = 0; j < d; j++) oldCues[k]![j] = pattern[j]! * inv;
      for (let j = 0; j < d; j++) newCues[k]![j] = (rng.float() < p.cueOverlap ? pattern[j]! : rng.float() < 0.5 ? 1 : -1) * inv;
      randomPattern(d, rng, oldTargets[k]!);
      randomPattern(d, rng, newTargets[k]!);
    }
    // The consolidated old memories: W = T·(XᵀX)⁻¹·Xᵀ, one row at a time.
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
      let acc = 0;
      for (let j = 0; j < d; j++) acc += oldCues[a]![j]! * oldCues[b]![j]!;
      gram[a * n + b] = acc;
    }
    const g = new Float64Array(n * n);
    let wScale = 0;
    for (let i = 0; i < d; i++) {
      g.set(gram);
      for (let k = 0; k < n; k++) rhs[k] = oldTargets[k]![i]!;
      solve(g, rhs, n);
      for (let j = 0; j < d; j++) {
        let acc = 0;
        for (let k = 0; k < n; k++) acc += rhs[k]! * oldCues[k]![j]!;
        w[i * d + j] = acc;
        wScale += Math.abs(acc);
      }
    }
    wScale = wScale / (d * d) || 1;
    for (let k = 0; k < d * d; k++) stab[k] = (p.consolidatedStability * Math.abs(w[k]!)) / wScale;
    for (let k = 0; k < n; k++) h[k] = encode;
    score(0);

    for (let night = 1; night <= o.days; night++) {
      if (o.replay) {
        const deprived = o.sleepDeprived && night === 1;
        const replays = Math.round(p.replaysPerNight * achSleep * (deprived ? p.sleepDeprivedReplay : 1));
        let hTotal = 0;
        for (let k = 0; k < n; k++) hTotal += h[k]!;
        for (let r = 0; r < replays; r++) {
          const old = o.interleaved && rng.float() < p.oldReplayShare;
          if (old) {
            const k = rng.int(n);
            const x = oldCues[k]!;
            for (let i = 0; i < d; i++) {
              let acc = 0;
              for (let j = 0; j < d; j++) acc += w[i * d + j]! * x[j]!;
              reinstated[i] = acc >= 0 ? 1 : -1;
            }
            train(x, reinstated, 1);
          } else if (hTotal > 0) {
            let u = rng.float() * hTotal;
            let k = 0;
            while (k < n - 1 && (u -= h[k]!) >= 0) k++;
            train(newCues[k]!, newTargets[k]!, h[k]!);
          }
        }
      }
      for (let k = 0; k < n; k++) h[k] = h[k]! * decay;
      score(night);
    }
  }
  const oldMemory = Array.from(oldCurve, (v) => v / o.subjects);
  const newMemory = Array.from(newCurve, (v) => v / o.subjects);
  return {
    measures: {
      old_memory: oldMemory[o.days] ?? 0,
      new_memory: newMemory[o.days] ?? 0,
    },
    curves: { old_memory: oldMemory, new_memory: newMemory },
  };
}
