// Deep brain stimulation: charge and Shannon safety, the activated volume, the decoupling of the
// STN/GPi loop it buys (frequency × coverage), capsular spread, and onset/washout kinetics.
import { param } from './data.ts';
import type { DbsSetting, DbsTarget } from './schema.ts';

const P = {
  shannonK: param('dbs.shannonK'),
  densityWarn: param('dbs.chargeDensityWarn'),
  kuncelK: param('dbs.vta.kuncelK'),
  kuncelU0: param('dbs.vta.kuncelU0'),
  refImpedance: param('dbs.vta.referenceImpedance'),
  refPulseWidth: param('dbs.vta.referencePulseWidth'),
  chronaxie: param('dbs.chronaxie'),
  volume: { STN: param('dbs.nucleusVolume.STN'), GPi: param('dbs.nucleusVolume.GPi') } as Record<DbsTarget, number>,
  coverageScale: param('dbs.coverageScale'),
  freqHalf: param('dbs.frequencyHalf'),
  freqHill: param('dbs.frequencyHill'),
  spreadV: { STN: param('dbs.spread.thresholdV.STN'), GPi: param('dbs.spread.thresholdV.GPi') } as Record<DbsTarget, number>,
  spreadWidth: param('dbs.spread.width'),
  fastShare: param('dbs.washout.fastShare'),
  offFast: param('dbs.washout.fastTime'),
  offSlow: param('dbs.washout.slowTime'),
  onSpeedup: param('dbs.onset.speedup'),
};

/** Charges below this (µC) count as no charge: log10 stays finite at zero amplitude. */
const MIN_CHARGE_UC = 1e-9;

export interface DbsCharge {
  /** Delivered current, mA (V / impedance when voltage-controlled). */
  currentMa: number;
  /** Charge per phase Q = I·PW, µC. */
  chargeUc: number;
  /** Charge density per phase D = Q / contact area, µC/cm². */
  chargeDensityUcCm2: number;
  /** Shannon 1992: k = log10(D) + log10(Q), with Q floored at 1e-9 µC. */
  shannonK: number;
}

/** Delivered current in mA: the programmed current, or V/Z for voltage-controlled stimulation (Ohm's law, interface as a resistor). */
export function dbsCurrentMa(s: Pick<DbsSetting, 'amplitudeV' | 'amplitudeMa' | 'impedanceOhm'>): number {
  return s.amplitudeV === undefined ? (s.amplitudeMa ?? 0) : (s.amplitudeV / s.impedanceOhm) * 1000;
}

export function dbsCharge(s: Pick<DbsSetting, 'amplitudeV' | 'amplitudeMa' | 'impedanceOhm' | 'pulseWidthUs' | 'contactAreaCm2'>): DbsCharge {
  const currentMa = dbsCurrentMa(s);
  // mA × µs = nC; / 1000 → µC.
  const chargeUc = (currentMa * s.pulseWidthUs) / 1000;
  const chargeDensityUcCm2 = chargeUc / s.contactAreaCm2;
  const q = Math.max(chargeUc, MIN_CHARGE_UC);
  const shannonK = Math.log10(q / s.contactAreaCm2) + Math.log10(q);
  return { currentMa, chargeUc, chargeDensityUcCm2, shannonK };
}

export type SafetyVerdict = 'ok' | 'warn' | 'refuse';

export interface DbsSafety extends DbsCharge {
  verdict: SafetyVerdict;
  /** The field to change (the amplitude that was given), or null when ok. */
  field: 'amplitudeV' | 'amplitudeMa' | null;
  /** One sentence for the user. */
  message: string;
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);

/**
 * Shannon's (1992) limit for non-damaging stimulation, k = log10(D) + log10(Q) ≤ 1.85, refuses a
 * setting; a charge density above the 30 µC/cm²/phase programming limit (Kuncel & Grill 2004)
 * within Shannon's limit warns. Equality with the limit is accepted (a 1e-9 tolerance absorbs rounding).
 */
export function dbsSafety(s: Pick<DbsSetting, 'amplitudeV' | 'amplitudeMa' | 'impedanceOhm' | 'pulseWidthUs' | 'contactAreaCm2'>): DbsSafety {
  const c = dbsCharge(s);
  const field = s.amplitudeV === undefined ? 'amplitudeMa' : 'amplitudeV';
  const what = `${fmt(c.chargeUc, 3)} µC/phase, ${fmt(c.chargeDensityUcCm2, 1)} µC/cm²/phase over ${s.contactAreaCm2} cm²`;
  // Stryker disable next-line EqualityOperator: differs only when k equals the limit + 1e-9 exactly (no setting on the amplitude and pulse-width grid lands there)
  if (c.shannonK > P.shannonK + 1e-9) {
    return { ...c, verdict: 'refuse', field, message: `Shannon k = ${fmt(c.shannonK)} exceeds the tissue-damage limit ${P.shannonK} (${what}); lower ${field} or pulseWidthUs.` };
  }
  // Stryker disable next-line EqualityOperator: differs only at exactly 30 µC/cm², a measure-zero point (8.5 mA × 210 µs gives 29.75, 9 mA 31.5: both sides are tested in plan.test.ts)
  if (c.chargeDensityUcCm2 > P.densityWarn) {
    return { ...c, verdict: 'warn', field, message: `charge density ${fmt(c.chargeDensityUcCm2, 1)} µC/cm²/phase is above the ${P.densityWarn} µC/cm² programming limit, though within Shannon's k ≤ ${P.shannonK} (k = ${fmt(c.shannonK)}); consider lowering ${field} or pulseWidthUs.` };
  }
  return { ...c, verdict: 'ok', field: null, message: `within limits: ${what}, Shannon k = ${fmt(c.shannonK)} ≤ ${P.shannonK}.` };
}

/**
 * The amplitude as the voltage that would activate the same tissue at the reference impedance and
 * pulse width of the volume fit: current-equivalent (I × 1 kΩ), then scaled along the Lapicque
 * strength–duration curve I_th ∝ 1 + chronaxie/PW.
 */
export function equivalentVoltage(s: Pick<DbsSetting, 'amplitudeV' | 'amplitudeMa' | 'impedanceOhm' | 'pulseWidthUs'>): number {
  const atRef = (dbsCurrentMa(s) / 1000) * P.refImpedance;
  return (atRef * (1 + P.chronaxie / P.refPulseWidth)) / (1 + P.chronaxie / s.pulseWidthUs);
}

/** Radius of the activated sphere from a reference-equivalent voltage (Kuncel et al. 2008: r = √((U − U0)/k)), mm. */
export function radiusAtVoltage(u: number): number {
  // Stryker disable next-line EqualityOperator: equivalent (at u = U0 both branches give a radius of 0)
  return u > P.kuncelU0 ? Math.sqrt((u - P.kuncelU0) / P.kuncelK) : 0;
}

/** Radius of the volume of tissue activated, mm. */
export function activationRadiusMm(s: Pick<DbsSetting, 'amplitudeV' | 'amplitudeMa' | 'impedanceOhm' | 'pulseWidthUs'>): number {
  return radiusAtVoltage(equivalentVoltage(s));
}

/** Volume of tissue activated, mm³ (a sphere, as in the Kuncel and Mädler models). */
export function activatedVolumeMm3(s: Pick<DbsSetting, 'amplitudeV' | 'amplitudeMa' | 'impedanceOhm' | 'pulseWidthUs'>): number {
  const r = activationRadiusMm(s);
  return (4 / 3) * Math.PI * r * r * r;
}

/** Frequency response 0..1: none at ≤ 50 Hz, rising through 90 Hz, plateau from 130 Hz (Rizzone 2001; Moro 2002). */
export function frequencyResponse(frequencyHz: number): number {
  const x = Math.pow(Math.max(0, frequencyHz) / P.freqHalf, P.freqHill);
  return x / (1 + x);
}

/** Share of the target nucleus' output brought under the stimulus: 1 − exp(−VTA / (scale × nucleus volume)). */
export function spatialCoverage(s: Pick<DbsSetting, 'target' | 'amplitudeV' | 'amplitudeMa' | 'impedanceOhm' | 'pulseWidthUs'>): number {
  return 1 - Math.exp(-activatedVolumeMm3(s) / (P.coverageScale * P.volume[s.target]));
}

/**
 * Decoupling 0..1: the fraction of the STN (or GPi) loop activity replaced by stimulus-locked
 * firing at steady state — the "information lesion" of high-frequency stimulation — as the
 * product of the frequency response and the spatial coverage.
 */
export function dbsDecoupling(s: Pick<DbsSetting, 'target' | 'frequencyHz' | 'amplitudeV' | 'amplitudeMa' | 'impedanceOhm' | 'pulseWidthUs'>): number {
  return frequencyResponse(s.frequencyHz) * spatialCoverage(s);
}

/**
 * Stimulation-spread side effects 0..1 (capsular: tonic contraction, dysarthria): a logistic in
 * the activation radius around the radius reached at the clinical side-effect threshold.
 */
export function dbsSpread(s: Pick<DbsSetting, 'target' | 'amplitudeV' | 'amplitudeMa' | 'impedanceOhm' | 'pulseWidthUs'>): number {
  const r50 = radiusAtVoltage(P.spreadV[s.target]);
  const z = (activationRadiusMm(s) - r50) / P.spreadWidth;
  return 1 / (1 + Math.exp(-z));
}

/** Everything the slow layer needs from one DBS setting. */
export interface DbsEffect {
  safety: DbsSafety;
  radiusMm: number;
  volumeMm3: number;
  frequencyResponse: number;
  coverage: number;
  /** Steady-state decoupling 0..1 (0 when the setting is refused). */
  decoupling: number;
  /** Side-effect fraction 0..1 (0 when the setting is refused). */
  spread: number;
}

export function dbsEffect(s: DbsSetting): DbsEffect {
  const safety = dbsSafety(s);
  const refused = safety.verdict === 'refuse';
  return {
    safety,
    radiusMm: activationRadiusMm(s),
    volumeMm3: activatedVolumeMm3(s),
    frequencyResponse: frequencyResponse(s.frequencyHz),
    coverage: spatialCoverage(s),
    decoupling: refused ? 0 : dbsDecoupling(s),
    spread: refused ? 0 : dbsSpread(s),
  };
}

/** Onset and washout kinetics of the clinical effect, hours (Temperli et al. 2003). */
export const DBS_KINETICS = {
  /** Share of the effect carried by the fast component (tremor, part of rigidity). */
  fastShare: P.fastShare,
  /** Washout after switch-off, h. */
  offFastH: P.offFast,
  offSlowH: P.offSlow,
  /** Onset after switch-on, h: the same components, faster. */
  onFastH: P.offFast / P.onSpeedup,
  onSlowH: P.offSlow / P.onSpeedup,
} as const;

/** Fraction of the on-state effect still present `hours` after switch-off. */
export function dbsWashout(hours: number): number {
  const t = Math.max(0, hours);
  return DBS_KINETICS.fastShare * Math.exp(-t / DBS_KINETICS.offFastH) + (1 - DBS_KINETICS.fastShare) * Math.exp(-t / DBS_KINETICS.offSlowH);
}

/** Fraction of the steady-state effect reached `hours` after switch-on. */
export function dbsOnset(hours: number): number {
  const t = Math.max(0, hours);
  return 1 - DBS_KINETICS.fastShare * Math.exp(-t / DBS_KINETICS.onFastH) - (1 - DBS_KINETICS.fastShare) * Math.exp(-t / DBS_KINETICS.onSlowH);
}

/** The two effect components (each 0..1 of decoupling), for the slow layer's state vector. */
export interface DbsEffectState {
  fast: number;
  slow: number;
}

/**
 * Exact update of the effect components over `hours` with a constant steady-state target (the
 * decoupling of the setting in force, 0 when off): each component relaxes with its onset time
 * constant while rising and its washout time constant while falling. Reproduces dbsOnset and
 * dbsWashout across a single edge.
 */
export function dbsEffectStep(state: DbsEffectState, target: number, hours: number): DbsEffectState {
  // Stryker disable next-line EqualityOperator: equivalent (when x equals the target either time constant leaves it there)
  const relax = (x: number, tauOn: number, tauOff: number) => target + (x - target) * Math.exp(-Math.max(0, hours) / (target >= x ? tauOn : tauOff));
  return { fast: relax(state.fast, DBS_KINETICS.onFastH, DBS_KINETICS.offFastH), slow: relax(state.slow, DBS_KINETICS.onSlowH, DBS_KINETICS.offSlowH) };
}

/** The effective decoupling carried by the components. */
export function dbsEffective(state: DbsEffectState): number {
  return DBS_KINETICS.fastShare * state.fast + (1 - DBS_KINETICS.fastShare) * state.slow;
}
