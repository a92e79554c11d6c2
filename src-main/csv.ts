// CSV export of a run's series: one row per time point, one column per series (name and unit).
import type { Results, Series } from '../src-engine/index.ts';

/** RFC 4180 quoting, and formula-like text neutralised so spreadsheets never execute a cell. */
export function csvCell(value: string | number): string {
  // Six significant digits, as the reports' long CSV: the model is not accurate to 17.
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Cells per chunk of an export: ~10 ms of work, so a chunk never holds the event loop long. */
const CELLS_PER_CHUNK = 20_000;

/**
 * Series may live on different grids (sparse probes); rows are the union of their time points,
 * with an empty cell where a series has no sample.
 */
export function resultsToCsv(results: Results): string {
  return [...resultsCsvChunks(results)].join('');
}

/**
 * The same CSV in chunks of about CELLS_PER_CHUNK cells, for streaming. Series that share a time
 * grid are merged once (the engine's series sit on two or three grids), so the work is linear in
 * the number of cells.
 */
export function* resultsCsvChunks(results: Results): Generator<string> {
  // The engine's order: dose to plasma to target to transmitter to plasticity to readout.
  const names = Object.keys(results.series);
  const columns = names.map((n) => results.series[n]!);
  const rowsPerChunk = Math.max(1, Math.floor(CELLS_PER_CHUNK / (columns.length + 1)));
  yield `${['time_h', ...names.map((n, j) => `${n} (${columns[j]!.unit})`)].map(csvCell).join(',')}\r\n`;
  const grids: number[][] = [];
  const gridOf = columns.map((s) => {
    let k = grids.findIndex((g) => g === s.t || (g.length === s.t.length && g.every((x, i) => x === s.t[i])));
    if (k < 0) k = grids.push(s.t) - 1;
    return k;
  });
  if (!grids.every((g) => g.every((x, i) => i === 0 || x > (g[i - 1] as number)))) {
    // Times out of order or repeated (not what the engine writes): the general, slower union.
    yield* unionRows(columns, rowsPerChunk);
    return;
  }
  const at = new Array<number>(grids.length).fill(0);
  const hit = new Array<boolean>(grids.length).fill(false);
  let rows: string[] = [];
  for (;;) {
    let t = Number.POSITIVE_INFINITY;
    for (let g = 0; g < grids.length; g++) {
      const x = grids[g]![at[g]!];
      if (x !== undefined && x < t) t = x;
    }
    if (t === Number.POSITIVE_INFINITY) break;
    for (let g = 0; g < grids.length; g++) hit[g] = grids[g]![at[g]!] === t;
    let row = csvCell(t);
    for (let j = 0; j < columns.length; j++) {
      const g = gridOf[j]!;
      row += hit[g] ? `,${csvCell(columns[j]!.v[at[g]!]!)}` : ',';
    }
    rows.push(row);
    for (let g = 0; g < grids.length; g++) if (hit[g]) at[g]!++;
    if (rows.length === rowsPerChunk) {
      yield `${rows.join('\r\n')}\r\n`;
      rows = [];
    }
  }
  if (rows.length > 0) yield `${rows.join('\r\n')}\r\n`;
}

function* unionRows(columns: readonly Series[], rowsPerChunk: number): Generator<string> {
  const times = new Set<number>();
  const lookup = columns.map((s) => {
    const m = new Map<number, number>();
    s.t.forEach((t, k) => {
      times.add(t);
      m.set(t, s.v[k]!);
    });
    return m;
  });
  const rows = [...times].sort((a, b) => a - b).map((t) => [csvCell(t), ...lookup.map((m) => (m.has(t) ? csvCell(m.get(t)!) : ''))].join(','));
  for (let i = 0; i < rows.length; i += rowsPerChunk) yield `${rows.slice(i, i + rowsPerChunk).join('\r\n')}\r\n`;
}

/** A file name from the scenario name: letters, digits and dashes only. */
export function csvFilename(scenarioName: string, createdAt: string): string {
  const base = scenarioName.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
  return `${base}-${createdAt.slice(0, 19).replace(/[:T]/g, '-')}.csv`;
}
