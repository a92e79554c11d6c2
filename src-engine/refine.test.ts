// Refined sampling publishes the candidates after events that the curves need (refine.ts): the
// values it publishes are the ones computed with every candidate, bit for bit; the sampling grid
// and the points after sessions and device edges stay; peaks and troughs still read true.
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from './scenario.ts';
import { keepNeeded, REFINE_OFFSETS_H, REFINE_TOLERANCE } from './refine.ts';
import { run } from './simulate.ts';
import type { Results } from './results.ts';

const base = { schema: 'modulon.scenario/1', name: 'refine' };
function scenario(doc: Record<string, unknown>): Scenario {
  const parsed = parseScenario({ ...base, patient: { condition: 'healthy' }, ...doc });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const TRD = scenario({
  duration: '2w',
  patient: { condition: 'depression', treatmentResistant: true },
  interventions: [
    { type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' },
    { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', every: '7d', start: '2d' },
    { type: 'therapy', kind: 'cbt', every: '7d', start: '3d' },
  ],
});
const PD = scenario({
  duration: '1w',
  patient: { condition: 'parkinsons', severity: 'severe' },
  interventions: [
    { type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' },
    { type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 2.5, start: '2d', stop: '5d' },
  ],
});

/** Every published value of `needed` is the value `all` has at the same time, bit for bit. */
function expectSubset(needed: Results, all: Results): void {
  expect(Object.keys(needed.series)).toEqual(Object.keys(all.series));
  for (const [name, s] of Object.entries(needed.series)) {
    const full = all.series[name]!;
    const at = new Map(full.t.map((t, k) => [t, k]));
    s.t.forEach((t, k) => {
      const j = at.get(t);
      if (j === undefined) throw new Error(`${name}: ${t} h is not a computed point`);
      if (!Object.is(s.v[k], full.v[j])) throw new Error(`${name} at ${t} h: ${s.v[k]} published, ${full.v[j]} computed`);
    });
  }
}

describe('refined sampling: the points the curves need', () => {
  it('publishes a subset of every candidate with the same numbers, the hourly grid and the points after sessions and device edges included', () => {
    for (const s of [TRD, PD]) {
      const all = run(s, { refine: 'all' });
      const needed = run(s);
      expectSubset(needed, all);
      const name = Object.keys(needed.series).find((n) => n.startsWith('pk.'))!;
      const t = needed.series[name]!.t;
      const full = all.series[name]!.t;
      expect(t.length).toBeLessThan(full.length);
      for (let h = 0; h <= (s === TRD ? 336 : 168); h++) expect(t).toContain(h);
      // Every candidate after a session or a DBS edge (the slow layer moves there, not the drug curves).
      const anchors = all.events.filter((e) => e.kind === 'session' || e.kind === 'device').map((e) => e.t);
      expect(anchors.length).toBeGreaterThan(0);
      let checked = 0;
      for (const a of anchors) {
        for (const o of REFINE_OFFSETS_H.flat()) {
          const c = full.find((x) => Math.abs(x - (a + o)) < 1e-9);
          if (c === undefined) continue;
          expect(t, `${a} h + ${o} h`).toContain(c);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(anchors.length * 10);
    }
  });

  it('still reads the ketamine IV peak (0.5 mg/kg over 40 min, ~177 ng/mL) at the end of every weekly infusion', () => {
    const s = scenario({ duration: '4w', interventions: [{ type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', every: '7d' }] });
    const p = run(s).series['pk.ketamine.plasma']!;
    for (let week = 0; week < 4; week++) {
      const end = week * 168 + 40 / 60;
      const k = p.t.findIndex((t) => Math.abs(t - end) < 1e-9);
      expect(k, `week ${week}`).toBeGreaterThan(0);
      expect(p.v[k]!).toBeGreaterThan(170);
      expect(p.v[k]!).toBeLessThan(185);
      // The peak: nothing published in that week reads higher.
      const week_ = p.v.filter((_, j) => p.t[j]! >= week * 168 && p.t[j]! < (week + 1) * 168);
      expect(Math.max(...week_)).toBe(p.v[k]);
    }
  });

  it('shows every levodopa peak and trough (100 mg every 8 h) within 1 % of the curve computed every 30 s', () => {
    const s = scenario({ duration: '2d', interventions: [{ type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' }] });
    const p = run(s).series['pk.levodopa.plasma']!;
    const dense = run(s, { times: Array.from({ length: 48 * 120 + 1 }, (_, k) => k / 120), slowLayer: false }).series['pk.levodopa.plasma']!;
    const inWindow = (x: { t: number[]; v: number[] }, from: number, to: number) => x.v.filter((_, k) => x.t[k]! >= from && x.t[k]! < to);
    const scale = Math.max(...dense.v);
    for (let dose = 0; dose < 6; dose++) {
      const from = dose * 8;
      const pub = inWindow(p, from, from + 8);
      const ref = inWindow(dense, from, from + 8);
      expect(Math.abs(Math.max(...pub) - Math.max(...ref)) / Math.max(...ref), `peak after dose ${dose + 1}`).toBeLessThan(0.01);
      // The trough: the level just before the next dose (the minute before it is a candidate).
      if (dose > 0) expect(Math.abs(Math.min(...inWindow(p, from - 1, from + 0.01)) - Math.min(...inWindow(dense, from - 1, from + 0.01))) / scale, `trough before dose ${dose + 1}`).toBeLessThan(REFINE_TOLERANCE);
    }
    // The hourly grid alone reads the peak low.
    const hourly = run(s, { refine: false }).series['pk.levodopa.plasma']!;
    expect(Math.max(...inWindow(hourly, 0, 8)) / Math.max(...inWindow(dense, 0, 8))).toBeLessThan(0.97);
  });

  it('keepNeeded keeps the fixed points, a peak between them and nothing on a straight stretch', () => {
    const grid = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];
    const fixed = (k: number) => [0, 4, 8].includes(k);
    // Curve 0 is a line (no candidate needed); curve 1 peaks at 0.5 h.
    const line = grid.map((t) => 2 + t);
    const peak = grid.map((t) => (t <= 0.5 ? t * 20 : Math.max(0, 10 - (t - 0.5) * 4)));
    const keep = keepNeeded(grid, fixed, 2, (c, k) => (c === 0 ? line : peak)[k]!);
    expect(keep[0] && keep[4] && keep[8]).toBe(true);
    expect(keep[2]).toBe(true); // the peak at 0.5 h
    // Between the peak and the fixed point at 1 h the curve is straight (10 → 8): nothing kept there.
    expect(keep[3]).toBe(false);
    // The line alone needs nothing between the fixed points.
    expect(keepNeeded(grid, fixed, 1, (_, k) => line[k]!).filter(Boolean)).toHaveLength(3);
    // A bump at 0.75 h (between the fixed 0 and 1 h) on a curve whose scale is 1000: 1 is below 1 % of it, 20 above.
    const bump = (h: number) => (_: number, k: number) => (grid[k]! >= 1 ? (1000 * (grid[k]! - 1)) / 3 : 0) + (k === 3 ? h : 0);
    expect(keepNeeded(grid, fixed, 1, bump(1), 0.01).filter(Boolean)).toHaveLength(3);
    expect(keepNeeded(grid, fixed, 1, bump(20), 0.01)[3]).toBe(true);
    // A curve that is zero throughout asks for nothing (no division by its zero scale).
    expect(keepNeeded(grid, fixed, 1, () => 0).filter(Boolean)).toHaveLength(3);
  });
});
