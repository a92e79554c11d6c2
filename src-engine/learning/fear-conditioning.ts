// Fear conditioning, extinction and the return of fear (renewal, spontaneous recovery,
// reinstatement): a Rescorla–Wagner / Pearce–Hall learner whose extinction is a second,
// context-gated memory (reference/models.md §5.1, §5.8; Bouton 2004), with noradrenaline on
// acquisition and the vmPFC/hippocampal extinction capacity on extinction learning and recall.
import { learningParam } from './data.ts';
import { clamp } from './modulation.ts';
import type { RngFactory } from './random.ts';
import type { ModulatoryState, TaskOutcome } from './types.ts';

export interface FearParams {
  /** CS salience × US learning rate (RW α·β), per trial. */
  csSalience: number;
  /** Context salience, per trial. */
  contextSalience: number;
  /** Pearce–Hall weight γ of the last prediction error in the associability. */
  pearceHallGamma: number;
  /** Associability α₀ of a novel CS. */
  initialAssociability: number;
  /** Extinction learning rate α_e, per trial. */
  extinctionRate: number;
  /** Exponent of the extinction capacity on extinction learning. */
  capacityLearningExponent: number;
  /** Fraction of the extinction memory recalled a day later in a healthy subject. */
  extinctionRecall: number;
  /** Exponent of the extinction capacity on recall. */
  capacityRecallExponent: number;
  /** Exponent of the hippocampal gain on recall (contextual retrieval of extinction). */
  hippocampalRecallExponent: number;
  /** Time over which a new extinction memory comes to depend on recall, d. */
  consolidationTime: number;
  /** Hyperbolic forgetting time of the extinction memory, d. */
  extinctionForgetting: number;
  /** Hyperbolic forgetting time of the acquisition memory and of context fear, d. */
  acquisitionForgetting: number;
  /** Context–US learning rate per unsignalled US (reinstatement). */
  reinstatementRate: number;
  /** Exponent of noradrenaline on the CS salience (β-adrenergic enhancement of amygdala plasticity). */
  neSalienceExponent: number;
  /** Exponent of noradrenaline on the US value λ. */
  neUsExponent: number;
}

export function fearParams(): FearParams {
  return {
    csSalience: learningParam('fear.csSalience', '1/trial'),
    contextSalience: learningParam('fear.contextSalience', '1/trial'),
    pearceHallGamma: learningParam('fear.pearceHallGamma', '1'),
    initialAssociability: learningParam('fear.initialAssociability', '1'),
    extinctionRate: learningParam('fear.extinctionRate', '1/trial'),
    capacityLearningExponent: learningParam('fear.capacityLearningExponent', '1'),
    extinctionRecall: learningParam('fear.extinctionRecall', 'fraction'),
    capacityRecallExponent: learningParam('fear.capacityRecallExponent', '1'),
    hippocampalRecallExponent: learningParam('fear.hippocampalRecallExponent', '1'),
    consolidationTime: learningParam('fear.consolidationTime', 'd'),
    extinctionForgetting: learningParam('fear.extinctionForgetting', 'd'),
    acquisitionForgetting: learningParam('fear.acquisitionForgetting', 'd'),
    reinstatementRate: learningParam('fear.reinstatementRate', '1/US'),
    neSalienceExponent: learningParam('ne.salienceExponent', '1'),
    neUsExponent: learningParam('ne.usExponent', '1'),
  };
}

export interface FearOptions {
  acquisitionTrials: number;
  extinctionTrials: number;
  /** Fraction of acquisition trials with a US (partial reinforcement draws which ones from the seed). */
  reinforcement: number;
  /** Where extinction happens: 'B' (ABA design, renewal in A) or 'A' (AAA). */
  extinctionContext: 'A' | 'B';
  /** Similarity of two different contexts, 0–1. */
  contextSimilarity: number;
  /** Days from extinction to the tests in A, B and C. */
  testDelayDays: number;
  /** Days from extinction to the spontaneous-recovery test. */
  recoveryDelayDays: number;
  /** Unsignalled USs in the extinction context on the test day (reinstatement), tested a day later. */
  reinstatementShocks: number;
}

const CONTEXTS = ['A', 'B', 'C'] as const;
type Ctx = 0 | 1 | 2;

/** Learner state; the memories are kept apart so the tests can read them at any delay. */
interface Memory {
  vCs: number;
  vCtx: [number, number, number];
  vExt: number;
  associability: number;
}

/**
 * Run the protocol: day 0 acquisition in A; day 1 extinction in the extinction context; tests in A,
 * B and C `testDelayDays` later; a spontaneous-recovery test `recoveryDelayDays` after extinction;
 * reinstatement shocks on the test day, tested a day later. Tests are probes (no learning).
 *
 * Per trial, with prediction P = V_CS + V_ctx − c·V_ext (c = similarity of the context to the
 * extinction context) and US value λ:
 *   ΔV_CS  = S·α_n·(λ − P)₊               acquisition memory, never erased
 *   ΔV_ctx = S_ctx·(λ − P)                  context fear (kept ≥ 0)
 *   ΔV_ext = α_e·α_n·c·(P − λ)₊             context-gated extinction memory
 *   α_{n+1} = γ·|λ − P| + (1 − γ)·α_n      Pearce–Hall associability
 * At a later test the extinction memory is expressed with recall ρ (reached over the consolidation
 * time), and each memory fades hyperbolically, V(t) = V/(1 + t/τ), the extinction memory faster.
 *
 * Measures (CR in units of the healthy asymptote λ = 1): cr_acquisition and cr_extinction at the
 * end of each phase; test_A, test_B, test_C in each context `testDelayDays` after extinction;
 * spontaneous_recovery in the extinction context `recoveryDelayDays` after it; reinstatement in the
 * extinction context the day after the shocks; extinction_retention = 1 − CR in the extinction
 * context / cr_acquisition (Milad's extinction retention index). Curves: acquisition and extinction,
 * the CR at each trial before its outcome.
 */
export function fearConditioning(o: FearOptions, s: ModulatoryState, rngFor: RngFactory, p: FearParams = fearParams()): TaskOutcome {
  const rng = rngFor(0);
  const ne = Math.max(0, s.noradrenaline);
  const salience = p.csSalience * ne ** p.neSalienceExponent;
  const lambda = ne ** p.neUsExponent;
  const extRate = p.extinctionRate * Math.max(0, s.plasticityGain) * Math.max(0, s.extinctionCapacity) ** p.capacityLearningExponent;
  const recall = p.extinctionRecall * Math.max(0, s.extinctionCapacity) ** p.capacityRecallExponent * Math.max(0, s.hippocampalGain) ** p.hippocampalRecallExponent;
  const ext: Ctx = o.extinctionContext === 'A' ? 0 : 1;
  const sim = (a: Ctx, b: Ctx): number => (a === b ? 1 : o.contextSimilarity);

  const m: Memory = { vCs: 0, vCtx: [0, 0, 0], vExt: 0, associability: p.initialAssociability };
  const predict = (ctx: Ctx): number => m.vCs + m.vCtx[ctx] - sim(ctx, ext) * m.vExt;

  // Acquisition in A, reinforced trials drawn from the seed when reinforcement is partial.
  const reinforced = new Uint8Array(o.acquisitionTrials);
  const nUs = Math.round(o.reinforcement * o.acquisitionTrials);
  for (let i = 0; i < nUs; i++) reinforced[i] = 1;
  rng.shuffle(reinforced);
  const acquisition: number[] = [];
  for (let i = 0; i < o.acquisitionTrials; i++) {
    const P = predict(0);
    acquisition.push(Math.max(0, P));
    const l = reinforced[i] === 1 ? lambda : 0;
    const err = l - P;
    m.vCs += salience * m.associability * Math.max(0, err);
    m.vCtx[0] = Math.max(0, m.vCtx[0] + p.contextSalience * err);
    m.associability = p.pearceHallGamma * Math.abs(err) + (1 - p.pearceHallGamma) * m.associability;
  }
  const crAcquisition = Math.max(0, predict(0));

  // A day passes; then extinction (CS alone) in the extinction context.
  const dayLater = 1 / (1 + 1 / p.acquisitionForgetting);
  m.vCs *= dayLater;
  m.vCtx[0] *= dayLater;
  const extinction: number[] = [];
  for (let i = 0; i < o.extinctionTrials; i++) {
    const P = predict(ext);
    extinction.push(Math.max(0, P));
    const err = -P;
    m.vExt += extRate * m.associability * Math.max(0, -err);
    m.vCtx[ext] = Math.max(0, m.vCtx[ext] + p.contextSalience * err);
    m.associability = p.pearceHallGamma * Math.abs(err) + (1 - p.pearceHallGamma) * m.associability;
  }
  const crExtinction = Math.max(0, predict(ext));

  /** CR in `ctx` `days` after extinction, with `ctxFear` added to the test context's fear. */
  const probe = (ctx: Ctx, days: number, ctxFear = 0): number => {
    const fade = 1 / (1 + days / p.acquisitionForgetting);
    const extFade = 1 / (1 + days / p.extinctionForgetting);
    const rho = 1 - (1 - recall) * (1 - Math.exp(-days / p.consolidationTime));
    return Math.max(0, m.vCs * fade + (m.vCtx[ctx] + ctxFear) * fade - rho * sim(ctx, ext) * m.vExt * extFade);
  };
  const test: Record<(typeof CONTEXTS)[number], number> = {
    A: probe(0, o.testDelayDays),
    B: probe(1, o.testDelayDays),
    C: probe(2, o.testDelayDays),
  };
  // Reinstatement: unsignalled USs in the extinction context condition that context (RW on the context alone).
  let shockFear = m.vCtx[ext];
  for (let i = 0; i < o.reinstatementShocks; i++) shockFear += p.reinstatementRate * (lambda - shockFear);
  const reinstatement = probe(ext, o.testDelayDays + 1, shockFear - m.vCtx[ext]);
  const spontaneous = probe(ext, o.recoveryDelayDays);
  const testExt = ext === 0 ? test.A : test.B;

  return {
    measures: {
      cr_acquisition: crAcquisition,
      cr_extinction: crExtinction,
      test_A: test.A,
      test_B: test.B,
      test_C: test.C,
      spontaneous_recovery: spontaneous,
      reinstatement,
      extinction_retention: crAcquisition > 0 ? clamp(1 - testExt / crAcquisition, 0, 1) : 0,
    },
    curves: { acquisition, extinction },
  };
}
