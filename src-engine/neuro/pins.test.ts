// Time constants and per-region paths of the slow layer pinned one step at a time: each state
// relaxes toward its target by exactly e^(−h/τ) with τ from data/neuro/parameters.json, and each
// region's state follows its own region's drive (mutation testing found a doubled τ and a
// hippocampal threshold tracking the prefrontal gain that no other test noticed).
import { describe, expect, it } from 'vitest';
import { param } from './data.ts';
import { NeuroModel, NO_DRIVE, type DriveSample } from './model.ts';
import { simulate } from '../simulate.ts';

/** The model's private scratch of quasi-steady quantities and its threshold states, read as a test may. */
type Inside = { thetaPfc: number; thetaHip: number; autoreceptor: number; f: { rawGain: number; rawGainHip: number } };

describe('5-HT1A autoreceptor desensitisation', () => {
  it('relaxes toward (1 + S·a0)/(1 + S·a) by exactly e^(−h/τ), τ = serotonin.desensitisationTime', () => {
    const model = new NeuroModel({ condition: 'depression', severity: 'moderate' });
    const d: DriveSample = { ...NO_DRIVE, sert: 0.8 };
    const K = param('serotonin.autoreceptorHalf');
    const S = param('serotonin.desensitisationStrength');
    const tau = param('serotonin.desensitisationTime');
    const before = model.autoreceptor;
    const s = model.read(d).serotonin;
    const target = (1 + S / (1 + K)) / (1 + (S * s) / (s + K));
    model.step(0.5, d);
    expect(model.autoreceptor).toBeCloseTo(target + (before - target) * Math.exp(-0.5 / tau), 12);
    expect(model.autoreceptor).toBeLessThan(before);
  });

  it('brings raphe firing on sertraline 50 mg back to 0.80–0.84 of baseline by day 21 (the validation band is wider)', () => {
    const out = simulate({ schema: 'modulon.scenario/1', name: 't', duration: '22d', patient: { condition: 'depression', severity: 'moderate' }, interventions: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' }] });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const s = out.results.series['circuit.raphe.firing']!;
    const day21 = s.v[s.t.indexOf(21 * 24)] as number;
    expect(day21).toBeGreaterThan(0.8);
    expect(day21).toBeLessThan(0.84);
  });
});

describe('BCM sliding thresholds, per region', () => {
  it('each region\'s threshold tracks its own raw gain by exactly e^(−h/τ), τ = bcm.time', () => {
    // Alzheimer's: hippocampal synapses are lost, so the two regions' raw gains differ.
    const model = new NeuroModel({ condition: 'alzheimers', severity: 'moderate' });
    const inside = model as unknown as Inside;
    const d: DriveSample = { ...NO_DRIVE, ache: 0.7 };
    model.read(d);
    const { rawGain, rawGainHip } = inside.f;
    expect(Math.abs(rawGain - rawGainHip)).toBeGreaterThan(0.05);
    const [pfc, hip] = [inside.thetaPfc, inside.thetaHip];
    const e = Math.exp(-2 / param('bcm.time'));
    model.step(2, d);
    expect(inside.thetaPfc).toBeCloseTo(rawGain + (pfc - rawGain) * e, 12);
    expect(inside.thetaHip).toBeCloseTo(rawGainHip + (hip - rawGainHip) * e, 12);
  });
});
