// Refined sampling: the points a run publishes besides its sampling grid, so that a reader sees the
// peaks and fast phases after doses, infusion ends, sessions and device edges whatever the grid.
// Candidates come from a ladder of offsets after each event (REFINE_OFFSETS_H); the run computes
// all of them, then publishes only those the curves need (`keepNeeded`): a candidate is dropped
// where the straight line between its published neighbours already reads within REFINE_TOLERANCE
// of every curve there. The published values are the computed ones, unchanged.
import { MAX_OUTPUT_VALUES, MAX_SAMPLES, outputSeriesBound, type Scenario } from './scenario.ts';

/**
 * Offsets (h) after an event at which results are published besides the sampling grid, by
 * priority: the event itself and the minute before it (the trough before a dose, the level at an
 * infusion's end, which is its peak); then a quarter-hour to hourly ladder over six hours; then the
 * 5-minute to 2-hour steps in between. Oral peaks (Tmax 0.5–8 h) then fall within 15 min of a
 * sample and an IV infusion's peak on one, whatever the sampling grid; a reader sees the real
 * peak, not the nearest hour's (ketamine 0.5 mg/kg over 40 min: 115 ng/mL on the hourly grid,
 * ~180 at the end of the infusion).
 */
export const REFINE_OFFSETS_H: readonly (readonly number[])[] = [
  [0, -1 / 60],
  [0.25, 0.5, 1, 2, 3, 4, 6],
  [1 / 12, 1 / 6, 1 / 3, 2 / 3, 5 / 6, 1.25, 1.5, 1.75, 2.5, 3.5, 5, 8],
];

/**
 * How far the published curve may stray from a computed candidate it leaves out, as a fraction of
 * the curve's own scale (its largest absolute value over the run): 0.5 %, below a pixel on a chart
 * 200 px high and well inside the engine's stated accuracy (the validation bands are ±10 % or
 * wider). So a published peak is within 0.5 % of the scale of the highest candidate's value.
 */
export const REFINE_TOLERANCE = 0.005;

/**
 * Points the refinement may add to a run of `baseSamples` samples: what the output bound leaves
 * (MAX_OUTPUT_VALUES over the bound on its number of series, and MAX_SAMPLES per series).
 */
export function refinementBudget(scenario: Scenario, baseSamples: number): number {
  const perSeries = Math.min(MAX_SAMPLES + 1, Math.floor(MAX_OUTPUT_VALUES / outputSeriesBound(scenario)));
  return Math.max(0, perSeries - baseSamples);
}

/**
 * The sampling grid with points after each event (REFINE_OFFSETS_H) within [0, durationH], at most
 * `budget` of them: a level of offsets is added for every event before the next level, earlier
 * events first, so a tight budget keeps the peaks and troughs and drops the ladder. Ascending,
 * without repeats (closer than 1e-9 h counts as one).
 */
/** A time (h) as an exact integer key: times closer than 1e-6 h count as one. */
export const timeKey = (t: number): number => Math.round(t * 1e6);

export function refineGrid(base: readonly number[], events: readonly number[], durationH: number, budget: number): number[] {
  const have = new Set(base.map(timeKey));
  const added: number[] = [];
  const anchors = [...events].sort((a, b) => a - b);
  for (const level of REFINE_OFFSETS_H) {
    for (const e of anchors) {
      for (const o of level) {
        const t = e + o;
        if (t < 0 || t > durationH + 1e-9 || have.has(timeKey(t))) continue;
        if (added.length >= budget) return merged(base, added);
        have.add(timeKey(t));
        added.push(Math.min(t, durationH));
      }
    }
  }
  return merged(base, added);
}

function merged(base: readonly number[], added: readonly number[]): number[] {
  const all = Float64Array.from([...base, ...added]).sort();
  const out: number[] = [];
  for (const x of all) if (out.length === 0 || x - (out[out.length - 1] as number) > 1e-9) out.push(x);
  return out;
}

/**
 * Which points of `grid` (the sampling grid with its candidates, ascending) to publish: every point
 * where `fixed` says so (the sampling grid, and the candidates of events whose effect the curves
 * given here do not show, such as sessions), and the candidates between two fixed points that some
 * curve needs: Douglas–Peucker within each such gap, a candidate kept when a curve departs from the
 * line between the points kept around it by more than `tolerance` × the curve's scale. `value(c, k)`
 * is curve c at grid point k; curves that are zero throughout are ignored.
 */
export function keepNeeded(grid: readonly number[], fixed: (k: number) => boolean, curves: number, value: (c: number, k: number) => number, tolerance = REFINE_TOLERANCE): boolean[] {
  const n = grid.length;
  const keep = grid.map((_, k) => fixed(k));
  const inv: number[] = [];
  for (let c = 0; c < curves; c++) {
    let big = 0;
    for (let k = 0; k < n; k++) big = Math.max(big, Math.abs(value(c, k)));
    inv.push(big > 0 ? 1 / big : 0);
  }
  const active = inv.flatMap((x, c) => (x > 0 ? [c] : []));
  /** The candidate in (a, b) farthest from the lines a–b of the curves, by its largest departure relative to scale. */
  const farthest = (a: number, b: number): [number, number] => {
    let best = -1;
    let worst = 0;
    const ta = grid[a] as number;
    const span = (grid[b] as number) - ta;
    for (const c of active) {
      const va = value(c, a);
      const slope = (value(c, b) - va) / span;
      const s = inv[c] as number;
      for (let k = a + 1; k < b; k++) {
        const d = Math.abs(value(c, k) - va - slope * ((grid[k] as number) - ta)) * s;
        if (d > worst) {
          worst = d;
          best = k;
        }
      }
    }
    return [best, worst];
  };
  let a = 0;
  for (let b = 1; b < n; b++) {
    if (!keep[b]) continue;
    if (b - a > 1) {
      const stack: Array<[number, number]> = [[a, b]];
      while (stack.length > 0) {
        const [lo, hi] = stack.pop() as [number, number];
        if (hi - lo < 2) continue;
        const [k, d] = farthest(lo, hi);
        if (k < 0 || d <= tolerance) continue;
        keep[k] = true;
        stack.push([lo, k], [k, hi]);
      }
    }
    a = b;
  }
  return keep;
}
