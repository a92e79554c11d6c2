// Probabilistic reversal learning: Q-learning's closed form, perseveration with masked dips
// (levodopa, D2 block) and low serotonin (Clarke et al. 2004), lower accuracy with low reward
// sensitivity (Huys et al. 2013) and aberrant salience, and the hooks' ablation.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { streams } from './random.ts';
import { qUpdate, reversalLearning, reversalParams, reversalRates } from './reversal-learning.ts';
import { runTask } from './run.ts';
import { HEALTHY_STATE } from './types.ts';

const H = HEALTHY_STATE;
const run = (s = H, seed = 1) => runTask('reversal-learning', { subjects: 600 }, s, seed).measures;

describe('reversal learning', () => {
  it('follows the Q-learning closed form: n rewards give Q_n = 1 − (1 − α)^n·(1 − Q₀), n losses Q₀·(1 − α)^n', () => {
    const { plus, minus } = reversalRates(H);
    expect(plus).toBe(reversalParams().learningRate);
    expect(minus).toBeCloseTo(plus, 12);
    let q = 0.5;
    for (let i = 0; i < 7; i++) q = qUpdate(q, 1, plus, minus);
    expect(q).toBeCloseTo(1 - (1 - plus) ** 7 * 0.5, 12);
    let l = 0.8;
    for (let i = 0; i < 4; i++) l = qUpdate(l, 0, plus, minus);
    expect(l).toBeCloseTo(0.8 * (1 - minus) ** 4, 12);
    // Asymmetric rates: masked dips (levodopa) slow the fall after the reversal, low serotonin too.
    expect(reversalRates({ ...H, dopamineTonic: 1.6 }).minus).toBeLessThan(minus);
    expect(reversalRates({ ...H, serotonin: 0.5 }).minus).toBeCloseTo(minus * 0.5, 12);
    expect(reversalRates({ ...H, serotonin: 0.5 }).plus).toBe(plus);
    // With deterministic reward the learner locks on and perseverates only a few trials after the reversal.
    const r = reversalLearning({ acquisitionTrials: 20, reversalTrials: 10, rewardProbability: 1, blockTrials: 10, subjects: 50 }, H, streams(1), { ...reversalParams(), beta: 50 });
    expect(r.measures.acquisition_accuracy).toBeGreaterThan(0.9);
    expect(r.measures.perseverative_errors).toBeLessThan(Math.ceil(Math.log(0.5) / Math.log(1 - minus)) + 2);
  });

  it('learns both phases in health', () => {
    const m = run();
    expect(m.acquisition_accuracy).toBeGreaterThan(0.8);
    expect(m.reversal_accuracy).toBeGreaterThan(0.75);
    expect(m.perseverative_errors).toBeGreaterThan(2);
    expect(m.perseverative_errors).toBeLessThan(9);
  });

  it('perseverates when dips are masked by high tone or a D2 block, or serotonin is low (Cools 2001; Clarke 2004)', () => {
    const h = run();
    expect(run({ ...H, dopamineTonic: 1.6 }).perseverative_errors).toBeGreaterThan(h.perseverative_errors! + 0.3);
    expect(run({ ...H, d2Signal: 0.35 }).perseverative_errors).toBeGreaterThan(h.perseverative_errors! + 1.5);
    expect(run({ ...H, serotonin: 0.4 }).perseverative_errors).toBeGreaterThan(h.perseverative_errors! + 1.5);
    // The engine's moderate PD: levodopa 1 h after a dose perseverates more than the same patient untreated (Cools 2001).
    expect(run(EXAMPLE_STATES.parkinsonsOn).perseverative_errors).toBeGreaterThan(run(EXAMPLE_STATES.parkinsonsOff).perseverative_errors! + 1);
    // Risperidone's D2 block (the engine's 0.31) hides dips.
    expect(run({ ...EXAMPLE_STATES.schizophreniaRisperidone, salience: 0 }).perseverative_errors).toBeGreaterThan(h.perseverative_errors! + 1);
  });

  it('low reward sensitivity (the engine\'s depression) and aberrant salience (its schizophrenia) lower accuracy', () => {
    const h = run();
    const d = run(EXAMPLE_STATES.depression);
    expect(d.acquisition_accuracy).toBeLessThan(h.acquisition_accuracy! - 0.02);
    expect(d.reversal_accuracy).toBeLessThan(h.reversal_accuracy! - 0.02);
    expect(run({ ...H, rewardSensitivity: 0.4 }).acquisition_accuracy).toBeLessThan(h.acquisition_accuracy! - 0.1);
    const sz = run(EXAMPLE_STATES.schizophrenia);
    expect(sz.acquisition_accuracy).toBeLessThan(h.acquisition_accuracy! - 0.05);
    expect(sz.acquisition_accuracy).toBeGreaterThan(0.65);
  });

  it('hooks vanish at healthy values: with the fields it reads healed, a patient is healthy', () => {
    const h = runTask('reversal-learning', { subjects: 30 }, H, 2);
    const healed = { plasticityGain: 1, rewardSensitivity: 1, salience: 0, serotonin: 1, dopamineTonic: 1, dopaminePhasic: 1, d2Signal: 1 };
    for (const s of [EXAMPLE_STATES.depression, EXAMPLE_STATES.schizophrenia, EXAMPLE_STATES.parkinsonsOn, EXAMPLE_STATES.ptsd]) {
      expect(runTask('reversal-learning', { subjects: 30 }, { ...s, ...healed }, 2)).toEqual(h);
    }
  });

  it('returns accuracy per block with the dip at the reversal', () => {
    const c = runTask('reversal-learning', { subjects: 200 }, H, 3).curves.accuracy!;
    expect(c).toHaveLength(16);
    expect(c[8]!).toBeLessThan(c[7]! - 0.3);
    expect(c[15]!).toBeGreaterThan(c[8]! + 0.3);
  });
});
