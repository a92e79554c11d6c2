// The editor's form values and their mapping to and from a scenario document (pure, tested).
// The editor shows only some fields; everything else in a document it opened (CYP2D6,
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
import { deviceIntervention, deviceRowOf, type DeviceRow } from './devices.ts';
import { taskEntry, taskRowOf, type TaskRow } from './tasks.ts';
import { nameKey } from './library.ts';

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

/** A series of psychotherapy sessions (the scenario's `therapy` interventions). */
export interface SessionRow {
  kind: 'cbt' | 'exposure';
  every: string;
  start: string;
  /** Empty for "until the end". */
  count: string;
  extra?: Partial<InterventionInput>;
}

export interface Draft {
  /** User-defined drugs the rows use, carried in the scenario so that it is self-contained. */
  customDrugs: CustomDrugInput[];
  name: string;
  condition: string;
  /** mild / moderate / severe, or a number 0–1 from an opened document (as text). */
  severity: string;
  treatmentResistant: boolean;
  weightKg: number;
  age: number;
  duration: string;
  rows: DoseRow[];
  sessions: SessionRow[];
  /** Stimulation devices (DBS, TMS, tDCS, ECT), after the drug rows and therapy sessions in the document. */
  devices: DeviceRow[];
  /** Learning tasks (the scenario's `tasks`), each run at its time from the brain state then. */
  tasks: TaskRow[];
  /** The document this draft was opened from: fields the editor does not show come from it. */
  base?: ScenarioInput;
  /**
   * Set while the name is the app's own (a new scenario, an example): the key (library.ts nameKey)
   * of the condition and interventions it was made for; the name follows when they change. Typing
   * a name clears it. Not part of the document.
   */
  autoName?: string;
}

/** Engine defaults for what a document may leave out (scenario schema). */
const DEFAULT_AGE = 40;
const DEFAULT_WEIGHT = 70;

export function newDraft(): Draft {
  const draft: Draft = {
    customDrugs: [],
    name: 'Donepezil in Alzheimer’s disease',
    condition: 'alzheimers',
    severity: 'mild',
    treatmentResistant: false,
    weightKg: 70,
    age: 72,
    duration: '12w',
    rows: [{ drug: 'donepezil', route: 'oral', infusion: '', dose: '5 mg', every: '24h', start: '0d', stop: '' }],
    sessions: [],
    devices: [],
    tasks: [],
  };
  return { ...draft, autoName: nameKey(draft, 'en') };
}

export function newSession(condition: string): SessionRow {
  return { kind: condition === 'ptsd' ? 'exposure' : 'cbt', every: '7d', start: '1d', count: '8' };
}

export function newRow(previous?: DoseRow): DoseRow {
  // A second row usually continues the first one (titration): start where it stopped.
  return { drug: previous?.drug ?? 'donepezil', route: previous?.route ?? 'oral', infusion: '', dose: previous?.dose ?? '10 mg', every: '24h', start: previous?.stop || '4w', stop: '' };
}

export function toDoc(draft: Draft): ScenarioInput {
  const base = draft.base;
  const customDrugs = draft.customDrugs.filter((d) => draft.rows.some((r) => r.drug === d.id));
  const { customDrugs: _old, tasks: _tasks, ...rest } = base ?? {};
  return {
    ...rest,
    schema: SCENARIO_SCHEMA,
    name: draft.name,
    duration: draft.duration.trim(),
    seed: base?.seed ?? 1,
    patient: patientOf(draft),
    interventions: [
      ...draft.rows.map((r) => (r.records ? { ...r.extra, type: 'drug' as const, drug: r.drug, route: r.route as Route, records: r.records } : regimen(r))),
      ...draft.sessions.map(sessions),
      ...draft.devices.map(deviceIntervention),
    ],
    // A sampling the editor chose for the old duration follows the new one; a chosen one stays.
    sampling: base?.sampling !== undefined && base.sampling !== samplingFor(base.duration) ? base.sampling : samplingFor(draft.duration),
    ...(customDrugs.length > 0 ? { customDrugs } : {}),
    ...(draft.tasks.length > 0 ? { tasks: draft.tasks.map(taskEntry) } : {}),
  };
}

function patientOf(draft: Draft): ScenarioInput['patient'] {
  const { treatmentResistant: _tr, severity: _s, ...rest } = draft.base?.patient ?? {};
  const numeric = Number(draft.severity);
  const severity = draft.severity.trim() === '' ? undefined : Number.isFinite(numeric) ? numeric : draft.severity;
  return {
    ...rest,
    condition: draft.condition as ScenarioInput['patient']['condition'],
    ...(severity !== undefined && draft.condition !== 'healthy' ? { severity: severity as ScenarioInput['patient']['severity'] } : {}),
    ...(draft.treatmentResistant && draft.condition === 'depression' ? { treatmentResistant: true } : {}),
    weightKg: draft.weightKg,
    age: draft.age,
  };
}

function sessions(s: SessionRow): InterventionInput {
  // A number goes to the validator as a number (it names a fraction or a negative count); text as text.
  const count = s.count.trim() !== '' && Number.isFinite(Number(s.count)) ? Number(s.count) : s.count;
  return {
    ...s.extra,
    type: 'therapy' as const,
    kind: s.kind,
    start: s.start.trim() || '0d',
    ...(s.every.trim() ? { every: s.every.trim() } : {}),
    ...(s.count.trim() ? { count: count as number } : {}),
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

/** Index in the document's interventions of the k-th device row (drugs, then sessions, then devices). */
export function deviceIndex(draft: Pick<Draft, 'rows' | 'sessions'>, k: number): number {
  return draft.rows.length + draft.sessions.length + k;
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
    // The engine's default; toDoc leaves it out for a healthy patient.
    severity: doc.patient.severity === undefined ? 'moderate' : String(doc.patient.severity),
    treatmentResistant: doc.patient.treatmentResistant === true,
    weightKg: doc.patient.weightKg ?? DEFAULT_WEIGHT,
    age: doc.patient.age ?? DEFAULT_AGE,
    duration: doc.duration,
    devices: (doc.interventions ?? []).flatMap((iv) => deviceRowOf(iv) ?? []),
    tasks: (doc.tasks ?? []).map(taskRowOf),
    sessions: (doc.interventions ?? []).flatMap((iv) => {
      if (iv.type !== 'therapy') return [];
      const { type: _t, kind, every, start, count, ...extra } = iv;
      return [{ kind, every: every ?? '', start: start ?? '0d', count: count === undefined ? '' : String(count), ...(Object.keys(extra).length > 0 ? { extra } : {}) }];
    }),
    rows: (doc.interventions ?? []).flatMap((iv) => {
      if (iv.type !== 'drug') return [];
      const { type: _t, drug, route, infusion, dose, every, start, stop, records, ...extra } = iv;
      return [{
        drug,
        route: route ?? routeOf({}, lookup(drug)),
        infusion: infusion ?? '',
        dose: dose ?? '',
        every: every ?? '',
        start: start ?? '0d',
        stop: stop ?? '',
        ...(records ? { records } : {}),
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
      }];
    }),
  };
}
