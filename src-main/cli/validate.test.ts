// `modulon validate` exits 0 when every case and cell ran, 1 (internal) when one could not, and
// prints the failure: a case list with one broken case stands in for an engine bug.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src-engine/validation/cases.ts', async (original) => {
  const real = await original<typeof import('../../src-engine/validation/cases.ts')>();
  const donepezil = real.VALIDATION_CASES.filter((c) => c.drug === 'donepezil');
  const broken = { ...donepezil[0]!, id: 'broken-case', drug: 'broken', scenario: { schema: 'modulon.scenario/1', name: 'x' } };
  return { ...real, VALIDATION_CASES: [...donepezil, broken] };
});

const { EXIT_INTERNAL, EXIT_OK, main } = await import('./main.ts');

async function cli(...args: string[]) {
  let stdout = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: () => {} });
  return { code, stdout };
}

describe('modulon validate', () => {
  it('exits 0 when every case ran', async () => {
    const out = await cli('validate', '--drug', 'donepezil');
    expect(out.code).toBe(EXIT_OK);
    expect(out.stdout).toMatch(/0 failed/);
  });

  it('exits 1 and names the case when one could not run', async () => {
    const out = await cli('validate', '--drug', 'broken');
    expect(out.code).toBe(EXIT_INTERNAL);
    expect(EXIT_INTERNAL).toBe(1);
    expect(out.stdout).toMatch(/broken-case[\s\S]*FAILED/);
    const json = JSON.parse((await cli('validate', '--drug', 'broken', '--json')).stdout);
    expect(json.summary.failed).toBe(1);
    expect(json.cases[0].band).toBe('failed');
  });
});
