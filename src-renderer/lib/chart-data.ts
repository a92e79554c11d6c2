// Turns results into chart points: time in hours (short runs) or days, percentages for targets,
// dose markers (pure, tested).
import type { Results } from '../../src-engine/index.ts';

export interface Point {
  x: number;
  y: number;
}

export interface ChartData {
  plasma: Array<{ drug: string; points: Point[] }>;
  inhibition: Array<{ target: string; points: Point[] }>;
  doses: Point[];
  /** Time unit of x: hours for runs up to two days, days beyond. */
  timeUnit: 'h' | 'd';
  maxX: number;
}

export function chartData(results: Results): ChartData {
  const plasma: ChartData['plasma'] = [];
  const inhibition: ChartData['inhibition'] = [];
  const endH = Math.max(0, ...Object.values(results.series).map((s) => s.t.at(-1) ?? 0));
  const timeUnit = endH <= 48 ? 'h' : 'd';
  const perUnit = timeUnit === 'h' ? 1 : 24;
  for (const [name, s] of Object.entries(results.series)) {
    const parts = name.split('.');
    const scale = parts[0] === 'target' ? 100 : 1;
    const points = s.t.map((t, k) => ({ x: t / perUnit, y: (s.v[k] as number) * scale }));
    if (parts[0] === 'pk' && parts[2] === 'plasma') plasma.push({ drug: parts[1] as string, points });
    else if (parts[0] === 'target') inhibition.push({ target: parts[1] as string, points });
  }
  const doses = results.events.filter((e) => e.kind === 'dose').map((e) => ({ x: e.t / perUnit, y: 0 }));
  return { plasma, inhibition, doses, timeUnit, maxX: endH / perUnit };
}

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

export interface BrainData {
  lines: Array<{ name: string; unit: string; points: Point[] }>;
  timeUnit: 'h' | 'd';
  maxX: number;
}

/**
 * The series of one group that say something in this run: the condition's own scales, and any
 * other series of the group that moves (a flat line at the healthy value is left out).
 */
export function brainData(results: Results, group: SeriesGroup): BrainData {
  const endH = Math.max(0, ...Object.values(results.series).map((s) => s.t.at(-1) ?? 0));
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
    lines.push({ name, unit: s.unit, points: s.t.map((t, k) => ({ x: t / perUnit, y: s.v[k] as number })) });
  }
  return { lines, timeUnit, maxX: endH / perUnit };
}
