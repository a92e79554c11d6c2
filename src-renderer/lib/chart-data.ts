// Turns results into chart points: time in hours (short runs) or days, percentages for targets,
// dose markers (pure, tested).
import type { Results, Series } from '../../src-engine/index.ts';
import { hoursOf, regimenTimes } from '../../src-engine/scenario.ts';

export interface Point {
  x: number;
  y: number;
}

export interface ChartData {
  /** Plasma levels by species, with their unit (ng/mL; lithium mmol/L). */
  plasma: Array<{ drug: string; unit: string; points: Point[] }>;
  inhibition: Array<{ target: string; points: Point[] }>;
  doses: Point[];
  /** IV infusions, from start to end, x units. */
  infusions: Array<{ from: number; to: number; drug: string }>;
  /** Time unit of x: hours for runs up to two days, days beyond. */
  timeUnit: 'h' | 'd';
  /** Hours per x unit. */
  perUnit: number;
  maxX: number;
  endH: number;
}

/** End of a run, hours: the last time of any series. */
export function runEnd(results: Results): number {
  let endH = 0;
  for (const s of Object.values(results.series)) endH = Math.max(endH, s.t.at(-1) ?? 0);
  return endH;
}

/** A series as chart points: x in chart units (hours / `perUnit`), y times `scale` (100: fractions as %). */
export function pointsOf(s: Series, perUnit: number, scale: number): Point[] {
  const n = s.t.length;
  const out = new Array<Point>(n);
  for (let k = 0; k < n; k++) out[k] = { x: (s.t[k] as number) / perUnit, y: (s.v[k] as number) * scale };
  return out;
}

export function chartData(results: Results): ChartData {
  const plasma: ChartData['plasma'] = [];
  const inhibition: ChartData['inhibition'] = [];
  const endH = runEnd(results);
  const timeUnit = endH <= 48 ? 'h' : 'd';
  const perUnit = timeUnit === 'h' ? 1 : 24;
  // Points only for the series this chart shows (a run has dozens more, of the slow layer).
  for (const [name, s] of Object.entries(results.series)) {
    const parts = name.split('.');
    if (parts[0] === 'pk' && parts[2] === 'plasma') plasma.push({ drug: parts[1] as string, unit: s.unit, points: pointsOf(s, perUnit, 1) });
    else if (parts[0] === 'target') inhibition.push({ target: parts[1] as string, points: pointsOf(s, perUnit, 100) });
  }
  const doses = results.events.filter((e) => e.kind === 'dose').map((e) => ({ x: e.t / perUnit, y: 0 }));
  const infusions: ChartData['infusions'] = [];
  for (const iv of results.scenario.interventions) {
    if (iv.type !== 'drug' || iv.infusion === undefined || iv.records !== undefined) continue;
    const h = hoursOf(iv.infusion);
    for (const t of regimenTimes(iv, endH)) infusions.push({ from: t / perUnit, to: Math.min(endH, t + h) / perUnit, drug: iv.drug });
  }
  return { plasma, inhibition, doses, infusions, timeUnit, perUnit, maxX: endH / perUnit, endH };
}

/**
 * D2 occupancy thresholds (%) drawn on the occupancy axis: antipsychotic response from 65 %,
 * hyperprolactinaemia from 72 %, extrapyramidal side effects from 78 % (Kapur, Zipursky, Jones,
 * Remington & Houle 2000, Am J Psychiatry 157:514–520, haloperidol PET in first-episode patients).
 */
export const D2_BANDS = [65, 72, 78] as const;

/** Groups of the slow layer's series, as the brain chart offers them. */
export const SERIES_GROUPS = ['scale', 'adverse', 'nt', 'plasticity', 'circuit', 'disease'] as const;
export type SeriesGroup = (typeof SERIES_GROUPS)[number];

const PREFIXES: Record<SeriesGroup, readonly string[]> = {
  scale: ['scale.'],
  adverse: ['adverse.'],
  nt: ['nt.'],
  plasticity: ['plasticity.'],
  circuit: ['receptor.', 'circuit.', 'adaptation.', 'lfp.stn.beta', 'stim.'],
  disease: ['disease.', 'learning.'],
};

/** The scales a condition is measured on: always shown, even when flat. */
export const CONDITION_SCALES: Record<string, readonly string[]> = {
  healthy: [],
  depression: ['scale.hamd17', 'scale.madrs'],
  bipolar: ['scale.madrs', 'scale.ymrs'],
  parkinsons: ['scale.updrs3'],
  alzheimers: ['scale.adascog'],
  schizophrenia: ['scale.panss_positive', 'scale.updrs3'],
  ptsd: ['scale.caps5', 'scale.hamd17'],
};

/** Order of the legend groups (and y axes) of the brain chart. */
export const UNIT_ORDER: readonly string[] = ['points', 'ratio', 'fraction', 'Hz'];

export interface BrainData {
  /** Fractions (unit "fraction") are in percent here, so that they share an axis that reads as %. */
  lines: Array<{ name: string; unit: string; points: Point[] }>;
  timeUnit: 'h' | 'd';
  maxX: number;
  perUnit: number;
  endH: number;
}

/**
 * The series of one group that say something in this run: the condition's own scales, and any
 * other series of the group that moves (a flat line at the healthy value is left out).
 */
export function brainData(results: Results, group: SeriesGroup): BrainData {
  const endH = runEnd(results);
  const timeUnit = endH <= 48 ? 'h' : 'd';
  const perUnit = timeUnit === 'h' ? 1 : 24;
  const own = CONDITION_SCALES[results.scenario.patient.condition] ?? [];
  const lines: BrainData['lines'] = [];
  for (const [name, s] of Object.entries(results.series)) {
    if (!PREFIXES[group].some((p) => name.startsWith(p))) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of s.v) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const moves = hi - lo > (s.unit === 'points' ? 0.5 : 0.005) || (group === 'adverse' && hi > 0.01);
    if (!own.includes(name) && !moves) continue;
    lines.push({ name, unit: s.unit, points: pointsOf(s, perUnit, s.unit === 'fraction' ? 100 : 1) });
  }
  // Related series next to each other (by unit, then name), so the legend reads in groups.
  lines.sort((a, b) => UNIT_ORDER.indexOf(a.unit) - UNIT_ORDER.indexOf(b.unit) || a.name.localeCompare(b.name));
  return { lines, timeUnit, maxX: endH / perUnit, perUnit, endH };
}
