// The compare view's documents: arms edited from the base become variations the backend resolves
// back to the same scenarios, saved scenarios go by id while unchanged, saved comparisons reopen
// as the same arms; the charts' lines and differences; report files as downloads.
import { describe, expect, it } from 'vitest';
import type { ComparisonInput, ComparisonRun } from '../../src-engine/contract/reports.ts';
import type { ScenarioInput } from '../../src-engine/index.ts';
import { compareCharts, dashOf, num, signed, valueAt } from './compare-data.ts';
import { applyVariation, armsOf, canonical, comparisonDoc, parseTimes, uniqueName, variationOf } from './comparison.ts';
import { reportBlob } from './download.ts';
import { fromDoc, toDoc } from './draft.ts';

/** The two teaching comparisons of test/fixtures/reports (the renderer's tests may not read files). */
const FIXTURES: Record<string, ComparisonInput> = {
  'ketamine-cbt.comparison.json': {
    schema: 'modulon.comparison/1',
    name: 'Ketamine with and without CBT in treatment-resistant depression',
    base: {
      schema: 'modulon.scenario/1',
      name: 'Ketamine alone',
      duration: '12w',
      patient: { condition: 'depression', severity: 'severe', treatmentResistant: true },
      interventions: [{ type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', start: '14d' }],
    },
    arms: [
      { name: 'Ketamine alone' },
      { name: 'Ketamine + CBT', add: [{ type: 'therapy', kind: 'cbt', every: '7d', count: 8, start: '15d' }] },
      { name: 'CBT alone', remove: [0], add: [{ type: 'therapy', kind: 'cbt', every: '7d', count: 8, start: '15d' }] },
    ],
  },
  'dbs-frequency.comparison.json': {
    schema: 'modulon.comparison/1',
    name: "STN-DBS at 130 Hz against 20 Hz in Parkinson's disease",
    base: {
      schema: 'modulon.scenario/1',
      name: 'DBS 130 Hz',
      duration: '3d',
      patient: { condition: 'parkinsons', severity: 'moderate' },
      interventions: [{ type: 'dbs', target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 2.5, start: '1d' }],
      sampling: '15min',
    },
    arms: [{ name: 'DBS 130 Hz' }, { name: 'DBS 20 Hz', change: [{ intervention: 0, set: { frequencyHz: 20 } }] }, { name: 'No stimulation', remove: [0] }],
    reference: 'No stimulation',
  },
};
const fixture = (name: string) => FIXTURES[name] as ComparisonInput;
/** A document as the editor writes it (the view's base and arms all pass through the form). */
const edited = (doc: ScenarioInput) => toDoc(fromDoc(doc));

const ketamine = edited(fixture('ketamine-cbt.comparison.json').base!);
const cbt = { type: 'therapy', kind: 'cbt', every: '7d', count: 8, start: '15d' } as const;

describe('arms as variations of the base', () => {
  it('writes an added, changed or removed intervention and a patient change as the backend reads them', () => {
    expect(variationOf(ketamine, { ...ketamine, name: 'Same' })).toEqual({});
    expect(variationOf(ketamine, { ...ketamine, interventions: [...ketamine.interventions!, cbt] })).toEqual({ add: [cbt] });
    const doubled = { ...ketamine, interventions: [{ ...ketamine.interventions![0]!, dose: '1 mg/kg' }] } as ScenarioInput;
    expect(variationOf(ketamine, doubled)).toEqual({ change: [{ intervention: 0, set: { dose: '1 mg/kg' } }] });
    expect(variationOf(ketamine, { ...ketamine, interventions: [cbt] })).toEqual({ remove: [0], add: [cbt] });
    expect(variationOf(ketamine, { ...ketamine, patient: { ...ketamine.patient, severity: 'moderate' } })).toEqual({ patient: { severity: 'moderate' } });
    expect(variationOf(ketamine, { ...ketamine, patient: { ...ketamine.patient, treatmentResistant: undefined } })).toEqual({ patient: { treatmentResistant: null } });
    // What a variation cannot say makes the arm a whole scenario.
    expect(variationOf(ketamine, { ...ketamine, duration: '8w' })).toBeUndefined();
    expect(variationOf(ketamine, { ...ketamine, tasks: [{ task: 'reversal-learning', at: '4w' }] })).toBeUndefined();
  });

  it("changes a DBS setting in place (the fixture's 130 Hz against 20 Hz)", () => {
    const dbs = fixture('dbs-frequency.comparison.json');
    const base = edited(dbs.base!);
    const slow = { ...base, interventions: [{ ...base.interventions![0]!, frequencyHz: 20 }] } as ScenarioInput;
    expect(variationOf(base, slow)).toEqual({ change: [{ intervention: 0, set: { frequencyHz: 20 } }] });
    expect(variationOf(base, { ...base, interventions: [] })).toEqual({ remove: [0] });
  });

  it('round-trips every arm of the teaching fixtures: variation applied, then read back', () => {
    for (const file of ['ketamine-cbt.comparison.json', 'dbs-frequency.comparison.json']) {
      const doc = fixture(file);
      for (const arm of doc.arms) {
        const resolved = applyVariation(doc.base!, arm);
        const { name: _n, ...variation } = arm;
        expect(variationOf(doc.base!, resolved), `${file} ${arm.name}`).toEqual(variation);
      }
    }
  });

  it('matches shared interventions first, so removing the first of two leaves the second untouched', () => {
    const two = { ...ketamine, interventions: [...ketamine.interventions!, cbt] } as ScenarioInput;
    expect(variationOf(two, { ...two, interventions: [cbt] })).toEqual({ remove: [0] });
    const v = variationOf(two, { ...two, interventions: [{ ...cbt, count: 4 }, ketamine.interventions![0]!] })!;
    expect(canonical(applyVariation(two, { name: 'x', ...v }).interventions?.map(canonical).sort())).toBe(canonical([ketamine.interventions![0], { ...cbt, count: 4 }].map(canonical).sort()));
  });
});

describe('the comparison document', () => {
  const stored = { ...ketamine, name: 'My CBT scenario', interventions: [cbt] } as ScenarioInput;

  it('sends copies of the base as variations, an unchanged saved scenario by id, and anything else whole', () => {
    const doc = comparisonDoc('', ketamine, [
      { doc: ketamine, origin: { kind: 'base' } },
      { doc: { ...ketamine, name: 'Ketamine + CBT', interventions: [...ketamine.interventions!, cbt] }, origin: { kind: 'base' } },
      { doc: { ...ketamine, name: 'Shorter', duration: '6w' }, origin: { kind: 'base' } },
      { doc: { ...stored, name: 'Renamed' }, origin: { kind: 'stored', scenarioId: 'abcdef12', stored } },
      { doc: { ...stored, duration: '4w' }, origin: { kind: 'stored', scenarioId: 'abcdef12', stored } },
    ], { reference: 'Ketamine alone', at: ['15d', '6w'] });
    expect(doc.name).toBe('Ketamine alone vs Ketamine + CBT vs Shorter vs Renamed vs My CBT scenario');
    expect(doc.base).toEqual(ketamine);
    expect(doc.arms).toEqual([
      { name: 'Ketamine alone' },
      { name: 'Ketamine + CBT', add: [cbt] },
      { name: 'Shorter', scenario: { ...ketamine, name: 'Shorter', duration: '6w' } },
      { name: 'Renamed', scenarioId: 'abcdef12' },
      { name: 'My CBT scenario', scenario: { ...stored, duration: '4w' } },
    ]);
    expect(doc).toMatchObject({ schema: 'modulon.comparison/1', reference: 'Ketamine alone', at: ['15d', '6w'] });
    // No arm from the base: no base in the document.
    expect(comparisonDoc('Two saved', ketamine, [{ doc: stored, origin: { kind: 'own' } }, { doc: { ...stored, name: 'b' }, origin: { kind: 'own' } }])).not.toHaveProperty('base');
  });

  it('reopens a saved comparison as the same arms (stored scenarios as the comparison copied them)', () => {
    const arms = [
      { doc: ketamine, origin: { kind: 'base' } as const },
      { doc: { ...ketamine, name: 'Ketamine + CBT', interventions: [...ketamine.interventions!, cbt] }, origin: { kind: 'base' } as const },
    ];
    const doc = comparisonDoc('K', ketamine, arms);
    expect(armsOf(doc).map((a) => a.doc)).toEqual(arms.map((a) => a.doc));
    const saved: ComparisonInput = { ...doc, arms: [...doc.arms, { name: 'From the store', scenarioId: 'abcdef12', scenario: stored }] };
    expect(armsOf(saved)[2]).toEqual({ doc: { ...stored, name: 'From the store' }, origin: { kind: 'stored', scenarioId: 'abcdef12', stored } });
    // Reopened and unchanged, it makes the same document again.
    expect(comparisonDoc('K', ketamine, armsOf(saved)).arms[2]).toEqual({ name: 'From the store', scenarioId: 'abcdef12' });
  });

  it('names copies apart and reads typed times', () => {
    expect(uniqueName('Ketamine alone', ['Ketamine alone'])).toBe('Ketamine alone (2)');
    expect(uniqueName('Ketamine alone (2)', ['Ketamine alone', 'ketamine alone (2)'])).toBe('Ketamine alone (3)');
    expect(uniqueName('New', ['Old'])).toBe('New');
    expect(parseTimes(' 1d, 2w;12w  3d，4d ')).toEqual(['1d', '2w', '12w', '3d', '4d']);
    expect(parseTimes('  ')).toEqual([]);
  });
});

describe('compare charts', () => {
  const series = (v: number[]) => ({ unit: 'points', t: v.map((_, k) => k * 24), v });
  const arm = (name: string, colour: string, dash: string, v: number[]) =>
    ({ name, colour, dash, doc: ketamine, variation: { from: 'base' }, results: { series: { 'scale.madrs': series(v) } } }) as unknown as ComparisonRun['arms'][number];
  const run = {
    arms: [arm('A', '#0072B2', '', [30, 20, 10]), arm('B', '#D55E00', '7 4', [30, 25, 20])],
    reference: 0,
    series: ['scale.madrs'],
    thresholds: { 'scale.madrs': { levels: [10], direction: 'below' } },
  } as unknown as ComparisonRun;

  it("draws each arm in its colour and dash, with the series' thresholds", () => {
    const c = compareCharts(run, false);
    expect(c).toMatchObject({ timeUnit: 'h', maxX: 48 });
    expect(c.panels[0]).toMatchObject({ series: 'scale.madrs', unit: 'points', thresholds: [10] });
    // A threshold far below the curves is left to the table.
    expect(compareCharts({ ...run, thresholds: { 'scale.madrs': { levels: [-20], direction: 'below' } } }, false).panels[0]!.thresholds).toEqual([]);
    expect(c.panels[0]!.lines.map((l) => [l.name, l.colour, l.dash, l.points.map((p) => p.y)])).toEqual([
      ['A', '#0072B2', [], [30, 20, 10]],
      ['B', '#D55E00', [7, 4], [30, 25, 20]],
    ]);
  });

  it('draws each arm minus the reference arm when differences are asked for, without thresholds', () => {
    const c = compareCharts({ ...run, reference: 1 }, true);
    expect(c.panels[0]!.thresholds).toEqual([]);
    expect(c.panels[0]!.lines.map((l) => l.points.map((p) => p.y))).toEqual([[0, -5, -10], [0, 0, 0]]);
    // The scale a difference axis keeps at least 2 % of: the largest |value| in any arm.
    expect(c.panels[0]!.magnitude).toBe(30);
  });

  it('interpolates and formats as the reports do', () => {
    expect(valueAt({ t: [0, 10], v: [0, 1] }, 2.5)).toBe(0.25);
    expect(valueAt({ t: [0, 10], v: [0, 1] }, 11)).toBeNull();
    expect(dashOf('10 3 2 3')).toEqual([10, 3, 2, 3]);
    expect([num(-1.23456), num(1234.5), num(0), num(1e-8), signed(2.5), signed(-0.5)]).toEqual(['−1.23', '1235', '0', '≈0', '+2.5', '−0.5']);
  });
});

describe('report downloads', () => {
  it('decodes a PDF from base64 and keeps UTF-8 text as it is', async () => {
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode('%PDF-1.7 ✓')));
    const pdf = reportBlob({ mime: 'application/pdf', encoding: 'base64', content: base64 });
    expect(pdf.type).toBe('application/pdf');
    expect(new TextDecoder().decode(await pdf.arrayBuffer())).toBe('%PDF-1.7 ✓');
    const html = reportBlob({ mime: 'text/html; charset=utf-8', encoding: 'utf8', content: '<p>教学模拟</p>' });
    expect(await html.text()).toBe('<p>教学模拟</p>');
  });
});
