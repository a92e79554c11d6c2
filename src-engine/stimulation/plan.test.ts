// The device plan of a scenario: DBS spans, edges and events with their labels, the stimulation
// sessions, and each warning at the exact edge where it starts (the trials' tDCS doses, a usual
// ECT course, the DBS charge-density limit, the TMS safety table).
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../scenario.ts';
import { planDevices, sessionLabel, type DevicePlan } from './plan.ts';
import { resolveTdcs, resolveTms } from './schema.ts';

type Intervention = NonNullable<ScenarioInput['interventions']>[number];

/** Plans one scenario of `interventions` over two weeks (336 h). */
function plan(...interventions: Intervention[]): DevicePlan & { warnings: string[] } {
  const parsed = parseScenario({ schema: 'modulon.scenario/1', name: 'plan', duration: '2w', patient: { condition: 'parkinsons', severity: 'moderate' }, interventions });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const warnings: string[] = [];
  return { ...planDevices(parsed.scenario, 336, warnings), warnings };
}

const dbs = (extra: Partial<Extract<Intervention, { type: 'dbs' }>>): Intervention => ({ type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, start: '1d', ...extra }) as Intervention;
const tdcs = (extra: object = {}): Intervention => ({ type: 'tdcs', polarity: 'anodal', currentMa: 2, minutes: 30, target: 'left-DLPFC', start: '0d', stop: '1w', ...extra }) as Intervention;
const ect = (extra: object = {}): Intervention => ({ type: 'ect', placement: 'right-unilateral', pulseWidthMs: 0.3, start: '0d', ...extra }) as Intervention;

describe('DBS on the timeline', () => {
  it('a span from start to stop, both edges, and on/off events naming the setting (current-controlled)', () => {
    const p = plan(dbs({ amplitudeMa: 2, stop: '3d' }));
    expect(p.dbs).toHaveLength(1);
    expect(p.dbs[0]).toMatchObject({ start: 24, stop: 72, target: 'STN', frequencyHz: 130 });
    expect(p.edges).toEqual([24, 72]);
    expect(p.events).toEqual([
      { t: 24, kind: 'device', device: 'dbs', label: 'DBS STN on: 130 Hz, 60 µs, 2 mA' },
      { t: 72, kind: 'device', device: 'dbs', label: 'DBS STN off' },
    ]);
    expect(p.sessions).toEqual([]);
    expect(p.warnings).toEqual([]);
  });

  it('voltage-controlled settings are labelled in V; stimulation left on to the end has no off edge or event', () => {
    const p = plan(dbs({ target: 'GPi', amplitudeV: 2.5 }));
    expect(p.dbs[0]).toMatchObject({ start: 24, stop: 336, target: 'GPi' });
    expect(p.edges).toEqual([24]);
    expect(p.events).toEqual([{ t: 24, kind: 'device', device: 'dbs', label: 'DBS GPi on: 130 Hz, 60 µs, 2.5 V' }]);
  });

  it('a stop after the end is clipped to the end (no off edge)', () => {
    const p = plan(dbs({ amplitudeV: 2, stop: '3w' }));
    expect(p.dbs[0]?.stop).toBe(336);
    expect(p.edges).toEqual([24]);
    expect(p.events).toHaveLength(1);
  });

  it('warns above 30 µC/cm² (9 mA × 210 µs over 0.06 cm²: 31.5), not at 8.5 mA (29.8), naming the intervention', () => {
    const warn = plan(tdcs(), dbs({ amplitudeMa: 9, pulseWidthUs: 210 }));
    expect(warn.warnings).toEqual([expect.stringMatching(/^interventions\[1\]: charge density 31\.5 µC\/cm²\/phase is above the 30 µC\/cm² programming limit/)]);
    expect(plan(dbs({ amplitudeMa: 8.5, pulseWidthUs: 210 })).warnings).toEqual([]);
  });
});

describe('stimulation sessions', () => {
  it('every session of each course, with what it stimulates', () => {
    const p = plan({ type: 'tms', protocol: 'itbs', target: 'left-DLPFC', start: '0d', stop: '5d' } as Intervention, ect({ count: 3 }));
    expect(p.sessions.map((s) => s.t)).toEqual([0, 24, 48, 72, 96, 0, 48, 96]);
    expect(p.sessions[0]?.stimulation).toEqual({ kind: 'tms', target: 'left-DLPFC', session: resolveTms({ protocol: 'itbs' }) });
    expect(p.sessions[5]?.stimulation).toEqual({ kind: 'ect', placement: 'right-unilateral', pulseWidthMs: 0.3 });
    expect(p.dbs).toEqual([]);
    expect(p.edges).toEqual([]);
    expect(p.events).toEqual([]);
  });

  it('labels: protocol, target, pulses and intensity; polarity, current and minutes; placement and pulse width', () => {
    expect(sessionLabel({ kind: 'tms', target: 'left-DLPFC', session: resolveTms({ protocol: '10hz' }) })).toBe('10 Hz rTMS left-DLPFC session (3000 pulses, 120 % MT)');
    expect(sessionLabel({ kind: 'tms', target: 'right-DLPFC', session: resolveTms({ protocol: 'ctbs' }) })).toBe('cTBS right-DLPFC session (600 pulses, 120 % MT)');
    expect(sessionLabel({ kind: 'tdcs', target: 'M1', session: resolveTdcs({ polarity: 'cathodal', currentMa: 1, minutes: 20 }) })).toBe('tDCS cathodal M1 session (1 mA, 20 min)');
    expect(sessionLabel({ kind: 'ect', placement: 'bitemporal', pulseWidthMs: 1 })).toBe('ECT session (bitemporal, 1 ms pulses)');
  });
});

describe('warnings beyond the evidence', () => {
  it('TMS outside the safety guidelines (iTBS at 130 % MT) warns with the risk; at the tested 120 % MT it does not', () => {
    const itbs = (intensityPctMT: number) => ({ type: 'tms', protocol: 'itbs', target: 'left-DLPFC', intensityPctMT, start: '0d', stop: '1w' }) as Intervention;
    expect(plan(itbs(130)).warnings).toEqual(['interventions[0]: TMS outside the safety guidelines (130 % MT against the 120 % MT tested in large trials): seizure risk about 1 in 3704 sessions.']);
    expect(plan(itbs(120)).warnings).toEqual([]);
  });

  it("tDCS: the trials' largest dose (2.5 mA, 30 min, 2 a day) is quiet; one step past any of the three warns", () => {
    expect(plan(tdcs({ currentMa: 2.5, minutes: 30, sessionsPerDay: 2 })).warnings).toEqual([]);
    for (const over of [{ currentMa: 2.6 }, { minutes: 31 }, { sessionsPerDay: 3 }]) {
      const w = plan(tdcs({ currentMa: 2.5, minutes: 30, sessionsPerDay: 2, ...over })).warnings;
      expect(w, JSON.stringify(over)).toHaveLength(1);
      expect(w[0]).toMatch(/^interventions\[0\]: tDCS beyond the doses tested in depression trials \(at most 2\.5 mA, 30 min, 2 sessions a day;/);
    }
  });

  it('ECT: 20 sessions at 3 a week is quiet; 21 sessions or 4 a week warns', () => {
    expect(plan(ect({ count: 20, sessionsPerWeek: 3 })).warnings).toEqual([]);
    for (const over of [{ count: 21 }, { sessionsPerWeek: 4 }]) {
      const w = plan(ect({ count: 20, sessionsPerWeek: 3, ...over })).warnings;
      expect(w, JSON.stringify(over)).toEqual([expect.stringMatching(/^interventions\[0\]: ECT beyond a usual acute course \(up to 20 sessions, 3 a week;/)]);
    }
  });
});
