// The validation suite as a regression guard: a case that was in band must stay in band, and
// every case must run. The bands reached are recorded in data/validation/baseline.json
// (regenerate with `node test/tools/validation-baseline.ts` after a reviewed change).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALIDATION_CASES } from '../src-engine/validation/cases.ts';
import { runCase } from '../src-engine/validation/run.ts';
import { BANDS } from '../src-engine/validation/schema.ts';

const baseline = JSON.parse(readFileSync(join(import.meta.dirname, '../src-engine/data/validation/baseline.json'), 'utf8')) as Record<string, string>;
const rank = (band: string) => BANDS.indexOf(band as (typeof BANDS)[number]);

describe('validation suite', () => {
  const results = VALIDATION_CASES.map(runCase);

  it('has a recorded band for every case and no stale entries', () => {
    expect(Object.keys(baseline).sort()).toEqual(results.map((r) => r.id).sort());
  });

  it.each(results.map((r) => [r.id, r] as const))('%s runs and does not fall out of its band', (id, r) => {
    expect(r.band, r.problem).not.toBe('failed');
    const was = baseline[id];
    if (was !== undefined && was !== 'outside') expect(rank(r.band), `${id}: was ${was}, now ${r.band} (${r.simulated} vs ${r.published})`).toBeLessThanOrEqual(rank(was));
  });
});
