// Dosing records one by one: what each record expands into (resets, steady-state fills, doses,
// additional doses), how many events that makes, and the borders of each consistency check.
import { describe, expect, it } from 'vitest';
import { countRecordEvents, doseRecordSchema, expandRecords, type DoseRecordInput } from './records.ts';

const rec = (r: DoseRecordInput) => doseRecordSchema.parse(r);
const issues = (r: DoseRecordInput) => {
  const out = doseRecordSchema.safeParse(r);
  return out.success ? [] : out.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
};

describe('expanding records', () => {
  it('a dose with additional doses: the dose, then addl more every ii', () => {
    const dose = (time: number) => ({ kind: 'dose', dose: { time, cmt: 'depot', amount: 10, duration: 0, lag: 0 } });
    expect(expandRecords([rec({ time: 2, amt: 10, ii: 12, addl: 2 })])).toEqual([dose(2), dose(14), dose(26)]);
  });

  it('f scales the amount; a rate makes the duration amount/rate; dur is taken as given', () => {
    expect(expandRecords([rec({ time: 0, amt: 10, f: 0.5, rate: 2, cmt: 'central' })])).toEqual([{ kind: 'dose', dose: { time: 0, cmt: 'central', amount: 5, duration: 2.5, lag: 0 } }]);
    expect(expandRecords([rec({ time: 0, amt: 10, dur: 3, lag: 1 })])).toEqual([{ kind: 'dose', dose: { time: 0, cmt: 'depot', amount: 10, duration: 3, lag: 1 } }]);
    // rate 0 or dur 0: a bolus.
    expect(expandRecords([rec({ time: 0, amt: 10, rate: 0, dur: 0 })])).toEqual([{ kind: 'dose', dose: { time: 0, cmt: 'depot', amount: 10, duration: 0, lag: 0 } }]);
  });

  it('a reset alone (evid 3) is only a reset; evid 4 is a reset, then the dose', () => {
    expect(expandRecords([rec({ time: 5, evid: 3, amt: 0 })])).toEqual([{ kind: 'reset', time: 5 }]);
    expect(expandRecords([rec({ time: 5, evid: 4, amt: 3 })])).toEqual([{ kind: 'reset', time: 5 }, { kind: 'dose', dose: { time: 5, cmt: 'depot', amount: 3, duration: 0, lag: 0 } }]);
  });

  it('ss 1 resets, fills the steady state, then gives the dose; ss 2 adds the fill without a reset', () => {
    const dose = { time: 6, cmt: 'depot', amount: 10, duration: 0, lag: 0 };
    expect(expandRecords([rec({ time: 6, amt: 10, ii: 12, ss: 1 })])).toEqual([{ kind: 'reset', time: 6 }, { kind: 'steady-state', time: 6, mode: 1, dose, ii: 12 }, { kind: 'dose', dose }]);
    expect(expandRecords([rec({ time: 6, amt: 10, ii: 12, ss: 2 })])).toEqual([{ kind: 'steady-state', time: 6, mode: 2, dose, ii: 12 }, { kind: 'dose', dose }]);
  });

  it('a constant infusion at steady state carries its rate and gives no dose after the fill', () => {
    expect(expandRecords([rec({ time: 0, amt: 0, rate: 4, ss: 1, cmt: 'central' })])).toEqual([
      { kind: 'reset', time: 0 },
      { kind: 'steady-state', time: 0, mode: 1, dose: { time: 0, cmt: 'central', amount: 4, duration: Infinity, lag: 0 }, ii: 0 },
    ]);
  });

  it('counts the events it makes without making them', () => {
    const records = [rec({ time: 0, amt: 1, ii: 1, addl: 3 }), rec({ time: 5, evid: 3, amt: 0 }), rec({ time: 6, evid: 4, amt: 1, ii: 2, addl: 1 }), rec({ time: 9, amt: 1, ii: 2, ss: 2 })];
    // 4 doses; 1 reset; reset + 2 doses; fill + dose.
    expect(countRecordEvents(records)).toBe(4 + 1 + 3 + 2);
    expect(expandRecords(records)).toHaveLength(countRecordEvents(records));
    expect(countRecordEvents([])).toBe(0);
  });
});

describe('the borders of the record checks', () => {
  it('refuses rate and dur only when both are above 0', () => {
    expect(issues({ time: 0, amt: 1, rate: 2, dur: 3 })).toEqual(['dur: rate and dur both given; expected one of them']);
    expect(issues({ time: 0, amt: 1, rate: 0, dur: 3 })).toEqual([]);
    expect(issues({ time: 0, amt: 1, rate: 2, dur: 0 })).toEqual([]);
  });

  it('takes a constant infusion at steady state only with ss, ii 0, a rate and amt 0', () => {
    expect(issues({ time: 0, amt: 0, rate: 2, ss: 1 })).toEqual([]);
    expect(issues({ time: 0, amt: 0, rate: 2, ss: 2 })).toEqual([]);
    expect(issues({ time: 0, amt: 0, rate: 2 })).toEqual(['amt: a dose record needs amt > 0']);
    expect(issues({ time: 0, amt: 0, rate: 0, ss: 1 })).toEqual(['ii: steady state needs ii > 0 (or amt 0 with a rate for a constant infusion)', 'amt: a dose record needs amt > 0']);
    expect(issues({ time: 0, amt: 1, rate: 2, ss: 1 })).toEqual(['ii: steady state needs ii > 0 (or amt 0 with a rate for a constant infusion)']);
    expect(issues({ time: 0, amt: 0, rate: 2, ss: 1, ii: 12 })).toEqual(['amt: a dose record needs amt > 0']);
  });

  it('bounds lag plus infusion time at steady state by 50 intervals, naming the larger of the two', () => {
    expect(issues({ time: 0, amt: 1, ss: 1, ii: 2, lag: 100 })).toEqual([]);
    expect(issues({ time: 0, amt: 1, ss: 1, ii: 2, lag: 100.5 })).toEqual(['lag: at steady state, expected lag + infusion duration at most 50 × ii (100 h), got 100.5 h']);
    expect(issues({ time: 0, amt: 1, ss: 1, ii: 2, lag: 50, dur: 51 })).toEqual(['dur: at steady state, expected lag + infusion duration at most 50 × ii (100 h), got 101 h']);
    expect(issues({ time: 0, amt: 1, ss: 1, ii: 2, lag: 51, dur: 50 })).toEqual(['lag: at steady state, expected lag + infusion duration at most 50 × ii (100 h), got 101 h']);
    // 150 mg × f 0.5 at 1 mg/h: 75 h of infusion.
    expect(issues({ time: 0, amt: 150, f: 0.5, rate: 1, ss: 1, ii: 2, lag: 26 })).toEqual(['dur: at steady state, expected lag + infusion duration at most 50 × ii (100 h), got 101 h']);
    // Without steady state any lag is fine here (the scenario bounds it by its duration).
    expect(issues({ time: 0, amt: 1, lag: 1000 })).toEqual([]);
  });

  it('refuses a reset with a dose, a steady state or additional doses, but not a plain one', () => {
    expect(issues({ time: 0, evid: 3, amt: 0 })).toEqual([]);
    expect(issues({ time: 0, evid: 3, amt: 0, ii: 12 })).toEqual([]);
  });
});
