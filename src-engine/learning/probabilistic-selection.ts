// The probabilistic selection task (Frank, Seeberger & O'Reilly 2004) learned by the opponent
// actor model OpAL (Collins & Frank 2014; reference/models.md §5.3): a critic, Go (D1) and NoGo
// (D2) actors, dopamine tone as the choice incentive ρ and phasic capacity as the gain of bursts
// and dips. Unmedicated Parkinson's learns to avoid B better than to choose A; on levodopa the reverse
// (calibrated on the engine's own Parkinson's states, data/learning/parameters.json da.*, pst.*).
import { learningParam } from './data.ts';
import { burstGain, d2Availability, dipGain, dopamineParams, dopamineRho, type DopamineParams } from './modulation.ts';
import type { RngFactory } from './random.ts';
import type { ModulatoryState, TaskOutcome } from './types.ts';

export interface PstParams {
  criticRate: number;
  actorRate: number;
  beta: number;
  /** Reward probability of the better stimulus of each training pair (AB, CD, EF). */
  probabilities: [number, number, number];
  /** Training criteria per pair (fraction correct in a block), Frank et al. 2004. */
  criteria: [number, number, number];
  /** Scale of the spurious prediction error per unit of aberrant salience. */
  spuriousScale: number;
  /** The dopamine hooks (ρ, burst and dip gains). */
  da: DopamineParams;
}

export function pstParams(): PstParams {
  return {
    criticRate: learningParam('pst.criticRate', '1/trial'),
    actorRate: learningParam('pst.actorRate', '1/trial'),
    beta: learningParam('pst.beta', '1'),
    probabilities: [learningParam('pst.probabilityAB', 'probability'), learningParam('pst.probabilityCD', 'probability'), learningParam('pst.probabilityEF', 'probability')],
    criteria: [learningParam('pst.criterionAB', 'fraction'), learningParam('pst.criterionCD', 'fraction'), learningParam('pst.criterionEF', 'fraction')],
    spuriousScale: learningParam('salience.spuriousScale', '1'),
    da: dopamineParams(),
  };
}

export interface PstOptions {
  /** Training trials per block (a third per pair). */
  blockTrials: number;
  /** Most training blocks. */
  maxBlocks: number;
  /** Stop training once every pair is at its criterion (Frank et al. 2004), else run all blocks. */
  criterion: boolean;
  /** Simulated subjects averaged. */
  subjects: number;
}

/** Softmax probability of choosing the first of two actions with actor values a and b. */
function pFirst(a: number, b: number): number {
  const d = b - a;
  if (d > 700) return 0;
  if (d < -700) return 1;
  return 1 / (1 + Math.exp(d));
}

const MAX_WEIGHT = 1e6;

/** OpAL's Go update (Collins & Frank 2014): G ← G + α·G·δ, kept in [0, 10⁶]. */
export function opalGo(g: number, delta: number, alpha: number): number {
  return Math.min(MAX_WEIGHT, Math.max(0, g + alpha * g * delta));
}

/** OpAL's NoGo update: N ← N − α·N·δ, kept in [0, 10⁶]. */
export function opalNoGo(n: number, delta: number, alpha: number): number {
  return Math.min(MAX_WEIGHT, Math.max(0, n - alpha * n * delta));
}

/**
 * Stimuli A..F are 0..5; pair k holds stimuli 2k (better) and 2k+1. Each trial:
 *   δ = r − V_c;  V_c += α_c·δ        (critic expectation of the chosen stimulus c;
 *                                       r = +ρ_r when rewarded, −1 when not)
 *   δ⁺ scaled by the burst gain, δ⁻ by the dip gain:  δ' = κ₊·δ (δ > 0) or κ₋·δ (δ < 0)
 *   G_c += α_a·G_c·δ';  N_c −= α_a·N_c·δ'   (G, N start at 1 and stay ≥ 0)
 *   choice: softmax over Act = β(1 + ρ)·G − β(1 − ρ_D2)·N
 * with reward sensitivity ρ_r, ρ from striatal tone over the adapted terminal capacity and ρ_D2
 * the same with the tone scaled by the D2 availability (modulation.ts). Aberrant
 * salience adds a spurious burst of size salience·Exp(1) to a random stimulus of the pair (to its
 * critic and actors, as a real burst would).
 * The test reads P(choose A) over the novel pairs AC..AF and P(avoid B) over BC..BF.
 *
 * Measures: choose_a and avoid_b (softmax probabilities at the test, mean over subjects),
 * training_accuracy (fraction of better-stimulus choices in training). Curve: accuracy per block,
 * over the subjects still training in that block.
 */
export function probabilisticSelection(o: PstOptions, s: ModulatoryState, rngFor: RngFactory, p: PstParams = pstParams()): TaskOutcome {
  const rho = dopamineRho(s, 1, p.da);
  const rhoD2 = dopamineRho(s, d2Availability(s), p.da);
  const betaG = p.beta * (1 + rho);
  const betaN = p.beta * (1 - rhoD2);
  const kPlus = burstGain(s, p.da);
  const kMinus = dipGain(s, p.da);
  const rewardScale = Math.max(0, s.rewardSensitivity);
  const spurious = p.spuriousScale * Math.max(0, s.salience);
  const perPair = Math.max(1, Math.round(o.blockTrials / 3));

  const G = new Float64Array(6);
  const N = new Float64Array(6);
  const V = new Float64Array(6);
  const order = new Uint8Array(perPair * 3);
  const blockCorrect = new Float64Array(o.maxBlocks);
  const blockCount = new Float64Array(o.maxBlocks);
  let chooseA = 0;
  let avoidB = 0;
  let trainingCorrect = 0;
  let trainingTrials = 0;

  const update = (stim: number, delta: number): void => {
    G[stim] = opalGo(G[stim]!, delta, p.actorRate * kPlus);
    N[stim] = opalNoGo(N[stim]!, delta, p.actorRate * kMinus);
  };

  for (let subj = 0; subj < o.subjects; subj++) {
    const rng = rngFor(subj);
    G.fill(1);
    N.fill(1);
    V.fill(0);
    for (let block = 0; block < o.maxBlocks; block++) {
      for (let i = 0; i < order.length; i++) order[i] = i % 3;
      rng.shuffle(order);
      const correct = [0, 0, 0];
      for (let t = 0; t < order.length; t++) {
        const pair = order[t]!;
        const good = 2 * pair;
        const bad = good + 1;
        const actGood = betaG * G[good]! - betaN * N[good]!;
        const actBad = betaG * G[bad]! - betaN * N[bad]!;
        const chooseGood = rng.float() < pFirst(actGood, actBad);
        const chosen = chooseGood ? good : bad;
        const pReward = chooseGood ? p.probabilities[pair]! : 1 - p.probabilities[pair]!;
        // Feedback is coded +1 (correct) / −1 (incorrect), the reward scaled by reward sensitivity.
        const r = rng.float() < pReward ? rewardScale : -1;
        const delta = r - V[chosen]!;
        V[chosen] = V[chosen]! + p.criticRate * delta;
        update(chosen, delta);
        const spur = spurious * rng.exponential();
        const target = rng.float() < 0.5 ? good : bad;
        if (spur > 0) {
          V[target] = V[target]! + p.criticRate * spur;
          update(target, spur);
        }
        if (chooseGood) correct[pair]!++;
      }
      const nCorrect = correct[0]! + correct[1]! + correct[2]!;
      blockCorrect[block] = blockCorrect[block]! + nCorrect / order.length;
      blockCount[block] = blockCount[block]! + 1;
      trainingCorrect += nCorrect;
      trainingTrials += order.length;
      if (o.criterion && correct.every((c, k) => c / perPair >= p.criteria[k]!)) break;
    }
    const act = (k: number): number => betaG * G[k]! - betaN * N[k]!;
    let a = 0;
    let b = 0;
    for (let k = 2; k < 6; k++) {
      a += pFirst(act(0), act(k));
      b += 1 - pFirst(act(1), act(k));
    }
    chooseA += a / 4;
    avoidB += b / 4;
  }

  const accuracy: number[] = [];
  for (let k = 0; k < o.maxBlocks; k++) if (blockCount[k]! > 0) accuracy.push(blockCorrect[k]! / blockCount[k]!);
  return {
    measures: {
      choose_a: chooseA / o.subjects,
      avoid_b: avoidB / o.subjects,
      training_accuracy: trainingTrials > 0 ? trainingCorrect / trainingTrials : 0,
    },
    curves: { accuracy },
  };
}
