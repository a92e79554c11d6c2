// The recall table is the episodic-memory task itself, run on a grid: re-running grid points must
// give the stored numbers (regenerate with `node test/tools/recall-table.ts` after a model change).
import { describe, expect, it } from 'vitest';
import { RECALL_GRID, RECALL_TABLE, computeRecall, recallAt } from './recall-table.ts';

const idx = (xs: readonly number[], x: number) => xs.indexOf(x);

describe('the episodic-recall table', () => {
  it('covers the grid', () => {
    expect(RECALL_TABLE.synapses).toEqual([...RECALL_GRID.synapses]);
    expect(RECALL_TABLE.acetylcholine).toEqual([...RECALL_GRID.acetylcholine]);
    expect(RECALL_TABLE.recall).toHaveLength(RECALL_GRID.synapses.length);
    for (const row of RECALL_TABLE.recall) expect(row).toHaveLength(RECALL_GRID.acetylcholine.length);
  });

  it.each([
    [1, 1],
    [0.75, 0.8],
  ])('holds what the task recalls at synapses %d, ACh %d', (s, a) => {
    const stored = RECALL_TABLE.recall[idx(RECALL_GRID.synapses, s)]![idx(RECALL_GRID.acetylcholine, a)]!;
    expect(computeRecall(s, a)).toBe(stored);
    expect(recallAt(s, a)).toBe(stored);
  });

  it('interpolates between grid points and holds at the edges', () => {
    const lo = recallAt(0.7, 1);
    const hi = recallAt(0.75, 1);
    expect(recallAt(0.725, 1)).toBeCloseTo((lo + hi) / 2, 12);
    expect(recallAt(0.1, 1)).toBe(recallAt(0.3, 1));
    expect(recallAt(1, 3)).toBe(recallAt(1, 1.5));
  });

  it('falls with hippocampal synapse loss and with an acetylcholine deficit (Alzheimer’s), as the task does', () => {
    expect(recallAt(1, 1)).toBeGreaterThan(0.8);
    expect(recallAt(0.8, 1)).toBeLessThan(recallAt(1, 1));
    expect(recallAt(0.6, 1)).toBeLessThan(recallAt(0.8, 1) - 0.2);
    expect(recallAt(1, 0.5)).toBeLessThan(recallAt(1, 1) - 0.3);
    // Donepezil's side: restoring ACh from 0.6 to 1 in a diluted network gives back part of recall.
    expect(recallAt(0.65, 1)).toBeGreaterThan(recallAt(0.65, 0.6) + 0.05);
  });
});
