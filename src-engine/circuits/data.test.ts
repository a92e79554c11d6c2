// The probes' parameter file: every number has a unit and a source, calibrated ones say to what,
// every entry is used by a model, and a unit the equations do not expect is refused.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIRCUIT_PARAMETERS, circuitParam, circuitParametersSchema } from './data.ts';
import { basalGangliaParams } from './basal-ganglia.ts';
import { cortexParams } from './cortex.ts';

const HERE = import.meta.dirname;
const sources = readdirSync(HERE)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(HERE, f), 'utf8'))
  .join('\n');

describe('data/circuits/parameters.json', () => {
  it('gives every parameter a unit and a source; calibrated ones name their target', () => {
    const entries = Object.entries(CIRCUIT_PARAMETERS);
    expect(entries.length).toBeGreaterThan(40);
    for (const [name, q] of entries) {
      expect(q.unit, name).not.toBe('');
      expect(q.source.length, name).toBeGreaterThan(40);
      expect(q.source, name).not.toMatch(/placeholder|TODO/i);
      if (/^calibrated/i.test(q.source)) expect(q.source, name).toMatch(/so that|to |equals|makes|puts|sets|gives/);
    }
  });

  it('uses every parameter in a model, and the models read them all without error', () => {
    for (const name of Object.keys(CIRCUIT_PARAMETERS)) expect(sources.includes(`'${name}'`), `${name} is not read by any probe`).toBe(true);
    expect(() => basalGangliaParams()).not.toThrow();
    expect(() => cortexParams()).not.toThrow();
  });

  it('refuses a missing parameter or one in another unit', () => {
    expect(() => circuitParam('stnGpe.tauS', 's')).toThrow(/in ms, the model expects s/);
    expect(() => circuitParam('stnGpe.nothing', 'ms')).toThrow(/missing/);
    expect(circuitParam('stnGpe.tauS', 'ms')).toBe(12.8);
  });

  it('validates with the slow layer\'s parameter schema and rejects a number without a source', () => {
    expect(circuitParametersSchema.safeParse(CIRCUIT_PARAMETERS).success).toBe(true);
    expect(circuitParametersSchema.safeParse({ x: { value: 1, unit: 'ms' } }).success).toBe(false);
  });
});
