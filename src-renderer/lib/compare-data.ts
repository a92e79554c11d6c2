// What the compare view draws from a comparison run: one panel per analysed series with a line per
// arm in the arm's colour and dash (or each arm minus the reference arm), threshold lines, and the
// numbers of the key-findings table as a reader reads them (pure, tested).
import type { ComparisonRun } from '../../src-engine/contract/reports.ts';
import { seriesAt as valueAt } from '../../src-engine/results.ts';
import type { Point } from './chart-data.ts';

export interface CompareLine {
  arm: number;
  name: string;
  colour: string;
  /** Chart.js borderDash from the arm's SVG dash pattern ("7 4" → [7, 4]). */
  dash: number[];
  points: Point[];
}

export interface ComparePanel {
  series: string;
  unit: string;
  lines: CompareLine[];
  /** Threshold levels drawn as lines (none on a difference chart). */
  thresholds: number[];
  /** The largest |value| of the series in any arm: the scale a difference is read against. */
  magnitude: number;
}

export interface CompareCharts {
  timeUnit: 'h' | 'd';
  maxX: number;
  panels: ComparePanel[];
}

export const dashOf = (svg: string): number[] => svg.split(/[\s,]+/).filter(Boolean).map(Number);

/** Linear interpolation of a series at t; null outside its span. */
export { valueAt };

/**
 * Thresholds near the drawn values (within a fifth of their span): a remission line at MADRS 10
 * under curves between 39 and 48 would squash them; the findings table says when it is reached.
 */
function visible(levels: readonly number[], lines: readonly CompareLine[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of lines) for (const p of l.points) {
    if (p.y < lo) lo = p.y;
    if (p.y > hi) hi = p.y;
  }
  const margin = 0.2 * (hi - lo);
  return levels.filter((x) => x >= lo - margin && x <= hi + margin);
}

/** The panels of the analysed series: each arm's values, or with `diff` each arm minus the reference arm. */
export function compareCharts(run: ComparisonRun, diff: boolean): CompareCharts {
  let endH = 0;
  for (const a of run.arms) for (const s of Object.values(a.results.series)) endH = Math.max(endH, s.t.at(-1) ?? 0);
  const timeUnit = endH <= 48 ? 'h' : 'd';
  const per = timeUnit === 'h' ? 1 : 24;
  const ref = run.arms[run.reference];
  const panels = run.series.map((name): ComparePanel => {
    const refSeries = ref?.results.series[name];
    const lines = run.arms.flatMap((a, i): CompareLine[] => {
      const s = a.results.series[name];
      if (!s) return [];
      const points: Point[] = [];
      s.t.forEach((t, k) => {
        if (!diff) return points.push({ x: t / per, y: s.v[k] as number });
        const r = refSeries ? valueAt(refSeries, t) : null;
        if (r !== null) points.push({ x: t / per, y: (s.v[k] as number) - r });
      });
      return [{ arm: i, name: a.name, colour: a.colour, dash: dashOf(a.dash), points }];
    });
    const unit = run.arms.map((a) => a.results.series[name]?.unit).find((u) => u !== undefined) ?? '';
    let magnitude = 0;
    for (const a of run.arms) for (const v of a.results.series[name]?.v ?? []) magnitude = Math.max(magnitude, Math.abs(v));
    return { series: name, unit, lines, thresholds: diff ? [] : visible(run.thresholds[name]?.levels ?? [], lines), magnitude };
  });
  return { timeUnit, maxX: endH / per, panels };
}

/** A number as the reports write it: three significant digits, a true minus sign, ≈0 for washout tails. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-6) return '≈0';
  const text = a >= 1000 ? String(Math.round(x)) : a < 1e-3 ? x.toExponential(1) : String(Number(x.toPrecision(3)));
  return text.replace(/^-/, '−');
}

/** A difference with its sign ("+1.2", "−0.5", "≈0"). */
export function signed(x: number): string {
  const text = num(x);
  return x > 0 && text !== '≈0' ? `+${text}` : text;
}
