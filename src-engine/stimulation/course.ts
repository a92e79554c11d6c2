// Courses of non-invasive stimulation: when sessions fall, and the DLPFC potentiation state that
// TMS and tDCS sessions move (soft-bounded, decaying between sessions) with its mood readout.
import { param } from './data.ts';
import type { TdcsTarget } from './schema.ts';

const P = {
  thresholdExponent: param('plasticity.thresholdExponent'),
  retention: param('dlpfc.retentionTime'),
  hamdPerUnit: param('dlpfc.hamdPerUnit'),
  interval: param('course.intersessionInterval'),
};

/** The plasticity state of the target region, relative to healthy (the slow layer's gain and BCM threshold). */
export interface PlasticityState {
  /** Plasticity gain (× healthy); ketamine's window raises it, depression lowers it. */
  gain: number;
  /** BCM sliding threshold (× healthy). */
  threshold: number;
}

export const HEALTHY_PLASTICITY: PlasticityState = { gain: 1, threshold: 1 };

/**
 * A session's signed synaptic change from its change at healthy gain and threshold: proportional
 * to the gain, and shifted by the BCM threshold — a higher threshold shrinks LTP-like changes and
 * deepens LTD-like ones, as θ^∓β (the same power law the slow layer applies to its gain). The
 * sign never flips (the reversal after doubled theta-burst trains, Gamboa 2010, is not modelled).
 */
export function plasticityChange(atHealthy: number, state: PlasticityState): number {
  // Stryker disable next-line ConditionalExpression: equivalent (0 × gain × θ^0 is 0 too); the guard only skips the pow
  if (atHealthy === 0) return 0;
  const gain = Math.max(0, state.gain);
  const theta = Math.max(1e-3, state.threshold);
  return atHealthy * gain * Math.pow(theta, -Math.sign(atHealthy) * P.thresholdExponent);
}

/** Applies one session's change to the potentiation P ∈ (−1, 1), soft-bounded toward ±1. */
export function applySession(potentiation: number, change: number): number {
  // Stryker disable next-line EqualityOperator: equivalent (a change of 0 leaves P either way)
  const next = change >= 0 ? potentiation + change * (1 - potentiation) : potentiation + change * (1 + potentiation);
  return Math.max(-1, Math.min(1, next));
}

/** Potentiation left `hours` later (exponential return to baseline). */
export function decayPotentiation(potentiation: number, hours: number): number {
  return potentiation * Math.exp(-Math.max(0, hours) / P.retention);
}

/** Time constant of the return of DLPFC potentiation to baseline, h. */
export const DLPFC_RETENTION_H = P.retention;

/**
 * The antidepressant sign of a change at a target: potentiating the left DLPFC and depressing the
 * right are both antidepressant (left-fast and right-slow rTMS both beat sham, Kedzior 2015); the
 * motor cortex carries no mood effect.
 */
export function moodSign(target: TdcsTarget): 1 | -1 | 0 {
  return target === 'left-DLPFC' ? 1 : target === 'right-DLPFC' ? -1 : 0;
}

/** HAM-D-17 points of relief carried by a target's potentiation. */
export function hamdRelief(potentiation: number, target: TdcsTarget): number {
  return P.hamdPerUnit * moodSign(target) * potentiation;
}

/** Potentiation at `atH` after sessions (time h, signed change), starting from 0. */
export function potentiationAt(sessions: ReadonlyArray<{ t: number; change: number }>, atH: number): number {
  let p = 0;
  let now = 0;
  for (const s of [...sessions].sort((a, b) => a.t - b.t)) {
    if (s.t > atH) break;
    p = applySession(decayPotentiation(p, s.t - now), s.change);
    now = s.t;
  }
  return decayPotentiation(p, atH - now);
}

export interface CourseSchedule {
  startH: number;
  /** Sessions start before this time. */
  stopH: number;
  sessionsPerDay: number;
  daysPerWeek: number;
  /** Between session starts on one day; default 50 min (the accelerated SAINT protocol). */
  intervalH?: number;
}

/** Session start times (h): on the first `daysPerWeek` days of each 7-day week counted from start. */
export function courseSessionTimes(c: CourseSchedule): number[] {
  const interval = c.intervalH ?? P.interval;
  const times: number[] = [];
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent (the check on each session time below drops every start at or after stop)
  for (let day = 0; c.startH + day * 24 < c.stopH; day++) {
    if (day % 7 >= c.daysPerWeek) continue;
    for (let k = 0; k < c.sessionsPerDay; k++) {
      const t = c.startH + day * 24 + k * interval;
      if (t < c.stopH) times.push(t);
    }
  }
  return times;
}
