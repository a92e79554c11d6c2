// Regimens and error messages of the scenario format: dose times (start, every, stop, count,
// skip, titration steps), the default route, paths and the sentences that replace zod's defaults.
import { describe, expect, it } from 'vitest';
import { doseSchedule, drugLookup, formatPath, hoursOf, migrateScenario, parseScenario, regimenTimes, routeOf } from './scenario.ts';

describe('regimen times', () => {
  it('gives one dose at start without every, none when start is at or after the end', () => {
    expect(regimenTimes({ start: '2h' }, 10)).toEqual([2]);
    expect(regimenTimes({}, 10)).toEqual([0]);
    expect(regimenTimes({ start: '10h' }, 10)).toEqual([]);
    expect(regimenTimes({ start: '11h', every: '1h' }, 10)).toEqual([]);
  });

  it('repeats every interval from start until stop or the end, stop excluded', () => {
    expect(regimenTimes({ start: '1h', every: '3h' }, 10)).toEqual([1, 4, 7]);
    expect(regimenTimes({ start: '1h', every: '3h' }, 10.0001)).toEqual([1, 4, 7, 10]);
    expect(regimenTimes({ every: '2h', stop: '6h' }, 10)).toEqual([0, 2, 4]);
    expect(regimenTimes({ every: '2h', stop: '20h' }, 10)).toEqual([0, 2, 4, 6, 8]);
  });

  it('stops after count doses', () => {
    expect(regimenTimes({ every: '1h', count: 3 }, 10)).toEqual([0, 1, 2]);
    expect(regimenTimes({ every: '1h', count: 30 }, 10)).toHaveLength(10);
  });

  it('lands dose k exactly on start + k·every (no accumulated rounding)', () => {
    const t = regimenTimes({ start: '0.1h', every: '0.1h' }, 1000);
    expect(t[9999 - 1]).toBe(0.1 + 9998 * 0.1);
  });

  it('removes missed doses matched to the microsecond', () => {
    expect(regimenTimes({ every: '1h', count: 5, skip: ['1h', '180min', '7h'] }, 10)).toEqual([0, 2, 4]);
    expect(regimenTimes({ every: '20min', count: 4, skip: ['40min'] }, 10)).toEqual([0, 1 / 3, 1]);
  });

  it('gives the titration step’s dose from its time on, the intervention’s before', () => {
    const doses = doseSchedule({ dose: '5 mg', every: '1d', count: 5, steps: [{ at: '3d', dose: '20 mg' }, { at: '1d', dose: '10 mg' }] }, 1000);
    expect(doses).toEqual([
      { t: 0, dose: '5 mg' },
      { t: 24, dose: '10 mg' },
      { t: 48, dose: '10 mg' },
      { t: 72, dose: '20 mg' },
      { t: 96, dose: '20 mg' },
    ]);
    expect(doseSchedule({ every: '1d' }, 100)).toEqual([]);
  });
});

describe('routes and drugs', () => {
  it('takes the given route, else oral where the drug has it, else its first', () => {
    expect(routeOf({ route: 'iv' }, { routes: { oral: {} } } as never)).toBe('iv');
    expect(routeOf({}, { routes: { iv: {}, oral: {} } } as never)).toBe('oral');
    expect(routeOf({}, { routes: { patch: {}, iv: {} } } as never)).toBe('patch');
    expect(routeOf({}, undefined)).toBe('oral');
  });

  it('finds built-in drugs first, then the scenario’s own', () => {
    const own = { id: 'mine', name: 'Mine', model: 'one-compartment', routes: ['iv'], CL: { value: 1, unit: 'L/h' }, V: { value: 1, unit: 'L' }, F: 1, targets: {} } as never;
    const lookup = drugLookup({ customDrugs: [own] });
    expect(lookup('donepezil')?.id).toBe('donepezil');
    expect(lookup('mine')).toMatchObject({ id: 'mine', userDefined: true });
    expect(lookup('nope')).toBeUndefined();
    expect(drugLookup({})('mine')).toBeUndefined();
  });

  it('reads durations and doses with spaces around them', () => {
    expect(hoursOf(' 3d ')).toBe(72);
    expect(parseScenario({ schema: 'modulon.scenario/1', name: 'x', duration: ' 2d\t', patient: { condition: 'healthy' }, interventions: [{ type: 'drug', drug: 'donepezil', dose: ' 5 mg ' }] }).ok).toBe(true);
  });

  it('reads hours of a valid duration, NaN otherwise', () => {
    expect(hoursOf('90min')).toBe(1.5);
    expect(hoursOf('2w')).toBe(336);
    expect(hoursOf('soon')).toBeNaN();
  });
});

describe('paths and messages', () => {
  it('writes paths with dots and indices, $ for the root', () => {
    expect(formatPath([])).toBe('$');
    expect(formatPath(['interventions', 0, 'records', 3, 'amt'])).toBe('interventions[0].records[3].amt');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath(['patient'])).toBe('patient');
  });

  it('refuses documents that are not scenario objects, naming what was expected', () => {
    expect(migrateScenario(null)).toEqual({ ok: false, errors: [{ path: '$', message: 'expected a JSON object with "schema": "modulon.scenario/1"' }] });
    expect(migrateScenario([])).toMatchObject({ ok: false, errors: [{ path: '$' }] });
    expect(migrateScenario({})).toEqual({ ok: false, errors: [{ path: 'schema', message: 'expected "modulon.scenario/1", got nothing' }] });
    expect(migrateScenario({ schema: 2 })).toEqual({ ok: false, errors: [{ path: 'schema', message: 'expected "modulon.scenario/1", got 2' }] });
    const doc = { schema: 'modulon.scenario/1' };
    expect(migrateScenario(doc)).toEqual({ ok: true, doc });
  });

  const base = { schema: 'modulon.scenario/1', name: 'x', duration: '1d', patient: { condition: 'healthy' } };
  const message = (doc: unknown, path: string) => {
    const parsed = parseScenario(doc);
    if (parsed.ok) throw new Error('accepted');
    const hit = parsed.errors.find((e) => e.path === path);
    if (!hit) throw new Error(JSON.stringify(parsed.errors));
    return hit.message;
  };

  it('rewrites zod’s defaults into sentences naming what was expected and what came', () => {
    expect(message({ ...base, colour: 1, shade: 2 }, '$')).toBe('unknown keys "colour", "shade"');
    expect(message({ ...base, colour: 1 }, '$')).toBe('unknown key "colour"');
    expect(message({ ...base, seed: 'x' }, 'seed')).toBe('expected number, got "x"');
    expect(message({ ...base, seed: null }, 'seed')).toBe('expected number, got null');
    expect(message({ ...base, seed: [1] }, 'seed')).toBe('expected number, got an array');
    expect(message({ ...base, seed: {} }, 'seed')).toBe('expected number, got an object');
    expect(message({ ...base, seed: true }, 'seed')).toBe('expected number, got boolean');
    expect(message({ ...base, seed: Number.NaN }, 'seed')).toBe('expected number, got NaN');
    expect(message({ ...base, seed: undefined, patient: undefined }, 'patient')).toBe('expected object, but it is missing');
    expect(message({ ...base, patient: { condition: 'flu' } }, 'patient.condition')).toBe('expected one of "healthy", "alzheimers", "parkinsons", "depression", "schizophrenia", "ptsd", "bipolar", got "flu"');
    expect(message({ ...base, name: 'n'.repeat(201) }, 'name')).toBe(`expected at most 200 characters, got "${'n'.repeat(57)}..."`);
    expect(message({ ...base, seed: 2 ** 32 }, 'seed')).toBe(`expected at most ${2 ** 32 - 1}, got ${2 ** 32}`);
    expect(message({ ...base, seed: -1 }, 'seed')).toBe('expected at least 0, got -1');
    expect(message({ ...base, interventions: Array.from({ length: 101 }, () => ({ type: 'therapy', kind: 'cbt' })) }, 'interventions')).toBe('expected at most 100 items, got an array');
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil', records: [] }] }, 'interventions[0].records')).toBe('expected at least 1 items, got an array');
  });

  it('names the intervention types it knows when the type is unknown or missing', () => {
    expect(message({ ...base, interventions: [{ type: 'laser' }] }, 'interventions[0].type')).toBe('expected one of "drug", "therapy", "dbs", "tms", "tdcs", "ect", got "laser"');
    expect(message({ ...base, interventions: [{ drug: 'x' }] }, 'interventions[0].type')).toBe('expected one of "drug", "therapy", "dbs", "tms", "tdcs", "ect", but it is missing');
  });

  it('checks regimens against the scenario’s duration', () => {
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', start: '2d' }] }, 'interventions[0].start')).toBe('expected a start time before the end of the scenario (1d), got "2d"');
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', start: '5h', stop: '5h', every: '1h' }] }, 'interventions[0].stop')).toBe('expected a stop time after start (5h), got "5h"');
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', stop: '5h' }] }, 'interventions[0].every')).toBe('expected "every" (the interval) when "stop" is given');
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', count: 2 }] }, 'interventions[0].every')).toBe('expected "every" (the interval) when "count" is given');
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', every: '30s' }] }, 'interventions[0].every')).toMatch(/^expected a duration such as "40min"/);
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', every: '0.5min' }] }, 'interventions[0].every')).toBe('expected a dosing interval of at least 1 min, got "0.5min"');
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil' }] }, 'interventions[0].dose')).toBe('expected a dose such as "10 mg" (or "records")');
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', records: [{ time: 0, amt: 1 }] }] }, 'interventions[0].dose')).toBe('expected either "records" or "dose", not both (records carry their own times, amounts, rates and intervals)');
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'rivastigmine', route: 'patch', records: [{ time: 0, amt: 1 }] }] }, 'interventions[0].records')).toMatch(/^dosing records are not available for patches/);
  });

  it('weighs mg/kg doses by the patient’s weight against the 100 g ceiling', () => {
    expect(message({ ...base, patient: { condition: 'healthy', weightKg: 100 }, interventions: [{ type: 'drug', drug: 'ketamine', route: 'iv', dose: '1001 mg/kg' }] }, 'interventions[0].dose')).toBe('expected a dose of at most 100 g, got "1001 mg/kg" (100100 mg)');
    expect(parseScenario({ ...base, patient: { condition: 'healthy', weightKg: 100 }, interventions: [{ type: 'drug', drug: 'ketamine', route: 'iv', dose: '1000 mg/kg' }] }).ok).toBe(true);
    expect(message({ ...base, interventions: [{ type: 'drug', drug: 'donepezil', dose: '5 mg', every: '1d', steps: [{ at: '1h', dose: '101 g' }] }] }, 'interventions[0].steps[0].dose')).toBe('expected a dose of at most 100 g, got "101 g" (101000 mg)');
  });

  it('refuses a user-defined drug defined twice', () => {
    const own = { id: 'mine', name: 'Mine', model: 'one-compartment', routes: ['iv'], CL: { value: 1, unit: 'L/h' }, V: { value: 10, unit: 'L' } };
    expect(message({ ...base, customDrugs: [own, own] }, 'customDrugs[1].id')).toBe('"mine" is defined twice');
  });
});
