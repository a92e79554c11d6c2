// Electroconvulsive therapy: what each treatment seizure pushes (rapid mood relief, a trophic
// BDNF/neurogenesis-like drive, retrograde amnesia), the seizure threshold's rise over a course,
// and the time constants with which the slow layer lets them decay.
import { param } from './data.ts';
import type { EctPlacement } from './schema.ts';

const P = {
  ultrabriefBelow: param('ect.ultrabriefBelow'),
  moodStep: param('ect.moodStep'),
  hamdPerUnit: param('ect.hamdPerUnit'),
  moodRetention: param('ect.moodRetentionTime'),
  cognitiveStep: param('ect.cognitiveStep'),
  cognitiveRecovery: param('ect.cognitiveRecoveryTime'),
  ultrabriefCognition: param('ect.cognition.ultrabriefFactor'),
  trophicPush: param('ect.trophicPush'),
  trophicTime: param('ect.trophicTime'),
  riseScale: param('ect.thresholdRise.sessionScale'),
  thresholdRecovery: param('ect.thresholdRecoveryTime'),
  courseLength: param('ect.thresholdRise.courseSessions'),
};
const placements: readonly EctPlacement[] = ['bitemporal', 'right-unilateral', 'bifrontal'];
const byPlacement = (name: (p: EctPlacement) => string) => Object.fromEntries(placements.map((p) => [p, param(name(p))])) as Record<EctPlacement, number>;
const EFFICACY_BRIEF = byPlacement((p) => `ect.efficacy.${p}.brief`);
const EFFICACY_ULTRABRIEF = byPlacement((p) => `ect.efficacy.${p}.ultrabrief`);
const COGNITION = byPlacement((p) => `ect.cognition.${p}`);
const RISE = byPlacement((p) => `ect.thresholdRise.${p}`);

/** Pulses shorter than 0.5 ms are ultrabrief. */
export function isUltrabrief(pulseWidthMs: number): boolean {
  return pulseWidthMs < P.ultrabriefBelow;
}

/** Antidepressant efficacy per session relative to brief-pulse bitemporal ECT (each technique at its usual dose relative to the seizure threshold). */
export function ectEfficacy(placement: EctPlacement, pulseWidthMs: number): number {
  return (isUltrabrief(pulseWidthMs) ? EFFICACY_ULTRABRIEF : EFFICACY_BRIEF)[placement];
}

/** Retrograde-amnesia load per session relative to brief-pulse bitemporal ECT. */
export function ectCognitiveFactor(placement: EctPlacement, pulseWidthMs: number): number {
  return COGNITION[placement] * (isUltrabrief(pulseWidthMs) ? P.ultrabriefCognition : 1);
}

/** What one treatment seizure pushes; each `*Step` is applied with applyEctStep (soft-bounded at 1). */
export interface EctSession {
  /** Step of the ECT mood state E (0..1); HAM-D-17 relief = ectHamdRelief(E). */
  moodStep: number;
  /** Step of the retrograde-amnesia index (0 none .. 1 severe). */
  cognitiveStep: number;
  /** Added to a trophic (BDNF/neurogenesis-like) drive, × healthy basal, decaying with ECT_TIME_CONSTANTS.trophicH. */
  trophicPush: number;
}

export function ectSession(iv: { placement: EctPlacement; pulseWidthMs: number }): EctSession {
  return {
    moodStep: P.moodStep * ectEfficacy(iv.placement, iv.pulseWidthMs),
    cognitiveStep: P.cognitiveStep * ectCognitiveFactor(iv.placement, iv.pulseWidthMs),
    trophicPush: P.trophicPush,
  };
}

/** x + step·(1 − x): repeated sessions saturate toward 1. */
export function applyEctStep(x: number, step: number): number {
  return Math.min(1, x + step * (1 - x));
}

/** Time constants of the exponential decay between and after sessions, h. */
export const ECT_TIME_CONSTANTS = {
  /** ECT mood state (relapse without continuation treatment). */
  moodH: P.moodRetention,
  /** Retrograde amnesia recovers over months. */
  cognitiveH: P.cognitiveRecovery,
  /** Trophic drive. */
  trophicH: P.trophicTime,
  /** Seizure-threshold rise returns toward baseline after the course. */
  thresholdH: P.thresholdRecovery,
} as const;

/** HAM-D-17 points of relief carried by the ECT mood state E. */
export function ectHamdRelief(moodState: number): number {
  return P.hamdPerUnit * moodState;
}

/**
 * Rise of the seizure threshold (fraction above the first session's) after `sessions` treatments
 * given close together: it grows and levels off, R·(1 − e^(−n/s))/(1 − e^(−12/s)), reaching the
 * placement's course value R after 12 (Sackeim et al. 1987: bilateral more than unilateral).
 */
export function seizureThresholdRise(sessions: number, placement: EctPlacement): number {
  const n = Math.max(0, sessions);
  const s = P.riseScale;
  return (RISE[placement] * (1 - Math.exp(-n / s))) / (1 - Math.exp(-P.courseLength / s));
}

/**
 * The rise after one more session, from the current rise (for the slow layer, which also lets it
 * decay with ECT_TIME_CONSTANTS.thresholdH): the same curve, advanced by one session from the
 * session count that gives the current rise.
 */
export function thresholdRiseStep(rise: number, placement: EctPlacement): number {
  const s = P.riseScale;
  const full = RISE[placement] / (1 - Math.exp(-P.courseLength / s));
  const left = Math.max(0, full - Math.max(0, rise));
  return full - left * Math.exp(-1 / s);
}

/** Session times (h): `sessionsPerWeek` a week on evenly spaced weekdays (3 → days 0, 2, 4), `count` in all. */
export function ectSessionTimes(startH: number, sessionsPerWeek: number, count: number): number[] {
  const gap = Math.floor(7 / sessionsPerWeek);
  const times: number[] = [];
  for (let k = 0; k < count; k++) times.push(startH + (Math.floor(k / sessionsPerWeek) * 7 + (k % sessionsPerWeek) * gap) * 24);
  return times;
}
