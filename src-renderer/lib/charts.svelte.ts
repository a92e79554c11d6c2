// What the app's time charts share: Chart.js registration, colours for light and dark, the
// options of a chart over time, and the attachment that rebuilds a chart when its inputs change.
import {
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LogarithmicScale,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import { i18n } from './i18n.svelte.ts';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Decimation, Legend, Tooltip);

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

/**
 * A chart over time with a cursor: rebuilt when what `config` reads changes, redrawn (not rebuilt)
 * when the cursor moves; a click on the plot reports its x value.
 */
export function cursorChartAttachment(
  config: () => ChartConfiguration<'line' | 'scatter'>,
  cursor: () => number | undefined,
  onpick?: (x: number) => void,
): (canvas: HTMLCanvasElement) => () => void {
  return (canvas) => {
    let chart: Chart<'line' | 'scatter'> | undefined;
    const at: { x: number | undefined } = { x: undefined };
    const line: Plugin<'line' | 'scatter'> = {
      id: 'cursor',
      afterDatasetsDraw(c) {
        if (at.x === undefined) return;
        const px = c.scales.x?.getPixelForValue(at.x);
        if (px === undefined || px < c.chartArea.left || px > c.chartArea.right) return;
        const ctx = c.ctx;
        ctx.save();
        ctx.strokeStyle = theme().text;
        ctx.globalAlpha = 0.55;
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(px, c.chartArea.top);
        ctx.lineTo(px, c.chartArea.bottom);
        ctx.stroke();
        ctx.restore();
      },
    };
    $effect(() => {
      const cfg = config();
      chart?.destroy();
      chart = new Chart(canvas, {
        ...cfg,
        plugins: [...(cfg.plugins ?? []), line],
        options: {
          ...cfg.options,
          onClick: (event, _elements, c) => {
            const x = event.x === null ? undefined : c.scales.x?.getValueForPixel(event.x);
            if (x !== undefined && Number.isFinite(x)) onpick?.(x);
          },
        },
      });
    });
    $effect(() => {
      at.x = cursor();
      chart?.draw();
    });
    return () => chart?.destroy();
  };
}

/** Shades a band of x values (the beta band on a spectrum) behind the datasets. */
export function shadeX(from: number, to: number, colour: string): Plugin<'line' | 'scatter'> {
  return {
    id: 'shade-x',
    beforeDatasetsDraw(c) {
      const x = c.scales.x;
      if (!x) return;
      const a = Math.max(c.chartArea.left, x.getPixelForValue(from));
      const b = Math.min(c.chartArea.right, x.getPixelForValue(to));
      c.ctx.save();
      c.ctx.fillStyle = colour;
      c.ctx.fillRect(a, c.chartArea.top, b - a, c.chartArea.bottom - c.chartArea.top);
      c.ctx.restore();
    },
  };
}
