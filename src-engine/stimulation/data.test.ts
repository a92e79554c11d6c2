// The data file: every number has a unit and a source, every entry is read by the code, and every
// function returns finite values in its range over the whole accepted input space.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STIMULATION_PARAMETERS, usedParameters } from './data.ts';
import { dbsEffect, dbsOnset, dbsWashout } from './dbs.ts';
import { plasticityChange, type PlasticityState } from './course.ts';
import { ectCognitiveFactor, ectEfficacy, ectSession, seizureThresholdRise } from './ect.ts';
import { DBS_TARGETS, ECT_PLACEMENTS, RANGES, resolveDbs, resolveTdcs, resolveTms, TDCS_POLARITIES, TMS_PROTOCOLS } from './schema.ts';
import { tdcsAfterEffect, tdcsExcitabilityAt, tdcsSessionPlasticity } from './tdcs.ts';
import { seizureRisk, sessionPlasticity } from './tms.ts';

/** n points from min to max of an accepted range, ends included. */
const grid = (key: keyof typeof RANGES, n = 7) => {
  const [lo, hi] = RANGES[key];
  return Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));
};
// Failures are collected and checked once per test: an expect() per value would dominate the run time.
let bad: string[] = [];
const finite = (x: number, what: string) => {
  if (!Number.isFinite(x)) bad.push(`${what} = ${x}`);
};
const fraction = (x: number, what: string) => {
  if (!(x >= 0 && x <= 1)) bad.push(`${what} = ${x} (expected 0..1)`);
};
beforeEach(() => {
  bad = [];
});
afterEach(() => {
  expect(bad.slice(0, 5)).toEqual([]);
});
const STATES: PlasticityState[] = [
  { gain: 0, threshold: 1 },
  { gain: 1, threshold: 1 },
  { gain: 0.85, threshold: 0.57 },
  { gain: 3, threshold: 0.05 },
  { gain: 3, threshold: 5 },
];

describe('data/stimulation/parameters.json', () => {
  it('every entry has a unit and a source, and is read by the code', () => {
    resolveDbs({ target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 1 });
    resolveTdcs({ polarity: 'anodal', currentMa: 1, minutes: 10 });
    for (const protocol of TMS_PROTOCOLS) resolveTms({ protocol });
    for (const [name, q] of Object.entries(STIMULATION_PARAMETERS)) {
      expect(q.unit, name).not.toBe('');
      expect(q.source.length, name).toBeGreaterThan(30);
      if (/^calibrated/.test(q.source)) expect(q.source, name).toMatch(/:/);
    }
    expect([...usedParameters()].sort()).toEqual(Object.keys(STIMULATION_PARAMETERS).sort());
  });
});

describe('finite outputs over the accepted input space', () => {
  it('DBS', () => {
    for (const target of DBS_TARGETS)
      for (const frequencyHz of grid('frequencyHz'))
        for (const pulseWidthUs of grid('pulseWidthUs'))
          for (const amp of [...grid('amplitudeV').map((v) => ({ amplitudeV: v })), ...grid('amplitudeMa').map((a) => ({ amplitudeMa: a }))])
            for (const contactAreaCm2 of grid('contactAreaCm2', 3))
              for (const impedanceOhm of grid('impedanceOhm', 3)) {
                const e = dbsEffect(resolveDbs({ target, frequencyHz, pulseWidthUs, ...amp, contactAreaCm2, impedanceOhm }));
                for (const k of ['currentMa', 'chargeUc', 'chargeDensityUcCm2', 'shannonK'] as const) finite(e.safety[k], k);
                for (const k of ['radiusMm', 'volumeMm3'] as const) finite(e[k], k);
                for (const k of ['frequencyResponse', 'coverage', 'decoupling', 'spread'] as const) fraction(e[k], k);
                if (!['ok', 'warn', 'refuse'].includes(e.safety.verdict)) bad.push(`verdict ${e.safety.verdict}`);
              }
    for (const h of [0, 0.01, 1, 1e3, 1e9]) {
      fraction(dbsWashout(h), 'washout');
      fraction(dbsOnset(h), 'onset');
    }
  });

  it('TMS', () => {
    for (const protocol of TMS_PROTOCOLS)
      for (const intensityPctMT of grid('intensityPctMT', 23))
        for (const pulses of grid('pulsesPerSession'))
          for (const state of STATES) {
            const s = { protocol, intensityPctMT, pulses };
            finite(sessionPlasticity(s, state), 'sessionPlasticity');
            for (const lowering of [0, 0.5, 1]) fraction(seizureRisk(s, lowering).perSession, 'seizure risk');
          }
  });

  it('tDCS', () => {
    for (const polarity of TDCS_POLARITIES)
      for (const currentMa of grid('currentMa'))
        for (const minutes of grid('minutes'))
          for (const electrodeAreaCm2 of grid('electrodeAreaCm2')) {
            const s = { polarity, currentMa, minutes, electrodeAreaCm2 };
            const a = tdcsAfterEffect(s);
            finite(a.shift, 'shift');
            fraction(Math.abs(a.shift), 'shift size');
            finite(a.lastingMin, 'lasting');
            finite(a.decayH, 'decay');
            finite(tdcsExcitabilityAt(s, 2), 'excitability');
            for (const state of STATES) finite(tdcsSessionPlasticity(s, state), 'tdcs plasticity');
          }
  });

  it('ECT and the plasticity shift', () => {
    for (const placement of ECT_PLACEMENTS)
      for (const pulseWidthMs of grid('pulseWidthMs')) {
        const e = ectSession({ placement, pulseWidthMs });
        fraction(e.moodStep, 'mood step');
        fraction(e.cognitiveStep, 'cognitive step');
        finite(e.trophicPush, 'trophic');
        finite(ectEfficacy(placement, pulseWidthMs) + ectCognitiveFactor(placement, pulseWidthMs), 'factors');
        for (const n of grid('count')) finite(seizureThresholdRise(n, placement), 'threshold rise');
      }
    finite(plasticityChange(-0.01, { gain: 1, threshold: 0 }), 'zero threshold');
  });
});
