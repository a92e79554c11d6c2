// The contract of comparisons and reports (issue 13): the `modulon.comparison/1` document as the
// app and the command line write it, what `compare:run` returns (arms, their results and the
// key-findings table) and what `reports:export` returns. Types only: the backend validates
// (src-main/reports/comparison.ts) and computes (src-main/reports/findings.ts).
import type { ScenarioInput } from '../scenario.ts';
import type { Results } from '../results.ts';

export const COMPARISON_SCHEMA = 'modulon.comparison/1';

/** Colours of arms 1–6 (Okabe & Ito's colour-blind-safe set), the same in every panel and legend. */
export const ARM_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;
/** SVG stroke-dasharray of arms 1–6, so arms stay apart in greyscale print. */
export const ARM_DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 4', '1 2'] as const;

/** One intervention of a scenario (`modulon.scenario/1` interventions[]). */
export type InterventionInput = NonNullable<ScenarioInput['interventions']>[number];

/**
 * An arm: a starting scenario (its own `scenario`, a stored scenario by `scenarioId`, or the
 * comparison's `base`) and a variation applied in this order: `patient` (keys merged; null removes
 * a key), `change` (keys of one intervention set; null removes), `remove` (intervention indices of
 * the starting scenario), `add` (interventions appended).
 */
export interface ArmInput {
  name: string;
  scenario?: ScenarioInput;
  /** A stored scenario; the backend copies its document into `scenario` when it runs or saves. */
  scenarioId?: string;
  patient?: Record<string, unknown>;
  change?: Array<{ intervention: number; set: Record<string, unknown> }>;
  remove?: number[];
  add?: InterventionInput[];
}

/** Levels a series is checked against: first time reached and hours beyond (D2 65/72/78 %, say). */
export interface ThresholdSpec {
  levels: number[];
  /** `above` (default): reached when the value is at or above the level; `below`: at or below. */
  direction?: 'above' | 'below';
}

/** What the findings table and the report show; every member optional (defaults per condition). */
export interface AnalysisInput {
  /** Series for the findings and the charts (default: the condition's scales, the drugs' plasma and targets, the devices' circuit readouts). */
  series?: string[];
  /** Times for "value at" columns, as durations ("24h", "7d", "6w"). */
  at?: string[];
  /** Times of the mechanism chain in the report. */
  chainAt?: string[];
  /** Name of the arm differences are taken against (default: the first arm). */
  reference?: string;
  /** Per series; replaces the defaults (D2 occupancy 0.65/0.72/0.78, SERT 0.8, MADRS ≤ 10, HAM-D-17 ≤ 7). */
  thresholds?: Record<string, ThresholdSpec>;
  /** Per series: the change from t = 0 that counts as the effect (default: half the final change). */
  effect?: Record<string, number>;
}

/** `modulon.comparison/1`: a base scenario and 2–6 arms, or 2–6 arms that are whole scenarios. */
export interface ComparisonInput extends AnalysisInput {
  schema: typeof COMPARISON_SCHEMA;
  name: string;
  description?: string;
  base?: ScenarioInput;
  /** A stored scenario as the base; the backend copies its document into `base`. */
  baseScenarioId?: string;
  arms: ArmInput[];
}

/** Findings of one series in one arm. Times are hours from the start. */
export interface SeriesFindings {
  /** Value at t = 0. */
  start: number;
  /** The sample farthest from the start value (the maximum of a rising series, the minimum of a falling one); the first such sample. */
  peak: { value: number; t: number };
  /** Mean of the samples in the last 10 % of the run. */
  steady: number;
  /** First time the change from t = 0 reaches half the final change (steady − start), or the series' `effect`; null if never, or if the final change is under 1 % of the series' size. */
  timeToEffect: number | null;
  /** Values at the analysis times (linear interpolation); null outside the run. */
  at: Array<number | null>;
  thresholds: Array<{ level: number; direction: 'above' | 'below'; firstAt: number | null; hoursBeyond: number }>;
  /** This arm minus the reference arm (absent for the reference arm itself, or when either lacks the series). */
  vsReference?: { steady: number; peak: number; at: Array<number | null> };
}

export interface FindingsRow {
  series: string;
  unit: string;
  /** One entry per arm, in arm order; null where the arm has no such series. */
  arms: Array<SeriesFindings | null>;
}

export interface ArmRun {
  name: string;
  colour: string;
  dash: string;
  /** The scenario the arm ran (base plus variation), as a scenario file's contents. */
  doc: ScenarioInput;
  /** Where the arm came from, for the report's "in words" section. */
  variation: { from: 'base' | 'scenario'; scenarioId?: string; patient?: Record<string, unknown>; change?: ArmInput['change']; remove?: number[]; add?: InterventionInput[] };
  results: Results;
}

/** What `compare:run` returns (and what the reports are made from). */
export interface ComparisonRun {
  engine: string;
  name: string;
  description?: string;
  arms: ArmRun[];
  /** Index of the reference arm. */
  reference: number;
  /** The analysis with defaults filled in: series names, times in hours, thresholds. */
  series: string[];
  at: number[];
  chainAt: number[];
  thresholds: Record<string, Required<ThresholdSpec>>;
  findings: FindingsRow[];
  /** Adverse effects that reach 1 % in any arm, with the same findings. */
  adverse: FindingsRow[];
}

export type ReportFormat = 'html' | 'pdf' | 'csv';
export type ReportLang = 'en' | 'zh-CN';
export type Paper = 'a4' | 'letter';

export interface ReportFile {
  filename: string;
  mime: string;
  /** `utf8` for HTML and CSV, `base64` for PDF. */
  encoding: 'utf8' | 'base64';
  content: string;
}

export interface ComparisonSummary {
  id: string;
  name: string;
  arms: string[];
  /** Stored scenarios the comparison was built from. */
  scenarioIds: string[];
  updatedAt: string;
}

export interface ComparisonRecord {
  id: string;
  name: string;
  /** The document as saved, with stored scenarios copied in (so deleting one loses nothing here). */
  doc: ComparisonInput;
  scenarioIds: string[];
  createdAt: string;
  updatedAt: string;
}
