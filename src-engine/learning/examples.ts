// Modulatory states as the engine computes them (the slow layer's state at a task's time, rounded
// to three decimals), for the tests and the calibration notes: the paradigms are pinned to what the
// engine really produces, not to invented values. EXAMPLE_SCENARIOS holds the scenario each state
// comes from; src-engine/learning/plan.test.ts reruns them and fails when the engine has moved away
// from these numbers (then refresh them here and recheck the calibrated parameters).
import { HEALTHY_STATE, type ModulatoryState } from './types.ts';

const h = HEALTHY_STATE;

export const EXAMPLE_STATES = {
  /** Healthy adult, week 4. */
  healthy: { ...h },
  /** Moderate Parkinson's, untreated, week 4: tone 0.40 of healthy from 12 % of the terminals (compensated). */
  parkinsonsOff: { ...h, condition: 'parkinsons', dopamineTonic: 0.401, dopaminePhasic: 0.118, d2Signal: 0.497 },
  /** The same patient on levodopa 150 mg every 8 h, 1 h after the dose at week 4: tone 0.63, terminals unchanged. */
  parkinsonsOn: { ...h, condition: 'parkinsons', dopamineTonic: 0.634, dopaminePhasic: 0.118, d2Signal: 0.742 },
  /** The same patient 18 h after the last dose (Frank 2004's "off"): the long-duration response keeps some tone. */
  parkinsonsWithdrawn: { ...h, condition: 'parkinsons', dopamineTonic: 0.46, dopaminePhasic: 0.118, d2Signal: 0.548 },
  /** Moderate Alzheimer's, week 12: cholinergic and hippocampal synapse loss. */
  alzheimers: { ...h, condition: 'alzheimers', acetylcholine: 0.643, hippocampalGain: 0.879, hippocampalSynapses: 0.639 },
  /** The same patient on donepezil 5 → 10 mg/day. */
  alzheimersDonepezil: { ...h, condition: 'alzheimers', acetylcholine: 1.016, hippocampalGain: 0.879, hippocampalSynapses: 0.639 },
  /** Moderate PTSD, week 4: high noradrenaline, half the vmPFC extinction capacity. */
  ptsd: { ...h, condition: 'ptsd', noradrenaline: 1.5, plasticityGain: 0.886, hippocampalGain: 0.886, hippocampalSynapses: 0.755, neurogenesis: 0.7, rewardSensitivity: 0.807, extinctionCapacity: 0.5 },
  /** Moderate depression, week 4: lower reward sensitivity and plasticity (serotonin is not lowered by the slow layer). */
  depression: { ...h, condition: 'depression', plasticityGain: 0.849, hippocampalGain: 0.849, hippocampalSynapses: 0.698, neurogenesis: 0.625, rewardSensitivity: 0.76 },
  /** Moderate schizophrenia, unmedicated, week 4: aberrant salience (the excess is associative; the motor striatal tone read here stays 1). */
  schizophrenia: { ...h, condition: 'schizophrenia', salience: 0.831, plasticityGain: 0.963, hippocampalGain: 0.963, hippocampalSynapses: 0.905, neurogenesis: 0.888, rewardSensitivity: 0.927 },
  /** The same patient on risperidone 4 mg/day: salience gone, D2 signal blocked to 0.31. */
  schizophreniaRisperidone: { ...h, condition: 'schizophrenia', d2Signal: 0.307, salience: 0.015, plasticityGain: 0.963, hippocampalGain: 0.963, hippocampalSynapses: 0.905, neurogenesis: 0.888, rewardSensitivity: 0.927 },
} as const satisfies Record<string, ModulatoryState>;

export type ExampleState = keyof typeof EXAMPLE_STATES;

const levodopa = { type: 'drug', drug: 'levodopa', dose: '150 mg', route: 'oral', every: '8h' };
const scenario = (condition: string, severity: string | undefined, interventions: unknown[], duration: string) => ({
  schema: 'modulon.scenario/1',
  name: `${condition} example state`,
  duration,
  patient: { condition, ...(severity ? { severity } : {}) },
  interventions,
  sampling: '1d',
});

/** The scenario and task time (hours) each example state was read from. */
export const EXAMPLE_SCENARIOS: Record<ExampleState, { scenario: Record<string, unknown>; at: string }> = {
  healthy: { scenario: scenario('healthy', undefined, [], '5w'), at: '4w' },
  parkinsonsOff: { scenario: scenario('parkinsons', 'moderate', [], '5w'), at: '4w' },
  parkinsonsOn: { scenario: scenario('parkinsons', 'moderate', [levodopa], '5w'), at: '673h' },
  parkinsonsWithdrawn: { scenario: scenario('parkinsons', 'moderate', [{ ...levodopa, stop: '664h' }], '5w'), at: '682h' },
  alzheimers: { scenario: scenario('alzheimers', 'moderate', [], '13w'), at: '12w' },
  alzheimersDonepezil: {
    scenario: scenario('alzheimers', 'moderate', [{ type: 'drug', drug: 'donepezil', dose: '5 mg', route: 'oral', every: '24h', steps: [{ at: '1w', dose: '10 mg' }] }], '13w'),
    at: '12w',
  },
  ptsd: { scenario: scenario('ptsd', 'moderate', [], '5w'), at: '4w' },
  depression: { scenario: scenario('depression', 'moderate', [], '5w'), at: '4w' },
  schizophrenia: { scenario: scenario('schizophrenia', 'moderate', [], '5w'), at: '4w' },
  schizophreniaRisperidone: { scenario: scenario('schizophrenia', 'moderate', [{ type: 'drug', drug: 'risperidone', dose: '4 mg', every: '24h' }], '5w'), at: '4w' },
};
