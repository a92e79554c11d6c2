// 200 random accepted scenarios over the catalogue give finite, non-negative series and
// engagements of at most 1. A sweep through the whole engine with weak checks: kept out of the
// mutation runs (vitest.mutate.config.mts), where every surviving engine mutant would re-run it.
import { describe, expect, it } from 'vitest';
import { DRUG_IDS, getDrug } from '../drugs/catalogue.ts';
import { simulate } from '../simulate.ts';

/** mulberry32: a small seeded generator, so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

function randomScenario(r: () => number, i: number) {
  const n = 1 + Math.floor(r() * 3);
  const interventions = Array.from({ length: n }, () => {
    const drug = pick(r, DRUG_IDS);
    const route = pick(r, Object.keys(getDrug(drug)!.routes));
    const iv: Record<string, unknown> = { type: 'drug', drug, route, dose: `${(0.1 + r() * 200).toFixed(2)} mg`, start: `${Math.floor(r() * 20)}h` };
    if (r() < 0.7) iv.every = pick(r, ['6h', '8h', '12h', '24h', '7d']);
    if (route === 'iv' && r() < 0.5) iv.infusion = pick(r, ['10min', '40min', '2h']);
    if (iv.every && r() < 0.3) iv.skip = [`${(iv.start as string).replace('h', '')}h`];
    return iv;
  });
  return {
    schema: 'modulon.scenario/1',
    name: `random ${i}`,
    duration: pick(r, ['1d', '5d', '3w']),
    sampling: pick(r, ['10min', '1h', '6h']),
    patient: {
      condition: 'healthy',
      weightKg: 40 + r() * 100,
      age: 18 + Math.floor(r() * 80),
      cyp2d6: pick(r, ['poor', 'intermediate', 'normal', 'ultrarapid'] as const),
      crclMlMin: 15 + r() * 120,
    },
    interventions,
  };
}

describe('properties over the catalogue', () => {
  it('200 random accepted scenarios give finite, non-negative series', () => {
    const r = rng(20261123);
    for (let i = 0; i < 200; i++) {
      const doc = randomScenario(r, i);
      const out = simulate(doc);
      if (!out.ok) throw new Error(`scenario ${i} refused: ${JSON.stringify(out.errors)} ${JSON.stringify(doc)}`);
      for (const [name, s] of Object.entries(out.results.series)) {
        for (const v of s.v) {
          if (!Number.isFinite(v) || v < 0) throw new Error(`${name} = ${v} in ${JSON.stringify(doc)}`);
        }
        if (name.startsWith('target.')) expect(Math.max(...s.v)).toBeLessThanOrEqual(1);
      }
    }
  });
});
