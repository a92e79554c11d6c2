// What the Validation page shows of the suite's results: filters, sort orders, the agreement of a
// case in words, and the effect grid's rows and columns after the same filters.
import type { ValidationReport } from '../../src-engine/contract/app-api.ts';
import type { CaseResult } from '../../src-engine/validation/run.ts';

export type Case = CaseResult;
export type Effects = NonNullable<ValidationReport['effects']>;
export type EffectCell = Effects['cells'][number];

/** The three colours of the page: green (in range or within 10 %), amber (within 30 %), red (outside or failed). */
export type Tone = 'good' | 'near' | 'bad';
export const toneOfBand = (band: Case['band']): Tone => (band === 'in range' || band === 'within 10 %' ? 'good' : band === 'within 30 %' ? 'near' : 'bad');
export const toneOfVerdict = (v: EffectCell['verdict']): Tone => (v === 'in band' ? 'good' : v === 'near' ? 'near' : 'bad');

export type BandFilter = 'all' | Tone | 'failed';
export type SortKey = 'suite' | 'name' | 'worst' | 'best' | 'drug';

export interface Filters {
  drug: string;
  condition: string;
  layer: string;
  band: BandFilter;
  independentOnly: boolean;
}
export const NO_FILTERS: Filters = { drug: '', condition: '', layer: '', band: 'all', independentOnly: false };

/** The drugs a case is about ("ketamine+therapy" is about both). */
export const drugsOf = (c: Pick<Case, 'drug'>): string[] => c.drug.split('+');

export function matches(c: Case, f: Filters): boolean {
  if (f.drug && !drugsOf(c).includes(f.drug)) return false;
  if (f.condition && c.condition !== f.condition) return false;
  if (f.layer && c.layer !== f.layer) return false;
  if (f.independentOnly && c.independence !== 'independent') return false;
  if (f.band === 'failed') return c.band === 'failed';
  if (f.band !== 'all') return c.band !== 'failed' && toneOfBand(c.band) === f.band;
  return true;
}

/** How far a case is from agreement, for sorting: 0 inside a range, else |relative distance|; failed last. */
export function distance(c: Case): number {
  if (c.band === 'failed' || c.fromEdge === null || c.error === null) return Number.POSITIVE_INFINITY;
  return Math.abs(c.range ? c.fromEdge : c.error);
}

export function sortCases(cases: readonly Case[], key: SortKey, name: (c: Case) => string, locale: string): Case[] {
  const byName = (a: Case, b: Case) => name(a).localeCompare(name(b), locale);
  const out = [...cases];
  if (key === 'name') out.sort(byName);
  else if (key === 'drug') out.sort((a, b) => a.drug.localeCompare(b.drug) || byName(a, b));
  else if (key === 'worst') out.sort((a, b) => distance(b) - distance(a) || byName(a, b));
  else if (key === 'best') out.sort((a, b) => distance(a) - distance(b) || byName(a, b));
  return out;
}

/** The agreement of one case, to be put in words by the page. */
export type Agreement =
  | { kind: 'failed' }
  | { kind: 'inside'; at: number }
  | { kind: 'range-edge'; by: number; side: 'above' | 'below' }
  | { kind: 'point'; by: number; side: 'above' | 'below' | 'equal' };

export function agreementOf(c: Case): Agreement {
  if (c.band === 'failed' || c.error === null || c.fromEdge === null) return { kind: 'failed' };
  if (c.range && c.position !== undefined) return { kind: 'inside', at: Math.round(c.position * 100) };
  if (c.range) return { kind: 'range-edge', by: Math.abs(c.fromEdge), side: c.fromEdge > 0 ? 'above' : 'below' };
  return { kind: 'point', by: Math.abs(c.error), side: c.error > 0 ? 'above' : c.error < 0 ? 'below' : 'equal' };
}

/** Options of a filter: the distinct values among the items, in the suite's order. */
export function optionsOf<T>(items: readonly T[], pick: (x: T) => readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const x of items) for (const v of pick(x)) if (v) seen.add(v);
  return [...seen];
}

/** Effect cells under the drug and condition filters (the grid has no layers or bands to filter by). */
export function effectCells(e: Effects, f: Pick<Filters, 'drug' | 'condition'>): EffectCell[] {
  return e.cells.filter((c) => (!f.drug || c.drug === f.drug) && (!f.condition || c.condition === f.condition));
}

/** The worst verdict of a pair's cells: failed, outside, near, in band. */
export function worstVerdict(cells: readonly EffectCell[]): EffectCell['verdict'] {
  const order: EffectCell['verdict'][] = ['failed', 'outside', 'near', 'in band'];
  return order.find((v) => cells.some((c) => c.verdict === v)) ?? 'failed';
}

/** Summary of the cases shown. */
export function countTones(cases: readonly Case[]): Record<Tone | 'failed', number> {
  const out = { good: 0, near: 0, bad: 0, failed: 0 };
  for (const c of cases) {
    if (c.band === 'failed') out.failed++;
    else out[toneOfBand(c.band)]++;
  }
  return out;
}
