// Every condition × main intervention through the command line (the same code path as the
// `modulon` binary, called in-process): each run succeeds and every series is finite and inside
// the range its unit allows.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src-main/cli/main.ts';
import { CONDITIONS } from '../src-engine/scenario.ts';
import { simulate } from '../src-engine/simulate.ts';

const dir = mkdtempSync(join(tmpdir(), 'modulon-matrix-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INTERVENTIONS: Record<string, Record<string, unknown>> = {
  donepezil: { type: 'drug', drug: 'donepezil', dose: '10 mg', every: '24h' },
  'rivastigmine patch': { type: 'drug', drug: 'rivastigmine', dose: '9.5 mg', route: 'patch', every: '24h' },
  galantamine: { type: 'drug', drug: 'galantamine', dose: '8 mg', every: '12h' },
  memantine: { type: 'drug', drug: 'memantine', dose: '10 mg', every: '12h' },
  levodopa: { type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' },
  pramipexole: { type: 'drug', drug: 'pramipexole', dose: '0.5 mg', every: '8h' },
  sertraline: { type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' },
  fluoxetine: { type: 'drug', drug: 'fluoxetine', dose: '20 mg', every: '24h' },
  escitalopram: { type: 'drug', drug: 'escitalopram', dose: '10 mg', every: '24h' },
  venlafaxine: { type: 'drug', drug: 'venlafaxine', dose: '75 mg', every: '12h' },
  'ketamine IV': { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', every: '3d', count: 6 },
  'esketamine nasal': { type: 'drug', drug: 'esketamine', dose: '56 mg', route: 'intranasal', every: '3.5d' },
  haloperidol: { type: 'drug', drug: 'haloperidol', dose: '5 mg', every: '24h' },
  risperidone: { type: 'drug', drug: 'risperidone', dose: '2 mg', every: '12h' },
  lithium: { type: 'drug', drug: 'lithium', dose: '450 mg', every: '12h' },
  CBT: { type: 'therapy', kind: 'cbt', every: '7d' },
  exposure: { type: 'therapy', kind: 'exposure', every: '7d' },
};

/** Allowed range per unit (points: each scale's own range). */
const SCALE_MAX: Record<string, number> = { hamd17: 52, madrs: 60, updrs3: 132, adascog: 70, panss_positive: 49, ymrs: 60, caps5: 80 };
function inRange(name: string, unit: string, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  if (unit === 'fraction') return v >= 0 && v <= 1 + 1e-12;
  if (unit === 'points') return v >= 0 && v <= (SCALE_MAX[name.slice('scale.'.length)] as number);
  return v >= 0;
}

describe('every condition with every main intervention, through the CLI', () => {
  for (const condition of CONDITIONS) {
    it(`${condition}: all ${Object.keys(INTERVENTIONS).length} interventions give finite series in range`, async () => {
      for (const [label, iv] of Object.entries(INTERVENTIONS)) {
        const file = join(dir, `${condition}-${label.replace(/\W+/g, '-')}.json`);
        const out = join(dir, 'out.json');
        writeFileSync(file, JSON.stringify({ schema: 'modulon.scenario/1', name: `${label} in ${condition}`, duration: '4w', sampling: '6h', patient: { condition, severity: 'moderate' }, interventions: [iv] }));
        let stderr = '';
        const code = await main(['run', file, '--out', out], { stdout: () => {}, stderr: (t) => (stderr += t) });
        expect(code, `${label} in ${condition}: ${stderr}`).toBe(0);
        const results = JSON.parse(readFileSync(out, 'utf8')) as { series: Record<string, { unit: string; v: number[] }> };
        for (const [name, s] of Object.entries(results.series)) {
          const bad = s.v.find((v) => !inRange(name, s.unit, v));
          expect(bad, `${label} in ${condition}: ${name} = ${bad}`).toBeUndefined();
        }
      }
    });
  }
});

describe('plausible directions: each condition\'s main treatments move its own scale the right way by week 4', () => {
  const EXPECT: Array<[string, string, string, 'down' | 'up']> = [
    ['depression', 'sertraline', 'scale.hamd17', 'down'],
    ['depression', 'escitalopram', 'scale.hamd17', 'down'],
    ['depression', 'CBT', 'scale.hamd17', 'down'],
    ['depression', 'ketamine IV', 'scale.madrs', 'down'],
    ['parkinsons', 'levodopa', 'scale.updrs3', 'down'],
    ['parkinsons', 'pramipexole', 'scale.updrs3', 'down'],
    ['parkinsons', 'haloperidol', 'scale.updrs3', 'up'],
    ['alzheimers', 'donepezil', 'scale.adascog', 'down'],
    ['alzheimers', 'rivastigmine patch', 'scale.adascog', 'down'],
    ['alzheimers', 'galantamine', 'scale.adascog', 'down'],
    ['schizophrenia', 'haloperidol', 'scale.panss_positive', 'down'],
    ['schizophrenia', 'risperidone', 'scale.panss_positive', 'down'],
    ['ptsd', 'exposure', 'scale.caps5', 'down'],
    ['bipolar', 'sertraline', 'scale.ymrs', 'up'],
  ];
  const last = (condition: string, iv?: Record<string, unknown>) => {
    const out = simulate({ schema: 'modulon.scenario/1', name: 'd', duration: '4w', sampling: '1d', patient: { condition, severity: 'moderate' }, interventions: iv ? [iv] : [] });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    return out.results;
  };
  it.each(EXPECT)('%s: %s moves %s %s', (condition, label, scale, direction) => {
    const untreated = last(condition).series[scale]!.v.at(-1) as number;
    const treated = last(condition, INTERVENTIONS[label]).series[scale]!.v.at(-1) as number;
    if (direction === 'down') expect(treated).toBeLessThan(untreated - 0.5);
    else expect(treated).toBeGreaterThan(untreated + 0.5);
  });
});
