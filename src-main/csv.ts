// CSV export of a run's series: one row per time point, one column per series (name and unit).
import type { Results } from '../src-engine/index.ts';

/** RFC 4180 quoting, and formula-like text neutralised so spreadsheets never execute a cell. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Series may live on different grids (sparse probes later); rows are the union of their time
 * points, with an empty cell where a series has no sample.
 */
export function resultsToCsv(results: Results): string {
  // The engine's order: dose to plasma to target to transmitter to plasticity to readout.
  const names = Object.keys(results.series);
  const times = new Set<number>();
  const lookup = names.map((name) => {
    const s = results.series[name]!;
    const m = new Map<number, number>();
    s.t.forEach((t, k) => {
      times.add(t);
      m.set(t, s.v[k]!);
    });
    return m;
  });
  const header = ['time_h', ...names.map((n) => `${n} (${results.series[n]!.unit})`)].map(csvCell).join(',');
  const rows = [...times].sort((a, b) => a - b).map((t) => [csvCell(t), ...lookup.map((m) => (m.has(t) ? csvCell(m.get(t)!) : ''))].join(','));
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

/** A file name from the scenario name: letters, digits and dashes only. */
export function csvFilename(scenarioName: string, createdAt: string): string {
  const base = scenarioName.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
  return `${base}-${createdAt.slice(0, 19).replace(/[:T]/g, '-')}.csv`;
}
