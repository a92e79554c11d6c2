// Bad scenarios are refused with a message naming the JSON path; good ones get their defaults.
import { describe, expect, it } from 'vitest';
import { parseScenario } from './scenario.ts';
import { parseDose, parseDuration } from './units.ts';

const good = () => ({
  schema: 'modulon.scenario/1',
  name: 'Donepezil 10 mg',
  duration: '12w',
  patient: { condition: 'alzheimers', severity: 'mild', age: 74, sex: 'male', weightKg: 72, cyp2d6: 'normal' },
  interventions: [{ type: 'drug', drug: 'donepezil', dose: '10 mg', route: 'oral', every: '24h', start: '0d', stop: '12w' }],
  sampling: '1h',
});

type Doc = ReturnType<typeof good> & Record<string, unknown>;

/** [description, mutation, expected path, fragment of the message]. */
const BAD: Array<[string, (d: Doc) => void, string, RegExp]> = [
  ['unknown top-level key', (d) => { d.colour = 'blue'; }, '$', /unknown key "colour"/],
  ['unknown patient key', (d) => { (d.patient as Record<string, unknown>).height = 180; }, 'patient', /unknown key "height"/],
  ['unknown intervention key', (d) => { (d.interventions[0] as Record<string, unknown>).food = true; }, 'interventions[0]', /unknown key "food"/],
  ['unknown drug', (d) => { d.interventions[0]!.drug = 'aspirin'; }, 'interventions[0].drug', /unknown drug "aspirin"; expected one of .*donepezil/],
  ['a mass unit that is not a dose', (d) => { d.interventions[0]!.dose = '5 kg'; }, 'interventions[0].dose', /expected a dose .* got "5 kg"/],
  ['dose without unit', (d) => { d.interventions[0]!.dose = '10'; }, 'interventions[0].dose', /expected a dose/],
  ['dose as a number', (d) => { (d.interventions[0] as Record<string, unknown>).dose = 10; }, 'interventions[0].dose', /expected a dose as a string/],
  ['negative dose', (d) => { d.interventions[0]!.dose = '-5 mg'; }, 'interventions[0].dose', /expected a dose/],
  ['zero dose', (d) => { d.interventions[0]!.dose = '0 mg'; }, 'interventions[0].dose', /greater than zero/],
  ['volume as a dose', (d) => { d.interventions[0]!.dose = '5 mL'; }, 'interventions[0].dose', /expected a dose/],
  ['huge dose', (d) => { d.interventions[0]!.dose = '999999999 g'; }, 'interventions[0].dose', /at most 100 g/],
  ['exponent notation', (d) => { d.interventions[0]!.dose = '1e308 mg'; }, 'interventions[0].dose', /expected a dose/],
  ['negative duration', (d) => { d.duration = '-2w'; }, 'duration', /expected a duration/],
  ['zero duration', (d) => { d.duration = '0h'; }, 'duration', /greater than zero/],
  ['duration without unit', (d) => { d.duration = '12'; }, 'duration', /expected a duration/],
  ['duration in years', (d) => { d.duration = '3y'; }, 'duration', /expected a duration/],
  ['huge duration', (d) => { d.duration = '99999w'; }, 'duration', /at most 5 years/],
  ['NaN weight', (d) => { d.patient.weightKg = Number.NaN; }, 'patient.weightKg', /expected number, got NaN/],
  ['infinite weight', (d) => { d.patient.weightKg = Number.POSITIVE_INFINITY; }, 'patient.weightKg', /expected number/],
  ['huge weight', (d) => { d.patient.weightKg = 1e300; }, 'patient.weightKg', /at most 250/],
  ['age as a string', (d) => { (d.patient as Record<string, unknown>).age = 'old'; }, 'patient.age', /expected number, got "old"/],
  ['fractional age', (d) => { d.patient.age = 40.5; }, 'patient.age', /expected int/],
  ['unknown condition', (d) => { d.patient.condition = 'flu'; }, 'patient.condition', /expected one of "healthy".*got "flu"/],
  ['severity out of range', (d) => { (d.patient as Record<string, unknown>).severity = 1.5; }, 'patient.severity', /./],
  ['unknown CYP2D6 phenotype', (d) => { d.patient.cyp2d6 = 'fast'; }, 'patient.cyp2d6', /expected one of "poor"/],
  ['name missing', (d) => { delete (d as Record<string, unknown>).name; }, 'name', /missing/],
  ['empty name', (d) => { d.name = '   '; }, 'name', /non-empty name/],
  ['name as a number', (d) => { (d as Record<string, unknown>).name = 42; }, 'name', /expected string, got 42/],
  ['patient missing', (d) => { delete (d as Record<string, unknown>).patient; }, 'patient', /missing/],
  ['interventions not an array', (d) => { (d as Record<string, unknown>).interventions = 'donepezil'; }, 'interventions', /expected array/],
  ['an unknown severity', (d) => { (d.patient as Record<string, unknown>).severity = 'extreme'; }, 'patient.severity', /^expected "mild", "moderate", "severe" or a number from 0 to 1, got "extreme"$/],
  ['an unknown intervention type', (d) => { (d.interventions[0] as Record<string, unknown>).type = 'laser'; }, 'interventions[0].type', /^expected one of "drug", "therapy", "dbs", "tms", "tdcs", "ect", got "laser"$/],
  ['DBS charge beyond the tissue-safety limit', (d) => { (d.interventions as unknown[])[0] = { type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 450, amplitudeV: 10.5, start: '0d' }; }, 'interventions[0].amplitudeV', /Shannon/],
  ['a TMS course starting after the end', (d) => { (d.interventions as unknown[])[0] = { type: 'tms', protocol: 'itbs', target: 'left-DLPFC', start: '20w', stop: '21w' }; }, 'interventions[0].start', /^expected a start time before the end of the scenario/],
  ['unknown therapy kind', (d) => { (d.interventions as unknown[]).push({ type: 'therapy', kind: 'hypnosis', every: '7d' }); }, 'interventions[1].kind', /expected one of "cbt", "exposure", got "hypnosis"/],
  ['therapy count without every', (d) => { (d.interventions as unknown[]).push({ type: 'therapy', kind: 'cbt', count: 8 }); }, 'interventions[1].every', /expected "every"/],
  ['therapy starting after the end', (d) => { (d.interventions as unknown[]).push({ type: 'therapy', kind: 'cbt', start: '20w' }); }, 'interventions[1].start', /before the end/],
  ['a dose on a therapy session', (d) => { (d.interventions as unknown[]).push({ type: 'therapy', kind: 'cbt', dose: '10 mg' }); }, 'interventions[1]', /unknown key "dose"/],
  ['too many therapy sessions', (d) => { d.duration = '260w'; d.sampling = '1d'; (d.interventions as unknown[]).push({ type: 'therapy', kind: 'cbt', every: '1min' }); }, 'interventions', /at most 20000 doses and sessions/],
  ['unknown mechanism to disable', (d) => { (d as Record<string, unknown>).disable = ['autoreceptors']; }, 'disable[0]', /expected one of "autoreceptor-desensitisation"/],
  ['intervention without type', (d) => { delete (d.interventions[0] as Record<string, unknown>).type; }, 'interventions[0].type', /missing/],
  ['route the drug does not have', (d) => { d.interventions[0]!.route = 'iv'; }, 'interventions[0].route', /expected a route of donepezil: "oral"; got "iv"/],
  ['unknown route', (d) => { d.interventions[0]!.route = 'rectal'; }, 'interventions[0].route', /expected one of "oral", "iv"/],
  ['infusion on an oral dose', (d) => { (d.interventions[0] as Record<string, unknown>).infusion = '40min'; }, 'interventions[0].infusion', /only with "route": "iv"/],
  ['bad titration step dose', (d) => { (d.interventions[0] as Record<string, unknown>).steps = [{ at: '2w', dose: '10 kg' }]; }, 'interventions[0].steps[0].dose', /expected a dose/],
  ['bad missed-dose time', (d) => { (d.interventions[0] as Record<string, unknown>).skip = ['yesterday']; }, 'interventions[0].skip[0]', /expected a duration/],
  ['renal function out of range', (d) => { (d.patient as Record<string, unknown>).crclMlMin = 0; }, 'patient.crclMlMin', /at least 5/],
  ['stop before start', (d) => { d.interventions[0]!.start = '2w'; d.interventions[0]!.stop = '1w'; }, 'interventions[0].stop', /after start/],
  ['start after the end', (d) => { d.interventions[0]!.start = '13w'; }, 'interventions[0].start', /before the end/],
  ['stop without every', (d) => { delete (d.interventions[0] as Record<string, unknown>).every; }, 'interventions[0].every', /expected "every"/],
  ['zero interval', (d) => { d.interventions[0]!.every = '0h'; }, 'interventions[0].every', /greater than zero/],
  ['too many samples', (d) => { d.duration = '260w'; d.sampling = '1min'; }, 'sampling', /at most 200000 samples/],
  // The case found by trying to break it: 5 years at 15 min passes the per-series limit but not the whole output.
  ['too large an output', (d) => { d.duration = '260w'; d.sampling = '15min'; }, 'sampling', /^expected at most 6,000,000 output values; 15min over 260w gives 174,721 samples of about \d+ series \(\d+ drugs?\): choose a sampling of at least \d+ min or a shorter duration$/],
  ['too many doses', (d) => { d.duration = '260w'; d.interventions[0]!.every = '1min'; d.interventions[0]!.stop = '260w'; d.sampling = '1d'; }, 'interventions', /at most 20000 doses/],
  ['wrong schema version', (d) => { d.schema = 'modulon.scenario/9'; }, 'schema', /expected "modulon.scenario\/1"/],
  ['seed negative', (d) => { (d as Record<string, unknown>).seed = -1; }, 'seed', /at least 0/],
];

/** Dosing records: [description, record fields, expected path under interventions[0], fragment of the message]. */
const BAD_RECORDS: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['a negative amt', { amt: -5 }, 'records[0].amt', /^expected amt \(mg\) ≥ 0$/],
  ['an amt as text', { amt: '5' }, 'records[0].amt', /^expected amt \(mg\) as a number$/],
  ['a negative time', { time: -1 }, 'records[0].time', /^expected time \(h\) ≥ 0$/],
  ['a negative rate', { rate: -2 }, 'records[0].rate', /^expected rate \(mg\/h\) ≥ 0$/],
  ['a negative dur', { dur: -2 }, 'records[0].dur', /^expected dur \(h\) ≥ 0$/],
  ['a negative ii', { ii: -24 }, 'records[0].ii', /^expected ii \(h\) ≥ 0$/],
  ['a negative lag', { lag: -1 }, 'records[0].lag', /^expected lag \(h\) ≥ 0$/],
  ['a negative f', { f: -0.5 }, 'records[0].f', /^expected f ≥ 0$/],
  ['an f above 10', { f: 11 }, 'records[0].f', /^expected f of at most 10$/],
  ['a fractional addl', { addl: 1.5, ii: 24 }, 'records[0].addl', /^expected addl as a whole number$/],
  ['a negative addl', { addl: -1, ii: 24 }, 'records[0].addl', /at least 0/],
  ['ss 3', { ss: 3, ii: 24 }, 'records[0].ss', /^expected ss 0, 1 or 2$/],
  ['evid 2', { evid: 2 }, 'records[0].evid', /^expected evid 1 \(dose\), 3 \(reset\) or 4 \(reset and dose\)$/],
  ['an unknown cmt', { cmt: 'gut' }, 'records[0].cmt', /^expected cmt "depot" or "central"/],
  ['rate and dur together', { cmt: 'central', rate: 10, dur: 2 }, 'records[0].dur', /^rate and dur both given; expected one of them$/],
  ['addl without ii', { addl: 2 }, 'records[0].addl', /^addl without ii; expected ii > 0 with additional doses$/],
  ['a reset carrying a dose', { evid: 3 }, 'records[0].evid', /^a reset \(evid 3\) carries no dose/],
  ['a reset with addl', { evid: 3, amt: 0, addl: 2, ii: 12 }, 'records[0].evid', /^a reset \(evid 3\) carries no dose/],
  ['a reset with ss', { evid: 3, amt: 0, ss: 1, ii: 12 }, 'records[0].evid', /^a reset \(evid 3\) carries no dose/],
  ['steady state without ii', { ss: 1 }, 'records[0].ii', /^steady state needs ii > 0/],
  ['a dose of nothing', { amt: 0 }, 'records[0].amt', /^a dose record needs amt > 0$/],
  ['an ii under a minute', { ii: 0.01, addl: 1 }, 'records[0].ii', /^expected ii of at least 1 min \(0\.01666\d+ h\), got 0\.01$/],
  ['a lag reaching back over 50 intervals', { ss: 1, ii: 1, lag: 60 }, 'records[0].lag', /^at steady state, expected lag \+ infusion duration at most 50 × ii \(50 h\), got 60 h$/],
  ['an infusion reaching back over 50 intervals', { ss: 1, ii: 1, cmt: 'central', dur: 60 }, 'records[0].dur', /^at steady state, expected lag \+ infusion duration at most 50 × ii \(50 h\), got 60 h$/],
  // 102 mg × f 0.5 at 1 mg/h: 51 h of infusion (f scales the duration).
  ['an infusion by rate reaching back over 50 intervals', { ss: 1, ii: 1, cmt: 'central', amt: 102, f: 0.5, rate: 1 }, 'records[0].dur', /^at steady state, expected lag \+ infusion duration at most 50 × ii \(50 h\), got 51 h$/],
  ['a time after the end', { time: 24 }, 'records[0].time', /^expected a time before the end of the scenario \(24 h\), got 24$/],
  ['a lag longer than the scenario', { lag: 25 }, 'records[0].lag', /^expected a lag no longer than the scenario \(24 h\), got 25$/],
  ['more than 100 g after f', { amt: 60_000, f: 2 }, 'records[0].amt', /^expected at most 100000 mg after f, got 120000$/],
  ['a rate above 100 g/h', { cmt: 'central', rate: 100_001 }, 'records[0].rate', /^expected a rate of at most 100000 mg\/h, got 100001$/],
  ['a depot dose by a route without one', { cmt: 'depot' }, 'records[0].cmt', /^a depot dose needs an absorbing route \(oral or intranasal\), not "iv"; use cmt "central"$/],
];

describe('scenario validation', () => {
  it('accepts a complete scenario and fills defaults in a minimal one', () => {
    expect(parseScenario(good()).ok).toBe(true);
    const minimal = parseScenario({ schema: 'modulon.scenario/1', name: 'x', duration: '1d', patient: { condition: 'healthy' } });
    expect(minimal.ok && minimal.scenario).toMatchObject({ seed: 1, sampling: '1h', interventions: [], patient: { weightKg: 70, cyp2d6: 'normal' } });
  });

  it.each(BAD)('refuses %s with its path', (_name, mutate, path, message) => {
    const doc = structuredClone(good()) as Doc;
    mutate(doc);
    const parsed = parseScenario(doc);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const hit = parsed.errors.find((e) => e.path === path);
    expect(hit, `errors were ${JSON.stringify(parsed.errors)}`).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it.each(BAD_RECORDS)('refuses a dosing record with %s, naming the field', (_name, fields, path, message) => {
    const route = path === 'records[0].cmt' && fields.cmt === 'depot' ? 'iv' : 'oral';
    const drug = route === 'iv' ? 'ketamine' : 'donepezil';
    const doc = { schema: 'modulon.scenario/1', name: 'r', duration: '1d', patient: { condition: 'healthy' }, interventions: [{ type: 'drug', drug, route, records: [{ time: 0, amt: 5, ...fields }] }] };
    const parsed = parseScenario(doc);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const hit = parsed.errors.find((e) => e.path === `interventions[0].${path}`);
    expect(hit, `errors were ${JSON.stringify(parsed.errors)}`).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('accepts the records the refusals border on', () => {
    const ok = (fields: Record<string, unknown>) => parseScenario({ schema: 'modulon.scenario/1', name: 'r', duration: '1d', patient: { condition: 'healthy' }, interventions: [{ type: 'drug', drug: 'donepezil', records: [{ time: 0, amt: 5, ...fields }] }] });
    for (const fields of [{ amt: 0.001 }, { f: 10 }, { f: 0 }, { ii: 1 / 60, addl: 1 }, { ss: 1, ii: 0.4, lag: 20 }, { ss: 1, ii: 1, cmt: 'central', amt: 100, f: 0.5, rate: 1 }, { time: 23.99 }, { lag: 24 }, { amt: 50_000, f: 2 }, { evid: 3, amt: 0 }, { ss: 1, ii: 0, amt: 0, rate: 2, cmt: 'central' }]) {
      const parsed = ok(fields);
      expect(parsed.ok, `${JSON.stringify(fields)}: ${parsed.ok ? '' : JSON.stringify(parsed.errors)}`).toBe(true);
    }
  });

  it('refuses documents that are not objects', () => {
    for (const doc of [null, 42, 'scenario', [], undefined]) {
      const parsed = parseScenario(doc);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]!.path).toBe('$');
    }
  });
});

describe('unit strings', () => {
  it('parses durations into hours', () => {
    expect(parseDuration('40min')).toEqual({ ok: true, value: 40 / 60 });
    expect(parseDuration('1.5 h')).toEqual({ ok: true, value: 1.5 });
    expect(parseDuration('3d')).toEqual({ ok: true, value: 72 });
    expect(parseDuration('12w')).toEqual({ ok: true, value: 2016 });
    for (const bad of ['', 'h', '5', '5 hours', '-1h', '1e3h', 'NaNh', '0x10h', '5 d 3h']) expect(parseDuration(bad).ok).toBe(false);
  });

  it('parses doses into mg and mg/kg', () => {
    expect(parseDose('50 mg')).toEqual({ ok: true, value: { mg: 50, perKg: false } });
    expect(parseDose('0.5 mg/kg')).toEqual({ ok: true, value: { mg: 0.5, perKg: true } });
    expect(parseDose('200 µg')).toEqual({ ok: true, value: { mg: 0.2, perKg: false } });
    expect(parseDose('1.2g')).toEqual({ ok: true, value: { mg: 1200, perKg: false } });
    for (const bad of ['5 kg', '5', 'mg', '5 mg/L', '5 mmol', '-5 mg', '5 mL', 'Infinity mg']) expect(parseDose(bad).ok).toBe(false);
  });
});
