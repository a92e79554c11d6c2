// Records the band each validation case reaches now: `node test/tools/validation-baseline.ts`.
// Run it after a reviewed change to the engine or the data; the diff of baseline.json shows what moved.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VALIDATION_CASES } from '../../src-engine/validation/cases.ts';
import { runCase } from '../../src-engine/validation/run.ts';

const bands = Object.fromEntries(VALIDATION_CASES.map(runCase).map((r) => [r.id, r.band]));
writeFileSync(join(import.meta.dirname, '../../src-engine/data/validation/baseline.json'), `${JSON.stringify(bands, null, 2)}\n`);
console.log(`recorded ${Object.keys(bands).length} cases`);
