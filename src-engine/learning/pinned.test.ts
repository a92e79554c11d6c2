// Same seed, same numbers: exact outcomes of the costliest paradigms, recorded before their speed
// work (byte masks, four fields per pass in the capacity scan; the episodic rows re-recorded after
// the deliberate recalibration of episodic.cueWeight). Any change to these numbers is a change of
// the model, never of its speed, and must be made on purpose.
import { describe, expect, it } from 'vitest';
import { runTask } from './run.ts';
import { HEALTHY_STATE, type ModulatoryState, type TaskId } from './types.ts';

const STATES: Record<string, ModulatoryState> = {
  ad: { ...HEALTHY_STATE, acetylcholine: 0.7, hippocampalSynapses: 0.8 },
  healthy: HEALTHY_STATE,
  psych: { ...HEALTHY_STATE, salience: 0.8, neurogenesis: 0.6 },
};

const PINNED: Array<[TaskId, string, number, Record<string, number>, Record<string, number[]>]> = [
  ['episodic-memory', 'ad', 1, {"recall": 0.5625, "recall_overlap": 0.8959375, "encoding_fidelity": 0.9903124999999999, "capacity_ratio": 0.134}, {}],
  ['episodic-memory', 'healthy', 42, {"recall": 0.96875, "recall_overlap": 0.9431250000000002, "encoding_fidelity": 0.9959375, "capacity_ratio": 0.118}, {}],
  ['episodic-memory', 'psych', 1, {"recall": 0.375, "recall_overlap": 0.85875, "encoding_fidelity": 0.9793750000000001, "capacity_ratio": 0.1298}, {}],
  ['spatial-navigation', 'ad', 1, {"latency_day1": 46.987500000000004, "latency_final": 13.162499999999998, "probe_quadrant": 0.7325}, {"latency": [46.987500000000004, 27.599999999999998, 28.181250000000002, 19.4625, 13.162499999999998]}],
  ['spatial-navigation', 'psych', 42, {"latency_day1": 49.800000000000004, "latency_final": 13.537499999999998, "probe_quadrant": 0.6375}, {"latency": [49.800000000000004, 39.449999999999996, 21.65625, 19.218750000000004, 13.537499999999998]}],
  ['sleep-consolidation', 'ad', 1, {"old_memory": 0.9591287418835727, "new_memory": 0.7522341036569834}, {"old_memory": [1, 0.9517266094559628, 0.9291713084716235, 0.9315226079736018, 0.9379428936260775, 0.9473697765643255, 0.9538129529815865, 0.9591287418835727], "new_memory": [0.7088596460538881, 0.767788205438971, 0.7976966559359019, 0.7996375522323294, 0.798342663671424, 0.7888011680544813, 0.768560085072241, 0.7522341036569834]}],
];

describe('pinned outcomes (default options)', () => {
  it.each(PINNED)('%s in state %s, seed %i', (task, state, seed, measures, curves) => {
    const out = runTask(task, undefined, STATES[state]!, seed);
    expect(out.measures).toStrictEqual(measures);
    expect(out.curves).toStrictEqual(curves);
  });
});
