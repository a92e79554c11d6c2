// Chart.js configurations of the circuits-and-EEG panel: beta and relay, stimulation effects, EEG
// band powers over time, and the spectra at the chosen probe on a log axis.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { BETA_BAND } from '../../src-engine/circuits/basal-ganglia.ts';
import { powerOfTen, type CircuitData, type SpectrumLine } from './circuit-data.ts';
import { shadeX, theme, timeOptions } from './charts.svelte.ts';
import type { Strings } from './i18n.svelte.ts';

type Config = ChartConfiguration<'line' | 'scatter'>;
type Dataset = ChartDataset<'line' | 'scatter'>;

const BAND_COLOURS: Record<string, string> = { delta: '#7a4fd6', theta: '#0e7490', alpha: '#2f6fdb', beta: '#d9480f', gamma: '#be185d' };
const STIM_COLOURS = ['#0f9d8a', '#7a4fd6', '#a16207', '#be185d', '#2f6fdb', '#4d7c0f', '#9f1239', '#475569'];
const SESSION_COLOURS: Record<string, string> = { therapy: '#5b6473', tms: '#7a4fd6', tdcs: '#0e7490', ect: '#9f1239' };

const line = (label: string, data: Array<{ x: number; y: number }>, colour: string, extra: Partial<Dataset> = {}): Dataset =>
  ({ type: 'line', label, data, borderColor: colour, backgroundColor: 'transparent', pointBackgroundColor: colour, borderWidth: 1.8, pointRadius: 0, ...extra }) as Dataset;

/** Value in a chart legend or label: the unit of a series as a reader reads it. */
export function unitLabel(unit: string, t: Strings): string {
  return t.unitNames[unit] ?? unit;
}

export function betaConfig(data: CircuitData, t: Strings): Config {
  const th = theme();
  const bg = data.basalGanglia;
  const datasets: Dataset[] = bg
    ? [
        line(`${t.seriesNames['lfp.stn.beta']} (${t.timesHealthy})`, bg.beta, '#d9480f', { yAxisID: 'beta' }),
        line(`${t.seriesNames['circuit.thalamus.relay']} (%)`, bg.relay, '#2f6fdb', { yAxisID: 'pct' }),
        ...(bg.decoupling ? [line(`${t.seriesNames['stim.dbs.decoupling']} (%)`, bg.decoupling, '#0f9d8a', { yAxisID: 'pct', borderDash: [5, 3] })] : []),
      ]
    : [];
  const on = data.dbsEdges.filter((e) => e.on);
  const off = data.dbsEdges.filter((e) => !e.on);
  if (on.length > 0) datasets.push({ type: 'scatter', label: t.dbsOn, data: on.map((e) => ({ x: e.x, y: 0 })), yAxisID: 'pct', pointStyle: 'triangle', pointRadius: 6, borderColor: '#0f9d8a', backgroundColor: '#0f9d8a' });
  if (off.length > 0) datasets.push({ type: 'scatter', label: t.dbsOff, data: off.map((e) => ({ x: e.x, y: 0 })), yAxisID: 'pct', pointStyle: 'crossRot', pointRadius: 6, borderColor: '#0f9d8a', borderWidth: 2 });
  return {
    type: 'line',
    data: { datasets },
    options: timeOptions(data.timeUnit, data.maxX, th, {
      beta: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: t.betaAxis, color: th.text }, grid: { color: th.grid }, ticks: { color: th.text } },
      pct: { type: 'linear', position: 'right', min: 0, max: 100, title: { display: true, text: bg?.decoupling ? t.percentAxis : t.relayAxis, color: th.text }, grid: { drawOnChartArea: false }, ticks: { color: th.text } },
    }),
  };
}

export function stimulationConfig(data: CircuitData, t: Strings): Config {
  const th = theme();
  return {
    type: 'line',
    data: {
      datasets: [
        ...data.stimulation.map((s, i) => line(`${t.seriesNames[s.name] ?? s.name} (${unitLabel(s.unit, t)})`, s.points, STIM_COLOURS[i % STIM_COLOURS.length] as string)),
        ...data.sessions.map((s): Dataset => ({ type: 'scatter', label: t.sessionKinds[s.kind] ?? s.kind, data: s.points, pointStyle: 'rectRot', pointRadius: 3.5, borderColor: SESSION_COLOURS[s.kind], backgroundColor: SESSION_COLOURS[s.kind] })),
      ],
    },
    options: timeOptions(data.timeUnit, data.maxX, th, {
      y: { type: 'linear', beginAtZero: true, title: { display: true, text: t.stimAxis, color: th.text }, grid: { color: th.grid }, ticks: { color: th.text } },
    }),
  };
}

export function eegConfig(data: CircuitData, t: Strings): Config {
  const th = theme();
  const sparse = data.bands[0]?.points.length ?? 0;
  return {
    type: 'line',
    data: {
      datasets: data.bands.map((b) => line(t.bandNames[b.band] ?? b.band, b.points, BAND_COLOURS[b.band] as string, { pointRadius: sparse > 80 ? 1.5 : 2.5, borderWidth: 1.4 })),
    },
    options: timeOptions(data.timeUnit, data.maxX, th, {
      y: { type: 'linear', min: 0, suggestedMax: 60, title: { display: true, text: t.bandAxis, color: th.text }, grid: { color: th.grid }, ticks: { color: th.text } },
    }),
  };
}

export function spectrumConfig(lines: SpectrumLine[], when: string, t: Strings): Config {
  const th = theme();
  const COLOURS = { 'eeg.cortex': '#2f6fdb', 'lfp.stn': '#d9480f' } as const;
  const name = (key: SpectrumLine['key']) => (key === 'eeg.cortex' ? t.spectrumEeg : t.spectrumLfp);
  return {
    type: 'line',
    data: {
      datasets: lines.flatMap((l) => [
        line(`${name(l.key)} · ${when}`, l.now, COLOURS[l.key]),
        line(`${name(l.key)} · ${t.atStartSuffix}`, l.start, COLOURS[l.key], { borderDash: [4, 3], borderWidth: 1.2, borderColor: `${COLOURS[l.key]}99` }),
      ]),
    },
    plugins: [shadeX(BETA_BAND[0], BETA_BAND[1], 'rgba(217, 72, 15, 0.08)')],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: {
        legend: { labels: { color: th.text, boxWidth: 14 } },
        tooltip: { callbacks: { title: (items) => (items[0] ? `${(items[0].parsed.x ?? 0).toFixed(2)} Hz` : '') } },
      },
      scales: {
        x: { type: 'linear', min: 1, max: 45, title: { display: true, text: t.freqAxis, color: th.text }, grid: { color: th.grid }, ticks: { color: th.text, stepSize: 5 } },
        y: { type: 'logarithmic', title: { display: true, text: t.powerAxis, color: th.text }, grid: { color: th.grid }, ticks: { color: th.text, callback: (v) => powerOfTen(Number(v)) } },
      },
    },
  };
}
