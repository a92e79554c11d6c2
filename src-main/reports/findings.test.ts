// The key findings, computed exactly on small synthetic series (values worked out by hand in the
// comments), and the defaults per condition on engine results.
import { describe, expect, it } from 'vitest';
import type { Results } from '../../src-engine/index.ts';
import { simulate } from '../../src-engine/index.ts';
import { adverseSeries, defaultSeries, defaultTimes, differenceSeries, findingsTable, firstReach, hoursBeyond, seriesFindings, valueAt } from './findings.ts';

const series = (t: number[], v: number[]) => ({ t, v });
// 0..10 h: rises linearly from 2 to 12 over 0–5 h, then stays at 12.
const rise = series([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 4, 6, 8, 10, 12, 12, 12, 12, 12, 12]);

describe('seriesFindings', () => {
  it('start, peak, steady state (last 10 %), time to half the final change, values at times', () => {
    const f = seriesFindings(rise, { at: [2.5, 10, 11] });
    expect(f.start).toBe(2);
    expect(f.peak).toEqual({ value: 12, t: 5 }); // the first sample farthest from the start
    expect(f.steady).toBe(12); // samples at t ≥ 10 − 0.1·10 = 9: 12 and 12
    // Half of (12 − 2) = 5 above the start: 7, reached between 2 h (6) and 3 h (8) at 2.5 h.
    expect(f.timeToEffect).toBe(2.5);
    expect(f.at).toEqual([7, 12, null]); // 2.5 h interpolated; 11 h is outside the run
    expect(f.thresholds).toEqual([]);
  });

  it('the peak of a falling series is its minimum; the steady state averages the tail', () => {
    // A scale that falls from 30 to 10 at 4 h, then recovers to 16 at 10 h.
    const s = series([0, 2, 4, 6, 8, 10], [30, 20, 10, 12, 14, 16]);
    const f = seriesFindings(s, { at: [] });
    expect(f.peak).toEqual({ value: 10, t: 4 });
    expect(f.steady).toBe(16); // only t = 10 ≥ 9
    // Final change −14, half −7: 23 is crossed between 0 (30) and 2 h (20) at 1.4 h.
    expect(f.timeToEffect).toBeCloseTo(1.4, 12);
  });

  it('a set effect replaces half the final change; a change under 1 % is no effect', () => {
    expect(seriesFindings(rise, { at: [], effect: 3 }).timeToEffect).toBe(1.5); // 2 + 3 = 5 between 4 and 6
    expect(seriesFindings(rise, { at: [], effect: -1 }).timeToEffect).toBeNull(); // never falls
    const drift = series([0, 5, 10], [100, 100.5, 100.9]); // 0.9 % of its size
    expect(seriesFindings(drift, { at: [] }).timeToEffect).toBeNull();
    expect(seriesFindings(series([0, 1], [0, 0]), { at: [] }).timeToEffect).toBeNull();
  });

  it('thresholds: first time reached (interpolated) and hours beyond, above and below', () => {
    // A triangle 0 → 1 at 10 h → 0 at 20 h; above 0.5 from 5 h to 15 h.
    const tri = series([0, 10, 20], [0, 1, 0]);
    const f = seriesFindings(tri, { at: [], thresholds: { levels: [0.5, 1, 2], direction: 'above' } });
    expect(f.thresholds).toEqual([
      { level: 0.5, direction: 'above', firstAt: 5, hoursBeyond: 10 },
      { level: 1, direction: 'above', firstAt: 10, hoursBeyond: 0 },
      { level: 2, direction: 'above', firstAt: null, hoursBeyond: 0 },
    ]);
    const below = seriesFindings(tri, { at: [], thresholds: { levels: [0.25], direction: 'below' } });
    // At or below 0.25 from 0 to 2.5 h and from 17.5 h to 20 h; reached at once.
    expect(below.thresholds).toEqual([{ level: 0.25, direction: 'below', firstAt: 0, hoursBeyond: 5 }]);
  });
});

describe('helpers', () => {
  it('valueAt interpolates linearly and is null outside the run', () => {
    const s = series([0, 2, 4], [1, 3, 7]);
    expect([valueAt(s, 0), valueAt(s, 1), valueAt(s, 3), valueAt(s, 4), valueAt(s, -1), valueAt(s, 4.1)]).toEqual([1, 2, 5, 7, null, null]);
  });

  it('firstReach and hoursBeyond on a step-like series', () => {
    const s = series([0, 1, 2, 3], [0, 4, 4, 0]);
    expect(firstReach(s, 2, 'above')).toBe(0.5);
    expect(hoursBeyond(s, 2, 'above')).toBe(2); // 0.5 → 2.5 h
    expect(firstReach(s, 5, 'above')).toBeNull();
  });

  it('differenceSeries: arm minus reference at the arm’s samples inside the reference’s span', () => {
    expect(differenceSeries(series([0, 1, 2, 3], [5, 6, 7, 8]), series([0, 2], [1, 3]))).toEqual({ t: [0, 1, 2], v: [4, 4, 4] });
  });

  it('default times: day 1, week 1, week 4 and the end; hours for short runs', () => {
    expect(defaultTimes(2016)).toEqual([24, 168, 672, 2016]);
    expect(defaultTimes(72)).toEqual([24, 72]);
    expect(defaultTimes(48)).toEqual([1, 6, 24, 48]);
  });
});

describe('findingsTable', () => {
  const arm = (series: Record<string, { t: number[]; v: number[] }>) => ({ series: Object.fromEntries(Object.entries(series).map(([k, s]) => [k, { unit: 'points', ...s }])) }) as Pick<Results, 'series'>;

  it('differences against the reference arm; an arm without the series has none', () => {
    const a = arm({ 'scale.x': series([0, 10], [10, 20]) });
    const b = arm({ 'scale.x': series([0, 10], [10, 14]) });
    const c = arm({});
    const rows = findingsTable([a, b, c], ['scale.x'], { at: [5], reference: 1, thresholds: {}, effect: {} });
    expect(rows).toHaveLength(1);
    const [fa, fb, fc] = rows[0]!.arms;
    expect(rows[0]!.unit).toBe('points');
    expect(fa?.vsReference).toEqual({ steady: 6, peak: 6, at: [3] }); // 20 − 14, 20 − 14, 15 − 12
    expect(fb?.vsReference).toBeUndefined();
    expect(fc).toBeNull();
  });
});

describe('defaults on engine results', () => {
  const run = (doc: object) => {
    const out = simulate({ schema: 'modulon.scenario/1', name: 'x', duration: '3d', ...doc });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    return out.results;
  };

  it('depression with ketamine: the scales and plasticity, the drug and the target it engages, and its adverse effects', () => {
    const r = run({ patient: { condition: 'depression' }, interventions: [{ type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', start: '1d' }] });
    expect(defaultSeries([r])).toEqual(['scale.madrs', 'scale.hamd17', 'plasticity.spines.pfc', 'plasticity.gain', 'pk.ketamine.plasma', 'target.NMDA.occupancy']);
    expect(adverseSeries([r])).toContain('adverse.dissociation');
  });

  it("Parkinson's with DBS: the motor scale, dopamine and beta, the relay and the decoupling", () => {
    const r = run({ patient: { condition: 'parkinsons' }, interventions: [{ type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 2.5, start: '1d' }] });
    expect(defaultSeries([r])).toEqual(['scale.updrs3', 'nt.dopamine.striatum', 'lfp.stn.beta', 'circuit.thalamus.relay', 'stim.dbs.decoupling']);
  });
});
