// The editor's form values and their mapping to and from a scenario document (pure, tested).
// The editor shows only some fields; everything else in a document it opened (severity, CYP2D6,
// renal function, seed, sampling, titration steps, missed doses, ...) is kept as it was.
import {
  drugLookup,
  hoursOf,
  parseScenario,
  routeOf,
  SCENARIO_SCHEMA,
  type CustomDrugInput,
  type DoseRecordInput,
  type Route,
  type ScenarioInput,
} from '../../src-engine/index.ts';

type InterventionInput = NonNullable<ScenarioInput['interventions']>[number];

export interface DoseRow {
  drug: string;
  route: string;
  /** IV only: infusion duration; empty for a bolus. */
  infusion: string;
  dose: string;
  every: string;
  start: string;
  /** Empty for "until the end". */
  stop: string;
  /** Dosing records (pasted or imported as CSV) replace dose/every/start/stop when present. */
  records?: DoseRecordInput[];
  /** Fields of the opened intervention that the editor does not show (count, steps, skip). */
  extra?: Partial<InterventionInput>;
}

export interface Draft {
  /** User-defined drugs the rows use, carried in the scenario so that it is self-contained. */
  customDrugs: CustomDrugInput[];
  name: string;
  condition: string;
  weightKg: number;
  age: number;
  duration: string;
  rows: DoseRow[];
  /** The document this draft was opened from: fields the editor does not show come from it. */
  base?: ScenarioInput;
}

/** Engine defaults for what a document may leave out (scenario schema). */
const DEFAULT_AGE = 40;
const DEFAULT_WEIGHT = 70;

export function newDraft(): Draft {
  return {
    customDrugs: [],
    name: 'Donepezil in mild Alzheimer’s disease',
    condition: 'alzheimers',
    weightKg: 70,
    age: 72,
    duration: '12w',
    rows: [{ drug: 'donepezil', route: 'oral', infusion: '', dose: '5 mg', every: '24h', start: '0d', stop: '' }],
  };
}

export function newRow(previous?: DoseRow): DoseRow {
  // A second row usually continues the first one (titration): start where it stopped.
  return { drug: previous?.drug ?? 'donepezil', route: previous?.route ?? 'oral', infusion: '', dose: previous?.dose ?? '10 mg', every: '24h', start: previous?.stop || '4w', stop: '' };
}

export function toDoc(draft: Draft): ScenarioInput {
  const base = draft.base;
  const customDrugs = draft.customDrugs.filter((d) => draft.rows.some((r) => r.drug === d.id));
  const { customDrugs: _old, ...rest } = base ?? {};
  return {
    ...rest,
    schema: SCENARIO_SCHEMA,
    name: draft.name,
    duration: draft.duration.trim(),
    seed: base?.seed ?? 1,
    patient: { ...base?.patient, condition: draft.condition as ScenarioInput['patient']['condition'], weightKg: draft.weightKg, age: draft.age },
    interventions: draft.rows.map((r) => (r.records ? { ...r.extra, type: 'drug' as const, drug: r.drug, route: r.route as Route, records: r.records } : regimen(r))),
    // A sampling the editor chose for the old duration follows the new one; a chosen one stays.
    sampling: base?.sampling !== undefined && base.sampling !== samplingFor(base.duration) ? base.sampling : samplingFor(draft.duration),
    ...(customDrugs.length > 0 ? { customDrugs } : {}),
  };
}

function regimen(r: DoseRow): InterventionInput {
  return {
    ...r.extra,
    type: 'drug' as const,
    drug: r.drug,
    dose: r.dose.trim(),
    route: r.route as Route,
    ...(r.route === 'iv' && r.infusion.trim() ? { infusion: r.infusion.trim() } : {}),
    start: r.start.trim() || '0d',
    ...(r.every.trim() ? { every: r.every.trim() } : {}),
    ...(r.stop.trim() ? { stop: r.stop.trim() } : {}),
  };
}

/** Finer samples for short scenarios (an infusion over minutes), hourly for weeks. */
export function samplingFor(duration: string): string {
  const hours = hoursOf(duration.trim());
  if (!(hours > 0)) return '1h';
  if (hours <= 48) return '5min';
  if (hours <= 14 * 24) return '30min';
  return '1h';
}

export function fromDoc(doc: ScenarioInput): Draft {
  const parsed = parseScenario(doc);
  const lookup = drugLookup(parsed.ok ? parsed.scenario : {});
  return {
    base: doc,
    customDrugs: doc.customDrugs ?? [],
    name: doc.name,
    condition: doc.patient.condition,
    weightKg: doc.patient.weightKg ?? DEFAULT_WEIGHT,
    age: doc.patient.age ?? DEFAULT_AGE,
    duration: doc.duration,
    rows: (doc.interventions ?? []).map((iv) => {
      const { type: _t, drug, route, infusion, dose, every, start, stop, records, ...extra } = iv;
      return {
        drug,
        route: route ?? routeOf({}, lookup(drug)),
        infusion: infusion ?? '',
        dose: dose ?? '',
        every: every ?? '',
        start: start ?? '0d',
        stop: stop ?? '',
        ...(records ? { records } : {}),
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
      };
    }),
  };
}
