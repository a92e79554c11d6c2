// The stimulation interventions' schemas: DESIGN.md §4.1's examples parse, defaults fill in, and
// every refusal names the field and says what was expected.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dbsIntervention, ectIntervention, resolveDbs, resolveTdcs, resolveTms, tdcsIntervention, tmsIntervention } from './schema.ts';

const union = z.discriminatedUnion('type', [dbsIntervention, tmsIntervention, tdcsIntervention, ectIntervention]);
function errors(doc: unknown): Array<[string, string]> {
  const r = union.safeParse(doc);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}
const dbs = { type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 2.5, start: '0d', stop: '3d' };
const tms = { type: 'tms', protocol: 'itbs', target: 'left-DLPFC', sessionsPerDay: 1, daysPerWeek: 5, start: '0d', stop: '6w' };

describe('schemas', () => {
  it("parse DESIGN.md §4.1's dbs and tms examples, in one discriminated union", () => {
    expect(errors(dbs)).toEqual([]);
    expect(errors(tms)).toEqual([]);
    const t = tmsIntervention.parse({ ...tms, sessionsPerDay: undefined, daysPerWeek: undefined });
    expect([t.sessionsPerDay, t.daysPerWeek]).toEqual([1, 5]);
    expect(resolveTms(t)).toEqual({ protocol: 'itbs', intensityPctMT: 120, pulses: 600 });
  });

  it('tDCS and ECT with their defaults', () => {
    const t = tdcsIntervention.parse({ type: 'tdcs', polarity: 'anodal', currentMa: 2, minutes: 30, target: 'left-DLPFC', start: '0d', stop: '3w' });
    expect(resolveTdcs(t).electrodeAreaCm2).toBe(35);
    const e = ectIntervention.parse({ type: 'ect', placement: 'right-unilateral', pulseWidthMs: 0.3, start: '1d' });
    expect([e.sessionsPerWeek, e.count]).toEqual([3, 12]);
  });

  it('range errors name the field and say what was expected and what came', () => {
    expect(errors({ ...dbs, frequencyHz: 300 })).toEqual([['frequencyHz', 'expected a stimulation frequency from 2 to 250 Hz, got 300 (above 250)']]);
    expect(errors({ ...dbs, pulseWidthUs: 20 })).toEqual([['pulseWidthUs', 'expected a pulse width from 30 to 450 µs, got 20 (below 30)']]);
    expect(errors({ ...dbs, amplitudeV: 11 })[0]).toEqual(['amplitudeV', 'expected a voltage amplitude from 0 to 10.5 V, got 11 (above 10.5)']);
    expect(errors({ ...tms, intensityPctMT: '120%' })[0]![1]).toBe('expected an intensity from 50 to 160 % of motor threshold as a number, got "120%"');
    expect(errors({ ...tms, sessionsPerDay: 1.5 })[0]![1]).toMatch(/^expected sessions per day from 1 to 10 as a whole number/);
    expect(errors({ type: 'tdcs', polarity: 'anodal', currentMa: 5, minutes: 60, target: 'left-DLPFC', start: '0d', stop: '1w' }).map((e) => e[0])).toEqual(['currentMa', 'minutes']);
    expect(errors({ type: 'ect', placement: 'bitemporal', pulseWidthMs: 0.1, start: '0d' })[0]![1]).toMatch(/pulse width from 0.25 to 2 ms/);
    expect(errors({ ...tms, protocol: '20hz' })[0]).toEqual(['protocol', 'expected a TMS protocol: one of "10hz", "1hz", "itbs", "ctbs", got "20hz"']);
    expect(errors({ ...dbs, frequencyHz: undefined })[0]![1]).toBe('expected a stimulation frequency from 2 to 250 Hz, but it is missing');
  });

  it('a DBS setting has exactly one amplitude', () => {
    const { amplitudeV: _v, ...none } = dbs;
    expect(errors(none)).toEqual([['amplitudeV', 'expected an amplitude: "amplitudeV" (voltage-controlled) or "amplitudeMa" (current-controlled)']]);
    expect(errors({ ...dbs, amplitudeMa: 3 })).toEqual([['amplitudeMa', 'expected either "amplitudeV" or "amplitudeMa", not both']]);
    expect(errors({ ...none, amplitudeMa: 3 })).toEqual([]);
    expect(resolveDbs(dbsIntervention.parse({ ...none, amplitudeMa: 3 })).amplitudeMa).toBe(3);
    // Voltage-controlled: no current amplitude is invented (a 0 mA would read as "off").
    expect(resolveDbs(dbsIntervention.parse(dbs)).amplitudeMa).toBeUndefined();
  });

  it('a missing choice says "got nothing"; a wrong one shows what came', () => {
    const { target: _t, ...noTarget } = tms;
    expect(errors(noTarget)).toEqual([['target', expect.stringMatching(/^expected a TMS target: one of .*, got nothing$/)]]);
    expect(errors({ ...tms, target: 'M1' })).toEqual([['target', expect.stringMatching(/^expected a TMS target: one of .*, got "M1"$/)]]);
  });

  it('durations: parsed strings, stop after start, unknown keys refused', () => {
    expect(errors({ ...tms, stop: '6 weeks' })[0]![0]).toBe('stop');
    expect(errors({ ...tms, stop: '6 weeks' })[0]![1]).toMatch(/^expected the end of the course as a duration such as/);
    expect(errors({ ...tms, start: '2w', stop: '1w' })).toEqual([['stop', 'expected a stop time after start (2w), got "1w"']]);
    expect(errors({ ...dbs, stop: '0d' })).toEqual([['stop', 'expected a stop time after start (0d), got "0d"']]);
    expect(errors({ ...dbs, stop: undefined })).toEqual([]);
    expect(errors({ ...tms, stop: undefined })[0]![0]).toBe('stop');
    expect(errors({ ...dbs, voltage: 3 })[0]![0]).toBe('');
  });
});
