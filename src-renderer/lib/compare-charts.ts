// Chart.js configuration of one compare panel: a line per arm in the arm's colour and dash (the
// legend is the view's own, shared by every panel), threshold lines, and a zero line on a difference chart.
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { CompareCharts, ComparePanel } from './compare-data.ts';
import { theme, timeOptions } from './charts.svelte.ts';
import { seriesLabel as sharedLabel } from '../../src-engine/series-names.ts';
import type { Lang, Strings } from './i18n.svelte.ts';

/**
 * A series' name in the current language, as reports name it (the engine's one source of series
 * names; drugs, custom ones too, through `drugName`); a task measure with its paradigm's name.
 */
export function seriesLabel(name: string, t: Strings, drugName: (id: string) => string, lang: Lang): string {
  const [kind, id, rest] = name.split('.');
  if (kind === 'task') return `${t.taskNames[id ?? ''] ?? id} · ${t.measureNames[`${id}.${rest}`] ?? rest}`;
  return sharedLabel(name, lang, drugName) ?? name;
}

/** Horizontal dashed lines at the given y values. */
function levels(ys: number[], colour: string): Plugin<'line'> {
  return {
    id: 'levels',
    beforeDatasetsDraw(c) {
      const y = c.scales.y;
      if (!y) return;
      const ctx = c.ctx;
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.setLineDash([5, 4]);
      ctx.lineWidth = 1;
      for (const v of ys) {
        const py = y.getPixelForValue(v);
        if (py < c.chartArea.top || py > c.chartArea.bottom) continue;
        ctx.beginPath();
        ctx.moveTo(c.chartArea.left, py);
        ctx.lineTo(c.chartArea.right, py);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
}

export function comparePanelConfig(panel: ComparePanel, charts: CompareCharts, t: Strings, diff: boolean): ChartConfiguration<'line'> {
  const th = theme();
  const unit = t.unitNames[panel.unit] ?? panel.unit;
  const options = timeOptions(charts.timeUnit, charts.maxX, th, {
    y: {
      type: 'linear',
      ...(diff || panel.unit === 'points' ? {} : { beginAtZero: true }),
      // A difference axis spans at least ±2 % of the series' own scale, so float noise between two
      // nearly equal arms (a washout tail, 1e-21) reads as a flat zero, not as "-3.4E-21".
      ...(diff && panel.magnitude > 0 ? { suggestedMin: -0.02 * panel.magnitude, suggestedMax: 0.02 * panel.magnitude } : {}),
      title: { display: true, text: diff ? `${t.differenceAxis} (${unit})` : unit, color: th.text },
      grid: { color: th.grid },
      ticks: { color: th.text },
    },
  });
  return {
    type: 'line',
    data: {
      datasets: panel.lines.map((l) => ({
        label: l.name,
        data: l.points,
        borderColor: l.colour,
        backgroundColor: l.colour,
        borderDash: l.dash,
        borderWidth: 2,
        pointRadius: l.points.length > 60 ? 0 : 2,
      })),
    },
    plugins: [levels(diff ? [0] : panel.thresholds, th.text === '#3a4250' ? 'rgba(58,66,80,0.45)' : 'rgba(203,210,220,0.45)')],
    options: { ...options, plugins: { ...options.plugins, legend: { display: false } } },
  };
}
