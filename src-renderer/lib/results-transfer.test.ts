import { describe, expect, it } from 'vitest';
import { simulate, type Results } from '../../src-engine/index.ts';
import { packResults, unpackResults } from './results-transfer.ts';

function run(doc: unknown): Results {
  const out = simulate(doc);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}

const trd = {
  schema: 'modulon.scenario/1',
  name: 'transfer',
  duration: '3w',
  patient: { condition: 'depression', treatmentResistant: true },
  interventions: [
    { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', every: '7d' },
    { type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' },
    { type: 'therapy', kind: 'cbt', every: '7d', start: '1d' },
  ],
  tasks: [{ task: 'fear-conditioning', at: '2w' }],
};

describe('results packed for the worker → page transfer', () => {
  it('unpack(pack(r)) is r: the same numbers bit for bit, series and keys in the same order, JSON identical', () => {
    const r = run(trd);
    const packed = packResults(r);
    // What postMessage does to the rest (a structured clone), and the buffer moved as is.
    const back = unpackResults(structuredClone(packed, { transfer: [packed.buffer] }));
    expect(JSON.stringify(back) === JSON.stringify(r)).toBe(true);
    expect(Object.keys(back.series)).toEqual(Object.keys(r.series));
    for (const [name, s] of Object.entries(r.series)) {
      const b = back.series[name]!;
      expect(b.t.length).toBe(s.t.length);
      for (let k = 0; k < s.v.length; k++) {
        if (!Object.is(b.v[k], s.v[k]) || !Object.is(b.t[k], s.t[k])) throw new Error(`${name}[${k}]: ${b.t[k]}, ${b.v[k]} vs ${s.t[k]}, ${s.v[k]}`);
      }
      expect(Array.isArray(b.v) && Array.isArray(b.t)).toBe(true);
    }
    expect(back.spectra).toEqual(r.spectra);
    expect(back.tasks).toEqual(r.tasks);
  });

  it('series that shared a time array share it again, and -0 stays -0', () => {
    const r = run(trd);
    const names = Object.keys(r.series);
    const a = r.series[names[0]!]!;
    const sharing = names.filter((n) => r.series[n]!.t === a.t);
    expect(sharing.length).toBeGreaterThan(3);
    a.v[0] = -0;
    const back = unpackResults(packResults(r));
    for (const n of sharing) expect(back.series[n]!.t).toBe(back.series[names[0]!]!.t);
    expect(Object.is(back.series[names[0]!]!.v[0], -0)).toBe(true);
    // Probe series have their own, sparser times.
    const probe = names.find((n) => r.series[n]!.t !== a.t);
    expect(probe).toBeDefined();
    expect(back.series[probe!]!.t).toEqual(r.series[probe!]!.t);
  });

  it('refuses a series whose values do not match its times (a bug, not data to send)', () => {
    const r = run({ ...trd, duration: '2d', tasks: undefined });
    const first = Object.values(r.series)[0]!;
    first.v = first.v.slice(1);
    expect(() => packResults(r)).toThrow(/times and/);
  });
});
