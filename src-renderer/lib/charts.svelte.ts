// What the app's time charts share: Chart.js registration, colours for light and dark, the
// options of a chart over time, and the attachment that rebuilds a chart when its inputs change.
import {
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type ChartOptions,
} from 'chart.js';
import { i18n } from './i18n.svelte.ts';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, Decimation, Legend, Tooltip);

export interface Theme {
  grid: string;
  text: string;
}

export function theme(): Theme {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return { grid: dark ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)', text: dark ? '#cbd2dc' : '#3a4250' };
}

type ScaleSpec = NonNullable<ChartOptions<'line'>['scales']>[string];

/** Options of a chart over time (x in hours or days) with the given y scales. */
export function timeOptions(timeUnit: 'h' | 'd', maxX: number, th: Theme, scales: Record<string, ScaleSpec>): ChartOptions<'line'> {
  const t = i18n.t;
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    plugins: {
      decimation: { enabled: true, algorithm: 'min-max' },
      legend: { labels: { color: th.text, boxWidth: 14 } },
      tooltip: { callbacks: { title: (items) => (items[0] ? `${(items[0].parsed.x ?? 0).toFixed(2)} ${timeUnit}` : '') } },
    },
    scales: {
      x: { type: 'linear', min: 0, max: maxX, title: { display: true, text: timeUnit === 'h' ? t.hours : t.days, color: th.text }, grid: { color: th.grid }, ticks: { color: th.text } },
      ...scales,
    },
  };
}

/** Chart.js is imperative: the chart is created when the canvas attaches and rebuilt when what `config` reads changes. */
export function chartAttachment(config: () => ChartConfiguration<'line' | 'scatter'>): (canvas: HTMLCanvasElement) => () => void {
  return (canvas) => {
    let chart: Chart<'line' | 'scatter'> | undefined;
    $effect(() => {
      chart?.destroy();
      chart = new Chart(canvas, config());
    });
    return () => chart?.destroy();
  };
}
