// The stimulation devices' public surface: scenario schemas and the per-setting, per-session and
// kinetic quantities the slow layer integrates.
export * from './schema.ts';
export * from './dbs.ts';
export * from './course.ts';
export * from './tms.ts';
export * from './tdcs.ts';
export * from './ect.ts';
export { STIMULATION_PARAMETERS, type StimulationQuantity, type StimulationTable } from './data.ts';
