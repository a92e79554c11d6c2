// Packed results read back exactly as they were (every number, -0 and NaN too), with each time
// grid stored once, and packing a real run gives the same results as the engine's.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { simulate, type Results } from '../src-engine/index.ts';
import { packResults, packResultsAsync, unpackResults } from './results-codec.ts';

const hand = {
  schema: 'modulon.results/1',
  engine: '0.1.0',
  scenario: { name: 'x', seed: 1 },
  series: {
    'pk.a.plasma': { unit: 'ng/mL', drug: 'a', t: [0, 1, 2], v: [0, -0, 1e-300] },
    'scale.x': { unit: 'points', t: [0, 1, 2], v: [Number.NaN, 2, Number.MAX_VALUE] },
    'eeg.alpha': { unit: 'fraction', t: [0.5], v: [0.25] },
    'empty': { unit: 'x', t: [], v: [] },
  },
  spectra: { 'eeg.cortex': { unit: 'a.u.', f: [1, 2, 3], t: [0, 1], power: [[1, 2, 3], [4, 5, 6]] } },
  tasks: [{ task: 'go', t: 1, index: 0, measures: { a: 1 }, curves: { c: [1, 2] } }],
  events: [{ t: 0, kind: 'dose', label: 'a 5 mg', drug: 'a' }],
  warnings: ['w'],
} as unknown as Results;

describe('packed results', () => {
  it('read back exactly, members and series in their order, one time grid stored once', async () => {
    const packed = packResults(hand);
    // 2 grids of 3 and 1 and an empty one, 4 series of values, a 3 × 2 spectrum with its f and t.
    expect(packed.data.byteLength).toBe(8 * (3 + 1 + 0 + 3 + 3 + 1 + 0 + 3 + 2 + 6));
    const back = await unpackResults(packed);
    expect(isDeepStrictEqual(back, hand)).toBe(true);
    expect(Object.is(back.series['pk.a.plasma']!.v[1], -0)).toBe(true);
    expect(Object.keys(back)).toEqual(Object.keys(hand));
    expect(Object.keys(back.series)).toEqual(Object.keys(hand.series));
    expect(back.series['pk.a.plasma']!.t).toBe(back.series['scale.x']!.t);
    expect(await packResultsAsync(hand)).toEqual(packed);
  });

  it('read back from a buffer at an odd offset (as zlib or SQLite may hand it over)', async () => {
    const packed = packResults(hand);
    const shifted = new Uint8Array(packed.data.byteLength + 1).subarray(1);
    shifted.set(packed.data);
    expect(isDeepStrictEqual(await unpackResults({ head: packed.head, data: shifted }), hand)).toBe(true);
  });

  it('refuse a buffer that does not match the head', async () => {
    const packed = packResults(hand);
    await expect(unpackResults({ head: packed.head, data: packed.data.subarray(0, 16) })).rejects.toThrow(/BUG: packed results hold 2 values/);
    await expect(unpackResults({ head: packed.head, data: new Uint8Array(packed.data.byteLength + 8) })).rejects.toThrow(/the head uses/);
    await expect(unpackResults({ head: '{"format":"other"}', data: packed.data })).rejects.toThrow(/unknown packed results format/);
  });

  it('give back the engine’s results of a real run', async () => {
    const out = simulate({ schema: 'modulon.scenario/1', name: 'r', duration: '2w', patient: { condition: 'parkinsons' }, interventions: [{ type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' }], probes: { every: '6h' } });
    if (!out.ok) throw new Error(out.errors[0]?.message);
    const packed = packResults(out.results);
    expect(isDeepStrictEqual(await unpackResults(packed), out.results)).toBe(true);
  });
});
