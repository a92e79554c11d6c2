// The AppApi contract between the user interface and the backend (DESIGN.md §5): method names
// (`domain:verb`), zod schemas of their inputs, output types and the Result envelope.
// It lives in the engine's room because that is the one room every other room may import; it is
// pure TypeScript and zod, with no Node, DOM or Electron. The backend implements it once
// (src-main/api), the Electron preload and the web host's client carry it.
import { z } from 'zod';
import type { FieldError, ScenarioInput } from '../scenario.ts';
import type { Results } from '../results.ts';
import { customDrugSchema, toDrugFile, type CustomDrugInput } from '../drugs/custom.ts';
import type { DrugDosing, DrugFile } from '../drugs/schema.ts';
import type { CaseResult } from '../validation/run.ts';
import type { EffectResult, EffectsFile } from '../validation/effects.ts';
import type { Method } from './methods.ts';
import type { ComparisonRecord, ComparisonRun, ComparisonSummary, ReportFile } from './reports.ts';

/** Regular grids the wide CSV export can resample a run on (the app's export sampling choice). */
export const CSV_GRIDS = ['15min', '1h', '6h', '1d'] as const;
export type CsvGrid = (typeof CSV_GRIDS)[number];

export { METHODS, isMethod, type Method } from './methods.ts';
export * from './reports.ts';

/**
 * `unavailable`: the machine lacks what the call needs (Chromium for a PDF), said in one line;
 * `timeout`: a run went over its time limit and was stopped; `cancelled`: the caller went away;
 * `busy`: the database is being restored from a backup (or another program holds it): nothing was
 * changed, the same call can be made again once the restore has finished.
 */
export type ErrorCode = 'invalid' | 'not_found' | 'internal' | 'unavailable' | 'timeout' | 'cancelled' | 'busy';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For `invalid`: every field at fault, with its JSON path. */
  fields?: FieldError[];
}

/** Expected failures travel as data: Electron keeps only `message` of a thrown error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ScenarioSummary {
  id: string;
  name: string;
  condition: string;
  updatedAt: string;
}

export interface ScenarioRecord {
  id: string;
  name: string;
  /** The scenario document as the user wrote it (`modulon.scenario/1`). */
  doc: ScenarioInput;
  createdAt: string;
  updatedAt: string;
}

export interface RunSummary {
  id: string;
  scenarioId: string;
  engine: string;
  seed: number;
  createdAt: string;
}

export interface RunRecord extends RunSummary {
  results: Results;
}

export interface CsvExport {
  filename: string;
  csv: string;
}

export interface DrugSummary {
  id: string;
  /** A drug the user defined: shown with a "user-defined, not validated" badge. */
  userDefined?: boolean;
  name: { en: string; zh: string };
  class: { en: string; zh: string };
  description: { en: string; zh: string };
  routes: string[];
  labelledMaxDailyDose: { value: number; unit: string; source: string };
  /** Usual regimen, menu doses and labelled per-dose range from the drug's data file (built-in drugs). */
  dosing?: DrugDosing;
  /** Its other species (active metabolites, a companion such as carbidopa), for chart legends. */
  species: Array<{ id: string; name: { en: string; zh: string } }>;
}

export interface ValidationSummary {
  cases: number;
  /** Inside the published range. */
  inRange: number;
  within10: number;
  within30: number;
  outside: number;
  failed: number;
  /** Share of cases in range or within 30 % (of the point, or of the range's nearer edge). */
  shareWithin30: number;
  /** Cases whose comparator set no parameter they depend on, and how many of them are in band (in range or within 30 %). */
  independent: number;
  independentInBand: number;
  /** The headline: the in-band share of the independent cases. */
  shareIndependentInBand: number;
}

/** The effect matrix's summary: cells in band / near / outside, and the negative controls among them. */
export interface EffectsSummary {
  cells: number;
  negative: number;
  inBand: number;
  near: number;
  outside: number;
  failed: number;
  shareInBand: number;
  independent: number;
  independentInBand: number;
}

export interface EffectsReport {
  summary: EffectsSummary;
  cells: EffectResult[];
  noEvidence: EffectsFile['noEvidence'];
}

/** The validation suite's results, as `modulon validate --json` prints them. */
export interface ValidationReport {
  engine: string;
  summary: ValidationSummary;
  /** The same per engine layer (pk, slow). */
  layers: Partial<Record<'pk' | 'slow', ValidationSummary>>;
  cases: CaseResult[];
  /** The drug × condition effect matrix (validation layer "effects"). */
  effects: EffectsReport;
}

/** A drug as the menus show it. */
export function drugSummary(d: DrugFile): DrugSummary {
  return {
    id: d.id,
    ...(d.userDefined ? { userDefined: true } : {}),
    name: d.name,
    class: d.class,
    description: d.description,
    routes: Object.keys(d.routes),
    labelledMaxDailyDose: d.labelledMaxDailyDose,
    ...(d.dosing ? { dosing: d.dosing } : {}),
    species: [...d.metabolites, ...(d.companion ? [d.companion] : [])].map((s) => ({ id: s.id, name: s.name })),
  };
}

/** A stored or embedded user-defined drug in the engine's format ([] if it no longer validates). */
export function customDrugFile(input: CustomDrugInput): DrugFile[] {
  const parsed = customDrugSchema.safeParse(input);
  return parsed.success ? [toDrugFile(parsed.data)] : [];
}

/** `manual`: Settings ▸ Backup now; `before-restore`: the safety copy a restore makes; `before-migration`: the store's own, before it upgrades the schema. */
export type BackupKind = 'manual' | 'before-restore' | 'before-migration';

/** A backup of the database in the data folder (a complete SQLite file). */
export interface BackupInfo {
  /** The file name: what `backup:restore` takes (never a path). */
  name: string;
  /** Where it is on disk, to show the user. */
  path: string;
  bytes: number;
  /** ISO time it was made. */
  createdAt: string;
  kind: BackupKind;
  /** `backups`: <data>/backups; `data`: beside the database (the migration backups). */
  folder: 'backups' | 'data';
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The current database as it was just before the restore. */
  safety: BackupInfo;
}

/** Backups kept in <data>/backups: the newest `backupKeep` (older ones are deleted after each new backup). */
export const BACKUP_KEEP = { default: 10, min: 1, max: 100 } as const;

/** Settings the backend keeps in the data folder (modulon-settings.json), so every window and mode shares them. */
export interface AppSettings {
  /** How many backups in <data>/backups are kept (BACKUP_KEEP.min–max). */
  backupKeep: number;
}

/**
 * The editor's unsaved state (`modulon-working-copy.json` in the data folder, so it survives a reload, a
 * crash, and a change from web mode to the desktop app), restored with a Keep/Discard note.
 */
export interface WorkingCopy {
  v: 1;
  /** The document in the editor, as typed (it may not validate yet). */
  doc: ScenarioInput;
  /** The stored scenario it edits, and the JSON it was opened or last saved as (so it shows as changed). */
  id?: string;
  savedJson?: string;
  /** The name the app gave it and still follows (nameKey), if the user has not named it. */
  autoName?: string;
  /** The example it was opened from, while its name and description are still the example's (they follow the language). */
  example?: string;
  savedAt: string;
}

/** A working copy larger than this is refused (a scenario file at the validator's limits is far smaller). */
export const WORKING_COPY_MAX_CHARS = 8_000_000;

export const workingCopySchema = z.strictObject({
  v: z.literal(1),
  doc: z.looseObject({}),
  id: z.string().max(64).optional(),
  savedJson: z.string().max(WORKING_COPY_MAX_CHARS).optional(),
  autoName: z.string().max(10_000).optional(),
  example: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'expected an example id').optional(),
  savedAt: z.iso.datetime({ message: 'expected an ISO date and time' }),
});

export interface AppInfo {
  engine: string;
  dataDir: string;
  transport: 'ipc' | 'http';
}

const id = z.string().regex(/^[0-9a-f-]{8,64}$/, 'expected an id');

/** Input schemas, one per method of METHODS (the compiler checks both ways). */
export const inputs = {
  'app:info': z.strictObject({}),
  'drugs:list': z.strictObject({}),
  'drugs:listCustom': z.strictObject({}),
  'drugs:saveCustom': z.strictObject({ drug: z.unknown() }),
  'drugs:deleteCustom': z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'expected a drug id') }),
  'scenarios:list': z.strictObject({}),
  'scenarios:get': z.strictObject({ id }),
  'scenarios:save': z.strictObject({ id: id.optional(), doc: z.unknown() }),
  /** Moves the scenario to the trash with its runs; `scenarios:restore` brings it back (for a day). */
  'scenarios:delete': z.strictObject({ id }),
  'scenarios:restore': z.strictObject({ id }),
  'engine:simulate': z.strictObject({ doc: z.unknown() }),
  'runs:create': z.strictObject({ scenarioId: id }),
  'runs:list': z.strictObject({ scenarioId: id }),
  'runs:get': z.strictObject({ id }),
  /** `wide` (default): one row per time point, one column per series; `long`: the report's CSV (time_h, series, name, value, unit, with a # header block). */
  /** `grid`: the wide CSV on one regular grid instead of the computed points (the sampling grid plus points after events). */
  'runs:exportCsv': z.strictObject({ id, format: z.enum(['wide', 'long']).optional(), lang: z.enum(['en', 'zh-CN']).optional(), grid: z.enum(CSV_GRIDS).optional() }),
  'validation:run': z.strictObject({}),
  /** Runs every arm of a comparison document (modulon.comparison/1); `seriesOnly`: return only the analysed and adverse series of each arm. */
  'compare:run': z.strictObject({ doc: z.unknown(), seriesOnly: z.boolean().optional() }),
  'comparisons:save': z.strictObject({ id: id.optional(), doc: z.unknown() }),
  /** All comparisons, or those built from one stored scenario. */
  'comparisons:list': z.strictObject({ scenarioId: id.optional() }),
  'comparisons:get': z.strictObject({ id }),
  'comparisons:delete': z.strictObject({ id }),
  /**
   * A report of exactly one source: a stored scenario, scenario document, stored run, stored
   * comparison or comparison file (modulon.comparison/1). `analysis` (AnalysisInput) overrides the comparison's own.
   */
  'reports:export': z
    .strictObject({
      scenarioId: id.optional(),
      scenario: z.unknown().optional(),
      runId: id.optional(),
      comparisonId: id.optional(),
      comparison: z.unknown().optional(),
      format: z.enum(['html', 'pdf', 'csv']),
      lang: z.enum(['en', 'zh-CN']).default('en'),
      paper: z.enum(['a4', 'letter']).default('a4'),
      analysis: z.unknown().optional(),
    })
    .refine((x) => [x.scenarioId, x.scenario, x.runId, x.comparisonId, x.comparison].filter((v) => v !== undefined).length === 1, {
      error: 'expected exactly one of scenarioId, scenario, runId, comparisonId, comparison',
    }),
  /** An online backup of the database into <data>/backups. */
  'backup:create': z.strictObject({}),
  'backup:list': z.strictObject({}),
  /** Restores a backup by its name from `backup:list`: checked first, the current database backed up first. */
  'backup:restore': z.strictObject({ name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/, 'expected a backup file name from backup:list') }),
  'settings:get': z.strictObject({}),
  /** Changes the given settings (the others stay). */
  'settings:set': z.strictObject({
    backupKeep: z
      .number({ message: `expected a whole number of backups from ${BACKUP_KEEP.min} to ${BACKUP_KEEP.max}` })
      .int(`expected a whole number of backups from ${BACKUP_KEEP.min} to ${BACKUP_KEEP.max}`)
      .min(BACKUP_KEEP.min, `expected a whole number of backups from ${BACKUP_KEEP.min} to ${BACKUP_KEEP.max}`)
      .max(BACKUP_KEEP.max, `expected a whole number of backups from ${BACKUP_KEEP.min} to ${BACKUP_KEEP.max}`)
      .optional(),
  }),
  /** The working copy a previous session left in this data folder, or null. */
  'workingCopy:get': z.strictObject({}),
  /** Keeps the editor's unsaved state (null: there is none any more, after a save or discard). */
  'workingCopy:set': z.strictObject({ copy: workingCopySchema.nullable() }),
} as const satisfies Record<Method, z.ZodType>;

export interface Outputs {
  'app:info': AppInfo;
  'drugs:list': DrugSummary[];
  'drugs:listCustom': CustomDrugInput[];
  'drugs:saveCustom': CustomDrugInput;
  'drugs:deleteCustom': { deleted: true };
  'scenarios:list': ScenarioSummary[];
  'scenarios:get': ScenarioRecord;
  'scenarios:save': ScenarioRecord;
  'scenarios:delete': { deleted: true };
  'scenarios:restore': ScenarioRecord;
  'engine:simulate': Results;
  'runs:create': RunRecord;
  'runs:list': RunSummary[];
  'runs:get': RunRecord;
  'runs:exportCsv': CsvExport;
  'validation:run': ValidationReport;
  'compare:run': ComparisonRun;
  'comparisons:save': ComparisonRecord;
  'comparisons:list': ComparisonSummary[];
  'comparisons:get': ComparisonRecord;
  'comparisons:delete': { deleted: true };
  'reports:export': ReportFile;
  'backup:create': BackupInfo;
  'backup:list': BackupInfo[];
  'backup:restore': RestoreResult;
  'settings:get': AppSettings;
  'settings:set': AppSettings;
  'workingCopy:get': WorkingCopy | null;
  'workingCopy:set': { kept: boolean };
}

export type Input<M extends Method> = z.input<(typeof inputs)[M]>;

/** The API as the renderer sees it: one async function per method. */
export type AppApi = { [M in Method]: (input: Input<M>) => Promise<Result<Outputs[M]>> };

/** The notice every result screen and report carries. */
export const NOTICE = {
  en: 'Educational simulation, not for clinical decisions.',
  zh: '教学模拟，不可用于临床决策。',
} as const;
