// A compact, exact form of results (modulon.results/1) for storage and for passing between threads:
// a small JSON head (everything but the numbers of series and spectra) and one buffer of
// little-endian Float64 values, each time grid stored once however many series share it. About 4x
// smaller than the JSON before compression; the store gzips the buffer (src-main/store/store.ts).
// Unpacking gives the event loop a turn between slices, so a large run never holds it.
import { setImmediate as turn } from 'node:timers/promises';
import type { Results, Series, SpectrumSeries } from '../src-engine/results.ts';

export const PACKED_FORMAT = 'modulon.packed/1';

export interface Packed {
  /** JSON: the results with each series' t and v (and each spectrum's f, t, power) replaced by sizes. */
  head: string;
  /** The numbers, in the order the head lists them. */
  data: Uint8Array;
}

interface SeriesSlot {
  unit: string;
  drug?: string;
  /** Index of its time grid. */
  grid: number;
  n: number;
}

interface SpectrumSlot {
  unit: string;
  /** Sizes of f and t (power is nt rows of nf). */
  nf: number;
  nt: number;
}

interface Head {
  format: typeof PACKED_FORMAT;
  /** Length of each distinct time grid, stored first. */
  grids: number[];
  results: Omit<Results, 'series' | 'spectra'> & { series: Record<string, SeriesSlot>; spectra?: Record<string, SpectrumSlot> };
}

/** Values per slice between turns of the event loop when unpacking. */
const SLICE = 1 << 17;

if (new Uint8Array(new Float64Array([1]).buffer)[7] !== 0x3f) throw new Error('the packed results format needs a little-endian machine');

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Packs results at once (the engine worker, which has nothing else to do). */
export function packResults(results: Results): Packed {
  const steps = packSteps(results);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Packs results with a turn of the event loop between slices (the backend's thread). */
export async function packResultsAsync(results: Results): Promise<Packed> {
  const steps = packSteps(results);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await turn();
  }
}

/** The packing, pausing (yield) after about SLICE values. */
function* packSteps(results: Results): Generator<void, Packed> {
  const grids: number[][] = [];
  const byKey = new Map<string, number[]>();
  const gridOf = (t: number[]): number => {
    const key = `${t.length}:${t[0]}:${t[t.length - 1]}`;
    const candidates = byKey.get(key) ?? [];
    for (const k of candidates) if (sameNumbers(grids[k]!, t)) return k;
    byKey.set(key, [...candidates, grids.length]);
    grids.push(t);
    return grids.length - 1;
  };
  const series: Record<string, SeriesSlot> = {};
  const values: number[][] = [];
  let sinceTurn = 0;
  for (const [name, s] of Object.entries(results.series)) {
    if (s.t.length !== s.v.length) throw new Error(`BUG: series ${name} has ${s.t.length} times and ${s.v.length} values`);
    const { t: _t, v: _v, ...meta } = s;
    series[name] = { ...meta, grid: gridOf(s.t), n: s.v.length };
    values.push(s.v);
    sinceTurn += s.t.length;
    if (sinceTurn >= SLICE) {
      sinceTurn = 0;
      yield;
    }
  }
  let spectra: Record<string, SpectrumSlot> | undefined;
  if (results.spectra) {
    spectra = {};
    for (const [name, s] of Object.entries(results.spectra)) {
      if (s.power.length !== s.t.length || s.power.some((row) => row.length !== s.f.length)) throw new Error(`BUG: spectrum ${name} is not ${s.t.length} × ${s.f.length}`);
      const { f: _f, t: _t, power: _p, ...meta } = s;
      spectra[name] = { ...meta, nf: s.f.length, nt: s.t.length };
      values.push(s.f, s.t, ...s.power);
    }
  }
  const all = [...grids, ...values];
  const out = new Float64Array(all.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of all) {
    for (let i = 0; i < a.length; i++) out[at + i] = a[i] as number;
    at += a.length;
    sinceTurn += a.length;
    if (sinceTurn >= SLICE) {
      sinceTurn = 0;
      yield;
    }
  }
  // Spread first, so the members keep their order (the CSV's columns follow the series' order).
  const rest: Head['results'] = { ...results, series, spectra };
  const head: Head = { format: PACKED_FORMAT, grids: grids.map((g) => g.length), results: rest };
  return { head: JSON.stringify(head), data: new Uint8Array(out.buffer) };
}

/** Unpacks results; series on one time grid share its `t` array (read-only, like all results). */
export async function unpackResults(packed: Packed): Promise<Results> {
  const head = JSON.parse(packed.head) as Head;
  if (head.format !== PACKED_FORMAT) throw new Error(`BUG: unknown packed results format ${JSON.stringify(head.format)}`);
  const { data } = packed;
  // A Float64Array needs an 8-byte aligned offset; a buffer read from SQLite or zlib may not have one.
  const f64 = data.byteOffset % 8 === 0 ? new Float64Array(data.buffer, data.byteOffset, data.byteLength / 8) : new Float64Array(data.slice().buffer);
  let at = 0;
  let sinceTurn = 0;
  const take = async (n: number): Promise<number[]> => {
    if (at + n > f64.length) throw new Error(`BUG: packed results hold ${f64.length} values, the head asks for more`);
    const a = new Array<number>(n);
    for (let i = 0; i < n; i++) a[i] = f64[at + i] as number;
    at += n;
    sinceTurn += n;
    if (sinceTurn >= SLICE) {
      sinceTurn = 0;
      await turn();
    }
    return a;
  };
  const grids: number[][] = [];
  for (const n of head.grids) grids.push(await take(n));
  const series: Record<string, Series> = {};
  for (const [name, slot] of Object.entries(head.results.series)) {
    const { grid, n, ...meta } = slot;
    const t = grids[grid];
    if (t === undefined || t.length !== n) throw new Error(`BUG: packed series ${name} names grid ${grid} of another length`);
    series[name] = { ...meta, t, v: await take(n) };
  }
  const results = head.results as unknown as Results;
  results.series = series;
  if (head.results.spectra) {
    const spectra: Record<string, SpectrumSeries> = {};
    for (const [name, slot] of Object.entries(head.results.spectra)) {
      const { nf: _nf, nt: _nt, ...meta } = slot;
      const f = await take(slot.nf);
      const t = await take(slot.nt);
      const power: number[][] = [];
      for (let i = 0; i < slot.nt; i++) power.push(await take(slot.nf));
      spectra[name] = { ...meta, f, t, power };
    }
    results.spectra = spectra;
  }
  if (at !== f64.length) throw new Error(`BUG: packed results hold ${f64.length} values, the head uses ${at}`);
  return results;
}
