// The editor's form values and their mapping to and from a scenario document (pure, tested).
import { hoursOf, SCENARIO_SCHEMA, type CustomDrugInput, type DoseRecordInput, type Route, type ScenarioInput } from '../../src-engine/index.ts';

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
}

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
  return {
    schema: SCENARIO_SCHEMA,
    name: draft.name,
    duration: draft.duration.trim(),
    seed: 1,
    patient: { condition: draft.condition as ScenarioInput['patient']['condition'], weightKg: draft.weightKg, age: draft.age },
    interventions: draft.rows.map((r) => (r.records ? { type: 'drug' as const, drug: r.drug, route: r.route as Route, records: r.records } : regimen(r))),
    sampling: samplingFor(draft.duration),
    ...(used(draft).length > 0 ? { customDrugs: used(draft) } : {}),
  };
}

/** The user-defined drugs some row uses (others are dropped from the document). */
function used(draft: Draft): CustomDrugInput[] {
  return draft.customDrugs.filter((d) => draft.rows.some((r) => r.drug === d.id));
}

function regimen(r: DoseRow) {
  return {
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
  const base = newDraft();
  return {
    customDrugs: doc.customDrugs ?? [],
    name: doc.name,
    condition: doc.patient.condition,
    weightKg: doc.patient.weightKg ?? base.weightKg,
    age: doc.patient.age ?? base.age,
    duration: doc.duration,
    rows: (doc.interventions ?? []).map((iv) => ({
      drug: iv.drug,
      route: iv.route ?? 'oral',
      infusion: iv.infusion ?? '',
      dose: iv.dose ?? '',
      every: iv.every ?? '',
      start: iv.start ?? '0d',
      stop: iv.stop ?? '',
      ...(iv.records ? { records: iv.records } : {}),
    })),
  };
}
