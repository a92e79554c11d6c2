// Strict parsing of the unit-carrying strings of the scenario format: durations and doses.

/** Hours per duration unit. Durations are stored internally in hours. */
const HOURS_PER: Readonly<Record<string, number>> = {
  min: 1 / 60,
  h: 1,
  d: 24,
  w: 168,
};

/** Milligrams per mass unit. Doses are stored internally in mg (or mg/kg). */
const MG_PER: Readonly<Record<string, number>> = {
  ug: 1e-3,
  'µg': 1e-3,
  mcg: 1e-3,
  mg: 1,
  g: 1000,
};

// A plain decimal number: no exponent, no sign, no hex, at most 12 significant characters.
// Exponents are refused on purpose: "1e308 mg" is a typo, never a dose.
const NUMBER = '(\\d{1,9}(?:\\.\\d{1,9})?|\\.\\d{1,9})';
export const DURATION_PATTERN = `^${NUMBER}\\s*(min|h|d|w)$`;
export const DOSE_PATTERN = `^${NUMBER}\\s*(ug|µg|mcg|mg|g)(/kg)?$`;
const DURATION_RE = new RegExp(DURATION_PATTERN);
const DOSE_RE = new RegExp(DOSE_PATTERN);

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; expected: string };

/** Parses "40min", "24h", "3d", "12w" (also "1.5 h") into hours. Zero is allowed. */
export function parseDuration(text: string): ParseOutcome<number> {
  const m = DURATION_RE.exec(text.trim());
  const expected = 'a duration such as "40min", "24h", "3d" or "12w" (number, then min, h, d or w)';
  if (!m) return { ok: false, expected };
  const hours = Number(m[1]) * (HOURS_PER[m[2] as string] as number);
  // Stryker disable next-line ConditionalExpression: equivalent; the pattern allows at most 9 integer digits, so hours are always finite (kept as a guard if the pattern widens)
  if (!Number.isFinite(hours)) return { ok: false, expected };
  return { ok: true, value: hours };
}

export interface Dose {
  /** Amount in mg, or mg per kg of body weight when `perKg` is true. */
  mg: number;
  perKg: boolean;
}

/** Parses "50 mg", "0.5 mg/kg", "200 µg" into mg (or mg/kg). Only mass units are doses. */
export function parseDose(text: string): ParseOutcome<Dose> {
  const m = DOSE_RE.exec(text.trim());
  if (!m) {
    return {
      ok: false,
      expected: 'a dose such as "10 mg", "0.5 mg/kg" or "200 µg" (number, then µg, mg or g, optionally per kg)',
    };
  }
  const mg = Number(m[1]) * (MG_PER[m[2] as string] as number);
  return { ok: true, value: { mg, perKg: m[3] === '/kg' } };
}
