// Chart.js configuration of a paradigm's learning curves: one colour per run (task time), one dash
// per curve of a run, the paradigm's own x axis (trials, blocks, days) and its phase marks.
import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import { theme, timeOptions } from './charts.svelte.ts';
import type { Strings } from './i18n.svelte.ts';
import { CURVE_AXES, type TaskGroup } from './task-data.ts';
import { sessionPoints, type TherapyLearning } from './task-therapy.ts';
import { curveLabel } from './chart-tables.ts';

type Config = ChartConfiguration<'line' | 'scatter'>;

export const RUN_COLOURS = ['#2f6fdb', '#d9480f', '#0f9d8a', '#7a4fd6', '#be185d', '#a16207'];
const CURVE_DASHES: number[][] = [[], [6, 3], [2, 3]];

/** Dashed vertical lines with a label at the top (the reversal, the start of extinction). */
function marksPlugin(marks: Array<{ x: number; label: string }>, colour: string): Plugin<'line' | 'scatter'> {
  return {
    id: 'task-marks',
    afterDatasetsDraw(c) {
      const x = c.scales.x;
      if (!x) return;
      const ctx = c.ctx;
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.globalAlpha = 0.7;
      ctx.setLineDash([4, 3]);
      ctx.font = '11px system-ui, sans-serif';
      for (const m of marks) {
        const px = x.getPixelForValue(m.x);
        if (px < c.chartArea.left || px > c.chartArea.right) continue;
        ctx.beginPath();
        ctx.moveTo(px, c.chartArea.top);
        ctx.lineTo(px, c.chartArea.bottom);
        ctx.stroke();
        ctx.fillText(m.label, px + 4, c.chartArea.top + 12);
      }
      ctx.restore();
    },
  };
}

/** A vertical line at the x under the pointer (the points the tooltip lists for every run). */
function hoverLine(colour: string): Plugin<'line' | 'scatter'> {
  return {
    id: 'task-hover-line',
    afterDatasetsDraw(c) {
      const px = c.tooltip?.getActiveElements()[0]?.element.x;
      if (px === undefined || px < c.chartArea.left || px > c.chartArea.right) return;
      const ctx = c.ctx;
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.globalAlpha = 0.3;
      ctx.beginPath();
      ctx.moveTo(px, c.chartArea.top);
      ctx.lineTo(px, c.chartArea.bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
}

/**
 * Zoom and pan along the paradigm's own x (trials, blocks, days of the protocol), within the
 * curves: the same gestures as the charts over time; `onzoom` hears that the view moved.
 */
function curveZoom(onzoom: () => void) {
  return {
    // At least two steps of x on show (two trials, blocks or days), so a zoom keeps a line to read.
    limits: { x: { min: 'original', max: 'original', minRange: 2 } },
    pan: { enabled: true, mode: 'x', modifierKey: 'shift', onPanComplete: onzoom },
    zoom: {
      mode: 'x',
      wheel: { enabled: true, modifierKey: 'ctrl' },
      pinch: { enabled: true },
      drag: { enabled: true, threshold: 8, backgroundColor: 'rgba(47, 111, 219, 0.12)', borderColor: 'rgba(47, 111, 219, 0.6)', borderWidth: 1 },
      onZoomComplete: onzoom,
    },
  } as const;
}

export function taskCurveConfig(group: TaskGroup, t: Strings, runLabel: (h: number) => string, onzoom: () => void = () => {}): Config {
  const th = theme();
  const axes = CURVE_AXES[group.task];
  const datasets: ChartDataset<'line'>[] = group.runs.flatMap((run, r) =>
    run.curves.map((c, k) => {
      const colour = RUN_COLOURS[r % RUN_COLOURS.length] as string;
      return {
        type: 'line' as const,
        label: curveLabel(group, run.t, c.curve, t, runLabel),
        data: c.points,
        borderColor: colour,
        backgroundColor: colour,
        borderDash: group.task === 'fear-conditioning' ? [] : (CURVE_DASHES[k % CURVE_DASHES.length] as number[]),
        borderWidth: 1.8,
        pointRadius: c.points.length > 40 ? 0 : 2.5,
      };
    }),
  );
  // Marks are the same for runs with the same options; the first run's are drawn.
  const marks = (group.runs[0]?.marks ?? []).map((m) => ({ x: m.x, label: t.curveMarks[m.kind] ?? m.kind }));
  const percent = axes?.y === 'accuracy' || axes?.y === 'recall';
  return {
    type: 'line',
    data: { datasets },
    plugins: [marksPlugin(marks, th.text), hoverLine(th.text)],
    options: {
      ...lineBase(th),
      plugins: { ...lineBase(th).plugins, zoom: curveZoom(onzoom) },
      scales: {
        x: { type: 'linear', title: { display: true, text: axes ? (t.curveX[axes.x] ?? '') : '', color: th.text }, grid: { color: th.grid }, ticks: { color: th.text, precision: 0, includeBounds: false } },
        y: {
          type: 'linear',
          beginAtZero: true,
          ...(percent ? { max: 100 } : {}),
          title: { display: true, text: axes ? (t.curveY[axes.y] ?? '') : '', color: th.text },
          grid: { color: th.grid },
          ticks: { color: th.text },
        },
      },
    },
  };
}

/** The options both task charts share: no animation, x-nearest hover, a legend in the theme's text colour. */
function lineBase(th: ReturnType<typeof theme>) {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    plugins: { legend: { labels: { color: th.text, boxWidth: 14 } } },
  } as const;
}

/**
 * What each therapy session taught (%) against the time of the session (x in days of the run, to
 * `endH`), one colour per kind (exposure, CBT): a chart over time like the workbench's, so it
 * follows their shared window (zoom, pan, presets) and hover line.
 */
export function therapyChartConfig(kinds: readonly TherapyLearning[], t: Strings, endH: number): Config {
  const th = theme();
  const datasets: ChartDataset<'line'>[] = kinds.map((k, i) => {
    const colour = RUN_COLOURS[(i + 2) % RUN_COLOURS.length] as string;
    return { type: 'line' as const, label: t.therapyLearnKinds[k.kind] ?? k.kind, data: sessionPoints(k), borderColor: colour, backgroundColor: colour, borderWidth: 1.8, pointRadius: 3 };
  });
  const options = timeOptions('d', endH / 24, th, {
    y: { type: 'linear', beginAtZero: true, title: { display: true, text: t.therapyChartY, color: th.text }, grid: { color: th.grid }, ticks: { color: th.text } },
  });
  const x = options.scales?.x as { title?: { text?: string } } | undefined;
  if (x?.title) x.title.text = t.therapyChartX;
  return { type: 'line', data: { datasets }, options };
}
