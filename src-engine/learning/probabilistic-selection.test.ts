// The probabilistic selection task under OpAL: the pattern of Frank, Seeberger & O'Reilly 2004
// (Science 306:1940; group means from the authors' data as tabulated in UWCCDL/PSS_model
// paper-figures.R: seniors choose A 0.68 / avoid B 0.64, PD on medication 0.79 / 0.58, PD off
// 0.65 / 0.82), OpAL's closed forms, and the hooks' ablation.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { opalGo, opalNoGo, probabilisticSelection, pstParams, type PstOptions } from './probabilistic-selection.ts';
import { streams } from './random.ts';
import { runTask } from './run.ts';
import { HEALTHY_STATE } from './types.ts';

const H = HEALTHY_STATE;
const run = (s = H, subjects = 300, seed = 2) => runTask('probabilistic-selection', { subjects }, s, seed).measures;

describe('probabilistic selection (OpAL)', () => {
  it('healthy subjects learn from both outcomes: choose A and avoid B both ≈ 0.65–0.75', () => {
    const m = run();
    expect(m.choose_a).toBeGreaterThan(0.62);
    expect(m.choose_a).toBeLessThan(0.78);
    expect(m.avoid_b).toBeGreaterThan(0.6);
    expect(m.avoid_b).toBeLessThan(0.78);
    expect(Math.abs(m.choose_a! - m.avoid_b!)).toBeLessThan(0.08);
    expect(m.training_accuracy).toBeGreaterThan(0.6);
  });

  // The engine's own states (examples.ts): moderate PD untreated, on levodopa 150 mg 1 h after a
  // dose, and 18 h after the last dose (Frank 2004's "off").
  it('unmedicated Parkinson\'s (the engine\'s moderate PD) avoids B better than it chooses A (Frank 2004: 0.65 vs 0.82)', () => {
    for (const s of [EXAMPLE_STATES.parkinsonsOff, EXAMPLE_STATES.parkinsonsWithdrawn]) {
      const m = run(s);
      expect(m.avoid_b! - m.choose_a!).toBeGreaterThan(0.1);
      expect(m.avoid_b).toBeGreaterThan(0.72);
      expect(m.choose_a).toBeLessThan(0.67);
    }
  });

  it('on levodopa the reverse: choose A ≈ 0.79, avoid B ≈ 0.58 (Frank 2004)', () => {
    const m = run(EXAMPLE_STATES.parkinsonsOn);
    expect(m.choose_a! - m.avoid_b!).toBeGreaterThan(0.1);
    expect(m.choose_a).toBeGreaterThan(0.72);
    expect(m.avoid_b).toBeLessThan(0.66);
    const off = run(EXAMPLE_STATES.parkinsonsWithdrawn);
    expect(m.choose_a).toBeGreaterThan(off.choose_a! + 0.08);
    expect(off.avoid_b).toBeGreaterThan(m.avoid_b! + 0.1);
  });

  it('the reversal needs the excess tone: the same tone from more terminals (no excess) does not reverse', () => {
    // Tone 0.634 as sustained by the terminals' own firing (terminals 0.257): no dip masking.
    const own = run({ ...H, dopamineTonic: 0.634, dopaminePhasic: 0.257, d2Signal: 0.742 });
    const on = run(EXAMPLE_STATES.parkinsonsOn);
    expect(own.avoid_b).toBeGreaterThan(on.avoid_b! + 0.05);
  });

  it('keeps its closed forms: G ← G(1 + α·δ), N ← N(1 − α·δ); no actor learning leaves every test pair at chance', () => {
    expect(opalGo(1, 0.5, 0.3)).toBeCloseTo(1.15, 12);
    expect(opalNoGo(1, 0.5, 0.3)).toBeCloseTo(0.85, 12);
    expect(opalGo(2, -1, 0.3)).toBeCloseTo(1.4, 12);
    expect(opalNoGo(2, -1, 0.3)).toBeCloseTo(2.6, 12);
    expect(opalGo(1, -5, 0.3)).toBe(0);
    // Compounding: n identical bursts multiply G by (1 + αδ)^n.
    let g = 1;
    for (let i = 0; i < 10; i++) g = opalGo(g, 0.2, 0.3);
    expect(g).toBeCloseTo(1.06 ** 10, 12);
    const o: PstOptions = { blockTrials: 60, maxBlocks: 2, criterion: false, subjects: 5 };
    const frozen = probabilisticSelection(o, H, streams(1), { ...pstParams(), actorRate: 0 });
    expect(frozen.measures.choose_a).toBe(0.5);
    expect(frozen.measures.avoid_b).toBe(0.5);
  });

  it('the engine\'s moderate depression (reward sensitivity 0.76) leaves the test in the healthy range; reward sensitivity is felt in reversal learning', () => {
    const d = run(EXAMPLE_STATES.depression);
    for (const x of [d.choose_a!, d.avoid_b!]) {
      expect(x).toBeGreaterThan(0.6);
      expect(x).toBeLessThan(0.8);
    }
  });

  it('hooks vanish at healthy values: with the fields it reads healed, a patient is healthy', () => {
    const h = runTask('probabilistic-selection', { subjects: 20 }, H, 5);
    const healed = { dopamineTonic: 1, dopaminePhasic: 1, d2Signal: 1, salience: 0, rewardSensitivity: 1 };
    for (const s of [EXAMPLE_STATES.parkinsonsOn, EXAMPLE_STATES.schizophrenia, EXAMPLE_STATES.depression, EXAMPLE_STATES.ptsd, EXAMPLE_STATES.schizophreniaRisperidone]) {
      expect(runTask('probabilistic-selection', { subjects: 20 }, { ...s, ...healed }, 5)).toEqual(h);
    }
  });

  it('returns an accuracy curve per block, rising over training', () => {
    const r = runTask('probabilistic-selection', { subjects: 200, criterion: false }, H, 3);
    expect(r.curves.accuracy).toHaveLength(6);
    expect(r.curves.accuracy![5]!).toBeGreaterThan(r.curves.accuracy![0]! + 0.05);
  });
});
