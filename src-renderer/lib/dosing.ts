// Drug-aware dosing for the editor: a drug's usual regimen when it is chosen, its labelled range
// beside the dose field, and advice when a dose lies outside that range or the labelled daily
// maximum (pure, tested; the engine's own warning at run time stays the reference).
import type { DrugSummary } from '../../src-engine/contract/app-api.ts';
import { hoursOf, parseDose } from '../../src-engine/index.ts';
import type { DoseRow } from './draft.ts';

/** The row fields a drug's usual regimen sets. */
export type Regimen = Pick<DoseRow, 'route' | 'dose' | 'every' | 'infusion'>;

/** The drug's usual regimen from its data file; undefined for a drug without one (user-defined). */
export function usualRegimen(drug: DrugSummary | undefined): Regimen | undefined {
  const d = drug?.dosing;
  if (!d) return undefined;
  return { route: d.route, dose: d.dose, every: d.every ?? '', infusion: d.route === 'iv' ? (d.infusion ?? '') : '' };
}

/** What the dose field offers: the drug's own doses, or none for a drug without dosing data. */
export function doseSuggestions(drug: DrugSummary | undefined): string[] {
  return drug?.dosing?.suggestions ?? [];
}

/** "5–23 mg", "0.1–1 mg/kg": the labelled range of one dose. */
export function rangeText(drug: DrugSummary | undefined): string | undefined {
  const r = drug?.dosing?.range;
  return r ? `${r.min.value}–${r.max.value} ${r.min.unit}` : undefined;
}

export type DoseAdvice =
  | { kind: 'below' | 'above'; range: string }
  /** `mgPerDay`: the most given in any 24 h by this row; `max`: the labelled maximum, mg/day. */
  | { kind: 'daily'; mgPerDay: number; max: number };

/**
 * Advice on one schedule row: a dose outside the labelled per-dose range (a mg dose compared with
 * a mg/kg range at the patient's weight, and the reverse), and a row that alone gives more than
 * the labelled daily maximum in 24 h (as the engine counts it: doses whose times lie within 24 h).
 * Empty when the row does not parse (the field error says why) or the drug has no data.
 */
export function doseAdvice(row: Pick<DoseRow, 'dose' | 'every' | 'records'>, drug: DrugSummary | undefined, weightKg: number): DoseAdvice[] {
  if (!drug || row.records) return [];
  const dose = parseDose(row.dose);
  if (!dose.ok || !(weightKg > 0)) return [];
  const mg = dose.value.perKg ? dose.value.mg * weightKg : dose.value.mg;
  const out: DoseAdvice[] = [];
  const r = drug.dosing?.range;
  if (r) {
    const value = r.min.unit === 'mg/kg' ? mg / weightKg : mg;
    const eps = 1e-9 * Math.max(1, r.max.value);
    if (value < r.min.value - eps) out.push({ kind: 'below', range: rangeText(drug) as string });
    if (value > r.max.value + eps) out.push({ kind: 'above', range: rangeText(drug) as string });
  }
  const every = row.every.trim() === '' ? undefined : hoursOf(row.every.trim());
  if (every !== undefined && !(every > 0)) return out;
  const perDay = every === undefined || every >= 24 ? 1 : Math.ceil(24 / every - 1e-9);
  const max = drug.labelledMaxDailyDose.value;
  if (mg * perDay > max * (1 + 1e-9)) out.push({ kind: 'daily', mgPerDay: Number((mg * perDay).toPrecision(6)), max });
  return out;
}
