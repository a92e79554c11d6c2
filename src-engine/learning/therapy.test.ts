// Therapy sessions as learning trials: the Rescorla–Wagner updates pinned exactly, the context gate
// (renewal) both ways, and the plasticity multiplier scaling what a session teaches.
import { describe, expect, it } from 'vitest';
import { BeliefLearner, ExposureLearner, therapyParams } from './therapy.ts';

const p = therapyParams();

describe('exposure: extinction trials in the therapy context', () => {
  it('one session at multiplier 1 is four RW trials with λ = 0: E = 1 − (1 − α)^4', () => {
    expect(p.exposureTrials).toBe(4);
    expect(p.exposureRate).toBe(0.034);
    const x = new ExposureLearner(p);
    const r = x.session(1);
    expect(x.memory).toBeCloseTo(1 - (1 - 0.034) ** 4, 14);
    expect(r.learned).toBeCloseTo(x.memory, 14);
    // Mean prediction error over the trials: (1 + 0.966 + 0.966² + 0.966³)/4.
    expect(r.predictionError).toBeCloseTo((1 + 0.966 + 0.966 ** 2 + 0.966 ** 3) / 4, 14);
    expect(r.gain).toBe(1);
  });

  it('a session at twice the plasticity teaches more, and less as the memory fills (prediction error shrinks)', () => {
    const a = new ExposureLearner(p);
    const b = new ExposureLearner(p);
    a.session(1);
    b.session(2);
    expect(b.memory).toBeCloseTo(1 - (1 - 0.068) ** 4, 14);
    expect(b.memory / a.memory).toBeCloseTo((1 - 0.932 ** 4) / (1 - 0.966 ** 4), 12);
    expect(b.memory).toBeGreaterThan(1.85 * a.memory);
    const first = a.memory;
    const second = a.session(1).learned;
    expect(second).toBeCloseTo(first * (1 - first), 14);
    expect(second).toBeLessThan(first);
    // No plasticity, no learning.
    expect(new ExposureLearner(p).session(0).learned).toBe(0);
  });

  it('with no conditioned fear (fear = 0) the trials carry no prediction error and teach nothing', () => {
    const x = new ExposureLearner(p);
    const r = x.session(2, 0);
    expect(r).toEqual({ gain: 2, learned: 0, predictionError: 0 });
    expect(x.memory).toBe(0);
    expect(x.fearInOriginalContext()).toBe(1);
  });

  it('is context-gated: after a course the fear returns in the original contexts (renewal), not in the therapy room', () => {
    const x = new ExposureLearner(p);
    for (let i = 0; i < 10; i++) x.session(1);
    expect(x.fearInTherapyContext()).toBeCloseTo(1 - x.memory, 14);
    expect(x.fearInOriginalContext()).toBeCloseTo(1 - 0.7 * x.memory, 14);
    const renewal = x.fearInOriginalContext() / x.fearInTherapyContext();
    expect(renewal).toBeGreaterThan(1.5);
    expect(renewal).toBeLessThan(2.5);
    // Without the gate the memory transfers fully: no renewal.
    const open = new ExposureLearner(p, false);
    for (let i = 0; i < 10; i++) open.session(1);
    expect(open.fearInOriginalContext()).toBe(open.fearInTherapyContext());
  });

  it('fades by the factor given between sessions', () => {
    const x = new ExposureLearner(p);
    x.session(1);
    const m = x.memory;
    x.decay(0.5);
    expect(x.memory).toBe(m / 2);
  });
});

describe('CBT: expectancy updating by prediction error', () => {
  it('one session at multiplier 1 is three disconfirmations: learned = 1 − (1 − α)^3 ≈ 3.7 %', () => {
    const c = new BeliefLearner(p);
    const r = c.session(1);
    expect(c.learned).toBeCloseTo(1 - (1 - 0.0125) ** 3, 14);
    expect(c.learned).toBeCloseTo(0.037, 3);
    expect(r.learned).toBeCloseTo(c.learned, 14);
    expect(r.predictionError).toBeCloseTo((1 + 0.9875 + 0.9875 ** 2) / 3, 14);
  });

  it('scales with the plasticity multiplier and relaxes toward the prior expectancy without practice', () => {
    const low = new BeliefLearner(p);
    const high = new BeliefLearner(p);
    low.session(0.8);
    high.session(2);
    expect(high.learned / low.learned).toBeGreaterThan(2.4);
    expect(high.learned / low.learned).toBeLessThan(2.5);
    const before = high.learned;
    high.decay(0.25);
    expect(high.learned).toBeCloseTo(before / 4, 14);
    expect(high.belief).toBeCloseTo(1 - before / 4, 14);
  });
});
