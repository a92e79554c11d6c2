// The paradigms' parameter file: every number has a unit and a source, calibrated ones say what
// to, every entry is read by a model, and a unit the equations do not expect is refused.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEARNING_PARAMETERS, learningParam, learningParametersSchema } from './data.ts';

const HERE = import.meta.dirname;
const sources = readdirSync(HERE)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(HERE, f), 'utf8'))
  .join('\n');

describe('data/learning/parameters.json', () => {
  it('gives every parameter a unit and a source; calibrated ones name their target', () => {
    const entries = Object.entries(LEARNING_PARAMETERS);
    expect(entries.length).toBeGreaterThan(60);
    for (const [name, q] of entries) {
      expect(q.unit, name).not.toBe('');
      expect(q.source.length, name).toBeGreaterThan(40);
      expect(q.source, name).not.toMatch(/placeholder|TODO/i);
      if (/^calibrated/i.test(q.source)) expect(q.source, name).toMatch(/so that|to |with /);
    }
  });

  it('uses every parameter in a model', () => {
    for (const name of Object.keys(LEARNING_PARAMETERS)) expect(sources.includes(`'${name}'`), `${name} is not read by any paradigm`).toBe(true);
  });

  it('refuses a missing parameter or one in another unit', () => {
    expect(() => learningParam('fear.csSalience', 'd')).toThrow(/in 1\/trial, the model expects d/);
    expect(() => learningParam('fear.nothing', '1')).toThrow(/missing/);
    expect(learningParam('pst.probabilityAB', 'probability')).toBe(0.8);
  });

  it('validates with the shared parameter schema and rejects a number without a source', () => {
    expect(learningParametersSchema.safeParse(LEARNING_PARAMETERS).success).toBe(true);
    expect(learningParametersSchema.safeParse({ x: { value: 1, unit: 'd' } }).success).toBe(false);
  });
});
