// Therapy sessions as learning trials (seed 004; DESIGN.md §3.2 "therapy"): exposure is a block of
// extinction trials in the fear model, learned in the therapy context and expressed elsewhere only
// in part (a context-gated extinction memory, Bouton 2004: renewal); CBT is a block of behavioural
// experiments whose outcomes disconfirm a negative expectancy (Rescorla–Wagner belief updating by
// prediction error). Each trial's learning rate is the session's plasticity multiplier, so what a
// session teaches is set by the plasticity state at that moment. The slow layer owns one of each
// learner, calls them at the session times and reads its symptom scales from what they hold.
import { learningParam } from './data.ts';

export interface TherapyParams {
  /** Extinction trials (recountings of the trauma memory) per exposure session. */
  exposureTrials: number;
  /** Extinction learning rate per trial at plasticity multiplier 1. */
  exposureRate: number;
  /** Share of the therapy-context extinction memory expressed in the original (everyday) contexts. */
  contextTransfer: number;
  /** Disconfirming behavioural experiments per CBT session. */
  cbtTrials: number;
  /** Expectancy learning rate per experiment at plasticity multiplier 1. */
  cbtRate: number;
}

export function therapyParams(): TherapyParams {
  return {
    exposureTrials: learningParam('exposure.trialsPerSession', 'trials'),
    exposureRate: learningParam('exposure.trialRate', '1/trial'),
    contextTransfer: learningParam('exposure.contextTransfer', 'fraction'),
    cbtTrials: learningParam('cbt.experimentsPerSession', 'trials'),
    cbtRate: learningParam('cbt.trialRate', '1/trial'),
  };
}

/** What one session did: the plasticity multiplier it read and what it taught. */
export interface SessionRecord {
  /** Plasticity multiplier of the session (gain × capacity; 1 healthy at rest). */
  gain: number;
  /** Change of the learned state in the session (extinction memory or expectancy corrected), 0–1. */
  learned: number;
  /** Mean prediction error over the session's trials (expected fear, or expectancy, before each outcome). */
  predictionError: number;
}

/**
 * Exposure: the trauma memory (expression 1 before therapy, in units of the patient's untreated
 * fear) is fixed; each trial presents the memory without the feared outcome in the therapy context
 * T, with prediction P = 1 − E (E: extinction memory, learned in T), and updates
 * ΔE = α·m·(P − 0), the Rescorla–Wagner rule with λ = 0 (reference/models.md §5.1). Fear expressed
 * in a context X is 1 − c_X·E: c_T = 1 in the therapy context, c_O = contextTransfer in the
 * original contexts of everyday life, where the symptoms are measured. With the gate off
 * (`gated` false) the memory transfers fully and renewal vanishes.
 */
export class ExposureLearner {
  /** Extinction memory learned in the therapy context, 0–1. */
  memory = 0;
  private readonly p: TherapyParams;
  private readonly gated: boolean;

  constructor(p: TherapyParams = therapyParams(), gated = true) {
    this.p = p;
    this.gated = gated;
  }

  /**
   * One session of extinction trials at plasticity multiplier m (≥ 0). `fear` is 1 when the patient
   * carries a conditioned trauma memory and 0 when not: with nothing feared there is no prediction
   * error, so the trials teach nothing (exposure in depression without a trauma memory is not CBT).
   */
  session(m: number, fear: 0 | 1 = 1): SessionRecord {
    const before = this.memory;
    const rate = Math.min(1, this.p.exposureRate * Math.max(0, m));
    let pe = 0;
    for (let i = 0; i < this.p.exposureTrials; i++) {
      const predicted = fear * (1 - this.memory);
      pe += predicted;
      this.memory += rate * predicted;
    }
    return { gain: m, learned: this.memory - before, predictionError: pe / Math.max(1, this.p.exposureTrials) };
  }

  /** The memory fades between sessions by the factor given (e^(−h/τ)). */
  decay(factor: number): void {
    this.memory *= factor;
  }

  /** Share of the extinction memory expressed in the original contexts (1 without the context gate). */
  get transfer(): number {
    return this.gated ? this.p.contextTransfer : 1;
  }

  /** Trauma-memory expression in the therapy context (1 before therapy). */
  fearInTherapyContext(): number {
    return 1 - this.memory;
  }

  /** Trauma-memory expression in the original contexts of everyday life, where symptoms are rated. */
  fearInOriginalContext(): number {
    return 1 - this.transfer * this.memory;
  }
}

/**
 * CBT: a negative expectancy B (1 before therapy: "if I try, it will go badly") is tested in
 * behavioural experiments whose outcome o = 0 disconfirms it; each updates ΔB = α·m·(o − B). What
 * therapy has taught is 1 − B; between sessions B relaxes back toward 1 (relapse without practice).
 */
export class BeliefLearner {
  /** Strength of the negative expectancy, 1 before therapy. */
  belief = 1;
  private readonly p: TherapyParams;

  constructor(p: TherapyParams = therapyParams()) {
    this.p = p;
  }

  session(m: number): SessionRecord {
    const before = this.belief;
    const rate = Math.min(1, this.p.cbtRate * Math.max(0, m));
    let pe = 0;
    for (let i = 0; i < this.p.cbtTrials; i++) {
      const error = 0 - this.belief;
      pe += -error;
      this.belief += rate * error;
    }
    return { gain: m, learned: before - this.belief, predictionError: pe / Math.max(1, this.p.cbtTrials) };
  }

  /** What has been learned relaxes toward the prior expectancy by the factor given. */
  decay(factor: number): void {
    this.belief = 1 - (1 - this.belief) * factor;
  }

  /** Fraction of the negative expectancy corrected (what the mood network reads). */
  get learned(): number {
    return 1 - this.belief;
  }
}
