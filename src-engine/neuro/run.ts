// Runs the slow layer over a drive grid (the pk layer's occupancies, sampled finely) and publishes
// its series on the output grid. The layer reads the pk layer and never writes back (one-way
// coupling), so it runs after the pk integration, stepping between drive samples with the drive
// averaged over each step.
import type { Patient } from '../scenario.ts';
import type { Series } from '../results.ts';
import { NeuroModel, NO_DRIVE, sampleDrive, type DbsSpan, type DriveArrays, type DriveSample, type MechanismId, type NeuroOutputs, type SessionKind, type StimulationSession } from './model.ts';
import { ProbeRecorder } from './probes.ts';
import type { SpectrumSeries } from '../results.ts';
import type { ModulatoryState } from '../learning/types.ts';

/**
 * Series published by the layer: output field, series name (DESIGN.md §4.2), unit. Regions the
 * model does not yet tell apart publish the same field (one raphe, one basal forebrain, one locus
 * coeruleus, one transporter occupancy).
 */
export const NEURO_SERIES: ReadonlyArray<readonly [keyof NeuroOutputs, string, string]> = [
  ['daStriatum', 'nt.dopamine.striatum', 'ratio'],
  ['daPfc', 'nt.dopamine.pfc', 'ratio'],
  ['daAccumbens', 'nt.dopamine.accumbens', 'ratio'],
  ['serotonin', 'nt.serotonin.cortex', 'ratio'],
  ['serotonin', 'nt.serotonin.hippocampus', 'ratio'],
  ['acetylcholine', 'nt.acetylcholine.cortex', 'ratio'],
  ['acetylcholine', 'nt.acetylcholine.hippocampus', 'ratio'],
  ['noradrenaline', 'nt.noradrenaline.cortex', 'ratio'],
  ['noradrenaline', 'nt.noradrenaline.amygdala', 'ratio'],
  ['glutamate', 'nt.glutamate.pfc', 'ratio'],
  ['rapheFiring', 'circuit.raphe.firing', 'ratio'],
  ['autoreceptor', 'receptor.5HT1A_auto.density', 'ratio'],
  ['d2Signal', 'receptor.D2.signal', 'ratio'],
  ['d2SignalAssociative', 'receptor.D2.signal.associative', 'ratio'],
  ['d2Density', 'receptor.D2.density', 'ratio'],
  ['motorDrive', 'circuit.striatum.motor_drive', 'ratio'],
  ['salience', 'circuit.salience.aberrant', 'ratio'],
  ['belief', 'learning.delusional_belief', 'ratio'],
  ['ldr', 'adaptation.levodopa_ldr', 'ratio'],
  ['dyskinesiaPriming', 'adaptation.dyskinesia_priming', 'fraction'],
  ['bdnf', 'plasticity.bdnf', 'ratio'],
  ['mtor', 'plasticity.mtor', 'fraction'],
  ['proteins', 'plasticity.synaptic_proteins', 'ratio'],
  ['spinesPfc', 'plasticity.spines.pfc', 'ratio'],
  ['spinesHippocampus', 'plasticity.spines.hippocampus', 'ratio'],
  ['nascentSpines', 'plasticity.spines.nascent', 'ratio'],
  ['bdnfPool', 'plasticity.bdnf_pool', 'fraction'],
  ['neurogenesis', 'plasticity.neurogenesis', 'ratio'],
  ['gain', 'plasticity.gain', 'ratio'],
  ['gainHippocampus', 'plasticity.gain.hippocampus', 'ratio'],
  ['threshold', 'plasticity.threshold', 'ratio'],
  ['scaling', 'plasticity.scaling', 'ratio'],
  ['nigral', 'disease.nigral_neurons', 'fraction'],
  ['cholinergic', 'disease.cholinergic_neurons', 'fraction'],
  ['synapses', 'disease.synapses', 'fraction'],
  ['stress', 'disease.stress_load', 'ratio'],
  ['therapy', 'learning.therapy', 'fraction'],
  ['extinction', 'learning.extinction', 'fraction'],
  ['episodicRecall', 'learning.episodic_recall', 'fraction'],
  ['hamd17', 'scale.hamd17', 'points'],
  ['madrs', 'scale.madrs', 'points'],
  ['updrs3', 'scale.updrs3', 'points'],
  ['adascog', 'scale.adascog', 'points'],
  ['panssPositive', 'scale.panss_positive', 'points'],
  ['ymrs', 'scale.ymrs', 'points'],
  ['caps5', 'scale.caps5', 'points'],
  ['eps', 'adverse.eps', 'fraction'],
  ['prolactin', 'adverse.prolactin', 'fraction'],
  ['dyskinesia', 'adverse.dyskinesia', 'fraction'],
  ['dissociation', 'adverse.dissociation', 'fraction'],
  ['nausea', 'adverse.nausea', 'fraction'],
  ['maniaSwitch', 'adverse.mania_switch', 'fraction'],
  ['serotoninToxicity', 'adverse.serotonin_toxicity', 'fraction'],
  ['abuseLiability', 'adverse.abuse_liability', 'fraction'],
  ['cholinergicCrisis', 'adverse.cholinergic_crisis', 'fraction'],
  ['lithiumToxicity', 'adverse.lithium_toxicity', 'fraction'],
  ['anaesthesia', 'adverse.anaesthesia', 'fraction'],
  ['respiratoryDepression', 'adverse.respiratory_depression', 'fraction'],
  ['nmsRisk', 'adverse.nms_risk', 'fraction'],
  ['psychosis', 'adverse.psychosis', 'fraction'],
  ['beta', 'lfp.stn.beta', 'ratio'],
  ['betaPeakHz', 'lfp.stn.peak_hz', 'Hz'],
  ['relay', 'circuit.thalamus.relay', 'fraction'],
];

/** Series of the devices, published when the scenario uses the device. */
export const DEVICE_SERIES: ReadonlyArray<readonly [keyof NeuroOutputs, string, string, Device]> = [
  ['dbsDecoupling', 'stim.dbs.decoupling', 'fraction', 'dbs'],
  ['stimulationSpread', 'adverse.stimulation_spread', 'fraction', 'dbs'],
  ['dlpfcLeft', 'plasticity.dlpfc.left', 'fraction', 'dlpfc'],
  ['dlpfcRight', 'plasticity.dlpfc.right', 'fraction', 'dlpfc'],
  ['seizure', 'adverse.seizure', 'fraction', 'tms'],
  ['excitability', 'circuit.cortex.excitability', 'fraction', 'tdcs'],
  ['ectMood', 'stim.ect.mood', 'fraction', 'ect'],
  ['ectAmnesia', 'adverse.amnesia', 'fraction', 'ect'],
  ['ectThreshold', 'stim.ect.seizure_threshold', 'ratio', 'ect'],
  ['ectTrophic', 'stim.ect.trophic', 'ratio', 'ect'],
];
export type Device = 'dbs' | 'dlpfc' | 'tms' | 'tdcs' | 'ect';

/** Series of therapy-as-learning (learning/therapy.ts), published when the scenario has sessions of the kind. */
export const THERAPY_SERIES: ReadonlyArray<readonly [keyof NeuroOutputs, string, string, SessionKind]> = [
  ['fearTherapyContext', 'therapy.exposure.fear_therapy_context', 'ratio', 'exposure'],
  ['fearOriginalContext', 'therapy.exposure.fear_original_context', 'ratio', 'exposure'],
  ['expectancy', 'therapy.cbt.expectancy', 'ratio', 'cbt'],
];

/** Per-session series (one point at each session): what the session read and taught. */
function sessionSeries(log: ReadonlyArray<{ t: number; kind: SessionKind; gain: number; learned: number; predictionError: number }>): Record<string, Series> {
  const series: Record<string, Series> = {};
  const push = (name: string, unit: string, t: number, v: number) => {
    const s = (series[name] ??= { unit, t: [], v: [] });
    s.t.push(t);
    s.v.push(v);
  };
  for (const x of log) {
    push(`therapy.${x.kind}.session_gain`, 'ratio', x.t, x.gain);
    push(`therapy.${x.kind}.session_learning`, 'fraction', x.t, x.learned);
    push(`therapy.${x.kind}.prediction_error`, 'fraction', x.t, x.predictionError);
  }
  return series;
}

export type Session = { t: number; kind: SessionKind } | { t: number; kind: 'stimulation'; stimulation: StimulationSession };

export interface NeuroRun {
  patient: Pick<Patient, 'condition' | 'severity' | 'treatmentResistant'>;
  off: readonly MechanismId[];
  /** Drive grid (hours, ascending, from 0) and the drive at each of its times. */
  t: readonly number[];
  drive: DriveArrays;
  /** Sessions, at times that are on the drive grid. */
  sessions: readonly Session[];
  /** Grid indices where the drive jumps (a bolus, an infusion edge): the step ending there sees the drive before the jump. */
  jumps: ReadonlySet<number>;
  /** Indices into the drive grid where series are published. */
  outputs: readonly number[];
  /** DBS settings in force, with edges on the drive grid. */
  dbs?: readonly DbsSpan[];
  /** Indices into the drive grid where the circuit probes publish (EEG, spectra); ascending. */
  probes?: readonly number[];
  /** Indices into the drive grid where learning tasks read the modulatory state; ascending. */
  tasks?: readonly number[];
  /** Told the drive-grid index reached, now and then (every PROGRESS_EVERY steps), for a progress display. */
  progress?: (k: number) => void;
}

/** Steps of the drive grid between two progress calls. */
export const PROGRESS_EVERY = 1024;

export interface NeuroPublished {
  series: Record<string, Series>;
  spectra: Record<string, SpectrumSeries>;
  /** The modulatory state at each task index (in the order of `tasks`). */
  modulatory: ModulatoryState[];
}

/** Which devices a run uses (their series are published). */
function devicesIn(r: NeuroRun): Set<Device> {
  const used = new Set<Device>();
  if ((r.dbs ?? []).length > 0) used.add('dbs');
  for (const s of r.sessions) {
    if (s.kind !== 'stimulation') continue;
    const k = s.stimulation.kind;
    used.add(k);
    if (k !== 'ect') used.add('dlpfc');
  }
  return used;
}

export function runNeuro(r: NeuroRun): NeuroPublished {
  const model = new NeuroModel(r.patient, r.off);
  const outT = r.outputs.map((k) => r.t[k] as number);
  const used = devicesIn(r);
  const kinds = new Set(r.sessions.map((s) => s.kind));
  const published = [...NEURO_SERIES, ...DEVICE_SERIES.filter((x) => used.has(x[3])), ...THERAPY_SERIES.filter((x) => kinds.has(x[3]))];
  const log: Array<{ t: number; kind: SessionKind; gain: number; learned: number; predictionError: number }> = [];
  const values = published.map(() => new Array<number>(r.outputs.length).fill(0));
  const fields = published.map(([field]) => field);
  const dbs = [...(r.dbs ?? [])].sort((a, b) => a.start - b.start);
  const dbsAt = (t: number): DbsSpan | null => dbs.find((x) => x.start <= t + 1e-9 && t + 1e-9 < x.stop) ?? null;
  const probes = r.probes ?? [];
  const recorder = new ProbeRecorder(probes.map((k) => r.t[k] as number));
  let nextProbe = 0;
  const tasks = r.tasks ?? [];
  const modulatory: ModulatoryState[] = [];
  const sessions = [...r.sessions].sort((a, b) => a.t - b.t);
  let next = 0;
  let out = 0;
  const now = { ...NO_DRIVE };
  const over = { ...NO_DRIVE };
  // read() fills one reused object in a fixed key order: its values are copied by position (a
  // lookup by name for each of 60 series at every sample would cost a fifth of the run).
  let slots: number[] | undefined;
  const record = (k: number, d: DriveSample) => {
    while (out < r.outputs.length && r.outputs[out] === k) {
      const o = model.read(d);
      slots ??= fields.map((f) => Object.keys(o).indexOf(f));
      const v = Object.values(o) as number[];
      for (let i = 0; i < slots.length; i++) (values[i] as number[])[out] = v[slots[i] as number] as number;
      out++;
    }
  };
  for (let k = 0; k < r.t.length; k++) {
    const t = r.t[k] as number;
    if (r.progress && k % PROGRESS_EVERY === 0) r.progress(k);
    if (k > 0) {
      if (dbs.length > 0) model.devices.setDbs(dbsAt(r.t[k - 1] as number));
      model.step(t - (r.t[k - 1] as number), r.jumps.has(k) ? sampleDrive(over, r.drive, k - 1, false) : sampleDrive(over, r.drive, k, true));
    }
    const session = next < sessions.length && (sessions[next] as Session).t <= t + 1e-9;
    const probe = probes[nextProbe] === k;
    const task = tasks[modulatory.length] === k;
    if (!session && !probe && !task && r.outputs[out] !== k) continue;
    const d = sampleDrive(now, r.drive, k, false);
    while (next < sessions.length && (sessions[next] as Session).t <= t + 1e-9) {
      const s = sessions[next++] as Session;
      if (s.kind === 'stimulation') model.stimulate(s.stimulation, d);
      else {
        model.session(s.kind, d);
        log.push({ t: s.t, ...(model.sessionLog[model.sessionLog.length - 1] as { kind: SessionKind; gain: number; learned: number; predictionError: number }) });
      }
    }
    if (probe) recorder.record(nextProbe++, model.probeInputs(d));
    while (tasks[modulatory.length] === k) modulatory.push(model.modulatoryState(d, r.patient.condition));
    record(k, d);
  }
  const series: Record<string, Series> = {};
  published.forEach(([, name, unit], i) => (series[name] = { unit, t: outT, v: values[i] as number[] }));
  Object.assign(series, recorder.series(), sessionSeries(log));
  return { series, spectra: recorder.spectra(), modulatory };
}
