// Records the band each validation case and the verdict each effect-matrix cell reaches now:
// `node test/tools/validation-baseline.ts`. Run it after a reviewed change to the engine or the
// data; the diff of baseline.json and effects-baseline.json shows what moved (in either direction).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EFFECT_MATRIX, VALIDATION_CASES } from '../../src-engine/validation/cases.ts';
import { runEffect } from '../../src-engine/validation/effects.ts';
import { runCase } from '../../src-engine/validation/run.ts';

const dir = join(import.meta.dirname, '../../src-engine/data/validation');
const bands = Object.fromEntries(VALIDATION_CASES.map(runCase).map((r) => [r.id, r.band]));
writeFileSync(join(dir, 'baseline.json'), `${JSON.stringify(bands, null, 2)}\n`);
const verdicts = Object.fromEntries(EFFECT_MATRIX.cells.map(runEffect).map((r) => [r.id, r.verdict]));
writeFileSync(join(dir, 'effects-baseline.json'), `${JSON.stringify(verdicts, null, 2)}\n`);
console.log(`recorded ${Object.keys(bands).length} cases and ${Object.keys(verdicts).length} effect cells`);
