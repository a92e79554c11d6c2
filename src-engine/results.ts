// The results format `modulon.results/1` (DESIGN.md §4.2).
import type { Scenario } from './scenario.ts';

export const RESULTS_SCHEMA = 'modulon.results/1';

export interface Series {
  unit: string;
  /** For pk series: the administered drug the species belongs to (a metabolite's parent, say). */
  drug?: string;
  /** Hours from the start of the scenario. */
  t: number[];
  v: number[];
}

export interface ResultEvent {
  /** Hours from the start. */
  t: number;
  /** A dose, or a therapy session. */
  kind: 'dose' | 'session';
  label: string;
  /** Drug id for dose events, so charts can colour markers by drug. */
  drug?: string;
}

export interface Results {
  schema: typeof RESULTS_SCHEMA;
  engine: string;
  scenario: Scenario;
  series: Record<string, Series>;
  events: ResultEvent[];
  warnings: string[];
}
