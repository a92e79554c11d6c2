// The spacing effect: retention after study sessions spread over days beats the same sessions
// massed (Cepeda et al. 2006), from a cascade of memory traces on several time scales in which
// each slower trace learns only what the faster ones do not already hold (after the multiscale
// context model of Mozer et al. 2009): massed repetitions find the fast trace full and leave
// little for the slow ones; spaced repetitions find it faded and build the durable traces.
import { learningParam } from './data.ts';
import { clamp, hippocampalPlasticity, nmdaFactor } from './modulation.ts';
import type { RngFactory } from './random.ts';
import type { ModulatoryState, TaskOutcome } from './types.ts';

export interface SpacingParams {
  /** Decay times of the traces, fastest first, d. */
  tau: [number, number, number, number];
  /** Learning rates of the traces per study session. */
  rate: [number, number, number, number];
  /** Strength at which recall is 1 − 1/e. */
  recallScale: number;
  /** Log-normal spread of the items' learning rates. */
  itemSpread: number;
  /** Gap between massed sessions, d. */
  massedGap: number;
}

export function spacingParams(): SpacingParams {
  return {
    tau: [learningParam('spacing.tau1', 'd'), learningParam('spacing.tau2', 'd'), learningParam('spacing.tau3', 'd'), learningParam('spacing.tau4', 'd')],
    rate: [learningParam('spacing.rate1', '1/session'), learningParam('spacing.rate2', '1/session'), learningParam('spacing.rate3', '1/session'), learningParam('spacing.rate4', '1/session')],
    recallScale: learningParam('spacing.recallScale', 'strength'),
    itemSpread: learningParam('spacing.itemSpread', '1'),
    massedGap: learningParam('spacing.massedGap', 'd'),
  };
}

export interface SpacingOptions {
  schedule: 'spaced' | 'massed';
  sessions: number;
  /** Days between spaced sessions. */
  gapDays: number;
  /** Days from the last session to the test. */
  retentionDays: number;
  items: number;
}

const K = 4;

/**
 * Item i has strengths s_1..s_4 (fast to slow). At a session every trace learns at once what it
 * and the faster traces did not hold when the session began: s_k += η_k·a_i·(1 − Σ_{j≤k} s_j)₊.
 * Between sessions s_k decays as e^{−t/τ_k}. Recall probability 1 − exp(−Σ s_k/θ).
 * The fast (hippocampal) rate scales with hippocampal plasticity, the slow (cortical,
 * consolidated) rates with prefrontal plasticity gain × NMDA × the surviving hippocampal synapses
 * (consolidation is driven by hippocampal replay); a_i is the item's log-normal ease.
 * Measures: retention (mean recall at the test), retention_immediate (right after the last
 * session). Curve: retention, recall at the end of each day's study from the first session to the test.
 */
export function spacing(o: SpacingOptions, s: ModulatoryState, rngFor: RngFactory, p: SpacingParams = spacingParams()): TaskOutcome {
  const rng = rngFor(0);
  const fastGain = hippocampalPlasticity(s);
  const slowGain = Math.max(0, s.plasticityGain) * nmdaFactor(s.nmdaBlock) * clamp(s.hippocampalSynapses, 0, 1);
  const gap = o.schedule === 'spaced' ? o.gapDays : p.massedGap;
  const learnEnd = (o.sessions - 1) * gap;
  const testAt = learnEnd + o.retentionDays;
  const days = Math.floor(testAt);
  const curve = new Float64Array(days + 1);
  const str = new Float64Array(K);
  const residual = new Float64Array(K);
  let retention = 0;
  let immediate = 0;

  const recallAt = (t0: number, t: number): number => {
    let m = 0;
    for (let k = 0; k < K; k++) m += str[k]! * Math.exp(-(t - t0) / p.tau[k]!);
    return 1 - Math.exp(-m / p.recallScale);
  };

  for (let item = 0; item < o.items; item++) {
    const ease = Math.exp(p.itemSpread * rng.normal());
    str.fill(0);
    let t = 0;
    let session = 0;
    for (let day = 0; day <= days; day++) {
      // The day's sessions, then a reading at the end of its study (or at the day's start).
      while (session < o.sessions && session * gap < day + 1) {
        const at = session * gap;
        for (let k = 0; k < K; k++) str[k] = str[k]! * Math.exp(-(at - t) / p.tau[k]!);
        t = at;
        // Residuals from the strengths held when the session starts (all traces learn at once).
        let cum = 0;
        for (let k = 0; k < K; k++) {
          cum += str[k]!;
          residual[k] = Math.max(0, 1 - cum);
        }
        for (let k = 0; k < K; k++) {
          const g = k === 0 ? fastGain : slowGain;
          str[k] = str[k]! + Math.min(1, p.rate[k]! * g * ease) * residual[k]!;
        }
        session++;
      }
      curve[day] = curve[day]! + recallAt(t, Math.max(t, day));
    }
    immediate += recallAt(t, learnEnd);
    retention += recallAt(t, testAt);
  }
  return {
    measures: {
      retention: retention / o.items,
      retention_immediate: immediate / o.items,
    },
    curves: { retention: Array.from(curve, (v) => v / o.items) },
  };
}
