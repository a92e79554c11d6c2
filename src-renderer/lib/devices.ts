// Stimulation device rows of the editor (DBS, TMS, tDCS, ECT): defaults, the fields each shows with
// its unit and the engine's accepted range, and the mapping to and from scenario interventions (pure, tested).
import type { ScenarioInput } from '../../src-engine/index.ts';
import {
  DBS_TARGETS,
  DLPFC_TARGETS,
  ECT_PLACEMENTS,
  RANGES,
  resolveDbs,
  resolveTdcs,
  resolveTms,
  TDCS_POLARITIES,
  TDCS_TARGETS,
  TMS_PROTOCOLS,
  type DbsTarget,
  type DlpfcTarget,
  type EctPlacement,
  type TdcsPolarity,
  type TdcsTarget,
  type TmsProtocol,
} from '../../src-engine/stimulation/schema.ts';

type InterventionInput = NonNullable<ScenarioInput['interventions']>[number];

export const DEVICE_TYPES = ['dbs', 'tms', 'tdcs', 'ect'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Fields of an opened intervention that the editor does not show (DBS contact area, impedance). */
type Extra = Record<string, unknown>;

/** Numbers are kept as typed text: the engine's parser names what is wrong with them. */
export interface DbsRow {
  type: 'dbs';
  target: DbsTarget;
  frequencyHz: string;
  pulseWidthUs: string;
  amplitude: string;
  /** Voltage-controlled (amplitudeV) or current-controlled (amplitudeMa). */
  amplitudeUnit: 'V' | 'mA';
  start: string;
  /** Empty for "on until the end". */
  stop: string;
  extra?: Extra;
}

export interface TmsRow {
  type: 'tms';
  protocol: TmsProtocol;
  target: DlpfcTarget;
  /** Empty for the engine's default (120 % MT). */
  intensityPctMT: string;
  /** Empty for the protocol's default. */
  pulsesPerSession: string;
  sessionsPerDay: string;
  daysPerWeek: string;
  start: string;
  stop: string;
  extra?: Extra;
}

export interface TdcsRow {
  type: 'tdcs';
  polarity: TdcsPolarity;
  target: TdcsTarget;
  currentMa: string;
  minutes: string;
  /** Empty for the engine's default (35 cm²). */
  electrodeAreaCm2: string;
  sessionsPerDay: string;
  daysPerWeek: string;
  start: string;
  stop: string;
  extra?: Extra;
}

export interface EctRow {
  type: 'ect';
  placement: EctPlacement;
  pulseWidthMs: string;
  sessionsPerWeek: string;
  count: string;
  start: string;
  extra?: Extra;
}

export type DeviceRow = DbsRow | TmsRow | TdcsRow | EctRow;

/** A row as the editor adds it: the usual starting settings of each device. */
export function newDevice(type: DeviceType): DeviceRow {
  switch (type) {
    case 'dbs':
      return { type, target: 'STN', frequencyHz: '130', pulseWidthUs: '60', amplitude: '2.5', amplitudeUnit: 'V', start: '0d', stop: '' };
    case 'tms':
      return { type, protocol: '10hz', target: 'left-DLPFC', intensityPctMT: '', pulsesPerSession: '', sessionsPerDay: '1', daysPerWeek: '5', start: '0d', stop: '6w' };
    case 'tdcs':
      return { type, polarity: 'anodal', target: 'left-DLPFC', currentMa: '2', minutes: '30', electrodeAreaCm2: '', sessionsPerDay: '1', daysPerWeek: '5', start: '0d', stop: '6w' };
    case 'ect':
      return { type, placement: 'right-unilateral', pulseWidthMs: '0.3', sessionsPerWeek: '3', count: '12', start: '0d' };
  }
}

/** The choices of a device's menus, by row key (the DBS amplitude's V/mA sits beside its field). */
export const DEVICE_CHOICES = {
  dbs: { target: DBS_TARGETS },
  tms: { protocol: TMS_PROTOCOLS, target: DLPFC_TARGETS },
  tdcs: { polarity: TDCS_POLARITIES, target: TDCS_TARGETS },
  ect: { placement: ECT_PLACEMENTS },
} as const satisfies Record<DeviceType, Record<string, readonly string[]>>;

/** One text field of a device row. */
export interface DeviceField {
  /** Key in the row. */
  key: string;
  /** Key in the scenario's intervention (the JSON path's last part). */
  path: string;
  kind: 'number' | 'duration';
  /** Unit of the value (untranslated); empty for counts. */
  unit: string;
  /** Accepted range, from the engine's RANGES. */
  range?: readonly [number, number];
  /** Empty means the engine's default, shown as the placeholder. */
  placeholder?: string;
  optional?: boolean;
}

const n = (key: keyof typeof RANGES, unit: string, extra: Partial<DeviceField> = {}): DeviceField => ({ key, path: key, kind: 'number', unit, range: RANGES[key], ...extra });
const START: DeviceField = { key: 'start', path: 'start', kind: 'duration', unit: '' };
const STOP: DeviceField = { key: 'stop', path: 'stop', kind: 'duration', unit: '' };

/** The text fields of a row, in display order, with units, ranges and default placeholders. */
export function deviceFields(row: DeviceRow): DeviceField[] {
  switch (row.type) {
    case 'dbs': {
      const volts = row.amplitudeUnit === 'V';
      return [
        n('frequencyHz', 'Hz'),
        n('pulseWidthUs', 'µs'),
        { ...n(volts ? 'amplitudeV' : 'amplitudeMa', volts ? 'V' : 'mA'), key: 'amplitude' },
        START,
        { ...STOP, optional: true },
      ];
    }
    case 'tms': {
      const defaults = resolveTms({ protocol: row.protocol, intensityPctMT: undefined, pulsesPerSession: undefined });
      return [
        n('intensityPctMT', '% MT', { optional: true, placeholder: String(defaults.intensityPctMT) }),
        n('pulsesPerSession', '', { optional: true, placeholder: String(defaults.pulses) }),
        n('sessionsPerDay', ''),
        n('daysPerWeek', ''),
        START,
        STOP,
      ];
    }
    case 'tdcs': {
      const defaults = resolveTdcs({ polarity: row.polarity, currentMa: 0, minutes: 0, electrodeAreaCm2: undefined });
      return [
        n('currentMa', 'mA'),
        n('minutes', 'min'),
        n('electrodeAreaCm2', 'cm²', { optional: true, placeholder: String(defaults.electrodeAreaCm2) }),
        n('sessionsPerDay', ''),
        n('daysPerWeek', ''),
        START,
        STOP,
      ];
    }
    case 'ect':
      return [n('pulseWidthMs', 'ms'), n('sessionsPerWeek', ''), n('count', ''), START];
  }
}

/** Reads or writes a text field or menu of a row by key (the component iterates over fields). */
export function getField(row: DeviceRow, key: string): string {
  return String((row as unknown as Record<string, unknown>)[key] ?? '');
}

export function setField(row: DeviceRow, key: string, value: string): void {
  (row as unknown as Record<string, unknown>)[key] = value;
}

/** A number as a number, anything else as typed (the validator says what it expected); empty leaves the key out. */
function num(text: string): number | string | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const x = Number(s);
  return Number.isFinite(x) ? x : s;
}

/** Leaves out keys whose value is undefined (the document stays as a user would write it). */
function compact(o: Record<string, unknown>): InterventionInput {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as unknown as InterventionInput;
}

const text = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

export function deviceIntervention(row: DeviceRow): InterventionInput {
  switch (row.type) {
    case 'dbs':
      return compact({
        ...row.extra,
        type: 'dbs',
        target: row.target,
        frequencyHz: num(row.frequencyHz),
        pulseWidthUs: num(row.pulseWidthUs),
        [row.amplitudeUnit === 'V' ? 'amplitudeV' : 'amplitudeMa']: num(row.amplitude),
        start: text(row.start) ?? '0d',
        stop: text(row.stop),
      });
    case 'tms':
      return compact({
        ...row.extra,
        type: 'tms',
        protocol: row.protocol,
        target: row.target,
        intensityPctMT: num(row.intensityPctMT),
        pulsesPerSession: num(row.pulsesPerSession),
        sessionsPerDay: num(row.sessionsPerDay),
        daysPerWeek: num(row.daysPerWeek),
        start: text(row.start) ?? '0d',
        stop: text(row.stop),
      });
    case 'tdcs':
      return compact({
        ...row.extra,
        type: 'tdcs',
        polarity: row.polarity,
        currentMa: num(row.currentMa),
        minutes: num(row.minutes),
        electrodeAreaCm2: num(row.electrodeAreaCm2),
        target: row.target,
        sessionsPerDay: num(row.sessionsPerDay),
        daysPerWeek: num(row.daysPerWeek),
        start: text(row.start) ?? '0d',
        stop: text(row.stop),
      });
    case 'ect':
      return compact({
        ...row.extra,
        type: 'ect',
        placement: row.placement,
        pulseWidthMs: num(row.pulseWidthMs),
        sessionsPerWeek: num(row.sessionsPerWeek),
        count: num(row.count),
        start: text(row.start) ?? '0d',
      });
  }
}

const str = (v: unknown): string => (v === undefined ? '' : String(v));
const withExtra = <T extends object>(row: T, extra: Extra): T => (Object.keys(extra).length > 0 ? { ...row, extra } : row);

/** A device intervention of an opened document as a row; undefined for drugs and therapy. */
export function deviceRowOf(iv: InterventionInput): DeviceRow | undefined {
  switch (iv.type) {
    case 'dbs': {
      const { type, target, frequencyHz, pulseWidthUs, amplitudeV, amplitudeMa, start, stop, ...extra } = iv;
      const volts = amplitudeMa === undefined || amplitudeV !== undefined;
      return withExtra<DbsRow>({ type, target, frequencyHz: str(frequencyHz), pulseWidthUs: str(pulseWidthUs), amplitude: str(volts ? amplitudeV : amplitudeMa), amplitudeUnit: volts ? 'V' : 'mA', start, stop: str(stop) }, extra);
    }
    case 'tms': {
      const { type, protocol, target, intensityPctMT, pulsesPerSession, sessionsPerDay, daysPerWeek, start, stop, ...extra } = iv;
      return withExtra<TmsRow>({ type, protocol, target, intensityPctMT: str(intensityPctMT), pulsesPerSession: str(pulsesPerSession), sessionsPerDay: str(sessionsPerDay), daysPerWeek: str(daysPerWeek), start, stop }, extra);
    }
    case 'tdcs': {
      const { type, polarity, target, currentMa, minutes, electrodeAreaCm2, sessionsPerDay, daysPerWeek, start, stop, ...extra } = iv;
      return withExtra<TdcsRow>({ type, polarity, target, currentMa: str(currentMa), minutes: str(minutes), electrodeAreaCm2: str(electrodeAreaCm2), sessionsPerDay: str(sessionsPerDay), daysPerWeek: str(daysPerWeek), start, stop }, extra);
    }
    case 'ect': {
      const { type, placement, pulseWidthMs, sessionsPerWeek, count, start, ...extra } = iv;
      return withExtra<EctRow>({ type, placement, pulseWidthMs: str(pulseWidthMs), sessionsPerWeek: str(sessionsPerWeek), count: str(count), start }, extra);
    }
    default:
      return undefined;
  }
}

/** "DBS 1", "TMS 2": the row's number among the rows of its type (for labels). */
export function ordinalOf(devices: readonly DeviceRow[], k: number): number {
  const type = devices[k]?.type;
  return devices.slice(0, k + 1).filter((d) => d.type === type).length;
}
