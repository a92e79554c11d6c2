// The time axis every chart shares (pure, tested): tick steps and labels by visible span (hours or
// clock time for a short window, days, weeks), times in words for the slider and the tables,
// distinct line colours, and the rows of a chart's data table.
import type { Point } from './chart-data.ts';

/** Tick steps, hours: 5 min to 52 weeks; a step of a week or more is a whole number of weeks. */
export const TICK_STEPS_H = [1 / 12, 1 / 6, 0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 168, 336, 672, 1344, 2688, 4368, 8736];

/** Tick positions (hours) for a window: the smallest step giving at most `maxTicks` intervals, on multiples of it. */
export function timeTicks(minH: number, maxH: number, maxTicks = 10): number[] {
  const span = Math.max(maxH - minH, 1e-6);
  const step = TICK_STEPS_H.find((s) => span / s <= maxTicks) ?? (TICK_STEPS_H.at(-1) as number) * Math.ceil(span / maxTicks / (TICK_STEPS_H.at(-1) as number));
  const out: number[] = [];
  for (let k = Math.ceil(minH / step - 1e-9); k * step <= maxH + 1e-9; k++) out.push(Number((k * step).toFixed(6)));
  return out;
}

export type TickStyle = 'hours' | 'clock' | 'days' | 'weeks';

/** Hours for a short run; clock time for a window of up to two days in a longer run; days up to eight weeks; weeks beyond. */
export function tickStyle(spanH: number, runEndH: number): TickStyle {
  if (spanH <= 48) return runEndH <= 48 ? 'hours' : 'clock';
  return spanH <= 8 * 168 ? 'days' : 'weeks';
}

/** Day (1-based: the first 24 h are day 1) and clock time (hh:mm) of a time from the start, hours. */
export function dayClock(h: number): { day: number; clock: string } {
  const minutes = Math.round(h * 60);
  const day = Math.floor(minutes / 1440) + 1;
  const m = minutes % 1440;
  return { day, clock: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
}

export interface TimeWords {
  tickHours: (h: number) => string;
  tickClock: (day: number, clock: string) => string;
  tickDays: (d: number) => string;
  tickWeeks: (w: number) => string;
  timeWords: (day: number, clock: string) => string;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function tickLabel(h: number, style: TickStyle, t: TimeWords): string {
  switch (style) {
    case 'hours':
      return t.tickHours(round(h, 2));
    case 'clock': {
      const { day, clock } = dayClock(h);
      return t.tickClock(day, clock);
    }
    case 'days':
      return t.tickDays(round(h / 24, 2));
    case 'weeks':
      return t.tickWeeks(round(h / 168, 2));
  }
}

/** A time read aloud or in a table: hours in a short run, else day and clock time ("day 15, 06:00"). */
export function timeInWords(h: number, runEndH: number, t: TimeWords): string {
  if (runEndH <= 48) return t.tickHours(round(h, 2));
  const { day, clock } = dayClock(h);
  return t.timeWords(day, clock);
}

/**
 * Line colours, none repeated within a chart: 14 hues that stay apart for the common colour-vision
 * deficiencies in pairs of neighbours (after Okabe–Ito and Tableau 10) and read on light and dark
 * backgrounds; beyond 14 lines the hues repeat with a dash pattern, so no two lines look alike.
 */
export const LINE_COLOURS = ['#2f6fdb', '#d9480f', '#0f9d8a', '#7a4fd6', '#be185d', '#a16207', '#0e7490', '#4d7c0f', '#9f1239', '#64748b', '#c026d3', '#15803d', '#b45309', '#1e40af'] as const;
const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3]];

export function lineStyle(i: number): { colour: string; dash: number[] } {
  return { colour: LINE_COLOURS[i % LINE_COLOURS.length] as string, dash: DASHES[Math.floor(i / LINE_COLOURS.length) % DASHES.length] as number[] };
}

export interface TableColumn {
  label: string;
  points: readonly Point[];
}

export interface TableRows {
  /** x of each row (chart units). */
  x: number[];
  /** cells[row][column]; undefined where a column has no point at that x. */
  cells: Array<Array<number | undefined>>;
  /** Time points in the window before thinning. */
  total: number;
}

/**
 * The rows of a chart's data table: the union of the columns' x within [from, to]; above
 * `maxRows`, evenly spaced rows plus every row where a column has its largest or smallest value
 * in the window, so the peaks a reader looks for stay in the table.
 */
export function tableRows(columns: readonly TableColumn[], from: number, to: number, maxRows = 240): TableRows {
  const maps = columns.map((c) => {
    const m = new Map<number, number>();
    for (const p of c.points) if (p.x >= from - 1e-9 && p.x <= to + 1e-9) m.set(p.x, p.y);
    return m;
  });
  const all = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  let keep = all;
  if (all.length > maxRows) {
    const chosen = new Set<number>();
    const every = all.length / maxRows;
    for (let k = 0; k < maxRows; k++) chosen.add(all[Math.floor(k * every)] as number);
    chosen.add(all.at(-1) as number);
    for (const m of maps) {
      let hi: [number, number] | undefined;
      let lo: [number, number] | undefined;
      for (const [x, y] of m) {
        if (!hi || y > hi[1]) hi = [x, y];
        if (!lo || y < lo[1]) lo = [x, y];
      }
      if (hi) chosen.add(hi[0]);
      if (lo) chosen.add(lo[0]);
    }
    keep = [...chosen].sort((a, b) => a - b);
  }
  return { x: keep, cells: keep.map((x) => maps.map((m) => m.get(x))), total: all.length };
}

/** A value in a table: three significant digits, small values as 0 (as the readouts). */
export function cellText(v: number | undefined): string {
  if (v === undefined) return '';
  if (Math.abs(v) < 1e-4) return '0';
  return Math.abs(v) >= 100 ? v.toFixed(0) : String(Number(v.toPrecision(3)));
}
