// The Validation page's filters, sort orders and agreement in words, on hand-made case results.
import { describe, expect, it } from 'vitest';
import { agreementOf, countTones, matches, NO_FILTERS, sortCases, worstVerdict, type Case, type EffectCell } from './validation-view.ts';

const base: Case = {
  id: 'x', layer: 'pk', independence: 'independent', express: 'level', title: 't', drug: 'donepezil', condition: 'alzheimers',
  simulated: 1, published: 1, unit: 'h', source: 's', confidence: 'P✓', error: 0, fromEdge: 0, band: 'within 10 %',
};
const mk = (over: Partial<Case>): Case => ({ ...base, ...over });

const inRange = mk({ id: 'range', simulated: 21, published: 35, range: [19, 40], error: -0.4, fromEdge: 0, position: 2 / 21, band: 'in range' });
const below = mk({ id: 'below', simulated: 15, published: 35, range: [19, 40], error: -0.57, fromEdge: -4 / 19, band: 'within 30 %', layer: 'slow', drug: 'ketamine+therapy', condition: 'depression-trd', independence: 'calibration' });
const far = mk({ id: 'far', simulated: 3, published: 1, error: 2, fromEdge: 2, band: 'outside', layer: 'circuits' });
const failed = mk({ id: 'failed', simulated: null, error: null, fromEdge: null, band: 'failed', layer: 'learning' });
const all = [inRange, below, far, failed];

describe('agreement in words', () => {
  it('places a value inside a range by its position, not by the distance from the point (21 against 35, range 19–40)', () => {
    expect(agreementOf(inRange)).toEqual({ kind: 'inside', at: 10 });
  });
  it('measures a value outside a range from the nearer edge, a point case from the point', () => {
    expect(agreementOf(below)).toEqual({ kind: 'range-edge', by: 4 / 19, side: 'below' });
    expect(agreementOf(far)).toEqual({ kind: 'point', by: 2, side: 'above' });
    expect(agreementOf(failed)).toEqual({ kind: 'failed' });
  });
});

describe('filters', () => {
  it('by drug (either drug of a combination), condition, layer, band and independence', () => {
    const ids = (f: Partial<typeof NO_FILTERS>) => all.filter((c) => matches(c, { ...NO_FILTERS, ...f })).map((c) => c.id);
    expect(ids({})).toEqual(['range', 'below', 'far', 'failed']);
    expect(ids({ drug: 'therapy' })).toEqual(['below']);
    expect(ids({ drug: 'ketamine' })).toEqual(['below']);
    expect(ids({ condition: 'alzheimers' })).toEqual(['range', 'far', 'failed']);
    expect(ids({ layer: 'circuits' })).toEqual(['far']);
    expect(ids({ band: 'good' })).toEqual(['range']);
    expect(ids({ band: 'near' })).toEqual(['below']);
    expect(ids({ band: 'bad' })).toEqual(['far']);
    expect(ids({ band: 'failed' })).toEqual(['failed']);
    expect(ids({ independentOnly: true })).toEqual(['range', 'far', 'failed']);
  });
  it('count the tones shown', () => {
    expect(countTones(all)).toEqual({ good: 1, near: 1, bad: 1, failed: 1 });
  });
});

describe('sort', () => {
  const name = (c: Case) => ({ range: 'b', below: 'a', far: 'd', failed: 'c' })[c.id]!;
  it('keeps the suite order, or sorts by name, by distance (furthest or closest first, failed last when closest first)', () => {
    expect(sortCases(all, 'suite', name, 'en').map((c) => c.id)).toEqual(['range', 'below', 'far', 'failed']);
    expect(sortCases(all, 'name', name, 'en').map((c) => c.id)).toEqual(['below', 'range', 'failed', 'far']);
    expect(sortCases(all, 'worst', name, 'en').map((c) => c.id)).toEqual(['failed', 'far', 'below', 'range']);
    expect(sortCases(all, 'best', name, 'en').map((c) => c.id)).toEqual(['range', 'below', 'far', 'failed']);
  });
});

describe('effect grid', () => {
  it('shows the worst verdict of a pair', () => {
    const cell = (verdict: EffectCell['verdict']) => ({ verdict }) as EffectCell;
    expect(worstVerdict([cell('in band'), cell('near')])).toBe('near');
    expect(worstVerdict([cell('in band'), cell('outside'), cell('near')])).toBe('outside');
    expect(worstVerdict([cell('in band')])).toBe('in band');
  });
});
