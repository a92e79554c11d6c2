// Scenario interventions for the stimulation devices (DBS, rTMS/theta burst, tDCS, ECT): zod schemas
// whose range errors say what was expected, the TS types, and the protocol defaults filled in once.
import { z } from 'zod';
import { DURATION_PATTERN, parseDuration } from '../units.ts';
import { param } from './data.ts';

export const DBS_TARGETS = ['STN', 'GPi'] as const;
export const TMS_PROTOCOLS = ['10hz', '1hz', 'itbs', 'ctbs'] as const;
export const DLPFC_TARGETS = ['left-DLPFC', 'right-DLPFC'] as const;
/** tDCS also takes the motor cortex, where its after-effects were measured (Nitsche & Paulus 2000/2001). */
export const TDCS_TARGETS = ['left-DLPFC', 'right-DLPFC', 'M1'] as const;
export const TDCS_POLARITIES = ['anodal', 'cathodal'] as const;
export const ECT_PLACEMENTS = ['bitemporal', 'right-unilateral', 'bifrontal'] as const;

export type DbsTarget = (typeof DBS_TARGETS)[number];
export type TmsProtocol = (typeof TMS_PROTOCOLS)[number];
export type DlpfcTarget = (typeof DLPFC_TARGETS)[number];
export type TdcsTarget = (typeof TDCS_TARGETS)[number];
export type TdcsPolarity = (typeof TDCS_POLARITIES)[number];
export type EctPlacement = (typeof ECT_PLACEMENTS)[number];

/** Accepted ranges, in the field's unit. DBS ranges are those of a Medtronic Activa PC/RC pulse generator. */
export const RANGES = {
  frequencyHz: [2, 250],
  pulseWidthUs: [30, 450],
  amplitudeV: [0, 10.5],
  amplitudeMa: [0, 25.5],
  contactAreaCm2: [0.005, 0.5],
  impedanceOhm: [200, 5000],
  intensityPctMT: [50, 160],
  pulsesPerSession: [10, 10000],
  sessionsPerDay: [1, 10],
  daysPerWeek: [1, 7],
  currentMa: [0.5, 4],
  minutes: [5, 40],
  electrodeAreaCm2: [3, 100],
  pulseWidthMs: [0.25, 2],
  sessionsPerWeek: [1, 5],
  count: [1, 100],
} as const satisfies Record<string, readonly [number, number]>;

// Stryker disable next-line ConditionalExpression: the number branch is equivalent for finite numbers (zod refuses NaN and ±Infinity before a message is built)
const show = (v: unknown): string => (typeof v === 'number' ? String(v) : v === undefined ? 'nothing' : JSON.stringify(v) ?? typeof v);

/** A number within [min, max] (in `unit`); every failure says what was expected and what came. */
function ranged(key: keyof typeof RANGES, what: string, unit: string, opts: { int?: boolean } = {}) {
  const [min, max] = RANGES[key];
  const expected = `${what} from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  let n = z.number({ error: (iss) => (iss.input === undefined ? `expected ${expected}, but it is missing` : `expected ${expected} as a number, got ${show(iss.input)}`) });
  if (opts.int) n = n.int({ error: (iss) => `expected ${expected} as a whole number, got ${show(iss.input)}` });
  return n
    .min(min, { error: (iss) => `expected ${expected}, got ${show(iss.input)} (below ${min})` })
    .max(max, { error: (iss) => `expected ${expected}, got ${show(iss.input)} (above ${max})` })
    .meta({ description: `${what}, ${min}–${max}${unit ? ` ${unit}` : ''}` });
}

/**
 * A duration string ("3d", "6w"), checked with the scenario format's own parser. The scenario
 * schema checks it against the scenario's length (start before the end, stop after start).
 */
function duration(what: string) {
  return z
    .string({ error: `expected ${what} as a string such as "3d" or "6w"` })
    .meta({ description: `${what}: a number, then min, h, d or w ("40min", "24h", "3d", "6w")`, pattern: DURATION_PATTERN })
    .superRefine((text, ctx) => {
      const parsed = parseDuration(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `expected ${what} as ${parsed.expected}, got ${JSON.stringify(text)}` });
    });
}

function enumOf<T extends readonly [string, ...string[]]>(values: T, what: string) {
  const list = values.map((v) => JSON.stringify(v)).join(', ');
  return z.enum(values, { error: (iss) => `expected ${what}: one of ${list}, got ${show(iss.input)}` });
}

/** Stop after start, when both are given. */
function stopAfterStart(iv: { start: string; stop?: string | undefined }, ctx: z.core.$RefinementCtx): void {
  if (iv.stop === undefined) return;
  const start = parseDuration(iv.start);
  const stop = parseDuration(iv.stop);
  if (start.ok && stop.ok && stop.value <= start.value) ctx.addIssue({ code: 'custom', path: ['stop'], message: `expected a stop time after start (${iv.start}), got ${JSON.stringify(iv.stop)}` });
}

/**
 * Deep brain stimulation through one monopolar contact. Voltage-controlled (`amplitudeV`) or
 * current-controlled (`amplitudeMa`), exactly one of them. Stimulation is on from `start` to `stop`
 * (or to the end of the scenario).
 */
export const dbsIntervention = z
  .strictObject({
    type: z.literal('dbs'),
    target: enumOf(DBS_TARGETS, 'a DBS target'),
    frequencyHz: ranged('frequencyHz', 'a stimulation frequency', 'Hz'),
    pulseWidthUs: ranged('pulseWidthUs', 'a pulse width', 'µs'),
    amplitudeV: ranged('amplitudeV', 'a voltage amplitude', 'V').optional(),
    amplitudeMa: ranged('amplitudeMa', 'a current amplitude', 'mA').optional(),
    /** Default: one cylindrical contact of a Medtronic 3389 lead, 0.06 cm². */
    contactAreaCm2: ranged('contactAreaCm2', 'a contact area', 'cm²').optional(),
    /** Default 1000 Ω (clinical impedances 500–1500 Ω). */
    impedanceOhm: ranged('impedanceOhm', 'an electrode impedance', 'Ω').optional(),
    start: duration('the switch-on time'),
    stop: duration('the switch-off time').optional(),
  })
  .superRefine((iv, ctx) => {
    if ((iv.amplitudeV === undefined) === (iv.amplitudeMa === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [iv.amplitudeV === undefined ? 'amplitudeV' : 'amplitudeMa'],
        message: iv.amplitudeV === undefined ? 'expected an amplitude: "amplitudeV" (voltage-controlled) or "amplitudeMa" (current-controlled)' : 'expected either "amplitudeV" or "amplitudeMa", not both',
      });
    }
    stopAfterStart(iv, ctx);
  });

/** A course of repetitive TMS or theta burst: sessions on the first `daysPerWeek` days of each week from `start`, before `stop`. */
export const tmsIntervention = z
  .strictObject({
    type: z.literal('tms'),
    protocol: enumOf(TMS_PROTOCOLS, 'a TMS protocol'),
    target: enumOf(DLPFC_TARGETS, 'a TMS target'),
    /** Default 120 % of the resting motor threshold (O'Reardon 2007; Blumberger 2018 for iTBS). */
    intensityPctMT: ranged('intensityPctMT', 'an intensity', '% of motor threshold').optional(),
    /** Default by protocol: 10 Hz 3000, 1 Hz 1200, iTBS 600, cTBS 600. */
    pulsesPerSession: ranged('pulsesPerSession', 'pulses per session', '', { int: true }).optional(),
    sessionsPerDay: ranged('sessionsPerDay', 'sessions per day', '', { int: true }).default(1),
    daysPerWeek: ranged('daysPerWeek', 'treatment days per week', '', { int: true }).default(5),
    start: duration('the start of the course'),
    stop: duration('the end of the course'),
  })
  .superRefine(stopAfterStart);

/** A course of transcranial direct current stimulation, scheduled like TMS. */
export const tdcsIntervention = z
  .strictObject({
    type: z.literal('tdcs'),
    polarity: enumOf(TDCS_POLARITIES, 'a polarity (of the electrode over the target)'),
    currentMa: ranged('currentMa', 'a current', 'mA'),
    minutes: ranged('minutes', 'a session length', 'min'),
    /** Default 35 cm² (5 × 7 cm sponges). */
    electrodeAreaCm2: ranged('electrodeAreaCm2', 'an electrode area', 'cm²').optional(),
    target: enumOf(TDCS_TARGETS, 'a tDCS target'),
    sessionsPerDay: ranged('sessionsPerDay', 'sessions per day', '', { int: true }).default(1),
    daysPerWeek: ranged('daysPerWeek', 'treatment days per week', '', { int: true }).default(5),
    start: duration('the start of the course'),
    stop: duration('the end of the course'),
  })
  .superRefine(stopAfterStart);

/** A course of electroconvulsive therapy: `count` sessions, `sessionsPerWeek` a week, from `start`. */
export const ectIntervention = z.strictObject({
  type: z.literal('ect'),
  placement: enumOf(ECT_PLACEMENTS, 'an electrode placement'),
  /** Below 0.5 ms is "ultrabrief". */
  pulseWidthMs: ranged('pulseWidthMs', 'a pulse width', 'ms'),
  sessionsPerWeek: ranged('sessionsPerWeek', 'sessions per week', '', { int: true }).default(3),
  count: ranged('count', 'a number of sessions', '', { int: true }).default(12),
  start: duration('the first session'),
});

export type DbsIntervention = z.output<typeof dbsIntervention>;
export type TmsIntervention = z.output<typeof tmsIntervention>;
export type TdcsIntervention = z.output<typeof tdcsIntervention>;
export type EctIntervention = z.output<typeof ectIntervention>;
export type StimulationIntervention = DbsIntervention | TmsIntervention | TdcsIntervention | EctIntervention;
export const STIMULATION_TYPES = ['dbs', 'tms', 'tdcs', 'ect'] as const;

/** Defaults of a DBS setting, resolved once. */
export interface DbsSetting {
  target: DbsTarget;
  frequencyHz: number;
  pulseWidthUs: number;
  /** Voltage-controlled: V; current-controlled: undefined. */
  amplitudeV: number | undefined;
  /** Current-controlled: mA; voltage-controlled: undefined. */
  amplitudeMa: number | undefined;
  contactAreaCm2: number;
  impedanceOhm: number;
}

export function resolveDbs(iv: Pick<DbsIntervention, 'target' | 'frequencyHz' | 'pulseWidthUs' | 'amplitudeV' | 'amplitudeMa' | 'contactAreaCm2' | 'impedanceOhm'>): DbsSetting {
  return {
    target: iv.target,
    frequencyHz: iv.frequencyHz,
    pulseWidthUs: iv.pulseWidthUs,
    amplitudeV: iv.amplitudeV,
    amplitudeMa: iv.amplitudeV === undefined ? (iv.amplitudeMa ?? 0) : undefined,
    contactAreaCm2: iv.contactAreaCm2 ?? param('dbs.contactAreaDefault'),
    impedanceOhm: iv.impedanceOhm ?? param('dbs.impedanceDefault'),
  };
}

/** One TMS session's parameters with the protocol defaults filled in. */
export interface TmsSession {
  protocol: TmsProtocol;
  intensityPctMT: number;
  pulses: number;
}

export function resolveTms(iv: Pick<TmsIntervention, 'protocol' | 'intensityPctMT' | 'pulsesPerSession'>): TmsSession {
  return {
    protocol: iv.protocol,
    intensityPctMT: iv.intensityPctMT ?? param('tms.defaultIntensity'),
    pulses: iv.pulsesPerSession ?? param(`tms.${iv.protocol}.pulses`),
  };
}

/** One tDCS session's parameters with the defaults filled in. */
export interface TdcsSession {
  polarity: TdcsPolarity;
  currentMa: number;
  minutes: number;
  electrodeAreaCm2: number;
}

export function resolveTdcs(iv: Pick<TdcsIntervention, 'polarity' | 'currentMa' | 'minutes' | 'electrodeAreaCm2'>): TdcsSession {
  return { polarity: iv.polarity, currentMa: iv.currentMa, minutes: iv.minutes, electrodeAreaCm2: iv.electrodeAreaCm2 ?? param('tdcs.electrodeAreaDefault') };
}
