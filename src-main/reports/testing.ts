// Test support shared by the report tests (not used by the app): the fixture comparison with every
// device, a user-defined drug and hostile names (test/fixtures/reports/everything.comparison.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComparisonRun } from '../../src-engine/contract/reports.ts';
import { simulate } from '../../src-engine/index.ts';
import { runComparison } from './compare.ts';
import { parseComparison } from './comparison.ts';

export const FIXTURES = join(import.meta.dirname, '../../test/fixtures/reports');

/** User texts of the fixture that a report must show as text, never as markup. */
export const PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '"><svg onload=alert(3)>'];

export async function fixtureRun(file = 'everything.comparison.json'): Promise<{ run: ComparisonRun; base: unknown }> {
  const parsed = parseComparison(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const out = await runComparison(parsed.comparison, parsed.arms, simulate);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return { run: out.value, base: parsed.comparison.base };
}
