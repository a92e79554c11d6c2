// Sleep replay and systems consolidation (complementary learning systems): no replay, no transfer;
// interleaved replay protects old memories from catastrophic interference (McClelland et al.
// 1995); consolidated synapses resist overwriting; sleep deprivation and cholinergic tone in
// slow-wave sleep (Gais & Born 2004) weaken consolidation.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { streams } from './random.ts';
import { runTask } from './run.ts';
import { clsParams, sleepConsolidation, type ClsOptions } from './sleep-consolidation.ts';
import { HEALTHY_STATE } from './types.ts';

const H = HEALTHY_STATE;
const O: ClsOptions = { items: 6, days: 7, interleaved: true, replay: true, sleepDeprived: false, subjects: 12 };
const run = (o: Partial<ClsOptions> = {}, s = H) => runTask('sleep-consolidation', { ...O, ...o }, s, 1).measures;

describe('sleep consolidation', () => {
  it('starts with the old memories consolidated exactly (the least-squares cortex) and the new ones in the hippocampus', () => {
    const r = runTask('sleep-consolidation', O, H, 1);
    expect(r.curves.old_memory![0]).toBeCloseTo(1, 9);
    expect(r.curves.new_memory![0]).toBeCloseTo(clsParams().hippocampalEncoding, 1);
  });

  it('transfers new memories to the cortex by replay; without replay they fade with the hippocampal trace', () => {
    const replay = run();
    const none = run({ replay: false });
    expect(replay.new_memory).toBeGreaterThan(0.65);
    const fade = clsParams().hippocampalEncoding * Math.exp(-7 / clsParams().hippocampalDecay);
    expect(none.new_memory).toBeLessThan(fade + 0.1);
    expect(none.old_memory).toBeCloseTo(1, 9);
  });

  it('interleaved replay protects the old memories; replaying only the new ones overwrites them', () => {
    const inter = run();
    const focused = run({ interleaved: false });
    expect(inter.old_memory).toBeGreaterThan(0.9);
    expect(focused.old_memory).toBeLessThan(inter.old_memory! - 0.2);
    expect(focused.new_memory).toBeGreaterThan(inter.new_memory!);
  });

  it('consolidated synapses resist overwriting', () => {
    const o = { ...O, interleaved: false };
    const stiff = sleepConsolidation(o, H, streams(1)).measures.old_memory!;
    const plastic = sleepConsolidation(o, H, streams(1), { ...clsParams(), consolidatedStability: 0 }).measures.old_memory!;
    expect(stiff).toBeGreaterThan(plastic + 0.05);
  });

  it('a lost first night, or cholinergic tone above healthy in slow-wave sleep, weakens consolidation', () => {
    const h = run();
    expect(run({ sleepDeprived: true }).new_memory).toBeLessThan(h.new_memory! - 0.03);
    expect(run({}, { ...H, acetylcholine: 2 }).new_memory).toBeLessThan(h.new_memory! - 0.03);
  });

  it('Alzheimer\'s consolidates less; hooks vanish at healthy values', () => {
    const h = runTask('sleep-consolidation', { subjects: 3 }, H, 2);
    expect(runTask('sleep-consolidation', { subjects: 3 }, EXAMPLE_STATES.alzheimers, 2).measures.new_memory).toBeLessThan(h.measures.new_memory! - 0.05);
    expect(runTask('sleep-consolidation', { subjects: 3 }, { ...EXAMPLE_STATES.alzheimers, acetylcholine: 1, hippocampalSynapses: 1, hippocampalGain: 1, neurogenesis: 1 }, 2)).toEqual(h);
  });
});
