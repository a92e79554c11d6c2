// Transcranial direct current stimulation: the excitability after-effect of a session (sign by
// polarity, size and duration by charge density) and the small plasticity bias it leaves in the DLPFC.
import { param } from './data.ts';
import { plasticityChange, type PlasticityState } from './course.ts';
import type { TdcsPolarity, TdcsSession } from './schema.ts';

const P = {
  chargeScale: param('tdcs.chargeScale'),
  maxShift: { anodal: param('tdcs.anodal.maxShift'), cathodal: param('tdcs.cathodal.maxShift') } as Record<TdcsPolarity, number>,
  lastingMax: param('tdcs.lastingMax'),
  lastingHill: param('tdcs.lastingHill'),
  lastingHalf: { anodal: param('tdcs.anodal.lastingHalfCharge'), cathodal: param('tdcs.cathodal.lastingHalfCharge') } as Record<TdcsPolarity, number>,
  residualAtEnd: param('tdcs.residualAtLasting'),
  sessionEffect: param('tdcs.sessionEffect'),
};

/** Charge density of a session, mA·min/cm² (current density × duration). */
export function tdcsChargeDensity(s: Pick<TdcsSession, 'currentMa' | 'minutes' | 'electrodeAreaCm2'>): number {
  return (s.currentMa / s.electrodeAreaCm2) * s.minutes;
}

export interface TdcsAfterEffect {
  /** Excitability shift just after the session (MEP change as a fraction; + anodal, − cathodal). */
  shift: number;
  /** How long the after-effect stays measurable, min. */
  lastingMin: number;
  /** Time constant of its exponential decay, h (the shift falls to `tdcs.residualAtLasting` of itself at lastingMin). */
  decayH: number;
}

/**
 * After-effect of one session: its size saturates with charge density, M = Mmax·(1 − e^(−q/q_s)),
 * and its duration grows steeply with it (Hill in q, capped at a few hours). Calibrated to
 * Nitsche & Paulus 2000/2001 (anodal 1 mA: 5 min ≈ +20 % for minutes, 13 min ≈ +40 % for ~90 min)
 * and Nitsche et al. 2003 (cathodal 1 mA 9 min ≈ −30 % for ~60 min), 35 cm² electrodes. The
 * reversal of longer, stronger sessions (Batsikadze 2013; Monte-Silva 2013) is not modelled.
 */
export function tdcsAfterEffect(s: TdcsSession): TdcsAfterEffect {
  const q = tdcsChargeDensity(s);
  const sign = s.polarity === 'anodal' ? 1 : -1;
  const shift = sign * P.maxShift[s.polarity] * (1 - Math.exp(-q / P.chargeScale));
  const x = Math.pow(q / P.lastingHalf[s.polarity], P.lastingHill);
  const lastingMin = (P.lastingMax * x) / (1 + x);
  const decayH = lastingMin / 60 / Math.log(1 / P.residualAtEnd);
  return { shift, lastingMin, decayH };
}

/** Excitability shift `hours` after the end of the session. */
export function tdcsExcitabilityAt(s: TdcsSession, hours: number): number {
  const a = tdcsAfterEffect(s);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent within the accepted range (currents of 0.5 mA or more for 5 min or more always give decayH > 0)
  return a.decayH > 0 ? a.shift * Math.exp(-Math.max(0, hours) / a.decayH) : 0;
}

/**
 * Signed synaptic change left in the target by one session: a plasticity bias proportional to the
 * excitability shift (anodal LTP-like, cathodal LTD-like), × gain and shifted by the BCM threshold.
 * Calibrated so that the ELECT-TDCS course is a small antidepressant (see the data file).
 */
export function tdcsSessionPlasticity(s: TdcsSession, state: PlasticityState): number {
  return plasticityChange(P.sessionEffect * tdcsAfterEffect(s).shift, state);
}
