// Validation cases as data (src-engine/data/validation/*.json): a scenario, what is measured on the
// results, the published value with its source, and the agreement band it reached.
import { z } from 'zod';

export const duration = z.string().regex(/^\d+(\.\d+)?(min|h|d|w)$/, 'expected a duration such as "24h" or "12w"');

const window = { series: z.string().min(3), from: duration.optional(), to: duration.optional() };

/** What is measured on one run. Times are in hours; `from`/`to` bound a window (default: the whole run). */
export const measureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('value-at'), series: z.string().min(3), at: duration }),
  z.strictObject({ kind: z.literal('peak'), ...window }),
  /** Hours from `from` (or 0) to the peak. */
  z.strictObject({ kind: z.literal('time-of-peak'), ...window }),
  z.strictObject({ kind: z.literal('min'), ...window }),
  /** Time-average over the window (trapezoid). */
  z.strictObject({ kind: z.literal('mean'), ...window }),
  /** Hours the series stays at or above half its peak in the window (full width at half maximum). */
  z.strictObject({ kind: z.literal('half-peak-duration'), ...window }),
  /** Apparent half-life, hours, from a log-linear fit of the series over the from–to span. */
  z.strictObject({ kind: z.literal('half-life'), ...window }),
  /** First time (hours) at or after `from` when the series falls below `below` (washout). */
  z.strictObject({ kind: z.literal('time-below'), series: z.string().min(3), from: duration.optional(), below: z.number().finite() }),
  /**
   * Value of `series` at the first sample (at or after `from`) where the `when` series crosses a
   * level: below `below` or above `above` (e.g. the D2 occupancy at which prolactin rises).
   */
  z.strictObject({
    kind: z.literal('value-when'),
    series: z.string().min(3),
    when: z.string().min(3),
    below: z.number().finite().optional(),
    above: z.number().finite().optional(),
    from: duration.optional(),
  }).refine((m) => (m.below === undefined) !== (m.above === undefined), { error: 'expected exactly one of "below" and "above"' }),
]);
export type Measure = z.infer<typeof measureSchema>;

/** 'in range': inside a published range (its position is reported); otherwise the error is measured from the point, or from the range's nearer edge. */
export const BANDS = ['in range', 'within 10 %', 'within 30 %', 'outside'] as const;
export type Band = (typeof BANDS)[number];

/**
 * Which engine layer a case checks: the pk layer (plasma, targets), the slow neuromodulatory layer,
 * the circuits and devices (beta, EEG, DBS, TMS, tDCS, ECT), or learning and memory (the paradigms
 * run from the slow layer's state, therapy as learning, sleep replay).
 */
export const LAYERS = ['pk', 'slow', 'circuits', 'learning'] as const;
export type Layer = (typeof LAYERS)[number];

/**
 * Whether the published comparator is independent of the sources that set the parameters the case
 * depends on: `independent` (set no parameter), `consistency` (the same source set parameters,
 * e.g. a half-life from the label that gave CL and V), `calibration` (the very number a parameter
 * was calibrated to). Only independent cases validate; the others check that the data are used as meant.
 */
export const INDEPENDENCE = ['independent', 'consistency', 'calibration'] as const;
export type Independence = (typeof INDEPENDENCE)[number];

/**
 * How the measured value is expressed before comparison: as measured (`level`), as a change of a
 * ratio (`ratio-change`: value − 1) or as a fall (`fall`: 1 − value), so that a case about an
 * effect compares effects, not levels that include the baseline.
 */
export const EXPRESS = ['level', 'ratio-change', 'fall'] as const;

export const validationCaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  layer: z.enum(LAYERS).default('pk'),
  independence: z.enum(INDEPENDENCE),
  /** For consistency and calibration cases: the shared source and the parameter it set. */
  sharedSource: z.string().min(5).optional(),
  express: z.enum(EXPRESS).default('level'),
  title: z.string().min(5),
  /** Drug (or drugs, "a+b") the case is about, for grouping in the table. */
  drug: z.string().min(2),
  /** A complete scenario (modulon.scenario/1). */
  scenario: z.unknown(),
  /** Optional untreated (or other) reference: the measure is taken on scenario − baseline, series by series. */
  baseline: z.unknown().optional(),
  measure: measureSchema,
  /**
   * Optional second run: the case's value is measure(scenario) / measure(over.scenario), or their
   * difference with `combine: "difference"`; `over.baseline` as above.
   */
  over: z.strictObject({ scenario: z.unknown(), baseline: z.unknown().optional(), measure: measureSchema, combine: z.enum(['ratio', 'difference']).default('ratio') }).optional(),
  published: z.strictObject({
    value: z.number().finite(),
    /** Published range, if the source gives one (or the suite derived one, saying why in `note`). */
    range: z.tuple([z.number().finite(), z.number().finite()]).optional(),
    unit: z.string().min(1),
    source: z.string().min(5),
    /** Confidence code from reference/pharmacology.md: L✓, P✓, R✓, Der, Rec (checked here?). */
    confidence: z.string().min(1),
    note: z.string().optional(),
  }),
});
export type ValidationCase = z.infer<typeof validationCaseSchema>;
