// The engine's public surface: scenario parsing, simulation, the drug catalogue and the formats.
export { ENGINE_VERSION } from './version.ts';
export { simulate, run, runChecked, type SimulateOutcome, type RunOptions } from './simulate.ts';
export {
  parseScenario,
  scenarioJsonSchema,
  migrateScenario,
  formatPath,
  doseSchedule,
  drugLookup,
  routeOf,
  hoursOf,
  SCENARIO_SCHEMA,
  CONDITIONS,
  SEVERITIES,
  CYP2D6,
  THERAPY_KINDS,
  type Scenario,
  type ScenarioInput,
  type DrugIntervention,
  type Patient,
  type FieldError,
  type ScheduledDose,
} from './scenario.ts';
export { RESULTS_SCHEMA, type Results, type Series, type ResultEvent } from './results.ts';
export { listDrugs, getDrug, DRUG_IDS } from './drugs/catalogue.ts';
export { TARGETS, ROUTES, type DrugFile, type TargetId, type Route } from './drugs/schema.ts';
export { parseDuration, parseDose } from './units.ts';
export { doseRecordSchema, type DoseRecord, type DoseRecordInput } from './pk/records.ts';
export { customDrugSchema, toDrugFile, USER_DEFINED, type CustomDrug, type CustomDrugInput } from './drugs/custom.ts';
export { parseRecordsCsv, formatCsvError, type CsvError, type CsvSubject } from './pk/records-csv.ts';
export { mechanismChain, EXPLAINABLE, CHAIN_LAYERS, type ChainLink, type ChainLayer } from './neuro/chain.ts';
export { CONDITION_PROFILES, type Condition } from './neuro/data.ts';
export { MECHANISMS, MECHANISM_IDS, type MechanismId } from './neuro/model.ts';
export { EXAMPLES, EXAMPLE_SCHEMA, loadExample, type Example } from './examples.ts';
