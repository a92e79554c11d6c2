// Water-maze navigation by the place-cell actor–critic (Foster, Morris & Dayan 2000): latencies
// fall over days and the probe favours the target quadrant; NMDA block (AP5; Morris et al. 1986),
// low acetylcholine and synapse loss impair it; hooks vanish at healthy values.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { runTask } from './run.ts';
import { HEALTHY_STATE } from './types.ts';

const H = HEALTHY_STATE;
const run = (s = H, seed = 1, subjects = 10) => runTask('spatial-navigation', { subjects }, s, seed);

describe('spatial navigation', () => {
  it('healthy latencies fall from ≈ 40–55 s to ≈ 10–25 s over five days and the probe favours the target quadrant', () => {
    const r = run();
    expect(r.curves.latency).toHaveLength(5);
    expect(r.measures.latency_day1).toBeGreaterThan(38);
    expect(r.measures.latency_day1).toBeLessThanOrEqual(60);
    expect(r.measures.latency_final).toBeLessThan(25);
    expect(r.measures.probe_quadrant).toBeGreaterThan(0.45);
  });

  it('learns nothing under full NMDA block (Morris et al. 1986): no fall in latency, probe near chance', () => {
    const r = run({ ...H, nmdaBlock: 1 });
    expect(r.measures.latency_final).toBeGreaterThan(40);
    expect(r.measures.probe_quadrant).toBeLessThan(0.4);
  });

  it('Alzheimer\'s learns slower; low acetylcholine and synapse loss each impair', () => {
    const h = run().measures;
    expect(run(EXAMPLE_STATES.alzheimers).measures.latency_final).toBeGreaterThan(h.latency_final! + 5);
    expect(run({ ...H, acetylcholine: 0 }).measures.latency_final).toBeGreaterThan(h.latency_final! + 5);
    expect(run({ ...H, hippocampalSynapses: 0.4 }).measures.latency_final).toBeGreaterThan(h.latency_final! + 5);
  });

  it('hooks vanish at healthy values: an Alzheimer\'s label with healthy numbers is healthy', () => {
    const h = run(H, 2, 2);
    expect(run({ ...EXAMPLE_STATES.alzheimers, acetylcholine: 1, hippocampalSynapses: 1, hippocampalGain: 1, neurogenesis: 1 }, 2, 2)).toEqual(h);
  });
});
