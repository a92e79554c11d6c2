// The narrow interface of the learning layer: the modulatory state a paradigm reads from the slow
// layer, the paradigms' names and what a run returns.

export const CONDITIONS = ['healthy', 'alzheimers', 'parkinsons', 'depression', 'schizophrenia', 'ptsd', 'bipolar'] as const;
export type Condition = (typeof CONDITIONS)[number];

/**
 * The modulatory state of the moment, read from the slow layer (all × healthy unless stated).
 * `condition` is carried as a label only: every effect on learning goes through the numbers, so a
 * patient whose numbers are healthy learns exactly like a healthy subject.
 */
export interface ModulatoryState {
  condition: Condition;
  /** Striatal dopamine tone (engine: PD untreated 0.55 / 0.40 / 0.24 mild / moderate / severe; levodopa 150 mg 1 h after a dose 0.63 in moderate PD). */
  dopamineTonic: number;
  /** Surviving DA terminals, the capacity for bursts and dips (engine: PD 0.20 / 0.12 / 0.06 mild / moderate / severe; levodopa does not restore it). */
  dopaminePhasic: number;
  /** D2 signal (antipsychotic block lowers it). */
  d2Signal: number;
  /** Aberrant salience ≥ 0 (engine: schizophrenia 0.38 / 0.83 / 1.24 mild / moderate / severe, ≈ 0 on an antipsychotic; 0 healthy). */
  salience: number;
  /** Cortical/hippocampal acetylcholine (engine: AD moderate 0.64; donepezil 10 mg ≈ 1.02). */
  acetylcholine: number;
  /** Noradrenaline (engine: PTSD 1.3 / 1.5 / 1.8 mild / moderate / severe). */
  noradrenaline: number;
  serotonin: number;
  /** Prefrontal plasticity gain (ketamine window up to ~2, depression ≈ 0.8). */
  plasticityGain: number;
  /** Hippocampal plasticity gain. */
  hippocampalGain: number;
  /** Hippocampal synapses, fraction of healthy (AD < 1). */
  hippocampalSynapses: number;
  /** Adult neurogenesis × healthy. */
  neurogenesis: number;
  /** 1 healthy; lower with the mood load (Huys et al. 2013; engine: depression moderate 0.76, severe 0.65). */
  rewardSensitivity: number;
  /** 1 healthy; weaker extinction recall in PTSD (vmPFC; Milad et al. 2009). */
  extinctionCapacity: number;
  /** NMDA receptor occupancy by a blocker, 0..1. */
  nmdaBlock: number;
}

/** The numeric fields of the state (everything but the label). */
export type ModulatoryField = Exclude<keyof ModulatoryState, 'condition'>;

export const MODULATORY_FIELDS = [
  'dopamineTonic',
  'dopaminePhasic',
  'd2Signal',
  'salience',
  'acetylcholine',
  'noradrenaline',
  'serotonin',
  'plasticityGain',
  'hippocampalGain',
  'hippocampalSynapses',
  'neurogenesis',
  'rewardSensitivity',
  'extinctionCapacity',
  'nmdaBlock',
] as const satisfies readonly ModulatoryField[];

/** A healthy subject: every ratio 1, no aberrant salience, no NMDA block. */
export const HEALTHY_STATE: Readonly<ModulatoryState> = Object.freeze({
  condition: 'healthy',
  dopamineTonic: 1,
  dopaminePhasic: 1,
  d2Signal: 1,
  salience: 0,
  acetylcholine: 1,
  noradrenaline: 1,
  serotonin: 1,
  plasticityGain: 1,
  hippocampalGain: 1,
  hippocampalSynapses: 1,
  neurogenesis: 1,
  rewardSensitivity: 1,
  extinctionCapacity: 1,
  nmdaBlock: 0,
});

export const TASK_IDS = [
  'fear-conditioning',
  'probabilistic-selection',
  'episodic-memory',
  'reversal-learning',
  'spatial-navigation',
  'sleep-consolidation',
  'spacing',
] as const;
export type TaskId = (typeof TASK_IDS)[number];

/**
 * What a paradigm run returns. `measures` become the series `task.<task>.<measure>`; `curves` are
 * per trial, block or day as each paradigm documents.
 */
export interface TaskOutcome {
  measures: Record<string, number>;
  curves: Record<string, number[]>;
}
