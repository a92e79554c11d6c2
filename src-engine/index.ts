// The engine's public surface: scenario parsing, simulation, the drug catalogue and the formats.
export { ENGINE_VERSION } from './version.ts';
export { simulate, run, type SimulateOutcome } from './simulate.ts';
export {
  parseScenario,
  scenarioJsonSchema,
  migrateScenario,
  formatPath,
  doseTimes,
  hoursOf,
  SCENARIO_SCHEMA,
  CONDITIONS,
  SEVERITIES,
  CYP2D6,
  type Scenario,
  type ScenarioInput,
  type DrugIntervention,
  type Patient,
  type FieldError,
} from './scenario.ts';
export { RESULTS_SCHEMA, type Results, type Series, type ResultEvent } from './results.ts';
export { listDrugs, getDrug, DRUG_IDS } from './drugs/catalogue.ts';
export type { DrugFile } from './drugs/schema.ts';
export { parseDuration, parseDose, formatHours } from './units.ts';
