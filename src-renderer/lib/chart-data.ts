// Turns results into chart points: time in days, inhibition in percent, dose markers (pure, tested).
import type { Results } from '../../src-engine/index.ts';

export interface Point {
  x: number;
  y: number;
}

export interface ChartData {
  plasma: Array<{ drug: string; points: Point[] }>;
  inhibition: Array<{ target: string; points: Point[] }>;
  doses: Point[];
  maxDays: number;
}

export function chartData(results: Results): ChartData {
  const plasma: ChartData['plasma'] = [];
  const inhibition: ChartData['inhibition'] = [];
  let maxDays = 0;
  for (const [name, s] of Object.entries(results.series)) {
    const parts = name.split('.');
    const scale = parts[0] === 'target' ? 100 : 1;
    const points = s.t.map((t, k) => ({ x: t / 24, y: (s.v[k] as number) * scale }));
    maxDays = Math.max(maxDays, (s.t.at(-1) ?? 0) / 24);
    if (parts[0] === 'pk' && parts[2] === 'plasma') plasma.push({ drug: parts[1] as string, points });
    else if (parts[0] === 'target') inhibition.push({ target: parts[1] as string, points });
  }
  const doses = results.events.filter((e) => e.kind === 'dose').map((e) => ({ x: e.t / 24, y: 0 }));
  return { plasma, inhibition, doses, maxDays };
}
