// Dosing records in the pharmacometric (NONMEM) convention: time, amt, cmt, rate or dur, ii,
// addl, ss, evid, lag, f. Validated with row/column messages and expanded into the engine's
// events: doses (with their lag, bioavailability and infusion), resets and steady-state fills.
import { z } from 'zod';

/** Compartment a dose enters: the absorption depot of the route, or the central compartment. */
export const RECORD_CMTS = ['depot', 'central'] as const;
export type RecordCmt = (typeof RECORD_CMTS)[number];

const nonNegative = (what: string) => z.number({ error: `expected ${what} as a number` }).finite().min(0, `expected ${what} ≥ 0`);

/** One record. Times in hours, amounts in the dose unit (mg), rates in mg/h. */
export const doseRecordSchema = z
  .strictObject({
    time: nonNegative('time (h)'),
    amt: nonNegative('amt (mg)').default(0),
    cmt: z.enum(RECORD_CMTS, { error: 'expected cmt "depot" or "central" (1 or 2 in CSV)' }).default('depot'),
    /** Infusion rate (mg/h); 0 or absent: bolus. */
    rate: nonNegative('rate (mg/h)').optional(),
    /** Infusion duration (h), instead of a rate. */
    dur: nonNegative('dur (h)').optional(),
    /** Interdose interval (h) for addl and ss. */
    ii: nonNegative('ii (h)').default(0),
    addl: z.number().int('expected addl as a whole number').min(0).max(100_000).default(0),
    /** 0: none; 1: reset, then steady state of this regimen; 2: steady state added to what is there. */
    ss: z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'expected ss 0, 1 or 2' }).default(0),
    /** 1: dose; 3: reset; 4: reset and dose. (Observation rows, evid 0, are not doses.) */
    evid: z.union([z.literal(1), z.literal(3), z.literal(4)], { error: 'expected evid 1 (dose), 3 (reset) or 4 (reset and dose)' }).default(1),
    /** Lag time (h) added to the route's own. */
    lag: nonNegative('lag (h)').default(0),
    /** Bioavailability factor applied to this record's amount. */
    f: nonNegative('f').max(10, 'expected f of at most 10').default(1),
  })
  .superRefine((r, ctx) => {
    const say = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.rate !== undefined && r.rate > 0 && r.dur !== undefined && r.dur > 0) say('dur', 'rate and dur both given; expected one of them');
    if (r.addl > 0 && !(r.ii > 0)) say('addl', 'addl without ii; expected ii > 0 with additional doses');
    if (r.evid === 3 && (r.amt > 0 || r.ss !== 0 || r.addl > 0)) say('evid', 'a reset (evid 3) carries no dose; expected amt 0, ss 0, addl 0');
    const constantInfusion = r.ss !== 0 && r.ii === 0 && (r.rate ?? 0) > 0 && r.amt === 0;
    if (r.ss !== 0 && !(r.ii > 0) && !constantInfusion) say('ii', 'steady state needs ii > 0 (or amt 0 with a rate for a constant infusion)');
    if (r.evid !== 3 && r.amt === 0 && !constantInfusion) say('amt', 'a dose record needs amt > 0');
    if (r.ii > 0 && r.ii < 1 / 60) say('ii', `expected ii of at least 1 min (${1 / 60} h), got ${r.ii}`);
    if (r.ss !== 0 && r.ii > 0) {
      // A steady state reaches back over earlier doses; bound how many of them still act.
      const duration = r.dur !== undefined && r.dur > 0 ? r.dur : (r.rate ?? 0) > 0 ? (r.amt * r.f) / (r.rate as number) : 0;
      if (r.lag + duration > 50 * r.ii) say(r.lag > duration ? 'lag' : 'dur', `at steady state, expected lag + infusion duration at most 50 × ii (${50 * r.ii} h), got ${r.lag + duration} h`);
    }
  });

export type DoseRecordInput = z.input<typeof doseRecordSchema>;
export type DoseRecord = z.output<typeof doseRecordSchema>;

/** How many events `expandRecords` makes, counted without making them (for limits). */
export function countRecordEvents(records: readonly DoseRecord[]): number {
  let n = 0;
  for (const r of records) n += 1 + (r.evid === 3 ? 0 : r.addl) + (r.ss !== 0 ? 1 : 0) + (r.evid === 4 ? 1 : 0);
  return n;
}

/** One administration: `amount` (mg, f applied) into `cmt`, as a bolus (duration 0) or an infusion. */
export interface RecordDose {
  /** Time the record is given (before lag), hours. */
  time: number;
  cmt: RecordCmt;
  amount: number;
  /** Infusion duration, hours (0 for a bolus; Infinity for a constant infusion). */
  duration: number;
  lag: number;
}

export type RecordEvent =
  | { kind: 'reset'; time: number }
  | { kind: 'dose'; dose: RecordDose }
  /** Steady state of `dose` repeated every `ii` (before this record's own dose is given). */
  | { kind: 'steady-state'; time: number; mode: 1 | 2; dose: RecordDose; ii: number };

function doseOf(r: DoseRecord, time: number): RecordDose {
  const amount = r.amt * r.f;
  let duration = 0;
  if (r.dur !== undefined && r.dur > 0) duration = r.dur;
  // NONMEM: with a rate, F scales the amount and so the duration, not the rate.
  else if (r.rate !== undefined && r.rate > 0) duration = amount > 0 ? amount / r.rate : Infinity;
  return { time, cmt: r.cmt, amount: amount > 0 ? amount : (r.rate ?? 0), duration, lag: r.lag };
}

/**
 * Expands records into events in record order: resets, steady-state fills, the dose itself and
 * its additional doses. A constant infusion at steady state (ss with ii 0, amt 0) carries its
 * rate as `amount` with an infinite duration.
 */
export function expandRecords(records: readonly DoseRecord[]): RecordEvent[] {
  const out: RecordEvent[] = [];
  for (const r of records) {
    if (r.evid === 3 || r.evid === 4 || r.ss === 1) out.push({ kind: 'reset', time: r.time });
    if (r.evid === 3) continue;
    const dose = doseOf(r, r.time);
    if (r.ss !== 0) out.push({ kind: 'steady-state', time: r.time, mode: r.ss, dose, ii: r.ii });
    // A steady-state constant infusion only sets the state it would reach; as in NONMEM, the
    // record does not keep it running (checked against nmtests scenario 29).
    if (dose.duration === Infinity) continue;
    out.push({ kind: 'dose', dose });
    for (let k = 1; k <= r.addl; k++) out.push({ kind: 'dose', dose: doseOf(r, r.time + k * r.ii) });
  }
  return out;
}
