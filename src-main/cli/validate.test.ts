// `modulon validate` exits 0 when every case and cell ran, 1 (internal) when one could not, and
// prints the failure: a case list with one broken case stands in for an engine bug.
import { describe, expect, it } from 'vitest';
import { VALIDATION_CASES } from '../../src-engine/validation/cases.ts';
import type { ValidationCase } from '../../src-engine/validation/schema.ts';
import { EXIT_INTERNAL, EXIT_OK, main, validateCases } from './main.ts';

const donepezil = VALIDATION_CASES.filter((c) => c.drug === 'donepezil');
const broken = { ...donepezil[0]!, id: 'broken-case', drug: 'broken', scenario: { schema: 'modulon.scenario/1', name: 'x' } } as ValidationCase;

function capture(run: (io: { stdout: (t: string) => void; stderr: (t: string) => void }) => number | Promise<number>) {
  let stdout = '';
  const code = run({ stdout: (t) => (stdout += t), stderr: () => {} });
  return Promise.resolve(code).then((c) => ({ code: c, stdout }));
}

describe('modulon validate', () => {
  it('exits 0 when every case ran', async () => {
    const out = await capture((io) => main(['validate', '--drug', 'donepezil'], io));
    expect(out.code).toBe(EXIT_OK);
    expect(out.stdout).toMatch(/0 failed/);
  });

  it('exits 1 and names the case when one could not run', async () => {
    const out = await capture((io) => validateCases([...donepezil, broken], 'broken', false, io));
    expect(out.code).toBe(EXIT_INTERNAL);
    expect(EXIT_INTERNAL).toBe(1);
    expect(out.stdout).toMatch(/broken-case[\s\S]*FAILED/);
    const json = JSON.parse((await capture((io) => validateCases([...donepezil, broken], 'broken', true, io))).stdout);
    expect(json.summary.failed).toBe(1);
    expect(json.cases[0].band).toBe('failed');
  });
});
