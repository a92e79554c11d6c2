// Probabilistic reversal learning on a two-armed bandit: Q-learning with softmax choice
// (reference/models.md §5.2). Reward sensitivity scales the outcome (depression; Huys et al. 2013),
// bursts and dips scale learning from better- and worse-than-expected outcomes, prefrontal
// serotonin scales learning from losses (Clarke et al. 2004), aberrant salience adds spurious
// prediction errors (Kapur 2003). Masked dips (levodopa, high tone) or a D2 block make a subject
// cling to the formerly rewarded arm after the reversal.
import { learningParam } from './data.ts';
import { burstGain, dipGain } from './modulation.ts';
import type { RngFactory } from './random.ts';
import type { ModulatoryState, TaskOutcome } from './types.ts';

export interface ReversalParams {
  learningRate: number;
  beta: number;
  initialValue: number;
  serotoninExponent: number;
  plasticityExponent: number;
  spuriousScale: number;
}

export function reversalParams(): ReversalParams {
  return {
    learningRate: learningParam('reversal.learningRate', '1/trial'),
    beta: learningParam('reversal.beta', '1'),
    initialValue: learningParam('reversal.initialValue', 'reward'),
    serotoninExponent: learningParam('reversal.serotoninExponent', '1'),
    plasticityExponent: learningParam('reversal.plasticityExponent', '1'),
    spuriousScale: learningParam('salience.spuriousScale', '1'),
  };
}

/** Learning rates from better- and worse-than-expected outcomes in a state. */
export function reversalRates(s: ModulatoryState, p: ReversalParams = reversalParams()): { plus: number; minus: number } {
  const gain = Math.max(0, s.plasticityGain) ** p.plasticityExponent;
  return {
    plus: Math.min(1, p.learningRate * gain * burstGain(s)),
    minus: Math.min(1, p.learningRate * gain * dipGain(s) * Math.max(0, s.serotonin) ** p.serotoninExponent),
  };
}

/** One Q-learning step on the chosen arm: Q + α₊·δ (δ > 0) or Q + α₋·δ (δ < 0), δ = r − Q. */
export function qUpdate(q: number, r: number, plus: number, minus: number): number {
  const delta = r - q;
  return q + (delta > 0 ? plus : minus) * delta;
}

export interface ReversalOptions {
  acquisitionTrials: number;
  reversalTrials: number;
  /** Reward probability of the better arm (the worse arm pays 1 − p). */
  rewardProbability: number;
  /** Trials per point of the accuracy curve. */
  blockTrials: number;
  subjects: number;
}

/**
 * Per trial: choose arm c with P ∝ exp(β·Q); r = ρ_r·[reward]; δ = r − Q_c;
 * Q_c += α·g·κ₊·δ (δ > 0) or α·g·κ₋·5HT^k·δ (δ < 0), where g = prefrontal plasticity gain^m.
 * Aberrant salience adds salience·Exp(1) to the δ of a random arm each trial.
 * Perseverative errors: choices of the formerly correct arm after the reversal until the newly
 * correct arm is chosen on two consecutive trials.
 *
 * Measures: acquisition_accuracy and reversal_accuracy (fraction of better-arm choices in each
 * phase), perseverative_errors (mean count per subject). Curve: accuracy per `blockTrials` trials.
 */
export function reversalLearning(o: ReversalOptions, s: ModulatoryState, rngFor: RngFactory, p: ReversalParams = reversalParams()): TaskOutcome {
  const { plus: alphaPlus, minus: alphaMinus } = reversalRates(s, p);
  const rewardScale = Math.max(0, s.rewardSensitivity);
  const spurious = p.spuriousScale * Math.max(0, s.salience);
  const total = o.acquisitionTrials + o.reversalTrials;
  const blocks = Math.ceil(total / o.blockTrials);
  const blockCorrect = new Float64Array(blocks);
  const blockCount = new Float64Array(blocks);
  let acqCorrect = 0;
  let revCorrect = 0;
  let perseverative = 0;

  for (let subj = 0; subj < o.subjects; subj++) {
    const rng = rngFor(subj);
    let q0 = p.initialValue * rewardScale;
    let q1 = q0;
    let persevering = true;
    let runCorrect = 0;
    for (let t = 0; t < total; t++) {
      const reversed = t >= o.acquisitionTrials;
      const better = reversed ? 1 : 0;
      const d = p.beta * (q1 - q0);
      const p0 = d > 700 ? 0 : d < -700 ? 1 : 1 / (1 + Math.exp(d));
      const choice = rng.float() < p0 ? 0 : 1;
      const pReward = choice === better ? o.rewardProbability : 1 - o.rewardProbability;
      const r = rng.float() < pReward ? rewardScale : 0;
      if (choice === 0) q0 = qUpdate(q0, r, alphaPlus, alphaMinus);
      else q1 = qUpdate(q1, r, alphaPlus, alphaMinus);
      const spur = spurious * rng.exponential();
      const arm = rng.float() < 0.5 ? 0 : 1;
      if (arm === 0) q0 += alphaPlus * spur;
      else q1 += alphaPlus * spur;
      const correct = choice === better;
      if (reversed) {
        if (correct) revCorrect++;
        if (persevering) {
          if (correct) {
            if (++runCorrect >= 2) persevering = false;
          } else {
            runCorrect = 0;
            perseverative++;
          }
        }
      } else if (correct) acqCorrect++;
      const b = Math.floor(t / o.blockTrials);
      blockCount[b] = blockCount[b]! + 1;
      if (correct) blockCorrect[b] = blockCorrect[b]! + 1;
    }
  }
  const accuracy: number[] = [];
  for (let b = 0; b < blocks; b++) accuracy.push(blockCount[b]! > 0 ? blockCorrect[b]! / blockCount[b]! : 0);
  return {
    measures: {
      acquisition_accuracy: o.acquisitionTrials > 0 ? acqCorrect / (o.acquisitionTrials * o.subjects) : 0,
      reversal_accuracy: o.reversalTrials > 0 ? revCorrect / (o.reversalTrials * o.subjects) : 0,
      perseverative_errors: perseverative / o.subjects,
    },
    curves: { accuracy },
  };
}
