// Line charts as inline SVG for the reports: arms overlaid in their colours and dashes, axes with
// ticks and units, threshold lines; vector, so sharp at any print resolution. Long series are
// reduced per pixel column to first/min/max/last, which keeps every peak and trough.
import { esc } from './escape.ts';

export interface ChartLine {
  colour: string;
  dash: string;
  t: readonly number[];
  v: readonly number[];
}

export interface ChartSpec {
  /** Accessible name of the chart (plain text; escaped here). */
  title: string;
  lines: readonly ChartLine[];
  /** Hours per x unit (1, 24, 168) and its axis label. */
  timeScale: number;
  xLabel: string;
  yLabel: string;
  thresholds?: ReadonlyArray<{ level: number; label: string }>;
  /** Draw y = 0 (difference charts). */
  zeroLine?: boolean;
  width?: number;
  height?: number;
}

const M = { left: 62, right: 14, top: 10, bottom: 38 };

/** A "nice" step (1, 2, 2.5 or 5 × 10^k) near `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/** Ticks covering [lo, hi] with about `count` intervals; returns the padded range too. */
export function ticks(lo: number, hi: number, count = 4): { lo: number; hi: number; values: number[] } {
  if (hi === lo) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / count);
  const a = Math.floor(lo / step + 1e-9) * step;
  const b = Math.ceil(hi / step - 1e-9) * step;
  const values: number[] = [];
  for (let x = a; x <= b + step * 1e-6; x += step) values.push(Number(x.toPrecision(12)));
  return { lo: a, hi: b, values };
}

function tickLabel(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  const text = a >= 1e5 || a < 1e-3 ? x.toExponential(1) : String(Number(x.toPrecision(4)));
  return text.replace(/^-/, '−');
}

/** Points of one line reduced to at most ~4 per pixel column, in time order. */
export function reduce(t: readonly number[], v: readonly number[], x0: number, x1: number, columns: number): Array<[number, number]> {
  const n = t.length;
  if (n <= columns * 4) return t.map((x, k) => [x, v[k] as number]);
  const out: Array<[number, number]> = [];
  const width = (x1 - x0) / columns || 1;
  let k = 0;
  while (k < n) {
    const col = Math.floor(((t[k] as number) - x0) / width);
    const first = k;
    let lo = k;
    let hi = k;
    let last = k;
    while (k < n && Math.floor(((t[k] as number) - x0) / width) === col) {
      if ((v[k] as number) < (v[lo] as number)) lo = k;
      if ((v[k] as number) > (v[hi] as number)) hi = k;
      last = k;
      k++;
    }
    for (const j of [...new Set([first, lo, hi, last])].sort((a, b) => a - b)) out.push([t[j] as number, v[j] as number]);
  }
  return out;
}

export function lineChart(spec: ChartSpec): string {
  const W = spec.width ?? 720;
  const H = spec.height ?? 230;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  let tMax = 0;
  let vMin = Infinity;
  let vMax = -Infinity;
  for (const l of spec.lines) {
    tMax = Math.max(tMax, l.t.at(-1) ?? 0);
    for (const x of l.v) {
      if (x < vMin) vMin = x;
      if (x > vMax) vMax = x;
    }
  }
  for (const th of spec.thresholds ?? []) {
    vMin = Math.min(vMin, th.level);
    vMax = Math.max(vMax, th.level);
  }
  if (spec.zeroLine) {
    vMin = Math.min(vMin, 0);
    vMax = Math.max(vMax, 0);
  }
  if (!Number.isFinite(vMin)) {
    vMin = 0;
    vMax = 1;
  }
  // A positive series whose range is not far from zero is drawn from zero, so sizes compare.
  if (vMin >= 0 && vMin < 0.5 * vMax) vMin = 0;
  const y = ticks(vMin, vMax);
  // The time axis ends where the run ends; its ticks are the nice ones inside it.
  const x = ticks(0, tMax / spec.timeScale, 6);
  x.lo = 0;
  if (tMax > 0) {
    x.hi = tMax / spec.timeScale;
    x.values = x.values.filter((v) => v <= x.hi * (1 + 1e-9));
  }
  const X = (t: number) => M.left + ((t / spec.timeScale - x.lo) / (x.hi - x.lo)) * pw;
  const Y = (v: number) => M.top + (1 - (v - y.lo) / (y.hi - y.lo)) * ph;
  const r = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(spec.title)}" class="chart">`);
  parts.push(`<title>${esc(spec.title)}</title>`);
  for (const v of y.values) parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${r(Y(v))}" y2="${r(Y(v))}" class="grid"/><text x="${M.left - 6}" y="${r(Y(v) + 3.5)}" text-anchor="end" class="tick">${tickLabel(v)}</text>`);
  for (const v of x.values) parts.push(`<line x1="${r(X(v * spec.timeScale))}" x2="${r(X(v * spec.timeScale))}" y1="${M.top}" y2="${M.top + ph}" class="grid"/><text x="${r(X(v * spec.timeScale))}" y="${M.top + ph + 14}" text-anchor="middle" class="tick">${tickLabel(v)}</text>`);
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" class="frame"/>`);
  if (spec.zeroLine) parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${r(Y(0))}" y2="${r(Y(0))}" class="zero"/>`);
  for (const th of spec.thresholds ?? []) {
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${r(Y(th.level))}" y2="${r(Y(th.level))}" class="threshold"/><text x="${W - M.right - 3}" y="${r(Y(th.level) - 3)}" text-anchor="end" class="threshold-label">${esc(th.label)}</text>`);
  }
  parts.push('<g>');
  for (const l of spec.lines) {
    const pts = reduce(l.t, l.v, 0, tMax, pw);
    if (pts.length === 0) continue;
    const d = pts.map(([t, v], k) => `${k === 0 ? 'M' : 'L'}${r(X(t))} ${r(Y(v))}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${esc(l.colour)}" stroke-width="1.8"${l.dash ? ` stroke-dasharray="${esc(l.dash)}"` : ''} stroke-linejoin="round"/>`);
  }
  parts.push('</g>');
  parts.push(`<text x="${M.left + pw / 2}" y="${H - 6}" text-anchor="middle" class="axis">${esc(spec.xLabel)}</text>`);
  parts.push(`<text transform="translate(13 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" class="axis">${esc(spec.yLabel)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** A short line in the arm's colour and dash, for legends. */
export function swatch(colour: string, dash: string): string {
  return `<svg class="swatch" viewBox="0 0 28 10" aria-hidden="true"><line x1="1" x2="27" y1="5" y2="5" stroke="${esc(colour)}" stroke-width="2.4"${dash ? ` stroke-dasharray="${esc(dash)}"` : ''}/></svg>`;
}

/** Hours per axis unit for a run of `endH` hours: hours up to 3 days, days up to 8 weeks, then weeks. */
export function timeUnit(endH: number): { scale: number; unit: 'h' | 'd' | 'w' } {
  if (endH <= 72) return { scale: 1, unit: 'h' };
  if (endH <= 8 * 168) return { scale: 24, unit: 'd' };
  return { scale: 168, unit: 'w' };
}
