// TMS: sign per protocol, dose, plasticity scaling with gain and threshold, the calibrated course
// (O'Reardon 2007), iTBS ≈ 10 Hz (THREE-D), right-sided 1 Hz, and the seizure risk.
import { describe, expect, it } from 'vitest';
import { applySession, courseSessionTimes, decayPotentiation, hamdRelief, HEALTHY_PLASTICITY, moodSign, potentiationAt, type PlasticityState } from './course.ts';
import { resolveTms, type TmsSession } from './schema.ts';
import { maxSafeTrainSeconds, recruitment, seizureRisk, sessionPlasticity, tmsDirection, tmsSessionDose } from './tms.ts';

const standard = (protocol: TmsSession['protocol']): TmsSession => resolveTms({ protocol });
/** HAM-D-17 relief at `atH` of a course of identical sessions at a target. */
function course(s: TmsSession, target: 'left-DLPFC' | 'right-DLPFC', stopH: number, atH: number, state: PlasticityState = HEALTHY_PLASTICITY, perDay = 1): number {
  const change = sessionPlasticity(s, state);
  const times = courseSessionTimes({ startH: 0, stopH, sessionsPerDay: perDay, daysPerWeek: 5 });
  return hamdRelief(potentiationAt(times.map((t) => ({ t, change })), atH), target);
}

describe('protocols', () => {
  it('10 Hz and iTBS potentiate, 1 Hz and cTBS depress (Huang 2005 for theta burst)', () => {
    expect(tmsDirection('10hz')).toBe(1);
    expect(tmsDirection('itbs')).toBe(1);
    expect(tmsDirection('1hz')).toBe(-1);
    expect(tmsDirection('ctbs')).toBe(-1);
    for (const p of ['10hz', 'itbs'] as const) expect(sessionPlasticity(standard(p), HEALTHY_PLASTICITY)).toBeGreaterThan(0);
    for (const p of ['1hz', 'ctbs'] as const) expect(sessionPlasticity(standard(p), HEALTHY_PLASTICITY)).toBeLessThan(0);
  });

  it('defaults: 3000, 1200, 600, 600 pulses at 120 % MT; dose = pulses × intensity', () => {
    expect(['10hz', '1hz', 'itbs', 'ctbs'].map((p) => standard(p as TmsSession['protocol']).pulses)).toEqual([3000, 1200, 600, 600]);
    expect(standard('itbs').intensityPctMT).toBe(120);
    expect(tmsSessionDose(standard('10hz'))).toBe(3600);
    expect(resolveTms({ protocol: 'itbs', intensityPctMT: 80, pulsesPerSession: 1800 })).toEqual({ protocol: 'itbs', intensityPctMT: 80, pulses: 1800 });
  });

  it('a session grows with pulses and intensity', () => {
    const base = sessionPlasticity(standard('10hz'), HEALTHY_PLASTICITY);
    expect(sessionPlasticity({ ...standard('10hz'), pulses: 6000 }, HEALTHY_PLASTICITY)).toBeCloseTo(2 * base, 12);
    expect(recruitment(120)).toBe(1);
    let last = 0;
    for (let i = 50; i <= 160; i += 5) {
      const r = recruitment(i);
      expect(r).toBeGreaterThan(last);
      last = r;
    }
  });
});

describe('sessionPlasticity and the plasticity state', () => {
  const s10 = standard('10hz');
  const s1 = standard('1hz');
  it('scales with the plasticity gain (ketamine\'s raised gain: bigger sessions)', () => {
    const h = sessionPlasticity(s10, HEALTHY_PLASTICITY);
    expect(sessionPlasticity(s10, { gain: 1.5, threshold: 1 })).toBeCloseTo(1.5 * h, 12);
    expect(sessionPlasticity(s1, { gain: 0.5, threshold: 1 })).toBeCloseTo(0.5 * sessionPlasticity(s1, HEALTHY_PLASTICITY), 12);
    expect(sessionPlasticity(s10, { gain: 0, threshold: 1 })).toBe(0);
  });

  it('a higher BCM threshold means less LTP and more LTD (θ^∓0.5)', () => {
    const h10 = sessionPlasticity(s10, HEALTHY_PLASTICITY);
    const h1 = sessionPlasticity(s1, HEALTHY_PLASTICITY);
    expect(sessionPlasticity(s10, { gain: 1, threshold: 2 })).toBeCloseTo(h10 / Math.SQRT2, 12);
    expect(sessionPlasticity(s1, { gain: 1, threshold: 2 })).toBeCloseTo(h1 * Math.SQRT2, 12);
    expect(sessionPlasticity(s10, { gain: 1, threshold: 0.5 })).toBeGreaterThan(h10);
    expect(Math.abs(sessionPlasticity(s1, { gain: 1, threshold: 0.5 }))).toBeLessThan(Math.abs(h1));
  });

  it('the potentiation state is soft-bounded in (−1, 1) and decays between sessions', () => {
    let p = 0;
    for (let k = 0; k < 10_000; k++) p = applySession(p, 0.05);
    expect(p).toBeLessThanOrEqual(1);
    expect(applySession(-0.5, -0.1)).toBeCloseTo(-0.55, 12);
    expect(applySession(0.5, 0.1)).toBeCloseTo(0.55, 12);
    expect(decayPotentiation(0.4, 2160)).toBeCloseTo(0.4 / Math.E, 12);
  });
});

describe('calibration: courses', () => {
  it("6 weeks of 10 Hz left-DLPFC (30 sessions) relieve 2.3 HAM-D-17 points vs sham at week 6, less at week 4 (O'Reardon 2007)", () => {
    expect(courseSessionTimes({ startH: 0, stopH: 1008, sessionsPerDay: 1, daysPerWeek: 5 })).toHaveLength(30);
    const w6 = course(standard('10hz'), 'left-DLPFC', 1008, 1008);
    const w4 = course(standard('10hz'), 'left-DLPFC', 1008, 672);
    expect(w6).toBeCloseTo(2.3, 1);
    expect(w4).toBeGreaterThan(1.4);
    expect(w4).toBeLessThan(w6);
  });

  it('iTBS (600 pulses, 3 min) is non-inferior to 10 Hz (3000 pulses) over the same course (Blumberger 2018)', () => {
    const itbs = course(standard('itbs'), 'left-DLPFC', 1008, 1008);
    const hz10 = course(standard('10hz'), 'left-DLPFC', 1008, 1008);
    expect(itbs).toBeGreaterThan(0.95 * hz10);
  });

  it('right-sided 1 Hz is antidepressant (LTD on the right); 10 Hz on the right is not', () => {
    expect(moodSign('right-DLPFC')).toBe(-1);
    expect(course(standard('1hz'), 'right-DLPFC', 1008, 1008)).toBeCloseTo(course(standard('10hz'), 'left-DLPFC', 1008, 1008), 6);
    expect(course(standard('10hz'), 'right-DLPFC', 1008, 1008)).toBeLessThan(0);
    expect(course(standard('1hz'), 'left-DLPFC', 1008, 1008)).toBeLessThan(0);
  });

  it('an accelerated iTBS course (SAINT: 10 × 1800 pulses a day at 90 % MT, 5 days) does more, sooner, below the 10-point ceiling', () => {
    const saint = course({ protocol: 'itbs', intensityPctMT: 90, pulses: 1800 }, 'left-DLPFC', 120, 120, HEALTHY_PLASTICITY, 10);
    expect(saint).toBeGreaterThan(2 * course(standard('10hz'), 'left-DLPFC', 1008, 1008));
    expect(saint).toBeLessThan(10);
  });

  it('course schedules: weekdays only, sessions within a day 50 min apart, none at or after stop', () => {
    const t = courseSessionTimes({ startH: 24, stopH: 24 + 14 * 24, sessionsPerDay: 2, daysPerWeek: 5 });
    expect(t).toHaveLength(20);
    expect(t[1]! - t[0]!).toBeCloseTo(50 / 60, 3);
    expect(t.some((x) => x - 24 >= 5 * 24 && x - 24 < 7 * 24)).toBe(false);
    expect(courseSessionTimes({ startH: 0, stopH: 0.5, sessionsPerDay: 3, daysPerWeek: 5 })).toEqual([0]);
  });
});

describe('seizure risk (Rossi 2009/2021; Wassermann 1998 table)', () => {
  it('about 1 in 10 000 at the edge of the guidelines, less inside them', () => {
    const edge = seizureRisk(standard('10hz'));
    expect(edge.withinGuidelines).toBe(true);
    expect(edge.perSession).toBeLessThanOrEqual(1e-4);
    expect(edge.perSession).toBeGreaterThan(5e-5);
    expect(seizureRisk({ ...standard('10hz'), intensityPctMT: 100 }).perSession).toBeLessThan(edge.perSession);
  });

  it('monotone in intensity, and well above the floor once trains exceed the table limit', () => {
    for (const protocol of ['10hz', '1hz', 'itbs', 'ctbs'] as const) {
      let last = 0;
      for (let i = 50; i <= 160; i += 1) {
        const r = seizureRisk({ ...standard(protocol), intensityPctMT: i }).perSession;
        expect(r).toBeGreaterThanOrEqual(last);
        last = r;
      }
    }
    const over = seizureRisk({ ...standard('10hz'), intensityPctMT: 140 });
    expect(over.withinGuidelines).toBe(false);
    expect(over.guidelineRatio).toBeCloseTo(4 / 1.3, 12);
    expect(over.perSession).toBeGreaterThan(20 * seizureRisk(standard('10hz')).perSession);
    expect(seizureRisk({ ...standard('10hz'), trainSeconds: 8 }).perSession).toBeGreaterThan(5 * seizureRisk(standard('10hz')).perSession);
    expect(seizureRisk({ ...standard('itbs'), intensityPctMT: 140 }).withinGuidelines).toBe(false);
  });

  it('the table limit never lengthens with intensity (160 % MT takes the 150 % limit)', () => {
    expect(maxSafeTrainSeconds('10hz', 120)).toBe(4.2);
    expect(maxSafeTrainSeconds('10hz', 115)).toBe(4.2);
    expect(maxSafeTrainSeconds('10hz', 110)).toBe(Number.POSITIVE_INFINITY);
    expect(maxSafeTrainSeconds('10hz', 160)).toBe(0.8);
    expect(maxSafeTrainSeconds('1hz', 160)).toBe(Number.POSITIVE_INFINITY);
  });

  it('the message names the comparison and the rate: trains against the limit, no limit, or intensity against the tested 120 % MT', () => {
    expect(seizureRisk(standard('10hz')).message).toBe('within the safety guidelines (4 s trains against a 4.2 s limit at 120 % MT): seizure risk about 1 in 10973 sessions.');
    expect(seizureRisk({ ...standard('10hz'), trainSeconds: 10 }).message).toBe('outside the safety guidelines (10 s trains against a 4.2 s limit at 120 % MT): seizure risk about 1 in 604 sessions.');
    expect(seizureRisk(standard('1hz')).message).toBe('within the safety guidelines (no train-duration limit at 120 % MT): seizure risk about 1 in 20000 sessions.');
    expect(seizureRisk(standard('itbs')).message).toBe('within the safety guidelines (120 % MT against the 120 % MT tested in large trials): seizure risk about 1 in 10000 sessions.');
    expect(seizureRisk({ ...standard('ctbs'), intensityPctMT: 130 }).message).toBe('outside the safety guidelines (130 % MT against the 120 % MT tested in large trials): seizure risk about 1 in 3704 sessions.');
  });

  it('theta burst: the ratio is the share of 120 % MT up to it (exactly 1 at it: within), beyond it the 10 Hz limit\'s tightening', () => {
    expect(seizureRisk({ ...standard('itbs'), intensityPctMT: 90 }).guidelineRatio).toBeCloseTo(0.75, 15);
    const at = seizureRisk(standard('itbs'));
    expect(at.guidelineRatio).toBe(1);
    expect(at.withinGuidelines).toBe(true);
    expect(seizureRisk({ ...standard('itbs'), intensityPctMT: 130 }).guidelineRatio).toBeCloseTo(4.2 / 2.9, 12);
  });

  it('1 Hz runs as one continuous train of its pulses (1200 s) unless a train length is given; the table limits it from 170 % MT', () => {
    expect(seizureRisk({ ...standard('1hz'), intensityPctMT: 180 }).guidelineRatio).toBeCloseTo(1200 / 11, 12);
    expect(seizureRisk({ ...standard('1hz'), intensityPctMT: 180, trainSeconds: 5.5 }).guidelineRatio).toBeCloseTo(0.5, 12);
    expect(seizureRisk({ ...standard('1hz'), intensityPctMT: 180, trainSeconds: 5.5 }).withinGuidelines).toBe(true);
  });

  it('a session below 120 % MT recruits less and changes less, in proportion to recruitment', () => {
    const at = (i: number) => sessionPlasticity({ ...standard('10hz'), intensityPctMT: i }, HEALTHY_PLASTICITY);
    expect(recruitment(100)).toBeLessThan(0.9);
    expect(at(100)).toBeCloseTo(recruitment(100) * at(120), 12);
    expect(at(140)).toBeCloseTo(recruitment(140) * at(120), 12);
  });

  it('drugs that lower the seizure threshold multiply the risk, up to ×10', () => {
    const base = seizureRisk(standard('10hz')).perSession;
    expect(seizureRisk(standard('10hz'), 0.5).perSession).toBeCloseTo(5.5 * base, 15);
    expect(seizureRisk(standard('10hz'), 1).perSession).toBeCloseTo(10 * base, 15);
    expect(seizureRisk(standard('10hz'), 7).perSession).toBeCloseTo(10 * base, 15);
  });
});

describe('course arithmetic', () => {
  it('potentiationAt takes sessions in time order whatever the input order, and counts a session at the read-out time', () => {
    const sessions = [{ t: 48, change: 0.3 }, { t: 0, change: -0.2 }, { t: 24, change: 0.1 }];
    const inOrder = potentiationAt([...sessions].sort((a, b) => a.t - b.t), 60);
    expect(potentiationAt(sessions, 60)).toBe(inOrder);
    let p = applySession(0, -0.2);
    p = applySession(decayPotentiation(p, 24), 0.1);
    p = applySession(decayPotentiation(p, 24), 0.3);
    expect(inOrder).toBeCloseTo(decayPotentiation(p, 12), 15);
    expect(potentiationAt([{ t: 5, change: 0.2 }], 5)).toBeCloseTo(0.2, 15);
    expect(potentiationAt([{ t: 5, change: 0.2 }], 4.99)).toBe(0);
  });

  it('no session starts at or after stop, even within a day (two sessions 50 min apart, stop at the second)', () => {
    const interval = courseSessionTimes({ startH: 0, stopH: 24, sessionsPerDay: 2, daysPerWeek: 5 })[1] as number;
    expect(interval).toBeCloseTo(50 / 60, 3);
    expect(courseSessionTimes({ startH: 0, stopH: interval, sessionsPerDay: 2, daysPerWeek: 5 })).toEqual([0]);
    expect(courseSessionTimes({ startH: 0, stopH: interval + 1e-9, sessionsPerDay: 2, daysPerWeek: 5 })).toEqual([0, interval]);
  });
});
