// Episodic memory in the CA3 attractor: the Hopfield capacity α_c ≈ 0.138 (Amit, Gutfreund &
// Sompolinsky 1985), dentate pattern separation helped by neurogenesis, Hasselmo's cholinergic
// encoding, Alzheimer's synapse loss, and the hooks' ablation.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_STATES } from './examples.ts';
import { episodicMemory, episodicParams, patternSeparation } from './episodic-memory.ts';
import { Hopfield, capacityScan, corrupt, overlap, randomPattern } from './hopfield.ts';
import { Rng, streams } from './random.ts';
import { runTask } from './run.ts';
import { HEALTHY_STATE } from './types.ts';

const H = HEALTHY_STATE;
const plain = { recurrentGain: 1, cueWeight: 0, temperature: 0, maxSweeps: 30 };
const scan = { stepPatterns: 4, startLoad: 0.06, maxLoad: 0.3, tests: 16, threshold: 0.9, criterion: 0.9 };
const capacity = (n: number, keep: number, seeds: number[]) =>
  seeds.map((seed) => {
    const rng = new Rng(seed, 7);
    return capacityScan(new Hopfield(n, keep, rng), plain, rng, { ...scan, stepPatterns: Math.round(0.01 * n) }).capacity;
  });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('Hopfield network', () => {
  it('stores by the Hebb rule: W = (1/N)·Σ ξξᵀ, symmetric, zero diagonal', () => {
    const rng = new Rng(1);
    const net = new Hopfield(20, 1, rng);
    const a = randomPattern(20, rng);
    const b = randomPattern(20, rng);
    net.store(a, 1);
    net.store(b, 0.5);
    for (let i = 0; i < 20; i++) {
      expect(net.w[i * 20 + i]).toBe(0);
      for (let j = 0; j < 20; j++) if (i !== j) expect(net.w[i * 20 + j]).toBeCloseTo((a[i]! * a[j]! + 0.5 * b[i]! * b[j]!) / 20, 12);
    }
    const diluted = new Hopfield(30, 0.5, rng);
    diluted.store(randomPattern(30, rng), 1);
    for (let i = 0; i < 30; i++) for (let j = 0; j < 30; j++) {
      expect(diluted.w[i * 30 + j]).toBe(diluted.w[j * 30 + i]);
      if (diluted.mask[i * 30 + j] === 0) expect(diluted.w[i * 30 + j]).toBe(0);
    }
  });

  it('completes a corrupted pattern at low load', () => {
    const rng = new Rng(2);
    const net = new Hopfield(200, 1, rng);
    const pats = Array.from({ length: 10 }, () => randomPattern(200, rng));
    for (const p of pats) net.store(p, 1);
    const s = corrupt(pats[3]!, 0.2, rng);
    expect(overlap(s, pats[3]!)).toBeLessThan(0.7);
    net.recall(s, null, plain, rng);
    expect(overlap(s, pats[3]!)).toBe(1);
  });

  it('holds about 0.138·N dense patterns (Amit, Gutfreund & Sompolinsky 1985)', () => {
    expect(mean(capacity(200, 1, [1, 2, 3, 4]))).toBeGreaterThan(0.12);
    expect(mean(capacity(200, 1, [1, 2, 3, 4]))).toBeLessThan(0.165);
    const big = mean(capacity(400, 1, [1, 2]));
    expect(big).toBeGreaterThan(0.115);
    expect(big).toBeLessThan(0.16);
  });

  it('loses capacity with random synapse loss', () => {
    const full = mean(capacity(200, 1, [1, 2, 3]));
    const half = mean(capacity(200, 0.5, [1, 2, 3]));
    expect(half).toBeLessThan(full - 0.02);
  });
});

describe('episodic memory', () => {
  it('separates similar inputs in the dentate gyrus, more with neurogenesis (Clelland 2009; Sahay 2011)', () => {
    const none = patternSeparation(0.6, { ...H, neurogenesis: 0 }, streams(1));
    const healthy = patternSeparation(0.6, H, streams(1));
    expect(none).toBeCloseTo(0.6, 1);
    expect(healthy).toBeLessThan(0.4);
    expect(patternSeparation(0.6, { ...H, neurogenesis: 0.5 }, streams(1))).toBeGreaterThan(healthy);
  });

  it('healthy recall is high; Alzheimer\'s is low; donepezil restores part of it', () => {
    const o = { subjects: 6 };
    const h = runTask('episodic-memory', o, H, 1).measures;
    const ad = runTask('episodic-memory', o, EXAMPLE_STATES.alzheimers, 1).measures;
    const ache = runTask('episodic-memory', o, EXAMPLE_STATES.alzheimersDonepezil, 1).measures;
    expect(h.recall).toBeGreaterThan(0.8);
    expect(ad.recall).toBeLessThan(h.recall! - 0.2);
    expect(ache.recall).toBeGreaterThan(ad.recall!);
    expect(ache.recall).toBeLessThan(h.recall!);
    expect(h.capacity_ratio).toBeGreaterThan(0.12);
    expect(h.capacity_ratio).toBeLessThan(0.165);
    expect(ad.capacity_ratio).toBeLessThan(h.capacity_ratio!);
  });

  it('low acetylcholine blends new items with old attractors at encoding (Hasselmo 1994)', () => {
    const o = { subjects: 4 };
    const h = runTask('episodic-memory', o, H, 2).measures;
    const low = runTask('episodic-memory', o, { ...H, acetylcholine: 0.3 }, 2).measures;
    expect(h.encoding_fidelity).toBeGreaterThan(0.99);
    expect(low.encoding_fidelity).toBeLessThan(h.encoding_fidelity! - 0.05);
    expect(low.recall).toBeLessThan(h.recall! - 0.3);
  });

  it('an NMDA blocker prevents encoding; aberrant salience destabilises the attractors', () => {
    const o = { subjects: 4 };
    const h = runTask('episodic-memory', o, H, 3).measures;
    expect(runTask('episodic-memory', o, { ...H, nmdaBlock: 1 }, 3).measures.recall).toBeLessThan(0.1);
    const sz = runTask('episodic-memory', o, { ...H, salience: 1 }, 3).measures;
    expect(sz.capacity_ratio).toBeLessThan(h.capacity_ratio!);
    expect(sz.recall).toBeLessThanOrEqual(h.recall!);
  });

  it('hooks vanish at healthy values: with ACh = 1 and synapses, gain and neurogenesis at 1, Alzheimer\'s recall equals healthy', () => {
    const h = runTask('episodic-memory', {}, H, 4);
    const restored = { ...EXAMPLE_STATES.alzheimers, acetylcholine: 1, hippocampalSynapses: 1, hippocampalGain: 1, neurogenesis: 1 };
    expect(runTask('episodic-memory', {}, restored, 4)).toEqual(h);
  });

  // Its speed is measured in `npm run bench` (the episodic-memory task), not here.
  it('keeps the CA3 network size from the data file', () => {
    expect(episodicParams().neurons).toBe(200);
  });
});
