// Device rows of the editor: defaults the engine accepts, ranges from its RANGES, the document
// mapping in both directions, field errors at the row's JSON path, and their Chinese wording.
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../../src-engine/index.ts';
import { RANGES } from '../../src-engine/stimulation/schema.ts';
import { DEVICE_TYPES, deviceFields, deviceIntervention, newDevice, ordinalOf, setField, type DbsRow } from './devices.ts';
import { deviceIndex, fromDoc, newDraft, toDoc, type Draft } from './draft.ts';
import { localise } from './messages.ts';

const pd = (devices: Draft['devices'], extra: Partial<Draft> = {}): Draft => ({ ...newDraft(), condition: 'parkinsons', severity: 'moderate', duration: '2w', rows: [], devices, ...extra });
const errorsOf = (draft: Draft) => {
  const parsed = parseScenario(toDoc(draft));
  return parsed.ok ? [] : parsed.errors;
};

describe('device rows', () => {
  it('adds each device with settings the engine accepts, as the brief and the trials set them', () => {
    for (const type of DEVICE_TYPES) expect(errorsOf(pd([newDevice(type)]))).toEqual([]);
    expect(deviceIntervention(newDevice('dbs'))).toEqual({ type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 2.5, start: '0d' });
    expect(deviceIntervention(newDevice('tms'))).toEqual({ type: 'tms', protocol: '10hz', target: 'left-DLPFC', sessionsPerDay: 1, daysPerWeek: 5, start: '0d', stop: '6w' });
    expect(deviceIntervention(newDevice('tdcs'))).toMatchObject({ type: 'tdcs', polarity: 'anodal', currentMa: 2, minutes: 30 });
    expect(deviceIntervention(newDevice('ect'))).toEqual({ type: 'ect', placement: 'right-unilateral', pulseWidthMs: 0.3, sessionsPerWeek: 3, count: 12, start: '0d' });
  });

  it("shows each number's unit and the engine's range, and the protocol's default where a field may stay empty", () => {
    const dbs = deviceFields(newDevice('dbs'));
    expect(dbs.map((f) => [f.key, f.unit, f.range])).toEqual([
      ['frequencyHz', 'Hz', RANGES.frequencyHz],
      ['pulseWidthUs', 'µs', RANGES.pulseWidthUs],
      ['amplitude', 'V', RANGES.amplitudeV],
      ['start', '', undefined],
      ['stop', '', undefined],
    ]);
    const mA: DbsRow = { ...(newDevice('dbs') as DbsRow), amplitudeUnit: 'mA' };
    expect(deviceFields(mA)[2]).toMatchObject({ key: 'amplitude', path: 'amplitudeMa', unit: 'mA', range: RANGES.amplitudeMa });
    const tms = newDevice('tms');
    expect(deviceFields(tms).find((f) => f.key === 'pulsesPerSession')?.placeholder).toBe('3000');
    setField(tms, 'protocol', 'itbs');
    expect(deviceFields(tms).find((f) => f.key === 'pulsesPerSession')?.placeholder).toBe('600');
    expect(deviceFields(tms).find((f) => f.key === 'intensityPctMT')).toMatchObject({ unit: '% MT', range: [50, 160], placeholder: '120' });
    expect(deviceFields(newDevice('tdcs')).find((f) => f.key === 'electrodeAreaCm2')?.placeholder).toBe('35');
    expect(deviceFields(newDevice('ect')).map((f) => f.key)).toEqual(['pulseWidthMs', 'sessionsPerWeek', 'count', 'start']);
  });

  it('writes devices after drugs and sessions and reads them back, keeping what the editor does not show', () => {
    const doc: ScenarioInput = {
      schema: 'modulon.scenario/1',
      name: 'All devices',
      duration: '8w',
      patient: { condition: 'depression', severity: 'moderate', weightKg: 70, age: 40 },
      interventions: [
        { type: 'drug', drug: 'sertraline', dose: '50 mg', route: 'oral', start: '0d', every: '24h' },
        { type: 'therapy', kind: 'cbt', start: '1d', every: '7d', count: 8 },
        { type: 'dbs', target: 'GPi', frequencyHz: 130, pulseWidthUs: 90, amplitudeMa: 3, impedanceOhm: 1200, contactAreaCm2: 0.06, start: '1d', stop: '3d' },
        { type: 'tms', protocol: 'itbs', target: 'left-DLPFC', intensityPctMT: 120, pulsesPerSession: 600, start: '0d', stop: '6w' },
        { type: 'tdcs', polarity: 'cathodal', currentMa: 1, minutes: 20, target: 'M1', electrodeAreaCm2: 25, sessionsPerDay: 2, daysPerWeek: 5, start: '1w', stop: '3w' },
        { type: 'ect', placement: 'bitemporal', pulseWidthMs: 1, sessionsPerWeek: 2, count: 6, start: '2w' },
      ],
      sampling: '1h',
      seed: 1,
    };
    expect(parseScenario(doc).ok).toBe(true);
    const draft = fromDoc(doc);
    expect(draft.devices.map((d) => d.type)).toEqual(['dbs', 'tms', 'tdcs', 'ect']);
    expect(draft.devices[0]).toMatchObject({ amplitude: '3', amplitudeUnit: 'mA', extra: { impedanceOhm: 1200, contactAreaCm2: 0.06 } });
    expect(toDoc(draft)).toEqual(doc);
    expect(deviceIndex(draft, 1)).toBe(3);
    expect(ordinalOf([newDevice('tms'), newDevice('dbs'), newDevice('tms')], 2)).toBe(2);
  });

  it('passes what the user typed to the validator, which names the field at the row\'s JSON path', () => {
    const dbs = newDevice('dbs');
    setField(dbs, 'frequencyHz', '300');
    setField(dbs, 'pulseWidthUs', 'wide');
    const tms = newDevice('tms');
    setField(tms, 'daysPerWeek', '2.5');
    const draft = pd([dbs, tms], { sessions: [{ kind: 'cbt', every: '7d', start: '1d', count: '2' }] });
    const errors = errorsOf(draft);
    const at = (k: number, key: string) => errors.find((e) => e.path === `interventions[${deviceIndex(draft, k)}].${key}`)?.message;
    expect(at(0, 'frequencyHz')).toBe('expected a stimulation frequency from 2 to 250 Hz, got 300 (above 250)');
    expect(at(0, 'pulseWidthUs')).toMatch(/as a number, got "wide"/);
    expect(at(1, 'daysPerWeek')).toMatch(/whole number/);
    // A stop before the start is checked once the row's fields are valid (zod refines a valid object).
    const early = newDevice('tms');
    setField(early, 'stop', '0d');
    expect(errorsOf(pd([early]))).toEqual([{ path: 'interventions[0].stop', message: 'expected a stop time after start (0d), got "0d"' }]);
    // An empty required number is missing; an empty optional one takes the engine's default.
    setField(dbs, 'frequencyHz', '');
    setField(tms, 'intensityPctMT', ' ');
    expect(deviceIntervention(tms)).not.toHaveProperty('intensityPctMT');
    expect(errorsOf(pd([dbs])).map((e) => e.message)).toContain('expected a stimulation frequency from 2 to 250 Hz, but it is missing');
  });

  it("refuses a DBS setting beyond Shannon's limit at the amplitude the user gave", () => {
    const dbs = newDevice('dbs');
    setField(dbs, 'amplitude', '10');
    setField(dbs, 'pulseWidthUs', '450');
    const errors = errorsOf(pd([dbs]));
    expect(errors.map((e) => e.path)).toEqual(['interventions[0].amplitudeV']);
    expect(localise(errors[0]!.message, 'zh')).toMatch(/^Shannon k = \S+ 超过组织损伤上限 1.85（每相 .+ µC，0.06 cm² 触点上 .+ µC\/cm²\/相）：请降低幅度或脉宽。$/);
  });
});

describe('engine messages in Chinese', () => {
  it('rewrites the known patterns and leaves the rest as the engine wrote them', () => {
    const cases: Array<[string, string]> = [
      ['expected a stimulation frequency from 2 to 250 Hz, got 300 (above 250)', '超出范围：应为 2–250 Hz，当前为 300（高于上限）'],
      ['expected a current from 0.5 to 4 mA, got 0.1 (below 0.5)', '超出范围：应为 0.5–4 mA，当前为 0.1（低于下限）'],
      ['expected sessions per day from 1 to 10 as a whole number, got 1.5', '应为整数（1–10），当前为 1.5'],
      ['expected a pulse width from 30 to 450 µs as a number, got "wide"', '应为数字（30–450 µs），当前为 "wide"'],
      ['expected a stimulation frequency from 2 to 250 Hz, but it is missing', '必填：2–250 Hz'],
      ['expected an intensity from 50 to 160 % of motor threshold, got 200 (above 160)', '超出范围：应为 50–160 % MT，当前为 200（高于上限）'],
      ['expected a stop time after start (0d), got "0d"', '停止时间应晚于开始时间（0d），当前为 "0d"'],
      ['expected a start time before the end of the scenario (2w), got "3w"', '开始时间应早于情景结束（2w），当前为 "3w"'],
      ['interventions[0]: TMS outside the safety guidelines (8 s trains against a 2 s limit at 150 % MT): seizure risk about 1 in 900 sessions.', 'interventions[0]: TMS 超出安全指南（每串 8 s，150 % MT 时上限 2 s）：癫痫发作风险约每 900 次治疗 1 次。'],
    ];
    for (const [en, zh] of cases) {
      expect(localise(en, 'zh')).toBe(zh);
      expect(localise(en, 'en')).toBe(en);
    }
    expect(localise('a sentence no pattern knows', 'zh')).toBe('a sentence no pattern knows');
  });
});
