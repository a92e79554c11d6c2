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
