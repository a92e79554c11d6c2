// Repetitive TMS and theta burst: per-session dose and direction, the signed DLPFC plasticity a
// session induces under the current gain and BCM threshold, and the per-session seizure risk.
import { param, tableOf, type StimulationTable } from './data.ts';
import { plasticityChange, type PlasticityState } from './course.ts';
import { TMS_PROTOCOLS, type TmsProtocol, type TmsSession } from './schema.ts';

const P = {
  sessionEffect: param('tms.sessionEffect'),
  defaultIntensity: param('tms.defaultIntensity'),
  recruitHalf: param('tms.recruitmentHalf'),
  recruitHill: param('tms.recruitmentHill'),
  baseRisk: param('tms.seizure.baseRisk'),
  riskExponent: param('tms.seizure.ratioExponent'),
  loweringGain: param('tms.seizure.thresholdLoweringGain'),
  trainS10: param('tms.10hz.trainSeconds'),
  tbsLimit: param('tms.tbs.intensityLimit'),
  refPulses: Object.fromEntries(TMS_PROTOCOLS.map((p) => [p, param(`tms.${p}.pulses`)])) as Record<TmsProtocol, number>,
  direction: Object.fromEntries(TMS_PROTOCOLS.map((p) => [p, param(`tms.${p}.direction`)])) as Record<TmsProtocol, number>,
  maxTrain: { '1hz': tableOf('tms.safety.maxTrain.1hz'), '10hz': tableOf('tms.safety.maxTrain.10hz') } as Record<'1hz' | '10hz', StimulationTable>,
};

/** +1 for LTP-like protocols (10 Hz, iTBS), −1 for LTD-like ones (1 Hz, cTBS). */
export function tmsDirection(protocol: TmsProtocol): 1 | -1 {
  // Stryker disable next-line EqualityOperator: equivalent (the data give each protocol a direction of +1 or −1, never 0)
  return P.direction[protocol] >= 0 ? 1 : -1;
}

/** Per-session dose: pulses × intensity, in pulse·MT (3000 pulses at 120 % MT = 3600). */
export function tmsSessionDose(s: Pick<TmsSession, 'pulses' | 'intensityPctMT'>): number {
  return (s.pulses * s.intensityPctMT) / 100;
}

/** Fraction of the target population recruited by a pulse, relative to the default 120 % MT (sigmoid in intensity). */
export function recruitment(intensityPctMT: number): number {
  const r = (i: number) => {
    const x = Math.pow(Math.max(0, i) / P.recruitHalf, P.recruitHill);
    return x / (1 + x);
  };
  return r(intensityPctMT) / r(P.defaultIntensity);
}

/**
 * Signed synaptic change of the target (DLPFC) from one session: the calibrated change of a
 * standard session (10 Hz 3000 pulses, 1 Hz 1200, iTBS 600, cTBS 600, at 120 % MT — all equally
 * effective, Blumberger 2018 for iTBS vs 10 Hz), linear in pulses and scaled by recruitment;
 * then × gain and shifted by the BCM threshold (see plasticityChange). Feed it to applySession.
 */
export function sessionPlasticity(s: TmsSession, state: PlasticityState): number {
  // Stryker disable next-line ArithmeticOperator: dividing by the direction (±1) equals multiplying by it
  const atHealthy = P.sessionEffect * tmsDirection(s.protocol) * (s.pulses / P.refPulses[s.protocol]) * recruitment(s.intensityPctMT);
  return plasticityChange(atHealthy, state);
}

/** Longest safe single train (s) at an intensity, from the safety table: the column at or above the intensity, never longer than at any lower intensity; Infinity where the table found no limit. */
export function maxSafeTrainSeconds(frequency: '1hz' | '10hz', intensityPctMT: number): number {
  const t = P.maxTrain[frequency];
  let limit = Number.POSITIVE_INFINITY;
  // Stryker disable next-line EqualityOperator: equivalent (one step past the table reads undefined and ends the loop)
  for (let i = 0; i < t.at.length; i++) {
    const v = t.value[i];
    if (v !== null && v !== undefined) limit = Math.min(limit, v);
    if ((t.at[i] as number) >= intensityPctMT) break;
  }
  return limit;
}

export interface SeizureRisk {
  /** Probability of a seizure in one session. */
  perSession: number;
  /** Train duration over its guideline limit (rTMS), or intensity over the TBS limit; ≤ 1 is within guidelines. */
  guidelineRatio: number;
  withinGuidelines: boolean;
  message: string;
}

/**
 * Seizure risk of one session: a floor well inside the safety table, about 1 in 10 000 at its
 * edge (Rossi 2009/2021), rising steeply as the train outlasts the table's limit for its frequency
 * and intensity (Wassermann 1998) or, for theta burst, as intensity passes the tested 120 % MT
 * (beyond it, as steeply as the 10 Hz limits tighten);
 * multiplied by up to (1 + gain) with drugs that lower the seizure threshold (0..1).
 */
export function seizureRisk(s: Pick<TmsSession, 'protocol' | 'intensityPctMT' | 'pulses'> & { trainSeconds?: number }, thresholdLowering = 0): SeizureRisk {
  let ratio: number;
  let limitText: string;
  if (s.protocol === '10hz' || s.protocol === '1hz') {
    const train = s.protocol === '10hz' ? (s.trainSeconds ?? P.trainS10) : (s.trainSeconds ?? s.pulses); // 1 Hz runs as one continuous train
    const limit = maxSafeTrainSeconds(s.protocol, s.intensityPctMT);
    ratio = train / limit;
    limitText = Number.isFinite(limit) ? `${train} s trains against a ${limit} s limit at ${s.intensityPctMT} % MT` : `no train-duration limit at ${s.intensityPctMT} % MT`;
  } else {
    // Up to the tested intensity the ratio is the intensity's share of it; above, the limit tightens
    // as the 10 Hz table's does from that intensity on.
    ratio = s.intensityPctMT <= P.tbsLimit ? s.intensityPctMT / P.tbsLimit : maxSafeTrainSeconds('10hz', P.tbsLimit) / maxSafeTrainSeconds('10hz', s.intensityPctMT);
    limitText = `${s.intensityPctMT} % MT against the ${P.tbsLimit} % MT tested in large trials`;
  }
  const lowering = Math.max(0, Math.min(1, thresholdLowering));
  const perSession = Math.min(1, P.baseRisk * (1 + Math.pow(ratio, P.riskExponent)) * (1 + P.loweringGain * lowering));
  const withinGuidelines = ratio <= 1;
  const rate = perSession > 0 ? `about 1 in ${Math.round(1 / perSession)} sessions` : 'none';
  return { perSession, guidelineRatio: ratio, withinGuidelines, message: `${withinGuidelines ? 'within' : 'outside'} the safety guidelines (${limitText}): seizure risk ${rate}.` };
}
