// Measures taken on a run's series for validation cases, and the agreement bands.
import { seriesAt, type Results, type Series } from '../results.ts';
import { hoursOf } from '../scenario.ts';
import type { Band, Measure } from './schema.ts';

export type MeasureOutcome = { ok: true; value: number } | { ok: false; reason: string };

function windowOf(s: Series, from?: string, to?: string): { t: number[]; v: number[] } {
  const lo = from === undefined ? -Infinity : hoursOf(from);
  const hi = to === undefined ? Infinity : hoursOf(to);
  const t: number[] = [];
  const v: number[] = [];
  s.t.forEach((x, k) => {
    if (x >= lo - 1e-9 && x <= hi + 1e-9) {
      t.push(x);
      v.push(s.v[k] as number);
    }
  });
  return { t, v };
}

/**
 * Series of `a` minus the same series of `b`, for effects against an untreated run; a series
 * missing from `b` counts as zero there (a drug's plasma level against an untreated run). Each run
 * publishes extra points after its own events (simulate.ts `refineGrid`), so where the grids differ
 * `b` is interpolated linearly at `a`'s times; a series of `b` that does not span them is left out
 * (refused when it is the measured one).
 */
export function difference(a: Results, b: Results, measured: string): { ok: true; results: Results } | { ok: false; reason: string } {
  const series: Record<string, Series> = {};
  for (const [name, s] of Object.entries(a.series)) {
    const r = b.series[name];
    if (!r) {
      series[name] = { unit: s.unit, t: s.t, v: s.v };
      continue;
    }
    const same = r.t.length === s.t.length && r.t.every((t, k) => Math.abs(t - (s.t[k] as number)) <= 1e-9);
    const base = same ? r.v : s.t.map((t) => seriesAt(r, t));
    if (base.some((x) => x === null)) {
      if (name === measured) return { ok: false, reason: `the baseline's ${name} does not cover the times of the run; give both scenarios the same duration` };
      continue;
    }
    series[name] = { unit: s.unit, t: s.t, v: s.v.map((x, k) => x - (base[k] as number)) };
  }
  return { ok: true, results: { ...a, series } };
}

export function measure(results: Results, m: Measure): MeasureOutcome {
  const s = results.series[m.series];
  if (!s) return { ok: false, reason: `no series ${m.series} (has ${Object.keys(results.series).join(', ')})` };
  if (m.kind === 'value-at') {
    const at = hoursOf(m.at);
    const k = s.t.findIndex((x) => Math.abs(x - at) < 1e-6);
    return k < 0 ? { ok: false, reason: `no sample at ${m.at}` } : { ok: true, value: s.v[k] as number };
  }
  if (m.kind === 'value-when') {
    const w = results.series[m.when];
    if (!w) return { ok: false, reason: `no series ${m.when}` };
    const from = m.from === undefined ? 0 : hoursOf(m.from);
    const beyond = (i: number) => (m.below !== undefined ? (w.v[i] as number) < m.below : (w.v[i] as number) > (m.above as number));
    // A crossing: the level is passed between two samples (already past it at `from` is not one).
    const k = w.t.findIndex((x, i) => i > 0 && x >= from - 1e-9 && beyond(i) && !beyond(i - 1));
    if (k < 0) return { ok: false, reason: `${m.when} never crosses ${m.below ?? m.above} after ${m.from ?? '0h'}` };
    const j = s.t.findIndex((x) => Math.abs(x - (w.t[k] as number)) < 1e-6);
    return j < 0 ? { ok: false, reason: `no sample of ${m.series} at ${w.t[k]} h` } : { ok: true, value: s.v[j] as number };
  }
  if (m.kind === 'time-below') {
    const from = m.from === undefined ? 0 : hoursOf(m.from);
    const k = s.t.findIndex((x, i) => x >= from - 1e-9 && (s.v[i] as number) < m.below);
    return k < 0 ? { ok: false, reason: `${m.series} never falls below ${m.below}` } : { ok: true, value: (s.t[k] as number) - from };
  }
  const w = windowOf(s, m.from, m.to);
  if (w.t.length < 2) return { ok: false, reason: `fewer than 2 samples of ${m.series} in the window` };
  switch (m.kind) {
    case 'peak':
      return { ok: true, value: Math.max(...w.v) };
    case 'min':
      return { ok: true, value: Math.min(...w.v) };
    case 'time-of-peak': {
      const k = w.v.indexOf(Math.max(...w.v));
      return { ok: true, value: (w.t[k] as number) - (m.from === undefined ? 0 : hoursOf(m.from)) };
    }
    case 'mean': {
      let area = 0;
      for (let k = 1; k < w.t.length; k++) area += (((w.v[k] as number) + (w.v[k - 1] as number)) / 2) * ((w.t[k] as number) - (w.t[k - 1] as number));
      return { ok: true, value: area / ((w.t.at(-1) as number) - (w.t[0] as number)) };
    }
    case 'half-peak-duration': {
      // The largest excursion from zero, up or down (a benefit may lower a scale).
      const hiV = Math.max(...w.v);
      const loV = Math.min(...w.v);
      const sign = hiV >= -loV ? 1 : -1;
      const peak = sign * (sign > 0 ? hiV : loV);
      const top = w.v.indexOf(sign > 0 ? hiV : loV);
      const above = (i: number) => sign * (w.v[i] as number) >= peak / 2;
      let lo = top;
      while (lo > 0 && above(lo - 1)) lo--;
      let hi = top;
      while (hi < w.v.length - 1 && above(hi + 1)) hi++;
      return peak > 0 ? { ok: true, value: (w.t[hi] as number) - (w.t[lo] as number) } : { ok: false, reason: `${m.series} does not move in the window` };
    }
    case 'half-life': {
      // Least-squares slope of ln C against t: t½ = −ln 2 / slope.
      const pts = w.t.map((t, k) => [t, w.v[k] as number] as const).filter(([, v]) => v > 0);
      if (pts.length < 2) return { ok: false, reason: 'no positive samples for a half-life' };
      const n = pts.length;
      const mt = pts.reduce((a, [t]) => a + t, 0) / n;
      const ml = pts.reduce((a, [, v]) => a + Math.log(v), 0) / n;
      let num = 0;
      let den = 0;
      for (const [t, v] of pts) {
        num += (t - mt) * (Math.log(v) - ml);
        den += (t - mt) ** 2;
      }
      const slope = num / den;
      return slope < 0 ? { ok: true, value: -Math.LN2 / slope } : { ok: false, reason: 'the series does not decline in the window' };
    }
  }
}

export interface Agreement {
  /** Signed relative error from the published point (reported even inside a range). */
  error: number;
  /** Signed relative distance from the nearer edge of the range (0 inside it; without a range, the error). */
  fromEdge: number;
  /** Where the value sits inside the range: 0 at the lower edge, 1 at the upper; absent outside or without one. */
  position?: number;
  band: Band;
}

/**
 * Agreement with a published value: inside its range 'in range' with the position; outside it the
 * error is measured from the nearer edge. Errors are relative to |published|, or to the range's
 * half-width when the published value is 0 (a "no effect" case).
 */
export function agreement(simulated: number, published: number, range?: readonly [number, number]): Agreement {
  const lo = range ? Math.min(...range) : published;
  const hi = range ? Math.max(...range) : published;
  const scale = Math.abs(published) > 0 ? Math.abs(published) : hi > lo ? (hi - lo) / 2 : 1;
  const error = (simulated - published) / scale;
  if (!range) return { error, fromEdge: error, band: bandOf(error) };
  if (simulated >= lo && simulated <= hi) return { error, fromEdge: 0, position: hi > lo ? (simulated - lo) / (hi - lo) : 0.5, band: 'in range' };
  const fromEdge = (simulated - (simulated < lo ? lo : hi)) / scale;
  return { error, fromEdge, band: bandOf(fromEdge) };
}

/** Band of a point error (cases without a range, or outside one). */
export function bandOf(error: number): Exclude<Band, 'in range'> {
  const e = Math.abs(error);
  if (e <= 0.1) return 'within 10 %';
  if (e <= 0.3) return 'within 30 %';
  return 'outside';
}
