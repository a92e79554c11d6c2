// ECT: the calibrated course (UK ECT Review Group 2003), technique differences in efficacy and
// cognition (Sackeim 2007/2008), the seizure threshold's rise (Sackeim 1987) and the schedule.
import { describe, expect, it } from 'vitest';
import { applyEctStep, ectCognitiveFactor, ectEfficacy, ectHamdRelief, ectSession, ectSessionTimes, ECT_TIME_CONSTANTS, isUltrabrief, seizureThresholdRise, thresholdRiseStep } from './ect.ts';
import type { EctPlacement } from './schema.ts';

/** State after a course, evaluated at `atH` (decay between sessions with the time constant of each). */
function courseState(placement: EctPlacement, pulseWidthMs: number, count = 12, atH = 28 * 24) {
  const s = ectSession({ placement, pulseWidthMs });
  let mood = 0;
  let memory = 0;
  let now = 0;
  for (const t of ectSessionTimes(0, 3, count)) {
    mood = applyEctStep(mood * Math.exp(-(t - now) / ECT_TIME_CONSTANTS.moodH), s.moodStep);
    memory = applyEctStep(memory * Math.exp(-(t - now) / ECT_TIME_CONSTANTS.cognitiveH), s.cognitiveStep);
    now = t;
  }
  return { mood: mood * Math.exp(-(atH - now) / ECT_TIME_CONSTANTS.moodH), memory: memory * Math.exp(-(atH - now) / ECT_TIME_CONSTANTS.cognitiveH) };
}

describe('ECT course', () => {
  it("a session's mood step is the reference step times the technique's efficacy (ultrabrief RUL 0.9 of brief bitemporal)", () => {
    const ref = ectSession({ placement: 'bitemporal', pulseWidthMs: 1 }).moodStep;
    expect(ectEfficacy('bitemporal', 1)).toBe(1);
    expect(ectSession({ placement: 'right-unilateral', pulseWidthMs: 0.3 }).moodStep).toBeCloseTo(ref * ectEfficacy('right-unilateral', 0.3), 15);
    expect(ectEfficacy('right-unilateral', 0.3)).toBeLessThan(1);
  });

  it('12 brief-pulse bitemporal sessions relieve 9.7 HAM-D-17 points vs sham by day 28 (UK ECT Review Group 2003)', () => {
    expect(ectHamdRelief(courseState('bitemporal', 1).mood)).toBeCloseTo(9.7, 1);
  });

  it('rapid: half of the course effect within the first 2 weeks (6 sessions)', () => {
    expect(ectHamdRelief(courseState('bitemporal', 1, 6, 14 * 24).mood)).toBeGreaterThan(0.5 * 9.7);
  });

  it('the effect fades without continuation treatment (most of it within 6 months)', () => {
    expect(courseState('bitemporal', 1, 12, 28 * 24 + 180 * 24).mood).toBeLessThan(0.06 * courseState('bitemporal', 1).mood);
  });

  it('ultrabrief bitemporal is the least effective; ultrabrief RUL costs far less memory than brief bitemporal (Sackeim 2008)', () => {
    expect(isUltrabrief(0.3)).toBe(true);
    expect(isUltrabrief(0.5)).toBe(false);
    expect(ectEfficacy('bitemporal', 0.3)).toBeLessThan(Math.min(ectEfficacy('right-unilateral', 0.3), ectEfficacy('bifrontal', 1), ectEfficacy('right-unilateral', 1)));
    const bt = courseState('bitemporal', 1).memory;
    const ubRul = courseState('right-unilateral', 0.3).memory;
    expect(ubRul).toBeLessThan(0.3 * bt);
    expect(ectCognitiveFactor('right-unilateral', 1)).toBeLessThan(ectCognitiveFactor('bifrontal', 1));
    expect(ectCognitiveFactor('bifrontal', 1)).toBeLessThan(ectCognitiveFactor('bitemporal', 1));
    expect(ectCognitiveFactor('bitemporal', 0.3)).toBeLessThan(ectCognitiveFactor('bitemporal', 1));
  });
});

describe('seizure threshold (Sackeim 1987)', () => {
  it('rises over a course, levelling off, more with bitemporal than unilateral placement', () => {
    expect(seizureThresholdRise(0, 'bitemporal')).toBe(0);
    expect(seizureThresholdRise(12, 'bitemporal')).toBeCloseTo(0.65, 12);
    expect(seizureThresholdRise(12, 'right-unilateral')).toBeCloseTo(0.3, 12);
    for (const p of ['bitemporal', 'bifrontal', 'right-unilateral'] as const) {
      const r12 = seizureThresholdRise(12, p);
      expect(r12).toBeGreaterThanOrEqual(0.25);
      expect(r12).toBeLessThanOrEqual(0.8);
      expect(seizureThresholdRise(6, p)).toBeGreaterThan(0.5 * r12);
    }
  });

  it('the per-session step walks the same curve', () => {
    let r = 0;
    for (let k = 0; k < 12; k++) r = thresholdRiseStep(r, 'bifrontal');
    expect(r).toBeCloseTo(seizureThresholdRise(12, 'bifrontal'), 12);
  });
});

describe('schedule', () => {
  it('3 a week fall on days 0, 2, 4, 7, …; count sessions in all', () => {
    expect(ectSessionTimes(0, 3, 7).map((t) => t / 24)).toEqual([0, 2, 4, 7, 9, 11, 14]);
    expect(ectSessionTimes(24, 2, 4).map((t) => t / 24)).toEqual([1, 4, 8, 11]);
  });
});
