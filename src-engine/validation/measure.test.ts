// The measures validation cases take: crossings, half-peak widths either way, differences.
import { describe, expect, it } from 'vitest';
import type { Results } from '../results.ts';
import { difference, measure } from './measure.ts';

const results = (series: Record<string, number[]>, t?: number[]): Results =>
  ({ series: Object.fromEntries(Object.entries(series).map(([name, v]) => [name, { unit: 'x', t: t ?? v.map((_, k) => k), v }])) }) as unknown as Results;

describe('measures', () => {
  it('value-when needs a crossing, not a level already passed at the start', () => {
    const r = results({ 'a.b': [10, 11, 12, 13, 14], 'w.x': [0.6, 0.4, 0.3, 0.7, 0.8] });
    // Above 0.5 at t = 0 already: the first crossing is at t = 3.
    expect(measure(r, { kind: 'value-when', series: 'a.b', when: 'w.x', above: 0.5 })).toEqual({ ok: true, value: 13 });
    expect(measure(r, { kind: 'value-when', series: 'a.b', when: 'w.x', below: 0.35 })).toEqual({ ok: true, value: 12 });
    expect(measure(r, { kind: 'value-when', series: 'a.b', when: 'w.x', above: 0.9 }).ok).toBe(false);
  });

  it('half-peak-duration measures the largest excursion, up or down', () => {
    const up = results({ 's.e': [0, 1, 4, 3, 1, 0] });
    const down = results({ 's.e': [0, -1, -4, -3, -1, 0] });
    expect(measure(up, { kind: 'half-peak-duration', series: 's.e' })).toEqual({ ok: true, value: 1 });
    expect(measure(down, { kind: 'half-peak-duration', series: 's.e' })).toEqual({ ok: true, value: 1 });
    expect(measure(results({ 's.e': [0, 0, 0] }), { kind: 'half-peak-duration', series: 's.e' }).ok).toBe(false);
  });

  it('difference subtracts series on one grid, keeps series the baseline lacks, interpolates another grid, refuses one that does not cover the run', () => {
    const a = results({ 'x.y': [3, 4, 5], 'pk.d.plasma': [1, 2, 3] });
    const b = results({ 'x.y': [1, 1, 1] });
    const d = difference(a, b, 'x.y');
    expect(d.ok && d.results.series['x.y']!.v).toEqual([2, 3, 4]);
    expect(d.ok && d.results.series['pk.d.plasma']!.v).toEqual([1, 2, 3]);
    // Another grid (the baseline has no dose, so no refined points): interpolated at the run's times.
    const other = difference(a, results({ 'x.y': [0, 2, 4] }, [0, 2, 4]), 'x.y');
    expect(other.ok && other.results.series['x.y']!.v).toEqual([3, 3, 3]);
    const short = difference(a, results({ 'x.y': [1, 1] }, [0, 1]), 'x.y');
    expect(!short.ok && short.reason).toMatch(/x\.y does not cover/);
    // A series that does not cover the run and is not measured is left out, not an error.
    const probe = difference(a, results({ 'pk.d.plasma': [0, 0] }, [0, 1]), 'x.y');
    expect(probe.ok && Object.keys(probe.results.series)).toEqual(['x.y']);
  });
});
