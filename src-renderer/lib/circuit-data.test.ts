// The circuits-and-EEG panel's data from real runs: beta and relay with DBS edges, sparse band
// powers, device series with session markers, spectra at the nearest probe, readouts at a time.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src-engine/index.ts';
import type { Results } from '../../src-engine/results.ts';
import { circuitData, nearestIndex, powerOfTen, readoutsAt, sessionKind, spectrumAt, valueAt } from './circuit-data.ts';

const run = (doc: object): Results => {
  const out = simulate({ schema: 'modulon.scenario/1', name: 'c', duration: '2w', sampling: '6h', ...doc });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
};
const DBS = { type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 2.5, start: '2d', stop: '10d' };

describe('circuit data', () => {
  const withDbs = run({ patient: { condition: 'parkinsons' }, interventions: [DBS] });
  const without = run({ patient: { condition: 'parkinsons' }, interventions: [] });

  it('draws beta, the relay and DBS decoupling in Parkinson\'s, with the switch-on and switch-off', () => {
    const data = circuitData(withDbs);
    expect(data.timeUnit).toBe('d');
    expect(data.dbsEdges).toEqual([{ x: 2, on: true }, { x: 10, on: false }]);
    const bg = data.basalGanglia!;
    expect(bg.relay.every((p) => p.y >= 0 && p.y <= 100)).toBe(true);
    expect(bg.decoupling).toBeDefined();
    // Stimulation lowers beta and opens the relay while it is on; both return after it is off.
    const at = (pts: Array<{ x: number; y: number }>, x: number) => pts.find((p) => p.x === x)!.y;
    expect(at(bg.beta, 6)).toBeLessThan(at(bg.beta, 1) / 2);
    expect(at(bg.relay, 6)).toBeGreaterThan(at(bg.relay, 1));
    expect(at(bg.beta, 14)).toBeGreaterThan(at(bg.beta, 6) * 2);
    expect(data.chains).toEqual(['dbs', 'dopamine', 'eeg']);
    expect(circuitData(without).basalGanglia?.decoupling).toBeUndefined();
  });

  it('leaves the beta chart out where beta stays healthy, and marks TMS sessions by kind', () => {
    const tms = run({ duration: '3w', patient: { condition: 'depression' }, interventions: [{ type: 'tms', protocol: 'itbs', target: 'left-DLPFC', start: '0d', stop: '2w' }] });
    const data = circuitData(tms);
    expect(data.basalGanglia).toBeUndefined();
    expect(data.stimulation.map((s) => s.name)).toEqual(expect.arrayContaining(['plasticity.dlpfc.left']));
    expect(data.sessions.map((s) => s.kind)).toEqual(['tms']);
    expect(data.sessions[0]!.points).toHaveLength(10);
    expect(data.chains).toEqual(['dlpfc', 'eeg']);
    expect(data.bands.map((b) => b.band)).toEqual(['delta', 'theta', 'alpha', 'beta', 'gamma']);
    expect(data.bands[0]!.points.length).toBe(tms.series['eeg.delta']!.t.length);
    const total = data.bands.reduce((s, b) => s + b.points[0]!.y, 0);
    expect(total).toBeCloseTo(100, 0);
  });

  it('reads session kinds from the engine\'s events', () => {
    expect(sessionKind({ device: 'tms' })).toBe('tms');
    expect(sessionKind({ device: 'tdcs' })).toBe('tdcs');
    expect(sessionKind({ device: 'ect' })).toBe('ect');
    expect(sessionKind({})).toBe('therapy');
  });

  it('takes the spectra at the probe nearest the chosen time, with the first probe for comparison', () => {
    const s = spectrumAt(withDbs, 6 * 24 + 1)!;
    const probes = withDbs.spectra!['lfp.stn']!.t;
    expect(s.tH).toBe(probes[nearestIndex(probes, 6 * 24 + 1)]);
    expect(s.lines.map((l) => l.key)).toEqual(['eeg.cortex', 'lfp.stn']);
    const lfp = s.lines[1]!;
    const beta = (pts: Array<{ x: number; y: number }>) => pts.filter((p) => p.x >= 13 && p.x <= 30).reduce((a, p) => a + p.y, 0);
    expect(beta(lfp.now)).toBeLessThan(beta(lfp.start));
    expect(lfp.now.every((p) => p.y > 0 && p.x >= 1 && p.x <= 45)).toBe(true);
    expect(spectrumAt({ ...withDbs, spectra: undefined }, 0)).toBeUndefined();
  });

  it('lists the scale, the circuit and the EEG peak at a time', () => {
    const data = circuitData(withDbs);
    const names = readoutsAt(withDbs, data, 6 * 24).map((r) => r.name);
    expect(names).toEqual(['scale.updrs3', 'lfp.stn.beta', 'lfp.stn.peak_hz', 'circuit.thalamus.relay', 'stim.dbs.decoupling', 'eeg.peak_hz']);
    const on = readoutsAt(withDbs, data, 6 * 24);
    const off = readoutsAt(without, circuitData(without), 6 * 24);
    const value = (list: typeof on, name: string) => list.find((r) => r.name === name)!.value;
    expect(value(on, 'scale.updrs3')).toBeLessThan(value(off, 'scale.updrs3'));
    expect(value(on, 'lfp.stn.beta')).toBeLessThan(value(off, 'lfp.stn.beta'));
  });
});

describe('helpers', () => {
  it('finds the nearest time and interpolates dense series', () => {
    expect(nearestIndex([], 3)).toBe(-1);
    expect(nearestIndex([0, 1, 5], 2.9)).toBe(1);
    expect(nearestIndex([0, 1, 5], 3.1)).toBe(2);
    expect(nearestIndex([0, 1, 5], 3)).toBe(1);
    expect(nearestIndex([0, 1, 5], 99)).toBe(2);
    const s = { unit: 'ratio', t: [0, 2, 4], v: [1, 3, 7] };
    expect(valueAt(s, 1)).toBe(2);
    expect(valueAt(s, 3)).toBe(5);
    expect(valueAt(s, 9)).toBe(7);
    expect(valueAt(s, 3, true)).toBe(3);
  });

  it('labels a log axis at powers of ten only', () => {
    expect(powerOfTen(0.001)).toBe('10⁻³');
    expect(powerOfTen(1)).toBe('1');
    expect(powerOfTen(100)).toBe('10²');
    expect(powerOfTen(0.002)).toBe('');
  });
});
