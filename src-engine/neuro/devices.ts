// The stimulation devices as the slow layer meets them: DBS as a decoupling of the STN/GPi loop
// that the basal-ganglia circuit turns into beta and thalamic relay; TMS and tDCS sessions as
// LTP/LTD-like changes of the DLPFC, sized by the plasticity state at the session; ECT sessions as
// a course-dependent mood state, an amnesia index and a rising seizure threshold. Stimulation acts
// on circuit inputs and plasticity, never on a symptom scale directly: the mood network reads the
// DLPFC potentiation as it reads spine density, and the motor readout reads the relay.
import {
  applyEctStep,
  applySession,
  dbsEffectStep,
  dbsEffective,
  decayPotentiation,
  ECT_TIME_CONSTANTS,
  ectHamdRelief,
  ectSession,
  hamdRelief,
  seizureRisk,
  sessionPlasticity,
  tdcsAfterEffect,
  tdcsSessionPlasticity,
  thresholdRiseStep,
  type DbsEffectState,
  type DbsTarget,
  type DlpfcTarget,
  type EctPlacement,
  type PlasticityState,
  type TdcsSession,
  type TdcsTarget,
  type TmsSession,
} from '../stimulation/index.ts';
import { basalGanglia } from '../circuits/index.ts';

/** A stimulation session at a moment of the timeline. */
export type StimulationSession =
  | { kind: 'tms'; target: DlpfcTarget; session: TmsSession }
  | { kind: 'tdcs'; target: TdcsTarget; session: TdcsSession }
  | { kind: 'ect'; placement: EctPlacement; pulseWidthMs: number };

/** A DBS setting in force from `start` to `stop` (hours), with its steady effect. */
export interface DbsSpan {
  start: number;
  stop: number;
  target: DbsTarget;
  frequencyHz: number;
  /** Steady-state decoupling of the loop (0–1), 0 for a refused setting. */
  decoupling: number;
  /** Stimulation-spread side-effect fraction (0–1) while fully on. */
  spread: number;
}

/** The devices' part of the slow state. */
export class Devices {
  private dbs: DbsEffectState = { fast: 0, slow: 0 };
  /** The DBS setting in force (null: off); its target and frequency stay with the washout after switch-off. */
  private span: DbsSpan | null = null;
  private last: DbsSpan | null = null;
  /** DLPFC potentiation per hemisphere (−1..1; + LTP-like). */
  left = 0;
  right = 0;
  /** Cortical excitability shift left by tDCS (fraction) and its decay time, h. */
  excitability = 0;
  private excitabilityDecayH = 1;
  /** ECT: mood state (0–1), retrograde-amnesia index (0–1), seizure-threshold rise (fraction), trophic drive. */
  ectMood = 0;
  amnesia = 0;
  thresholdRise = 0;
  trophic = 0;
  /** Probability that no TMS session so far caused a seizure. */
  private seizureFree = 1;

  private readonly enabled: { dbs: boolean; dlpfc: boolean; ect: boolean };

  constructor(enabled: { dbs: boolean; dlpfc: boolean; ect: boolean }) {
    this.enabled = enabled;
  }

  /** Sets the DBS setting in force for the coming step (null: off). */
  setDbs(span: DbsSpan | null): void {
    this.span = span;
    if (span) this.last = span;
  }

  step(h: number): void {
    if (this.span !== null || this.dbs.fast > 0 || this.dbs.slow > 0) {
      this.dbs = dbsEffectStep(this.dbs, this.span?.decoupling ?? 0, h);
      // Washed out to below 1e-12: off (the exact tail would be stepped for the rest of the run).
      if (this.span === null && this.dbs.fast < 1e-12 && this.dbs.slow < 1e-12) this.dbs = { fast: 0, slow: 0 };
    }
    if (this.left !== 0) this.left = decayPotentiation(this.left, h);
    if (this.right !== 0) this.right = decayPotentiation(this.right, h);
    if (this.excitability !== 0) this.excitability *= Math.exp(-h / this.excitabilityDecayH);
    if (this.ectMood > 0) this.ectMood *= Math.exp(-h / ECT_TIME_CONSTANTS.moodH);
    if (this.amnesia > 0) this.amnesia *= Math.exp(-h / ECT_TIME_CONSTANTS.cognitiveH);
    if (this.thresholdRise > 0) this.thresholdRise *= Math.exp(-h / ECT_TIME_CONSTANTS.thresholdH);
    if (this.trophic > 0) this.trophic *= Math.exp(-h / ECT_TIME_CONSTANTS.trophicH);
  }

  /**
   * A session under the plasticity state of its target at that moment (the slow layer's gain
   * before its BCM factor, and the BCM threshold, which the session's own rule applies).
   * @param thresholdLowering 0–1: drugs on board that lower the seizure threshold
   */
  session(s: StimulationSession, plasticity: PlasticityState, thresholdLowering: number): void {
    if (s.kind === 'ect') {
      if (!this.enabled.ect) return;
      const step = ectSession(s);
      this.ectMood = applyEctStep(this.ectMood, step.moodStep);
      this.amnesia = applyEctStep(this.amnesia, step.cognitiveStep);
      this.trophic += step.trophicPush;
      this.thresholdRise = thresholdRiseStep(this.thresholdRise, s.placement);
      return;
    }
    if (s.kind === 'tms') this.seizureFree *= 1 - seizureRisk(s.session, thresholdLowering).perSession;
    else {
      // The excitability shift acts on the cortex whatever the plasticity mechanisms do.
      const after = tdcsAfterEffect(s.session);
      this.excitability = after.shift;
      this.excitabilityDecayH = Math.max(1e-3, after.decayH);
    }
    if (!this.enabled.dlpfc || s.target === 'M1') return;
    const change = s.kind === 'tms' ? sessionPlasticity(s.session, plasticity) : tdcsSessionPlasticity(s.session, plasticity);
    if (s.target === 'left-DLPFC') this.left = applySession(this.left, change);
    else this.right = applySession(this.right, change);
  }

  /** Effective DBS decoupling now (0–1), the frequency and target it came with. */
  dbsInput(): { dbsDecoupling: number; dbsFrequencyHz: number; dbsTarget: DbsTarget | null } {
    const decoupling = this.enabled.dbs ? dbsEffective(this.dbs) : 0;
    const from = this.span ?? this.last;
    return { dbsDecoupling: decoupling, dbsFrequencyHz: decoupling > 0 && from ? from.frequencyHz : 0, dbsTarget: decoupling > 0 && from ? from.target : null };
  }

  /** Stimulation-spread side effect now (0–1): the setting's spread, scaled by how much of it is on. */
  spread(): number {
    const from = this.span ?? this.last;
    if (!this.enabled.dbs || !from || from.decoupling <= 0) return 0;
    return from.spread * Math.min(1, dbsEffective(this.dbs) / from.decoupling);
  }

  /** HAM-D-17 points of relief carried by DLPFC potentiation and the ECT mood state. */
  moodRelief(): number {
    return hamdRelief(this.left, 'left-DLPFC') + hamdRelief(this.right, 'right-DLPFC') + ectHamdRelief(this.ectMood);
  }

  /** Probability of at least one seizure over the TMS sessions so far. */
  seizure(): number {
    return 1 - this.seizureFree;
  }

  /** ECT seizure threshold relative to the first session's. */
  seizureThreshold(): number {
    return 1 + this.thresholdRise;
  }
}

/** What the basal-ganglia circuit gives the motor readout at one moment. */
export interface MotorCircuit {
  /** STN beta power relative to healthy. */
  beta: number;
  betaPeakHz: number;
  /** Thalamic relay fidelity (0–1). */
  relay: number;
  /** Factor on the dopaminergic motor deficit: 1 without DBS; below 1 where DBS restores the relay. */
  deficitFactor: number;
}

const RELAY_HEALTHY = basalGanglia({ dopamine: 1, dbsDecoupling: 0, dbsFrequencyHz: 0, dbsTarget: null }).relay;

/**
 * The motor deficit is carried partly by beta-synchronised basal-ganglia output that degrades the
 * thalamic relay (share `betaShare`), partly by rate changes of the pathways (the rest). A drug
 * moves both through the striatal drive; DBS decouples the loop and restores the relay alone, so
 * the deficit's relay part shrinks by how much of the relay loss DBS gives back (and grows where
 * stimulation in the beta band worsens it, at most ×`maxWorsening`).
 * @param drive striatal motor drive (× healthy), the circuit's dopaminergic input
 */
export function motorCircuit(drive: number, dbs: ReturnType<Devices['dbsInput']>, betaShare: number, maxWorsening: number): MotorCircuit {
  const on = basalGanglia({ dopamine: drive, dbsDecoupling: dbs.dbsDecoupling, dbsFrequencyHz: dbs.dbsFrequencyHz, dbsTarget: dbs.dbsTarget });
  let deficitFactor = 1;
  if (dbs.dbsDecoupling > 0) {
    const off = basalGanglia({ dopamine: drive, dbsDecoupling: 0, dbsFrequencyHz: 0, dbsTarget: null });
    const lossOff = Math.max(0, RELAY_HEALTHY - off.relay);
    const ratio = lossOff > 1e-9 ? Math.min(maxWorsening, Math.max(0, RELAY_HEALTHY - on.relay) / lossOff) : 1;
    deficitFactor = 1 - betaShare + betaShare * ratio;
  }
  return { beta: on.beta, betaPeakHz: on.betaPeakHz, relay: on.relay, deficitFactor };
}
