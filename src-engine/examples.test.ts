// The example scenarios: every file valid, each runs through the engine without a warning or a
// non-finite number, and what its summary tells the student is what the engine shows.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, loadExample, type Example } from './examples.ts';
import { simulate, type Results } from './index.ts';

const runs = new Map<string, Results>();
function run(id: string, change?: (e: Example['scenario']) => void): Results {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) throw new Error(`no example ${id}`);
  const doc = structuredClone(example.scenario);
  change?.(doc);
  const key = change ? undefined : id;
  const cached = key && runs.get(key);
  if (cached) return cached;
  const out = simulate(doc);
  if (!out.ok) throw new Error(`${id}: ${out.errors[0]?.path}: ${out.errors[0]?.message}`);
  if (key) runs.set(key, out.results);
  return out.results;
}
const values = (r: Results, name: string) => {
  const s = r.series[name];
  if (!s) throw new Error(`no series ${name}`);
  return s;
};
/** Values of a series in [from, to) hours. */
const within = (r: Results, name: string, from: number, to: number) => {
  const s = values(r, name);
  return s.v.filter((_, k) => (s.t[k] as number) >= from && (s.t[k] as number) < to);
};
const min = (v: number[]) => v.reduce((a, b) => Math.min(a, b), Infinity);
const max = (v: number[]) => v.reduce((a, b) => Math.max(a, b), -Infinity);

describe('example scenarios', () => {
  it('lists every file of data/examples once, under its file name, with titles in both languages', () => {
    const files = readdirSync(join(import.meta.dirname, 'data', 'examples')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(EXAMPLES.map((e) => e.id).sort()).toEqual(files.sort());
    for (const e of EXAMPLES) {
      expect(e.title.zh).not.toBe(e.title.en);
      expect(e.scenario.name).toBe(e.title.en);
    }
  });

  it('covers the drug, stimulation and learning examples the issue asks for', () => {
    const uses = (e: Example, what: string) => (e.scenario.interventions ?? []).some((iv) => (iv.type === 'drug' ? iv.drug : iv.type) === what) || (e.scenario.tasks ?? []).some((t) => t.task === what);
    const find = (condition: string, ...what: string[]) => EXAMPLES.filter((e) => e.condition === condition && what.every((w) => uses(e, w)));
    expect(find('depression', 'ketamine', 'therapy')).toHaveLength(1);
    expect(find('parkinsons', 'levodopa')).not.toHaveLength(0);
    expect(find('schizophrenia', 'haloperidol')).toHaveLength(1);
    expect(find('alzheimers', 'donepezil')).toHaveLength(1);
    expect(find('depression', 'sertraline')).toHaveLength(1);
    expect(find('parkinsons', 'dbs')).toHaveLength(1);
    expect(find('depression', 'tms')).toHaveLength(1);
    expect(find('depression', 'ect')).toHaveLength(1);
    expect(find('parkinsons', 'levodopa', 'probabilistic-selection')).toHaveLength(1);
    expect(find('ptsd', 'therapy', 'fear-conditioning')).toHaveLength(1);
  });

  it.each(EXAMPLES.map((e) => e.id))('%s runs clean: no warnings, every value finite', (id) => {
    const r = run(id);
    expect(r.warnings).toEqual([]);
    for (const [name, s] of Object.entries(r.series)) expect(s.v.every(Number.isFinite), name).toBe(true);
  });

  it('refuses a file whose scenario is invalid or whose condition disagrees, naming the file and path', () => {
    const ketamine = EXAMPLES[0]!;
    expect(() => loadExample({ ...ketamine, schema: 'modulon.scenario/1' })).toThrow(/example file "ketamine-cbt-trd" is invalid at schema/);
    expect(() => loadExample({ ...ketamine, scenario: { ...ketamine.scenario, duration: '5 kg' } })).toThrow(/example file "ketamine-cbt-trd": scenario\.duration/);
    expect(() => loadExample({ ...ketamine, condition: 'ptsd' })).toThrow(/condition ptsd but the scenario's patient has depression/);
  });

  // What the summaries say, checked on the engine's numbers.
  it('ketamine opens a plasticity window and HAM-D falls', () => {
    const r = run('ketamine-cbt-trd');
    expect(max(within(r, 'plasticity.gain', 0, 7 * 24))).toBeGreaterThan(1.5 * values(r, 'plasticity.gain').v[0]!);
    expect(values(r, 'scale.hamd17').v.at(-1)!).toBeLessThan(values(r, 'scale.hamd17').v[0]! - 2);
  });

  it('levodopa: the motor score swings between doses', () => {
    const day2 = within(run('levodopa-wearing-off'), 'scale.updrs3', 24, 48);
    expect(max(day2) - min(day2)).toBeGreaterThan(10);
  });

  it('haloperidol 2 mg/day: troughs inside 65–78 % D2 occupancy, peaks above; 10 mg above all day', () => {
    const lastDay = (r: Results) => within(r, 'target.D2.occupancy', 27 * 24, 28 * 24);
    const two = lastDay(run('haloperidol-d2-occupancy'));
    expect(min(two)).toBeGreaterThan(0.65);
    expect(min(two)).toBeLessThan(0.78);
    expect(max(two)).toBeGreaterThan(0.78);
    const ten = lastDay(run('haloperidol-d2-occupancy', (d) => ((d.interventions![0] as { dose: string }).dose = '10 mg')));
    expect(min(ten)).toBeGreaterThan(0.78);
  });

  it('donepezil: ADAS-Cog improves on treatment and the gain fades after stopping at week 12', () => {
    const r = run('donepezil-on-off');
    const start = values(r, 'scale.adascog').v[0]!;
    const onBest = min(within(r, 'scale.adascog', 0, 12 * 168));
    expect(onBest).toBeLessThan(start - 1);
    expect(values(r, 'scale.adascog').v.at(-1)!).toBeGreaterThan(onBest + 2);
  });

  it('sertraline: SERT occupancy high within days, HAM-D still falling after week 4', () => {
    const r = run('sertraline-slow-onset');
    expect(max(within(r, 'target.SERT.occupancy', 0, 5 * 24))).toBeGreaterThan(0.7);
    const hamd = (t: number) => within(r, 'scale.hamd17', t, t + 1)[0]!;
    expect(hamd(4 * 168) - hamd(12 * 168)).toBeGreaterThan(0.3);
  });

  it('STN-DBS: beta falls while on (day 1–2) and returns after switch-off', () => {
    const r = run('dbs-parkinsons');
    const before = values(r, 'lfp.stn.beta').v[0]!;
    expect(min(within(r, 'lfp.stn.beta', 25, 48))).toBeLessThan(before / 3);
    expect(values(r, 'lfp.stn.beta').v.at(-1)!).toBeCloseTo(before, 1);
  });

  it('iTBS and ECT lower HAM-D over their course', () => {
    for (const id of ['itbs-depression', 'ect-depression']) {
      const h = values(run(id), 'scale.hamd17').v;
      expect(min(h), id).toBeLessThan(h[0]! - 1);
    }
  });

  it('the learning examples run their tasks at the times they name', () => {
    const pst = run('pst-parkinsons-levodopa').tasks ?? [];
    expect(pst.map((t) => t.t)).toEqual([336, 841]);
    // Frank 2004: off, avoiding B beats choosing A; on levodopa, the other way round.
    expect(pst[0]!.measures['avoid_b']! - pst[0]!.measures['choose_a']!).toBeGreaterThan(0);
    expect(pst[1]!.measures['choose_a']! - pst[1]!.measures['avoid_b']!).toBeGreaterThan(0);
    expect(run('ptsd-exposure').tasks?.map((t) => t.t)).toEqual([72, 1680]);
    const caps = values(run('ptsd-exposure'), 'scale.caps5').v;
    expect(caps.at(-1)!).toBeLessThan(caps[0]! - 5);
  });
});
