// Checks data files against their schemas: `node test/tools/check-data.ts [file.json ...]`
// (default: every drug, validation, condition-profile and slow-layer parameter file). Prints one
// line per problem, with its JSON path.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { drugFileSchema } from '../../src-engine/drugs/schema.ts';
import { formatPath } from '../../src-engine/scenario.ts';
import { validationCaseSchema } from '../../src-engine/validation/schema.ts';
import { effectsFileSchema } from '../../src-engine/validation/effects.ts';
import { conditionSchema, parametersSchema } from '../../src-engine/neuro/data.ts';
import { z } from 'zod';

const DATA = join(import.meta.dirname, '..', '..', 'src-engine', 'data');
const files = process.argv.slice(2);
const all = files.length > 0 ? files : [
  ...readdirSync(join(DATA, 'drugs')).map((f) => join(DATA, 'drugs', f)),
  // The baselines are written by test/tools/validation-baseline.ts, not by hand.
  ...readdirSync(join(DATA, 'validation')).filter((f) => !f.endsWith('baseline.json')).map((f) => join(DATA, 'validation', f)),
  ...readdirSync(join(DATA, 'conditions')).map((f) => join(DATA, 'conditions', f)),
  join(DATA, 'neuro', 'parameters.json'),
];
let bad = 0;
for (const file of all) {
  const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const isDrug = file.includes(`${join('data', 'drugs')}`) || (typeof doc === 'object' && doc !== null && 'pk' in doc);
  const schema = isDrug
    ? drugFileSchema
    : file.includes(join('data', 'conditions'))
      ? conditionSchema
      : file.endsWith(join('neuro', 'parameters.json'))
        ? parametersSchema
        : basename(file) === 'effects.json'
          ? effectsFileSchema
          : z.array(validationCaseSchema);
  const parsed = schema.safeParse(doc);
  if (parsed.success) {
    console.log(`ok      ${basename(file)}`);
    continue;
  }
  bad++;
  for (const issue of parsed.error.issues) console.log(`invalid ${basename(file)}: ${formatPath(issue.path)}: ${issue.message}`);
}
process.exitCode = bad > 0 ? 1 : 0;
