// What the app's time charts share: Chart.js registration (with the zoom and annotation plugins),
// colours for light and dark, the options of a chart over time, the shared time window and hover
// cursor, and the attachments that rebuild a chart when its inputs change.
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
  type Scale,
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import zoomPlugin from 'chartjs-plugin-zoom';
import { untrack } from 'svelte';
import { i18n } from './i18n.svelte.ts';
import { tickLabel, tickStyle, timeInWords, timeTicks } from './time-axis.ts';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Decimation, Legend, Tooltip, zoomPlugin, annotationPlugin);

/** Narrowest window the zoom goes to, hours (six minutes). */
export const MIN_WINDOW_H = 0.1;

/**
 * The time window every chart over time shows, and the time under the pointer on any of them
 * (drawn as a line on all): zooming or panning one chart moves the others.
 */
export class TimeView {
  /** Visible window, hours from the start; undefined: the whole run. */
  window = $state<{ from: number; to: number } | undefined>();
  /** Time under the pointer, hours; undefined when the pointer is off the charts. */
  hoverH = $state<number | undefined>();
  /** End of the run shown, hours. */
  endH = $state(0);

  /** A new run: a window that no longer fits it is dropped. */
  setEnd(endH: number): void {
    if (endH === this.endH) return;
    this.endH = endH;
    if (this.window && (this.window.from >= endH || this.window.to > endH + 1e-9)) this.window = undefined;
  }

  /** Shows [from, to] hours, clamped to the run; the whole run is no window. */
  show(from: number, to: number): void {
    let a = Math.max(0, Math.min(from, to));
    let b = Math.min(this.endH, Math.max(from, to));
    if (b - a < MIN_WINDOW_H) {
      const mid = (a + b) / 2;
      a = Math.max(0, mid - MIN_WINDOW_H / 2);
      b = Math.min(this.endH, a + MIN_WINDOW_H);
    }
    this.window = a <= 1e-9 && b >= this.endH - 1e-9 ? undefined : { from: a, to: b };
  }

  reset(): void {
    this.window = undefined;
  }
}

export const timeView = new TimeView();
const workbenchView = timeView;

export interface Theme {
  grid: string;
  text: string;
}

export function theme(): Theme {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  return { grid: dark ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)', text: dark ? '#cbd2dc' : '#3a4250' };
}

type ScaleSpec = NonNullable<ChartOptions<'line'>['scales']>[string];

/**
 * Options of a chart over time (x in hours or days, `timeUnit`) with the given y scales: ticks and
 * labels follow the visible span (clock time when zoomed into a day, days, weeks), tooltips say
 * the time in words, the zoom plugin zooms and pans x only within the run.
 */
export function timeOptions(timeUnit: 'h' | 'd', maxX: number, th: Theme, scales: Record<string, ScaleSpec>): ChartOptions<'line'> {
  const t = i18n.t;
  const perUnit = timeUnit === 'h' ? 1 : 24;
  const runEndH = maxX * perUnit;
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
      tooltip: { callbacks: { title: (items) => (items[0] ? timeInWords((items[0].parsed.x ?? 0) * perUnit, runEndH, t) : '') } },
      zoom: {
        limits: { x: { min: 0, max: maxX, minRange: MIN_WINDOW_H / perUnit } },
        pan: { enabled: true, mode: 'x', modifierKey: 'shift' },
        zoom: { mode: 'x', wheel: { enabled: true, modifierKey: 'ctrl' }, pinch: { enabled: true }, drag: { enabled: true, threshold: 8, backgroundColor: 'rgba(47, 111, 219, 0.12)', borderColor: 'rgba(47, 111, 219, 0.6)', borderWidth: 1 } },
      },
    },
    scales: {
      x: {
        type: 'linear',
        min: 0,
        max: maxX,
        title: { display: true, text: t.timeAxis, color: th.text },
        grid: { color: th.grid },
        ticks: {
          color: th.text,
          maxRotation: 0,
          callback(this: Scale, value) {
            const span = (this.max - this.min) * perUnit;
            return tickLabel(Number(value) * perUnit, tickStyle(span, runEndH), t);
          },
        },
        afterBuildTicks: (scale) => {
          scale.ticks = timeTicks(scale.min * perUnit, scale.max * perUnit).map((h) => ({ value: h / perUnit }));
        },
      },
      ...scales,
    },
  };
}

/**
 * Measures (performance.measure) of each chart over time being rebuilt, for the bench's split of
 * an edit: its configuration (chart data and options built from the results) and Chart.js's update
 * and draw onto the canvas.
 */
export const CONFIG_MEASURE = 'modulon:chart-config';
export const DRAW_MEASURE = 'modulon:chart-draw';
/** Marked when a chart out of view has been drawn after the paint (see `follower`). */
export const DEFERRED_MARK = 'modulon:chart-deferred';

/**
 * Shows `cfg` on `chart` (undefined: none yet) and returns the chart: a chart of the same type is
 * updated in place (its data, options and inline plugins swapped, `update('none')`: no new canvas
 * context, listeners or resize), another is created. A live preview redraws every chart on each
 * edit, and creating one costs several times its update.
 */
export function showChart(canvas: HTMLCanvasElement, chart: Chart<'line' | 'scatter'> | undefined, cfg: ChartConfiguration<'line' | 'scatter'>): Chart<'line' | 'scatter'> {
  const t0 = performance.now();
  const plugins = [...(cfg.plugins ?? [])];
  if (chart && (chart.config as { type?: string }).type === cfg.type) {
    chart.data = cfg.data;
    chart.options = cfg.options as typeof chart.options;
    // The inline plugins live in the config's own array (created with the chart, below); update()
    // rebuilds the plugin list from it, so a plugin whose parameters changed (a band, marks) follows.
    const own = chart.config.plugins as Plugin<'line' | 'scatter'>[];
    own.splice(0, own.length, ...plugins);
    chart.update('none');
  } else {
    chart?.destroy();
    chart = new Chart(canvas, { ...cfg, plugins });
  }
  performance.measure(DRAW_MEASURE, { start: t0 });
  return chart;
}

/** Whether any of the canvas is inside the viewport. */
function inView(canvas: HTMLCanvasElement): boolean {
  const r = canvas.getBoundingClientRect();
  return r.width > 0 && r.bottom > 0 && r.top < innerHeight;
}

/**
 * The chart on a canvas, following its configurations: a chart in view is drawn at once; one out
 * of view (below the fold) a moment later, after the frame with the charts in view has been
 * painted, so that an edit's visible charts do not wait for those the reader cannot see. Its
 * first drawing is always at once, and `flush` draws what waits before anything reads the chart.
 */
function follower(canvas: HTMLCanvasElement) {
  let chart: Chart<'line' | 'scatter'> | undefined;
  let pending: ChartConfiguration<'line' | 'scatter'> | undefined;
  let scheduled = false;
  let gone = false;
  const flush = () => {
    if (!pending || gone) return chart;
    const cfg = pending;
    pending = undefined;
    chart = showChart(canvas, chart, cfg);
    performance.mark(DEFERRED_MARK);
    return chart;
  };
  return {
    get chart() {
      return chart;
    },
    flush,
    show(cfg: ChartConfiguration<'line' | 'scatter'>): void {
      if (chart && !inView(canvas)) {
        pending = cfg;
        if (!scheduled) {
          scheduled = true;
          requestAnimationFrame(() => setTimeout(() => ((scheduled = false), flush()), 0));
        }
        return;
      }
      pending = undefined;
      chart = showChart(canvas, chart, cfg);
    },
    destroy(): void {
      gone = true;
      chart?.destroy();
    },
  };
}

/** Chart.js is imperative: the chart is created when the canvas attaches and follows what `config` reads (updated in place). */
export function chartAttachment(config: () => ChartConfiguration<'line' | 'scatter'>): (canvas: HTMLCanvasElement) => () => void {
  return (canvas) => {
    const f = follower(canvas);
    $effect(() => {
      const t0 = performance.now();
      const cfg = config();
      performance.measure(CONFIG_MEASURE, { start: t0 });
      f.show(cfg);
    });
    return () => f.destroy();
  };
}

export interface TimeChartOptions {
  /** Hours per x unit of the chart (1 or 24). */
  perUnit: number;
  /** A chosen time to mark (x units), e.g. the circuits panel's; redrawn, not rebuilt, when it moves. */
  cursor?: () => number | undefined;
  /** A click on the plot reports its x value (x units). */
  onpick?: (x: number) => void;
  /** The window and hover line this chart shares (a view of its own, such as Compare's); the workbench's by default. */
  view?: TimeView;
}

/**
 * A chart over time: rebuilt when what `config` reads changes; it shows the shared time window
 * (zoom or pan on it moves every chart), draws the shared hover line and an optional chosen time.
 */
export function timeChartAttachment(config: () => ChartConfiguration<'line' | 'scatter'>, opts: TimeChartOptions): (canvas: HTMLCanvasElement) => () => void {
  const timeView = opts.view ?? workbenchView;
  return (canvas) => {
    const f = follower(canvas);
    const at: { pick: number | undefined; hover: number | undefined } = { pick: undefined, hover: undefined };
    const vline = (c: Chart, x: number, dashed: boolean) => {
      const px = c.scales.x?.getPixelForValue(x);
      if (px === undefined || px < c.chartArea.left || px > c.chartArea.right) return;
      const ctx = c.ctx;
      ctx.save();
      ctx.strokeStyle = theme().text;
      ctx.globalAlpha = dashed ? 0.55 : 0.3;
      ctx.setLineDash(dashed ? [4, 3] : []);
      ctx.beginPath();
      ctx.moveTo(px, c.chartArea.top);
      ctx.lineTo(px, c.chartArea.bottom);
      ctx.stroke();
      ctx.restore();
    };
    const lines: Plugin<'line' | 'scatter'> = {
      id: 'time-lines',
      afterDatasetsDraw(c) {
        if (at.hover !== undefined) vline(c as Chart, at.hover, false);
        if (at.pick !== undefined) vline(c as Chart, at.pick, true);
      },
    };
    const windowOf = (c: Chart) => {
      const x = c.scales.x;
      if (x) timeView.show(x.min * opts.perUnit, x.max * opts.perUnit);
    };
    const apply = () => {
      const chart = f.flush();
      if (!chart) return;
      const w = timeView.window;
      const x = chart.options.scales?.x;
      const limits = (chart.options.plugins as { zoom?: { limits?: { x?: { max?: number } } } } | undefined)?.zoom?.limits?.x;
      if (!x) return;
      x.min = w ? w.from / opts.perUnit : 0;
      x.max = w ? w.to / opts.perUnit : (limits?.max ?? x.max);
      chart.update('none');
    };
    $effect(() => {
      const t0 = performance.now();
      const cfg = config();
      performance.measure(CONFIG_MEASURE, { start: t0 });
      const plugins = (cfg.options?.plugins ?? {}) as Record<string, unknown>;
      const zoom = (plugins.zoom ?? {}) as { zoom?: object; pan?: object };
      const full = {
        ...cfg,
        plugins: [...(cfg.plugins ?? []), lines],
        options: {
          ...cfg.options,
          plugins: {
            ...plugins,
            zoom: {
              ...zoom,
              zoom: { ...zoom.zoom, onZoomComplete: ({ chart: c }: { chart: Chart }) => windowOf(c) },
              pan: { ...zoom.pan, onPanComplete: ({ chart: c }: { chart: Chart }) => windowOf(c) },
            },
          },
          onHover: (event, _elements, c) => {
            const inside = event.type !== 'mouseout' && event.x !== null && event.x >= c.chartArea.left && event.x <= c.chartArea.right;
            const x = inside ? c.scales.x?.getValueForPixel(event.x as number) : undefined;
            timeView.hoverH = x === undefined || !Number.isFinite(x) ? undefined : x * opts.perUnit;
          },
          onClick: (event, _elements, c) => {
            const x = event.x === null ? undefined : c.scales.x?.getValueForPixel(event.x);
            if (x !== undefined && Number.isFinite(x)) opts.onpick?.(x);
          },
        },
      } as ChartConfiguration<'line' | 'scatter'>;
      // The shared window goes into the new options; a chart of the same kind is updated in place.
      const w = untrack(() => timeView.window);
      const x = full.options?.scales?.x;
      if (w && x) Object.assign(x, { min: w.from / opts.perUnit, max: w.to / opts.perUnit });
      f.show(full);
    });
    $effect(() => {
      void timeView.window;
      apply();
    });
    $effect(() => {
      const pick = opts.cursor?.();
      const hover = timeView.hoverH === undefined ? undefined : timeView.hoverH / opts.perUnit;
      // A new run re-reads the cursor (it follows the run's data); the same lines need no redraw.
      if (pick === at.pick && hover === at.hover) return;
      at.pick = pick;
      at.hover = hover;
      f.flush()?.draw();
    });
    return () => f.destroy();
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
