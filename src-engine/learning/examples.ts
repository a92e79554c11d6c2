// Illustrative modulatory states for each condition, used by the tests and the report. They are
// typical values of the ranges in the layer's interface, not outputs of the slow layer, which
// computes the real state of a patient at the time of a task.
import { HEALTHY_STATE, type ModulatoryState } from './types.ts';

const h = HEALTHY_STATE;

export const EXAMPLE_STATES = {
  healthy: { ...h },
  /** Unmedicated Parkinson's: low striatal tone, a third of the terminals. */
  parkinsonsOff: { ...h, condition: 'parkinsons', dopamineTonic: 0.4, dopaminePhasic: 0.35 },
  /** The same patient on levodopa: tone above healthy, terminals unchanged. */
  parkinsonsOn: { ...h, condition: 'parkinsons', dopamineTonic: 1.3, dopaminePhasic: 0.35 },
  /** Moderate Alzheimer's: cholinergic loss, synapse loss, weaker hippocampal plasticity and neurogenesis. */
  alzheimers: { ...h, condition: 'alzheimers', acetylcholine: 0.6, hippocampalSynapses: 0.7, hippocampalGain: 0.85, neurogenesis: 0.6 },
  /** The same patient on a cholinesterase inhibitor. */
  alzheimersDonepezil: { ...h, condition: 'alzheimers', acetylcholine: 0.95, hippocampalSynapses: 0.7, hippocampalGain: 0.85, neurogenesis: 0.6 },
  /** PTSD: high noradrenaline, weak vmPFC extinction. */
  ptsd: { ...h, condition: 'ptsd', noradrenaline: 1.4, extinctionCapacity: 0.5, hippocampalGain: 0.9 },
  /** Depression: low reward sensitivity, plasticity, serotonin and neurogenesis. */
  depression: { ...h, condition: 'depression', rewardSensitivity: 0.6, plasticityGain: 0.8, serotonin: 0.7, neurogenesis: 0.7, hippocampalGain: 0.9 },
  /** Schizophrenia, unmedicated: aberrant salience on a hyperdopaminergic striatum. */
  schizophrenia: { ...h, condition: 'schizophrenia', salience: 0.45, dopamineTonic: 1.3 },
} as const satisfies Record<string, ModulatoryState>;

export type ExampleState = keyof typeof EXAMPLE_STATES;
