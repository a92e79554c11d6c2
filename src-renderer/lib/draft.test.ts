// The editor's form ↔ scenario document mapping, chart points, and the HTTP transport.
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../src-engine/index.ts';
import { brainData, chartData } from './chart-data.ts';
import { fromDoc, newDraft, newRow, newSession, toDoc } from './draft.ts';
import { httpApi } from './transport.ts';

describe('draft', () => {
  it('makes a valid scenario from the default form and round-trips it', () => {
    const draft = newDraft();
    const doc = toDoc(draft);
    expect(parseScenario(doc).ok).toBe(true);
    expect(toDoc(fromDoc(doc))).toEqual(doc);
  });

  it('carries severity, treatment resistance and therapy sessions, in both directions', () => {
    const draft = { ...newDraft(), condition: 'depression', severity: 'severe', treatmentResistant: true, sessions: [newSession('depression'), { kind: 'exposure' as const, every: '7d', start: '2w', count: '' }] };
    const doc = toDoc(draft);
    expect(doc.patient).toMatchObject({ condition: 'depression', severity: 'severe', treatmentResistant: true });
    expect(doc.interventions?.slice(1)).toEqual([
      { type: 'therapy', kind: 'cbt', start: '1d', every: '7d', count: 8 },
      { type: 'therapy', kind: 'exposure', start: '2w', every: '7d' },
    ]);
    expect(parseScenario(doc).ok).toBe(true);
    const back = fromDoc(doc);
    expect(back.sessions.map((s) => s.kind)).toEqual(['cbt', 'exposure']);
    expect(back.rows).toHaveLength(1);
    expect(toDoc(back)).toEqual(doc);
    // Resistance is a depression knob; severity does not apply to a healthy patient.
    expect(toDoc({ ...draft, condition: 'parkinsons' }).patient).not.toHaveProperty('treatmentResistant');
    expect(toDoc({ ...draft, condition: 'healthy' }).patient).not.toHaveProperty('severity');
    // A session count that is not a whole number reaches the validator, which names it.
    for (const count of ['eight', '2.5']) {
      const bad = parseScenario(toDoc({ ...draft, sessions: [{ ...newSession('depression'), count }] }));
      expect(!bad.ok && bad.errors.map((e) => e.path)).toContain('interventions[1].count');
    }
    // A healthy document opens as moderate, so switching the condition shows the engine's default.
    expect(fromDoc({ ...doc, patient: { condition: 'healthy' } }).severity).toBe('moderate');
  });

  it('keeps every field of an opened document that the editor does not show', () => {
    const doc = {
      schema: 'modulon.scenario/1' as const,
      name: 'Full',
      description: 'all the fields',
      duration: '6w',
      seed: 7,
      patient: { condition: 'depression' as const, severity: 'severe' as const, treatmentResistant: true, age: 33, sex: 'male' as const, weightKg: 81, cyp2d6: 'poor' as const, crclMlMin: 55 },
      interventions: [
        { type: 'drug' as const, drug: 'sertraline', dose: '50 mg', route: 'oral' as const, start: '0d', every: '24h', count: 20, steps: [{ at: '1w', dose: '100 mg' }], skip: ['2d'] },
        { type: 'drug' as const, drug: 'esketamine', route: 'intranasal' as const, records: [{ time: 0, amt: 56, cmt: 'depot' as const }] },
      ],
      sampling: '2h',
    };
    expect(parseScenario(doc).ok).toBe(true);
    expect(toDoc(fromDoc(doc))).toEqual(doc);
  });

  it('takes defaults from the engine when an opened document leaves them out', () => {
    const draft = fromDoc({ schema: 'modulon.scenario/1', name: 'x', duration: '1d', patient: { condition: 'depression' }, interventions: [{ type: 'drug', drug: 'esketamine', dose: '56 mg' }] });
    expect(draft.age).toBe(40);
    expect(draft.rows[0]!.route).toBe('intranasal');
    expect(parseScenario(toDoc(draft)).ok).toBe(true);
  });

  it('leaves an empty stop out and trims whitespace', () => {
    const draft = newDraft();
    draft.rows[0] = { drug: 'donepezil', route: 'oral', infusion: '', dose: ' 10 mg ', every: '24h', start: '', stop: '' };
    const iv = toDoc(draft).interventions![0]!;
    expect(iv).toEqual({ type: 'drug', drug: 'donepezil', dose: '10 mg', route: 'oral', start: '0d', every: '24h' });
  });

  it('continues a titration where the previous row stops', () => {
    expect(newRow({ drug: 'donepezil', route: 'oral', infusion: '', dose: '5 mg', every: '24h', start: '0d', stop: '6w' }).start).toBe('6w');
  });
});

describe('chart data', () => {
  it('puts time in days for long runs, inhibition in percent and one marker per dose', () => {
    const out = simulate(toDoc({ ...newDraft(), duration: '3d' }));
    if (!out.ok) throw new Error('invalid');
    const data = chartData(out.results);
    expect(data.timeUnit).toBe('d');
    expect(data.maxX).toBe(3);
    expect(data.plasma.map((p) => p.drug)).toEqual(['donepezil']);
    // One point per computed time: the 30-min grid (145 points) and the points after each dose.
    const t = out.results.series['pk.donepezil.plasma']!.t;
    expect(data.plasma[0]!.points).toHaveLength(t.length);
    expect(t.filter((h) => Number.isInteger(h * 2))).toHaveLength(3 * 24 * 2 + 1);
    expect(data.plasma[0]!.points[1]!.x).toBeCloseTo(1 / 12 / 24, 12);
    expect(data.doses).toEqual([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 2, y: 0 }]);
    const inh = data.inhibition[0]!.points.at(-1)!.y;
    expect(inh).toBeCloseTo(out.results.series['target.AChE.occupancy']!.v.at(-1)! * 100, 10);
  });
});

describe('HTTP transport', () => {
  it('sends the token and the input to /api/<method> and returns the envelope', async () => {
    const calls: Array<[string, RequestInit]> = [];
    const fake = (async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 });
    }) as unknown as typeof fetch;
    const api = httpApi('tok', fake);
    expect(await api['scenarios:list']({})).toEqual({ ok: true, value: [] });
    expect(calls[0]![0]).toBe('/api/scenarios:list');
    expect((calls[0]![1].headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('turns a refused or unreachable server into an error envelope', async () => {
    const refused = (async () => new Response('unauthorized', { status: 401 })) as unknown as typeof fetch;
    expect(await httpApi('tok', refused)['scenarios:list']({})).toMatchObject({ ok: false, error: { message: /401/ } });
    const down = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    expect(await httpApi('tok', down)['scenarios:list']({})).toMatchObject({ ok: false, error: { message: /still running/ } });
    expect(await httpApi(null, down)['scenarios:list']({})).toMatchObject({ ok: false, error: { message: /#token=/ } });
  });
});

describe('brain chart data', () => {
  const run = (doc: object) => {
    const out = simulate({ schema: 'modulon.scenario/1', name: 'b', duration: '2w', sampling: '6h', ...doc });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    return out.results;
  };

  it('shows the condition\'s own scales even when flat, and other series only when they move', () => {
    const untreated = brainData(run({ patient: { condition: 'parkinsons' }, interventions: [] }), 'scale');
    expect(untreated.lines.map((l) => l.name)).toEqual(['scale.updrs3']);
    expect(untreated.timeUnit).toBe('d');
    const ssri = run({ patient: { condition: 'depression' }, interventions: [{ type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' }] });
    expect(brainData(ssri, 'nt').lines.map((l) => l.name)).toEqual(['nt.serotonin.cortex', 'nt.serotonin.hippocampus']);
    expect(brainData(ssri, 'adverse').lines.map((l) => l.name)).toContain('adverse.nausea');
    expect(brainData(ssri, 'circuit').lines.map((l) => l.name)).toEqual(expect.arrayContaining(['circuit.raphe.firing', 'receptor.5HT1A_auto.density']));
  });
});

describe('brain chart data on long runs', () => {
  it('handles the longest allowed series (200 000 samples) without spreading them into Math.min', () => {
    const n = 200_000;
    const t = Array.from({ length: n }, (_, k) => k / 60);
    const v = Array.from({ length: n }, (_, k) => 20 - k / n);
    const results = { scenario: { patient: { condition: 'depression' } }, events: [], series: { 'scale.hamd17': { unit: 'points', t, v } } } as unknown as Parameters<typeof brainData>[0];
    expect(brainData(results, 'scale').lines.map((l) => l.name)).toEqual(['scale.hamd17']);
  });
});
