// The slow neuromodulatory layer (DESIGN.md §3.1 "bus" and "adaptation"): transmitter tones per
// region in quasi-steady state, and slow states — autoreceptors, levodopa storage and the
// long-duration response, dyskinesia priming, BDNF → mTORC1 → synaptic proteins → spines,
// neurogenesis, the plasticity gain with its sliding threshold and homeostatic scaling, learning
// from therapy sessions, stress load and disease progression — advanced by exponential Euler steps
// (exact for a frozen drive) from target occupancies that the pk layer computes.
//
// Equations follow reference/models.md (§1.2 levodopa SDR/LDR, §2.1 serotonin terminal reduced to
// QSSA, §2.4 5-HT1A desensitisation, §2.5 ACh with AChE in QSSA, §6.1 BCM, §6.3 scaling, §6.7
// BDNF/mTOR/spines); every parameter is in data/neuro/parameters.json with its source. One
// deliberate deviation: §2.4 relaxes the autoreceptor at k_deg·(1 + αA), which with the α needed
// for near-full recovery would desensitise within 1–2 days; here it relaxes toward the same
// equilibrium with a fixed time constant (6 days), as the recovery over 14–21 days requires.
import { hasTraumaMemory, knobsFor, progressionFor, type Knobs } from './data.ts';
import { neuroParams, type NeuroParams } from './params.ts';
import { hill, toxicity, type Toxicity } from './toxicity.ts';
import { Devices, motorCircuit, type StimulationSession } from './devices.ts';
import type { ProbeInputs } from './probes.ts';
import type { ModulatoryState } from '../learning/types.ts';
import { BeliefLearner, ExposureLearner, therapyParams, type SessionRecord } from '../learning/therapy.ts';
import { recallAt } from '../learning/recall-table.ts';

/** The episodic-memory task's recall in a healthy hippocampus (the word-recall item's reference). */
const HEALTHY_RECALL = recallAt(1, 1);
import type { Patient } from '../scenario.ts';

/** The slow layer's inputs at one time: target engagement and the plasma levels it reads directly. */
export interface DriveSample {
  /** Brain SERT, NET occupancy; AChE, BuChE inhibition in brain; red-cell AChE inhibition (0–1). */
  sert: number;
  net: number;
  ache: number;
  buche: number;
  acheRbc: number;
  /** D2 occupancy by antagonists, and agonist effect fraction (pramipexole). */
  d2Antagonist: number;
  d2Agonist: number;
  /** NMDA occupancy weighted by block at rest (memantine counts little, ketamine fully). */
  nmdaRest: number;
  /** Plasma levodopa, ng/mL; plasma lithium, mmol/L. */
  levodopa: number;
  lithium: number;
}

export const NO_DRIVE: Readonly<DriveSample> = { sert: 0, net: 0, ache: 0, buche: 0, acheRbc: 0, d2Antagonist: 0, d2Agonist: 0, nmdaRest: 0, levodopa: 0, lithium: 0 };
/** The drive over a grid, one array per input. */
export type DriveArrays = Record<keyof DriveSample, Float64Array>;

/** Writes the drive at k — or its mean over [k − 1, k] — into `out` (no allocation; the hot loop calls it per step). */
export function sampleDrive(out: DriveSample, d: DriveArrays, k: number, mean: boolean): DriveSample {
  // The mean of samples j and k (j = k: the sample itself); weights, not a closure, in the hot loop.
  const j = mean ? k - 1 : k;
  out.sert = ((d.sert[j] as number) + (d.sert[k] as number)) / 2;
  out.net = ((d.net[j] as number) + (d.net[k] as number)) / 2;
  out.ache = ((d.ache[j] as number) + (d.ache[k] as number)) / 2;
  out.buche = ((d.buche[j] as number) + (d.buche[k] as number)) / 2;
  out.acheRbc = ((d.acheRbc[j] as number) + (d.acheRbc[k] as number)) / 2;
  out.d2Antagonist = ((d.d2Antagonist[j] as number) + (d.d2Antagonist[k] as number)) / 2;
  out.d2Agonist = ((d.d2Agonist[j] as number) + (d.d2Agonist[k] as number)) / 2;
  out.nmdaRest = ((d.nmdaRest[j] as number) + (d.nmdaRest[k] as number)) / 2;
  out.levodopa = ((d.levodopa[j] as number) + (d.levodopa[k] as number)) / 2;
  out.lithium = ((d.lithium[j] as number) + (d.lithium[k] as number)) / 2;
  return out;
}

/** Mechanisms that a scenario (or a test) can switch off, to see what each one explains. */
export const MECHANISMS = {
  'autoreceptor-desensitisation': '5-HT1A autoreceptors desensitise under sustained activation (the weeks-long SSRI delay)',
  'bdnf-mtor': 'glutamate burst → fast BDNF → mTORC1 → synaptic proteins (ketamine)',
  'bdnf-depletion': 'the releasable BDNF pool is spent by a burst and refills over a day (a brief mTORC1 pulse; a second dose hours later does less)',
  'monoamine-bdnf': 'slow BDNF expression driven by serotonin, noradrenaline and acetylcholine',
  'hpa-mood': 'the stress (HPA) load acts on mood directly, beside the synaptic path',
  'monoamine-hpa': 'a sustained serotonin and noradrenaline rise normalises the HPA axis over weeks',
  synaptogenesis: 'spine formation and elimination respond to BDNF, synaptic proteins and stress (off: spines stay at the healthy density, so stress no longer thins them)',
  neurogenesis: 'adult hippocampal neurogenesis follows hippocampal BDNF',
  'levodopa-storage': 'surviving dopamine terminals store levodopa-derived dopamine (buffering)',
  'long-duration-response': 'the levodopa long-duration response',
  'serotonergic-levodopa': 'serotonergic terminals release levodopa-derived dopamine unregulated',
  'dyskinesia-priming': 'pulsatile stimulation of denervated striatum primes dyskinesia',
  'd2-upregulation': 'striatal D2 receptors up-regulate when under-stimulated (denervation, blockade)',
  metaplasticity: 'BCM sliding threshold on the plasticity gain',
  'nascent-spines': 'newly formed spines are labile for days and carry the plasticity window',
  'homeostatic-scaling': 'homeostatic scaling of the plasticity gain toward its set point',
  'gain-gated-learning': 'therapy learning scales with the plasticity gain at the session',
  'spine-capture': 'a therapy session stabilises the nascent prefrontal spines it uses (synaptic tagging and capture), so sessions inside a plasticity window keep part of what the window built',
  'context-gated-extinction': 'the extinction memory an exposure session builds belongs to the therapy context and is expressed only in part in the original contexts of everyday life (renewal); off: it transfers fully',
  'daily-extinction': 'everyday reminders act as unplanned exposure: extinction builds slowly without therapy, faster with a higher hippocampal gain and noradrenaline',
  'belief-consolidation': 'delusions formed under aberrant salience persist as beliefs that fade slowly once salience is damped',
  'disease-progression': 'nigral, cholinergic and synaptic loss progress with time',
  'lithium-protection': 'lithium damps the push toward (hypo)mania',
  'nausea-tolerance': 'tolerance to serotonergic and cholinergic nausea',
  'dbs-decoupling': 'DBS replaces STN/GPi loop activity with stimulus-locked firing, suppressing beta and restoring the thalamic relay',
  'beta-relay': 'part of the motor deficit is carried by beta-synchronised basal-ganglia output degrading the thalamic relay (the part DBS relieves)',
  'dlpfc-plasticity': 'TMS and tDCS sessions potentiate (or depress) the DLPFC by an amount set by the plasticity gain and BCM threshold at the session; the mood network reads it',
  ect: 'ECT sessions build a mood effect over a course, with retrograde amnesia and a rising seizure threshold',
  'dopamine-learning': 'learning tasks read striatal dopamine (tone, phasic capacity, D2 signal); off: they read healthy values',
  'cholinergic-memory': 'learning tasks read acetylcholine (encoding vs retrieval); off: they read the healthy tone',
  'noradrenergic-learning': 'learning tasks read noradrenaline (fear acquisition, gain); off: they read the healthy tone',
  'plasticity-gated-tasks': 'learning tasks read the plasticity gains; off: they read healthy gains',
  'mood-reward': 'learning tasks read a reward sensitivity lowered by the depressive load; off: full sensitivity',
  'aberrant-salience-learning': 'learning tasks read the aberrant salience of a hyperdopaminergic associative striatum (spurious prediction errors, unstable attractors); off: they read none',
  'serotonergic-learning': 'learning tasks read serotonin (learning from losses in reversal learning); off: they read the healthy tone',
} as const;
export type MechanismId = keyof typeof MECHANISMS;
export const MECHANISM_IDS = Object.keys(MECHANISMS) as MechanismId[];

export type SessionKind = 'cbt' | 'exposure';
export type { StimulationSession, DbsSpan } from './devices.ts';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** mmol/L: the top of the usual maintenance range (Nolen et al. 2019 Bipolar Disord 21:394: 0.6–1.2). */
const LITHIUM_TROPHIC_CEILING = 1.2;
/** What drives drug nausea: serotonergic, cholinergic (red-cell or brain, the larger) and NMDA-antagonist. */
const nauseaDriveOf = (d: DriveSample) => d.sert + Math.max(d.acheRbc, d.ache) + d.nmdaRest;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Relaxation of x toward xInf at rate k (1/h) over h hours, exact for frozen xInf and k. */
const relax = (x: number, xInf: number, k: number, h: number) => xInf + (x - xInf) * Math.exp(-k * h);
/** The same with the decay factor e^(−k·h) given (constant rates, factors cached per step length). */
const toward = (x: number, xInf: number, factor: number) => xInf + (x - xInf) * factor;

/** Everything the layer publishes at one time (tones, states, readouts). */
export interface NeuroOutputs extends Toxicity {
  // transmitters (× healthy)
  daStriatum: number;
  daPfc: number;
  daAccumbens: number;
  serotonin: number;
  acetylcholine: number;
  noradrenaline: number;
  glutamate: number;
  // circuits and receptors
  rapheFiring: number;
  autoreceptor: number;
  d2Signal: number;
  d2SignalAssociative: number;
  d2Density: number;
  motorDrive: number;
  salience: number;
  // adaptation
  ldr: number;
  dyskinesiaPriming: number;
  // plasticity
  bdnf: number;
  mtor: number;
  proteins: number;
  spinesPfc: number;
  spinesHippocampus: number;
  neurogenesis: number;
  gain: number;
  gainHippocampus: number;
  threshold: number;
  scaling: number;
  // disease and learning
  nigral: number;
  cholinergic: number;
  synapses: number;
  stress: number;
  therapy: number;
  extinction: number;
  /** Trauma-memory expression in the therapy context and in the original contexts (1 before exposure). */
  fearTherapyContext: number;
  fearOriginalContext: number;
  /** Strength of the negative expectancy CBT tests (1 before therapy). */
  expectancy: number;
  /** Recall of the episodic-memory task in the hippocampal state now (fraction of items). */
  episodicRecall: number;
  // readouts
  hamd17: number;
  madrs: number;
  updrs3: number;
  adascog: number;
  panssPositive: number;
  ymrs: number;
  caps5: number;
  eps: number;
  prolactin: number;
  dyskinesia: number;
  dissociation: number;
  nausea: number;
  maniaSwitch: number;
  serotoninToxicity: number;
  abuseLiability: number;
  nascentSpines: number;
  bdnfPool: number;
  belief: number;
  // circuits and devices
  beta: number;
  betaPeakHz: number;
  relay: number;
  dbsDecoupling: number;
  stimulationSpread: number;
  dlpfcLeft: number;
  dlpfcRight: number;
  excitability: number;
  ectMood: number;
  ectAmnesia: number;
  ectThreshold: number;
  ectTrophic: number;
  seizure: number;
}

/** Quantities derived algebraically from the drive and the slow state (quasi-steady state). */
interface Fast {
  serotonin: number;
  firing: number;
  activation: number;
  ne: number;
  terminals: number;
  daExo: number;
  conversion: number;
  daStriatum: number;
  /** Odds of D2 binding by antagonists (occupancy / free receptors), shared by striatum and pituitary. */
  odds: number;
  /** D2 signal per receptor (density 1), motor and associative striatum: what up-regulation responds to. */
  d2Raw: number;
  d2RawAssoc: number;
  d2Signal: number;
  d2SignalAssoc: number;
  motorDrive: number;
  vta: number;
  /** Acetylcholine tone (cortex and hippocampus share it: one basal forebrain, one AChE inhibition). */
  ach: number;
  glutamate: number;
  bslowPfcTarget: number;
  bslowHipTarget: number;
  bfastTarget: number;
  bdnf: number;
  mtorTarget: number;
  rawGain: number;
  rawGainHip: number;
  /** Gain after the BCM threshold, before homeostatic scaling (what scaling responds to). */
  preGain: number;
  preGainHip: number;
  gain: number;
  gainHip: number;
  accumbens: number;
  /** Serotonin and noradrenaline rise above healthy (what normalises the HPA axis). */
  monoRise: number;
}

type Decays = Record<'stress' | 'autoreceptor' | 'ldr' | 'mean' | 'bFast' | 'bSlow' | 'mtor' | 'synthesis' | 'proteins' | 'neurogenesis' | 'bcm' | 'homeostasis' | 'therapy' | 'extinction' | 'salience' | 'belief' | 'maturation' | 'lithium' | 'mania' | 'nausea' | 'd2' | 'capture', number>;

export class NeuroModel {
  /** Mechanisms on (true) or switched off, read by name at each use (a named load, monomorphic). */
  private readonly enabled: Record<MechanismId, boolean>;
  private readonly knobs: Knobs;
  private readonly progression: Partial<Record<keyof Knobs, number>>;
  /** False while settling into the untreated steady state. */
  private progressing = false;
  // parameters (read once)
  private readonly p: NeuroParams = neuroParams();
  /** Striatal terminals left at motor onset (50 % nigral loss). */
  private readonly onsetTerminals = Math.pow(0.5, this.p.terminalExp);
  /** Motor function of a healthy striatum, and the motor deficit of the mild Parkinson's profile (EPS reference). */
  private readonly motorHealthy: number;
  private readonly epsReference: number;

  // slow state
  nigral: number;
  /** Striatal terminals left, (nigral neurons)^k; updated with the nigral state. */
  private terminals: number;
  cholinergic: number;
  synapses: number;
  stress = 1;
  autoreceptor = 1;
  store = 0;
  ldr = 0;
  exoMean = 0;
  priming = 0;
  bFast = 0;
  bSlowPfc = 1;
  bSlowHip = 1;
  mtor = 0;
  /** Local translation started by mTORC1 (0–1). */
  synthesis = 0;
  proteins = 1;
  spinesPfc = 1;
  spinesHip = 1;
  /** Prefrontal spines stabilised by learning in therapy sessions (× healthy), exempt from stress elimination; fade over months. */
  captured = 0;
  /** Spines that have matured (× healthy); the rest of the density is nascent and labile. */
  maturePfc = 1;
  matureHip = 1;
  /** Releasable activity-dependent BDNF (fraction of a full pool). */
  pool = 1;
  /** Consolidated delusional belief (units of salience). */
  belief = 0;
  neurogenesis = 1;
  thetaPfc = 1;
  thetaHip = 1;
  scalingPfc = 1;
  scalingHip = 1;
  /** CBT as expectancy learning, exposure as context-gated extinction trials (learning/therapy.ts). */
  readonly cbt: BeliefLearner;
  readonly exposure: ExposureLearner;
  /** What each session read and taught, in the order of the sessions (published as sparse series). */
  readonly sessionLog: Array<{ kind: SessionKind } & SessionRecord> = [];
  /** Context-bound extinction from everyday reminders (0–1): renewed daily, fades within weeks. */
  everyday = 0;
  salience = 0;
  elevation = 0;
  lithiumEffect = 0;
  /** Striatal D2 receptor density (× healthy), motor and associative. */
  d2Density = 1;
  d2DensityAssoc = 1;
  abuse = 0;
  nauseaAdapt = 0;
  /** DBS, TMS, tDCS and ECT state. */
  readonly devices: Devices;

  constructor(patient: Pick<Patient, 'condition' | 'severity' | 'treatmentResistant'>, off: Iterable<MechanismId> = []) {
    const disabled = new Set(off);
    this.enabled = Object.fromEntries(MECHANISM_IDS.map((m) => [m, !disabled.has(m)])) as Record<MechanismId, boolean>;
    const tp = therapyParams();
    this.cbt = new BeliefLearner(tp);
    this.exposure = new ExposureLearner(tp, this.enabled['context-gated-extinction']);
    this.devices = new Devices({ dbs: this.enabled['dbs-decoupling'], dlpfc: this.enabled['dlpfc-plasticity'], ect: this.enabled['ect'] });
    this.knobs = knobsFor(patient);
    this.progression = progressionFor(patient.condition);
    this.nigral = this.knobs.nigralNeurons;
    this.terminals = Math.pow(this.nigral, this.p.terminalExp);
    this.cholinergic = this.knobs.cholinergicNeurons;
    this.synapses = this.knobs.hippocampalSynapses;
    this.motorHealthy = this.motorFunction(1);
    this.epsReference = this.mildParkinsonDeficit();
    this.settle();
  }


  /**
   * Motor deficit of the untreated mild Parkinson's profile at its steady state (50 % nigral loss,
   * both pathways, D2 up-regulation settled): the yardstick of clinically evident parkinsonism,
   * fixed whatever mechanisms a scenario switches off.
   */
  private mildParkinsonDeficit(): number {
    const da = this.compensated(this.onsetTerminals);
    const raw = this.d2Signal(da, 0, 0);
    return this.motorDeficitOf(this.motorDrive(da, this.upregulatedDensity(raw) * raw));
  }

  /** Motor output of the striatum: the direct (D1, dopamine tone) and indirect (D2 signal) pathways. */
  private motorDrive(da: number, d2Signal: number): number {
    return this.p.d1Weight * da + (1 - this.p.d1Weight) * d2Signal;
  }

  /** D2 density that an under-stimulated receptor settles to (no down-regulation). */
  private upregulatedDensity(rawSignal: number): number {
    return 1 + this.p.d2UpMax * clamp(1 - rawSignal, 0, 1);
  }

  private motorFunction(drive: number): number {
    return hill(drive, this.p.motorHalf, this.p.motorHill);
  }

  private motorDeficitOf(drive: number): number {
    return Math.max(0, (this.motorHealthy - this.motorFunction(drive)) / this.motorHealthy);
  }

  /** Extracellular tone from a fraction T of terminals, with compensation by the survivors. */
  private compensated(terminals: number): number {
    const k = this.p.comp;
    return (terminals * (1 + k)) / (terminals + k);
  }

  /** D2 signal relative to healthy: dopamine competing with antagonists (receptor theory), plus agonist effect. */
  private d2Signal(da: number, antagonistOdds: number, agonist: number): number {
    const r = da * this.p.r0;
    return r / (1 + r + antagonistOdds) / (this.p.r0 / (1 + this.p.r0)) + this.p.agonistEff * agonist;
  }

  /**
   * Decay factors e^(−h/τ) of the constant-rate states for a step of h hours. The drive grid has
   * two step lengths (fine after events, coarse elsewhere) and a few odd ones where an infusion
   * edge falls between them, so the factors of the last four lengths are kept.
   */
  private readonly decayCache: Array<{ h: number; e: Decays }> = [];

  private decays(h: number): Decays {
    const cache = this.decayCache;
    // Grid steps of one nominal length differ in the last bits; the factors do not need to.
    for (const c of cache) if (Math.abs(h - c.h) <= 1e-9 * h) return c.e;
    const p = this.p;
    const f = (tau: number) => Math.exp(-h / tau);
    const e: Decays = {
      stress: f(p.stressTime),
      autoreceptor: f(p.desensTime),
      ldr: f(p.ldrTime),
      mean: f(p.meanTime),
      bFast: f(p.bFastTime),
      bSlow: f(p.bSlowTime),
      mtor: f(p.mtorTime),
      proteins: f(p.proteinTime),
      synthesis: f(p.synthesisTime),
      neurogenesis: f(p.neuroTime),
      bcm: f(p.bcmTime),
      homeostasis: f(p.homeoTime),
      therapy: f(p.therapyRetention),
      extinction: f(p.extRetention),
      salience: f(p.salienceTime),
      belief: f(p.beliefTime),
      maturation: f(p.maturationTime),
      lithium: f(p.liTime),
      mania: f(p.maniaTime),
      nausea: f(p.nauseaTime),
      d2: f(p.d2UpTime),
      capture: f(p.captureRetention),
    };
    if (cache.length === 4) cache.shift();
    cache.push({ h, e });
    return e;
  }

  /** Storage time of levodopa-derived dopamine in the surviving terminals, h (bufferAtOnset at motor onset). */
  private bufferTime(terminals: number): number {
    return Math.max(0.05, (this.p.bufferAtOnset * terminals) / this.onsetTerminals);
  }

  /** The untreated steady state of the patient's condition: the scenario starts there. */
  private settle(): void {
    for (let k = 0; k < 1000; k++) this.step(24, NO_DRIVE);
    // The belief's year-long time constant is slower than the settling span: start it at its equilibrium.
    this.belief = this.salience;
    this.progressing = true;
  }

  /** Soft upper bound of the plasticity gain: 1 + (max − 1)·tanh((g − 1)/(max − 1)) above 1. */
  private bounded(g: number): number {
    const room = this.p.gMax - 1;
    return g <= 1 ? g : 1 + room * Math.tanh((g - 1) / room);
  }

  /** The mTORC1 gate's value at zero burst, subtracted so that the resting brain has no mTORC1 surge. */
  private readonly mtorFloor = sigmoid(-this.p.mtorThreshold / this.p.mtorSlope);

  /** Scratch for the quasi-steady quantities and the toxicities (reused: the hot loop allocates nothing). */
  private readonly f = {} as Fast;
  private readonly out = {} as NeuroOutputs;

  private fast(d: DriveSample): Fast {
    const p = this.p;
    const kn = this.knobs;
    // Serotonin: SERT block raises extracellular 5-HT; somatodendritic 5-HT1A feedback lowers raphe
    // firing. x = G·F(x), F = (1 − g·R·A(x)) / (1 − g·A0), A = x/(x + K): a quadratic in x.
    const G = 1 / (p.sertShare * (1 - d.sert) + (1 - p.sertShare));
    const K = p.autoHalf;
    const c = 1 - p.autoGain / (1 + K);
    const b = c * K - G + G * p.autoGain * this.autoreceptor;
    const serotonin = (-b + Math.sqrt(b * b + 4 * c * G * K)) / (2 * c);
    const firing = serotonin / G;
    const activation = serotonin / (serotonin + K);
    // Noradrenaline: NET block, α2 autoreceptor feedback damping the rise; LC activity from the condition.
    const GN = 1 / (p.netShare * (1 - d.net) + (1 - p.netShare));
    const ne = kn.lcActivity * Math.pow(GN, 1 - p.neAuto);
    // Dopamine, striatum: surviving terminals with compensation, levodopa through stores in those
    // terminals (buffered) and through serotonergic terminals (unbuffered), and the LDR.
    const terminals = this.terminals;
    const daEndo = this.compensated(terminals);
    const conversion = d.levodopa / p.ldRef;
    const released = this.enabled['levodopa-storage'] ? this.store / this.bufferTime(terminals) : terminals * conversion;
    const serotonergic = this.enabled['serotonergic-levodopa'] ? p.ldSerotonergic * conversion : 0;
    const daExo = (p.ldGain * (released + serotonergic) * (1 + p.comp)) / (terminals + p.comp);
    const ldr = this.enabled['long-duration-response'] ? this.ldr : 0;
    const daStriatum = daEndo + daExo + ldr;
    const free = Math.max(1e-6, 1 - d.d2Antagonist - d.d2Agonist);
    const odds = d.d2Antagonist / free;
    const d2Raw = this.d2Signal(daStriatum, odds, d.d2Agonist);
    const d2Signal = this.d2Density * d2Raw;
    const motorDrive = this.motorDrive(daStriatum, d2Signal);
    // Associative striatum: the schizophrenia excess is here (not in the motor striatum).
    const daAssoc = kn.dopamineExcess * daEndo + daExo + ldr;
    const d2RawAssoc = this.d2Signal(daAssoc, odds, d.d2Agonist);
    const d2SignalAssoc = this.d2DensityAssoc * d2RawAssoc;
    // VTA projections: spared more than the nigra; NET clears prefrontal dopamine.
    const vta = 1 - p.vtaSparing * (1 - this.nigral);
    // Acetylcholine: QSSA with AChE (most), BuChE and diffusion.
    const ach = this.cholinergic / (p.acheShare * (1 - d.ache) + p.bucheShare * (1 - d.buche) + (1 - p.acheShare - p.bucheShare));
    // Glutamate: NMDA block silences interneurons first (disinhibition) → glutamate burst.
    // Glutamate: substantial NMDA block silences interneurons (a threshold), disinhibiting pyramidal
    // cells whose own NMDA receptors are blocked in turn at anaesthetic occupancy.
    const n = clamp(d.nmdaRest, 0, 1);
    const glutamate = 1 + p.burstGain * hill(n, p.burstHalf, p.burstHill) * (1 - n);
    // BDNF: slow expression (monoamines, ACh, lithium, stress) and a fast glutamate-driven burst.
    const mono = this.enabled['monoamine-bdnf'];
    const stressTerm = p.bStress * (this.stress - 1);
    // Lithium's trophic effect does not grow beyond the therapeutic range (toxic levels are neurotoxic, not trophic).
    const liTerm = p.bLi * Math.min(this.lithiumEffect, LITHIUM_TROPHIC_CEILING);
    const s5 = mono ? p.b5ht * kn.serotoninBdnfCoupling * (serotonin - 1) : 0;
    const bslowPfcTarget = Math.max(0.1, 1 + s5 + (mono ? p.bNe * Math.min(ne / kn.lcActivity - 1, 1) : 0) + liTerm - stressTerm);
    const bslowHipTarget = Math.max(0.1, 1 + s5 + liTerm - stressTerm);
    // The burst releases BDNF from a finite pool (spent during the burst, refilled over a day).
    const bfastTarget = this.enabled['bdnf-mtor'] ? p.bGlu * (glutamate - 1) * (this.enabled['bdnf-depletion'] ? this.pool : 1) : 0;
    const bdnf = this.bSlowPfc + this.bFast;
    // mTORC1 is gated by activity-triggered BDNF release (the burst above the slow basal level).
    const z0 = this.mtorFloor;
    const mtorTarget = this.enabled['bdnf-mtor'] && this.bFast > 0 ? Math.max(0, (sigmoid((this.bFast - p.mtorThreshold) / p.mtorSlope) - z0) / (1 - z0)) : 0;
    // Plasticity gain per region, with the BCM sliding threshold and homeostatic scaling.
    // Plasticity gain per region: nascent spines (the window, days after a burst), spine density
    // and slow BDNF; then the BCM sliding threshold, homeostatic scaling and a soft upper bound.
    const nascent = this.enabled['nascent-spines'];
    const rawGain = Math.max(0.05, 1 + (nascent ? p.gNew * Math.max(0, this.spinesPfc - this.maturePfc) : 0) + p.gSpine * (this.spinesPfc + this.captured - 1) + p.gBdnf * (this.bSlowPfc - 1));
    const rawGainHip = Math.max(0.05, 1 + (nascent ? p.gNew * Math.max(0, this.spinesHip - this.matureHip) : 0) + p.gSpine * (this.spinesHip * this.synapses - 1) + p.gBdnf * (this.bSlowHip - 1));
    const bcm = this.enabled['metaplasticity'];
    const preGain = bcm ? rawGain * Math.pow(this.thetaPfc, -p.bcmStrength) : rawGain;
    const preGainHip = bcm ? rawGainHip * Math.pow(this.thetaHip, -p.bcmStrength) : rawGainHip;
    const gain = this.bounded(preGain * this.scalingPfc);
    const gainHip = this.bounded(preGainHip * this.scalingHip);
    const accumbens = vta * (1 + p.accGain * n);
    const out = this.f;
    out.serotonin = serotonin;
    out.firing = firing;
    out.activation = activation;
    out.ne = ne;
    out.terminals = terminals;
    out.daExo = daExo;
    out.conversion = conversion;
    out.daStriatum = daStriatum;
    out.odds = odds;
    out.d2Raw = d2Raw;
    out.d2RawAssoc = d2RawAssoc;
    out.d2Signal = d2Signal;
    out.d2SignalAssoc = d2SignalAssoc;
    out.motorDrive = motorDrive;
    out.vta = vta;
    out.ach = ach;
    out.glutamate = glutamate;
    out.bslowPfcTarget = bslowPfcTarget;
    out.bslowHipTarget = bslowHipTarget;
    out.bfastTarget = bfastTarget;
    out.bdnf = bdnf;
    out.mtorTarget = mtorTarget;
    out.rawGain = rawGain;
    out.rawGainHip = rawGainHip;
    out.preGain = preGain;
    out.preGainHip = preGainHip;
    out.monoRise = Math.max(0, serotonin - 1) + Math.max(0, ne / kn.lcActivity - 1);
    out.gain = gain;
    out.gainHip = gainHip;
    out.accumbens = accumbens;
    return out;
  }

  /** Advances the slow state by h hours under a drive frozen over the step. */
  step(h: number, d: DriveSample): void {
    const p = this.p;
    const kn = this.knobs;
    const f = this.fast(d);
    const e = this.decays(h);
    // Disease progression (exponential loss).
    if (this.progressing && this.enabled['disease-progression']) {
      const pr = this.progression;
      if (pr.nigralNeurons) {
        this.nigral *= Math.exp(-pr.nigralNeurons * h);
        this.terminals = Math.pow(this.nigral, p.terminalExp);
      }
      if (pr.cholinergicNeurons) this.cholinergic *= Math.exp(-pr.cholinergicNeurons * h);
      if (pr.hippocampalSynapses) this.synapses *= Math.exp(-pr.hippocampalSynapses * h);
    }
    // Stress load, relieved by what therapy taught.
    // Stress load, relieved by what therapy taught and, over weeks, by a sustained monoamine rise
    // (HPA-axis normalisation).
    const learned = Math.max(this.cbt.learned, this.exposure.transfer * this.exposure.memory);
    const normalised = this.enabled['monoamine-hpa'] ? (p.hpaNorm * kn.serotoninBdnfCoupling * f.monoRise) / (f.monoRise + p.hpaHalf) : 0;
    this.stress = toward(this.stress, 1 + (kn.stressLoad - 1) * (1 - p.stressRelief * learned) * (1 - normalised), e.stress);
    // 5-HT1A autoreceptor density: relaxes (fixed time constant) toward (1 + αA0)/(1 + αA).
    if (this.enabled['autoreceptor-desensitisation']) {
      const a0 = 1 / (1 + p.autoHalf);
      this.autoreceptor = toward(this.autoreceptor, (1 + p.desensStrength * a0) / (1 + p.desensStrength * f.activation), e.autoreceptor);
    }
    // Levodopa store in surviving terminals: in at T·conversion, out with the storage time.
    if (this.enabled['levodopa-storage'] && (this.store > 0 || f.conversion > 0)) {
      const tau = this.bufferTime(f.terminals);
      this.store = relax(this.store, f.terminals * f.conversion * tau, 1 / tau, h);
    }
    if (this.enabled['long-duration-response']) this.ldr = toward(this.ldr, p.ldrShare * f.daExo, e.ldr);
    // Dyskinesia priming: the squared swing of exogenous dopamine around its daily mean, in denervated striatum.
    const swing = f.daExo - this.exoMean;
    this.exoMean = toward(this.exoMean, f.daExo, e.mean);
    if (this.enabled['dyskinesia-priming'] && (this.priming > 0 || swing !== 0)) {
      const drive = p.primeRate * swing * swing * (1 - f.terminals);
      this.priming = relax(this.priming, drive / (drive + 1 / p.primeTime), drive + 1 / p.primeTime, h);
    }
    // The releasable BDNF pool: spent at a rate set by the glutamate burst, refilled over a day.
    if (this.enabled['bdnf-depletion'] && (this.pool < 1 || f.glutamate > 1)) {
      const rate = 1 / p.refillTime + p.releaseRate * (f.glutamate - 1);
      this.pool = relax(this.pool, 1 / p.refillTime / rate, rate, h);
      // Refilled to within 1e-12: full (the exact tail would cost an exponential per step for weeks).
      if (f.glutamate <= 1 && this.pool > 1 - 1e-12) this.pool = 1;
    }
    // BDNF, mTORC1, synaptic proteins.
    this.bFast = toward(this.bFast, f.bfastTarget, e.bFast);
    // A burst decayed below 1e-12 is over (its tail would keep the mTORC1 gate's sigmoid running, and reach denormals).
    if (f.bfastTarget === 0 && this.bFast < 1e-12) this.bFast = 0;
    this.bSlowPfc = toward(this.bSlowPfc, f.bslowPfcTarget, e.bSlow);
    this.bSlowHip = toward(this.bSlowHip, f.bslowHipTarget, e.bSlow);
    this.mtor = toward(this.mtor, f.mtorTarget, e.mtor);
    // Translation outlasts the mTORC1 pulse by hours; the synaptic proteins it makes last days.
    this.synthesis = toward(this.synthesis, this.mtor, e.synthesis);
    this.proteins = toward(this.proteins, 1 + p.proteinGain * this.synthesis, e.proteins);
    // Spines: formation ∝ (BDNF + protein synthesis)·(S_max − S), elimination ∝ stress·S.
    if (this.enabled['synaptogenesis']) {
      const k0 = 1 / (2 * p.spineTurnover);
      const elim = 1 + p.spineStress * (this.stress - 1);
      const protein = p.spineProtein * (this.proteins - 1);
      const formPfc = Math.max(0.02, this.bSlowPfc + protein);
      const formHip = Math.max(0.02, this.bSlowHip + protein);
      this.spinesPfc = relax(this.spinesPfc, (formPfc * p.spineMax) / (formPfc + elim), k0 * (formPfc + elim), h);
      this.spinesHip = relax(this.spinesHip, (formHip * p.spineMax) / (formHip + elim), k0 * (formHip + elim), h);
    }
    this.maturePfc = toward(this.maturePfc, this.spinesPfc, e.maturation);
    this.captured *= e.capture;
    this.matureHip = toward(this.matureHip, this.spinesHip, e.maturation);
    if (this.enabled['neurogenesis']) this.neurogenesis = toward(this.neurogenesis, Math.max(0.05, 1 + p.neuroBdnf * (this.bSlowHip - 1)), e.neurogenesis);
    // Sliding threshold and homeostatic scaling of the gain.
    if (this.enabled['metaplasticity']) {
      this.thetaPfc = toward(this.thetaPfc, f.rawGain, e.bcm);
      this.thetaHip = toward(this.thetaHip, f.rawGainHip, e.bcm);
    }
    if (this.enabled['homeostatic-scaling']) {
      const r = p.homeoRange;
      this.scalingPfc = toward(this.scalingPfc, clamp(1 + p.homeoStrength * (1 - f.preGain), 1 - r, 1 + r), e.homeostasis);
      this.scalingHip = toward(this.scalingHip, clamp(1 + p.homeoStrength * (1 - f.preGainHip), 1 - r, 1 + r), e.homeostasis);
    }
    // Learned states decay slowly between sessions; where a trauma memory is expressed, everyday
    // reminders extinguish it a little, at a rate set by the hippocampal gain and noradrenaline.
    this.cbt.decay(e.therapy);
    this.exposure.decay(e.extinction);
    if (this.enabled['daily-extinction'] && kn.fearLoad > 0) {
      const r = p.extDaily * kn.extinctionCapacity * f.gainHip * Math.max(0, 1 + p.extNe * (f.ne - 1)) * (1 + p.ext5ht * Math.max(0, f.serotonin - 1));
      this.everyday = relax(this.everyday, r / (r + 1 / p.everydayRetention), r + 1 / p.everydayRetention, h);
    }
    // Aberrant salience follows the associative D2 signal above a margin over about a week; the
    // beliefs formed under it follow over about a year.
    this.salience = toward(this.salience, Math.max(0, f.d2SignalAssoc - 1 - p.salienceMargin), e.salience);
    this.belief = this.enabled['belief-consolidation'] ? toward(this.belief, this.salience, e.belief) : this.salience;
    // D2 up-regulation when a receptor is under-stimulated (denervation, blockade), at most d2.upregulationMax.
    if (this.enabled['d2-upregulation']) {
      this.d2Density = toward(this.d2Density, this.upregulatedDensity(f.d2Raw), e.d2);
      this.d2DensityAssoc = toward(this.d2DensityAssoc, this.upregulatedDensity(f.d2RawAssoc), e.d2);
    }
    // Lithium's stabilising effect builds over 1–2 weeks; the push toward mania.
    this.lithiumEffect = toward(this.lithiumEffect, d.lithium, e.lithium);
    this.elevation = toward(this.elevation, this.maniaPush(f), e.mania);
    // Mesolimbic sensitisation from repeated accumbal dopamine surges.
    const surge = Math.max(0, f.accumbens / f.vta - 1.3);
    const sens = p.abuseRate * surge;
    if (this.abuse > 0 || sens > 0) this.abuse = relax(this.abuse, sens / (sens + 1 / p.abuseTime), sens + 1 / p.abuseTime, h);
    if (this.enabled['nausea-tolerance']) this.nauseaAdapt = toward(this.nauseaAdapt, nauseaDriveOf(d), e.nausea);
    this.devices.step(h);
  }

  private maniaPush(f: Fast): number {
    const p = this.p;
    const kn = this.knobs;
    if (kn.switchPropensity <= 0) return 0;
    const push = p.mania5ht * Math.max(0, f.serotonin - 1) + p.maniaNe * Math.max(0, f.ne / kn.lcActivity - 1) + p.maniaGain * Math.max(0, f.gain - 1);
    const protection = this.enabled['lithium-protection'] ? (p.liMax * this.lithiumEffect) / (this.lithiumEffect + p.liHalf) : 0;
    return kn.switchPropensity * push * (1 - protection);
  }

  /** Prefrontal spine density that slow BDNF and stress alone sustain (no synaptic-protein surge). */
  private sustainedSpines(): number {
    const p = this.p;
    const elim = 1 + p.spineStress * (this.stress - 1);
    const form = Math.max(0.02, this.bSlowPfc);
    return (form * p.spineMax) / (form + elim);
  }

  /**
   * A therapy session at the current time: a block of learning trials whose rate is the plasticity
   * state now — CBT's expectancy updates read the prefrontal gain, exposure's extinction trials the
   * hippocampal gain and the vmPFC extinction capacity (Milad 2009).
   */
  session(kind: SessionKind, d: DriveSample): void {
    const f = this.fast(d);
    const gated = this.enabled['gain-gated-learning'];
    const record =
      kind === 'cbt'
        ? this.cbt.session(gated ? f.gain : 1)
        : this.exposure.session(this.knobs.extinctionCapacity * (gated ? f.gainHip : 1), hasTraumaMemory(this.knobs) ? 1 : 0);
    this.sessionLog.push({ kind, ...record });
    // The session's activity tags the prefrontal spines a plasticity window added (those above the
    // density the slow BDNF tone alone would hold) and stabilises a share of them.
    if (this.enabled['spine-capture']) {
      const moved = this.p.captureShare * Math.max(0, this.spinesPfc - this.sustainedSpines());
      this.spinesPfc -= moved;
      this.captured += moved;
    }
  }

  /**
   * A stimulation session now: its DLPFC change is sized by the prefrontal plasticity state — the
   * gain before the BCM factor, and the BCM threshold, which the session's own rule applies (so
   * the threshold is not counted twice).
   */
  stimulate(s: StimulationSession, d: DriveSample): void {
    const f = this.fast(d);
    const threshold = this.enabled['metaplasticity'] ? this.thetaPfc : 1;
    const plasticity = { gain: this.bounded(f.rawGain * this.scalingPfc), threshold };
    this.devices.session(s, plasticity, this.p.seizureLithium * hill(d.lithium, this.p.liToxHalf, this.p.liToxHill));
  }

  /** The depressive load of the mood network (0 healthy; HAM-D-17 = floor + span × load). */
  private moodLoad(): number {
    const p = this.p;
    return Math.max(
      0,
      p.mSpine * (1 - this.spinesPfc - this.captured) +
        p.mNeuro * (1 - this.neurogenesis) +
        (this.enabled['hpa-mood'] ? p.mStress * (this.stress - 1) : 0) -
        p.mProtein * (this.proteins - 1) -
        p.mMtor * this.mtor -
        p.mTherapy * this.cbt.learned -
        this.devices.moodRelief() / p.hamdSpan,
    );
  }

  /** The modulatory state a learning paradigm reads now (Engine IV). */
  modulatoryState(d: DriveSample, condition: ModulatoryState['condition']): ModulatoryState {
    const f = this.fast(d);
    const on = this.enabled;
    const dopamine = on['dopamine-learning'];
    return {
      condition,
      dopamineTonic: dopamine ? f.daStriatum : 1,
      // Phasic bursts and dips need dopamine terminals; levodopa raises the tone, not the terminals.
      dopaminePhasic: dopamine ? f.terminals : 1,
      d2Signal: dopamine ? f.d2Signal : 1,
      salience: on['aberrant-salience-learning'] ? this.salience : 0,
      acetylcholine: on['cholinergic-memory'] ? f.ach : 1,
      noradrenaline: on['noradrenergic-learning'] ? f.ne : 1,
      serotonin: on['serotonergic-learning'] ? f.serotonin : 1,
      plasticityGain: on['plasticity-gated-tasks'] ? f.gain : 1,
      hippocampalGain: on['plasticity-gated-tasks'] ? f.gainHip : 1,
      hippocampalSynapses: this.spinesHip * this.synapses,
      neurogenesis: this.neurogenesis,
      rewardSensitivity: on['mood-reward'] ? Math.max(0.2, 1 - this.p.rewardPerLoad * this.moodLoad()) : 1,
      extinctionCapacity: this.knobs.extinctionCapacity,
      nmdaBlock: clamp(d.nmdaRest, 0, 1),
    };
  }

  /** What the circuit probes read from the slow state now. */
  probeInputs(d: DriveSample): ProbeInputs {
    const f = this.fast(d);
    return {
      cortex: { acetylcholine: f.ach, nmdaBlock: clamp(d.nmdaRest, 0, 1), synapses: this.synapses, excitability: this.devices.excitability, gaba: 1 },
      basalGanglia: { dopamine: f.motorDrive, ...this.devices.dbsInput() },
    };
  }

  /** Tones, states and readouts at the current time, in an object that the next call reuses. */
  read(d: DriveSample): NeuroOutputs {
    const p = this.p;
    const kn = this.knobs;
    const f = this.fast(d);
    const load = this.moodLoad();
    const hamd17 = clamp(p.hamdFloor + p.hamdSpan * load, 0, 52);
    // Only an acetylcholine deficit costs cognition: restoring ACh to healthy is the ceiling of a cholinesterase inhibitor.
    const cognition = Math.max(0, p.cSyn * (1 - this.synapses) + p.cSpine * (1 - this.spinesHip) + p.cAch * Math.max(0, 1 - f.ach));
    const fear = kn.fearLoad * this.exposure.fearInOriginalContext() * (1 - this.everyday) * (1 + p.fearNe * (f.ne - 1)) * (2 - Math.min(1, this.spinesPfc + this.captured));
    // Motor deficit, and the part of it that D2 blockade adds (extrapyramidal signs).
    const dbs = this.devices.dbsInput();
    const circuit = motorCircuit(f.motorDrive, dbs, this.enabled['beta-relay'] ? p.betaShare : 0, p.maxWorsening);
    const motorDeficit = this.motorDeficitOf(f.motorDrive);
    const unblocked = this.motorDeficitOf(this.motorDrive(f.daStriatum, this.d2Density * this.d2Signal(f.daStriatum, 0, d.d2Agonist)));
    const epsDeficit = Math.max(0, motorDeficit - unblocked);
    // Prolactin: pituitary D2 inhibition by tuberoinfundibular dopamine (and agonists), relative to healthy.
    const rT = p.tiTone;
    const pituitary = Math.min(1, rT / (1 + rT + f.odds) + (p.agonistEff * d.d2Agonist) / (1 + rT));
    const prl = (1 - pituitary) / (1 - rT / (1 + rT));
    const mania = this.elevation / (this.elevation + p.maniaHalf);
    // The associative D2 signal that dopaminergic drugs (levodopa, agonists) add above the salience margin.
    const drugSalience = f.d2SignalAssoc - this.d2DensityAssoc * this.d2Signal(kn.dopamineExcess * this.compensated(f.terminals), f.odds, 0);
    const o = this.out;
    toxicity(p, f.ach, d.lithium, d.nmdaRest, d.d2Antagonist, Math.max(0, drugSalience - p.salienceMargin), o);
    const nauseaDrive = Math.max(0, nauseaDriveOf(d) - this.nauseaAdapt);
    o.daStriatum = f.daStriatum;
    // NET clears prefrontal dopamine as it clears noradrenaline.
    o.daPfc = (f.vta * f.ne) / kn.lcActivity;
    o.daAccumbens = f.accumbens;
    o.serotonin = f.serotonin;
    o.acetylcholine = f.ach;
    o.noradrenaline = f.ne;
    o.glutamate = f.glutamate;
    o.rapheFiring = f.firing;
    o.autoreceptor = this.autoreceptor;
    o.d2Signal = f.d2Signal;
    o.d2SignalAssociative = f.d2SignalAssoc;
    o.d2Density = this.d2Density;
    o.motorDrive = f.motorDrive;
    o.salience = this.salience;
    o.ldr = this.ldr;
    o.dyskinesiaPriming = this.priming;
    o.bdnf = f.bdnf;
    o.mtor = this.mtor;
    o.proteins = this.proteins;
    o.spinesPfc = this.spinesPfc + this.captured;
    o.spinesHippocampus = this.spinesHip * this.synapses;
    o.neurogenesis = this.neurogenesis;
    o.gain = f.gain;
    o.gainHippocampus = f.gainHip;
    o.threshold = this.thetaPfc;
    o.scaling = this.scalingPfc;
    o.nigral = this.nigral;
    o.cholinergic = this.cholinergic;
    o.synapses = this.synapses;
    o.stress = this.stress;
    o.therapy = this.cbt.learned;
    o.extinction = this.exposure.memory;
    o.fearTherapyContext = this.exposure.fearInTherapyContext();
    o.fearOriginalContext = this.exposure.fearInOriginalContext();
    o.expectancy = this.cbt.belief;
    o.hamd17 = hamd17;
    o.madrs = clamp(p.madrsPerHamd * hamd17, 0, 60);
    o.updrs3 = clamp(p.updrsSpan * motorDeficit * circuit.deficitFactor, 0, 132);
    // ADAS-Cog: the word-recall item from what the episodic-memory task recalls in the hippocampal
    // state now (synapses and spines, acetylcholine; learning/recall-table.ts), the other items
    // from the synapse, spine and acetylcholine deficits.
    o.episodicRecall = recallAt(this.spinesHip * this.synapses, f.ach);
    o.adascog = clamp(p.adasFloor + p.adasRecallSpan * Math.max(0, 1 - o.episodicRecall / HEALTHY_RECALL) + p.adasSpan * cognition, 0, 70);
    // Positive symptoms: salience now and the beliefs built under it; NMDA block adds a transient psychotomimetic part.
    // CBT for psychosis lowers the conviction of the consolidated beliefs by what its experiments
    // corrected (the salience itself is a dopamine matter it does not touch).
    const conviction = this.belief * (1 - p.panssCbt * this.cbt.learned);
    o.panssPositive = clamp(7 + p.panssSpan * (p.panssFast * this.salience + (1 - p.panssFast) * conviction) + p.panssNmda * d.nmdaRest, 7, 49);
    o.ymrs = clamp(p.ymrsFloor + p.ymrsSpan * mania, 0, 60);
    o.caps5 = clamp(p.fearSpan * fear, 0, 80);
    o.eps = hill(epsDeficit, p.epsHalf * this.epsReference, p.epsHill);
    o.prolactin = Math.max(0, prl - 1) / (Math.max(0, prl - 1) + 1);
    o.dyskinesia = this.priming * hill(f.daExo - this.exoMean, p.dyskThreshold, 2);
    o.dissociation = hill(d.nmdaRest, p.dissHalf, p.dissHill);
    o.nausea = p.nauseaMax * hill(nauseaDrive, p.nauseaHalf, 2);
    o.maniaSwitch = mania;
    o.serotoninToxicity = hill(f.serotonin, p.toxHalf, 4);
    o.abuseLiability = this.abuse;
    o.nascentSpines = Math.max(0, this.spinesPfc - this.maturePfc);
    o.bdnfPool = this.pool;
    o.belief = this.belief;
    const dv = this.devices;
    o.beta = circuit.beta;
    o.betaPeakHz = circuit.betaPeakHz;
    o.relay = circuit.relay;
    o.dbsDecoupling = dbs.dbsDecoupling;
    o.stimulationSpread = dv.spread();
    o.dlpfcLeft = dv.left;
    o.dlpfcRight = dv.right;
    o.excitability = dv.excitability;
    o.ectMood = dv.ectMood;
    o.ectAmnesia = dv.amnesia;
    o.ectThreshold = dv.seizureThreshold();
    o.ectTrophic = dv.trophic;
    o.seizure = dv.seizure();
    return o;
  }
}
