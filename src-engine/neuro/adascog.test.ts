// The ADAS-Cog proxy's word-recall item reads the episodic-memory task's recall in the current
// hippocampal state (learning/recall-table.ts): pinned in both directions.
import { describe, expect, it } from 'vitest';
import { recallAt } from '../learning/recall-table.ts';
import type { Results } from '../results.ts';
import { simulate } from '../simulate.ts';

function run(patient: Record<string, unknown>, interventions: unknown[] = []): Results {
  const out = simulate({ schema: 'modulon.scenario/1', name: 't', duration: '13w', sampling: '1d', patient, interventions });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}
const at = (r: Results, name: string, week: number) => {
  const s = r.series[name]!;
  return s.v[s.t.indexOf(week * 168)] as number;
};
const donepezil = [{ type: 'drug', drug: 'donepezil', dose: '5 mg', route: 'oral', every: '24h', steps: [{ at: '1w', dose: '10 mg' }] }];

describe('ADAS-Cog draws on episodic recall', () => {
  const healthy = run({ condition: 'healthy' });
  const mild = run({ condition: 'alzheimers', severity: 'mild' });
  const moderate = run({ condition: 'alzheimers', severity: 'moderate' });
  const treated = run({ condition: 'alzheimers', severity: 'moderate' }, donepezil);
  const item = (r: Results, week: number) => 3 + 7 * Math.max(0, 1 - at(r, 'learning.episodic_recall', week) / recallAt(1, 1));

  it('publishes the recall it reads: healthy 0.88 of 16 items, Alzheimer’s lower with severity', () => {
    expect(at(healthy, 'learning.episodic_recall', 12)).toBe(recallAt(1, 1));
    expect(at(healthy, 'learning.episodic_recall', 12)).toBeCloseTo(0.88, 2);
    expect(at(mild, 'learning.episodic_recall', 12)).toBeLessThan(0.75);
    expect(at(moderate, 'learning.episodic_recall', 12)).toBeLessThan(at(mild, 'learning.episodic_recall', 12) - 0.2);
  });

  it('gives a word-recall item of 3 healthy, about 5 in mild and 7–8 in moderate Alzheimer’s (of 10)', () => {
    expect(item(healthy, 12)).toBe(3);
    expect(item(mild, 12)).toBeGreaterThan(4);
    expect(item(mild, 12)).toBeLessThan(5.5);
    expect(item(moderate, 12)).toBeGreaterThan(6.5);
    expect(item(moderate, 12)).toBeLessThan(8.5);
    expect(at(healthy, 'scale.adascog', 12)).toBe(6);
  });

  it('moves with recall: donepezil gives back part of the recall deficit, and a part of its ADAS-Cog gain is the word-recall item', () => {
    const rescue = (at(treated, 'learning.episodic_recall', 12) - at(moderate, 'learning.episodic_recall', 12)) / (at(healthy, 'learning.episodic_recall', 12) - at(moderate, 'learning.episodic_recall', 12));
    expect(rescue).toBeGreaterThan(0.1);
    expect(rescue).toBeLessThan(0.4);
    const itemGain = item(moderate, 12) - item(treated, 12);
    const total = at(moderate, 'scale.adascog', 12) - at(treated, 'scale.adascog', 12);
    expect(itemGain).toBeGreaterThan(0.5);
    expect(itemGain).toBeLessThan(0.5 * total);
    expect(total).toBeGreaterThan(2.5);
    expect(total).toBeLessThan(3.6);
  });
});
