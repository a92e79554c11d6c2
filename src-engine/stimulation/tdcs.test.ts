// tDCS: sign by polarity, size and duration of the after-effect (Nitsche & Paulus 2000/2001,
// Nitsche 2003), and the small antidepressant course (ELECT-TDCS).
import { describe, expect, it } from 'vitest';
import { courseSessionTimes, hamdRelief, HEALTHY_PLASTICITY, potentiationAt } from './course.ts';
import { resolveTdcs } from './schema.ts';
import { tdcsAfterEffect, tdcsChargeDensity, tdcsExcitabilityAt, tdcsSessionPlasticity } from './tdcs.ts';
import { sessionPlasticity } from './tms.ts';

const session = (polarity: 'anodal' | 'cathodal', currentMa: number, minutes: number, electrodeAreaCm2?: number) => resolveTdcs({ polarity, currentMa, minutes, electrodeAreaCm2 });

describe('after-effects', () => {
  it('anodal 1 mA 13 min: +40 % lasting about 90 min (Nitsche & Paulus 2001)', () => {
    const a = tdcsAfterEffect(session('anodal', 1, 13));
    expect(a.shift).toBeCloseTo(0.4, 3);
    expect(a.lastingMin).toBeCloseTo(90, 0);
    expect(a.decayH).toBeCloseTo(1.5 / Math.log(4), 3);
    expect(tdcsExcitabilityAt(session('anodal', 1, 13), 1.5)).toBeCloseTo(0.1, 3);
  });

  it('cathodal 1 mA 9 min: −30 % lasting about an hour (Nitsche 2003)', () => {
    const c = tdcsAfterEffect(session('cathodal', 1, 9));
    expect(c.shift).toBeCloseTo(-0.3, 3);
    expect(c.lastingMin).toBeCloseTo(60, 0);
  });

  it('short sessions give small, brief after-effects; longer and stronger ones larger and longer, capped', () => {
    const short = tdcsAfterEffect(session('anodal', 1, 5));
    expect(short.shift).toBeGreaterThan(0.15);
    expect(short.shift).toBeLessThan(0.3);
    expect(short.lastingMin).toBeLessThan(15);
    const clinical = tdcsAfterEffect(session('anodal', 2, 30));
    expect(clinical.shift).toBeLessThanOrEqual(0.5);
    expect(clinical.lastingMin).toBeGreaterThan(90);
    expect(clinical.lastingMin).toBeLessThanOrEqual(360);
    expect(tdcsChargeDensity(session('anodal', 2, 30))).toBeCloseTo(60 / 35, 12);
  });

  it('a larger electrode spreads the same current thinner: smaller effect', () => {
    expect(tdcsAfterEffect(session('anodal', 1, 13, 100)).shift).toBeLessThan(tdcsAfterEffect(session('anodal', 1, 13)).shift);
  });
});

describe('antidepressant bias', () => {
  it('anodal left-DLPFC sessions potentiate, cathodal depress', () => {
    expect(tdcsSessionPlasticity(session('anodal', 2, 30), HEALTHY_PLASTICITY)).toBeGreaterThan(0);
    expect(tdcsSessionPlasticity(session('cathodal', 2, 30), HEALTHY_PLASTICITY)).toBeLessThan(0);
    expect(tdcsSessionPlasticity(session('anodal', 2, 30), { gain: 2, threshold: 1 })).toBeCloseTo(2 * tdcsSessionPlasticity(session('anodal', 2, 30), HEALTHY_PLASTICITY), 12);
  });

  it('ELECT-TDCS (2 mA, 30 min, 25 cm²; 15 weekdays then 7 weekly) relieves about 3.2 HAM-D-17 points at week 10, a small effect', () => {
    const times = [...courseSessionTimes({ startH: 0, stopH: 21 * 24, sessionsPerDay: 1, daysPerWeek: 5 }), ...[3, 4, 5, 6, 7, 8, 9].map((w) => w * 168)];
    expect(times).toHaveLength(22);
    const change = tdcsSessionPlasticity(session('anodal', 2, 30, 25), HEALTHY_PLASTICITY);
    const relief = hamdRelief(potentiationAt(times.map((t) => ({ t, change })), 1680), 'left-DLPFC');
    expect(relief).toBeCloseTo(3.2, 1);
    expect(change).toBeGreaterThan(sessionPlasticity({ protocol: '10hz', intensityPctMT: 120, pulses: 3000 }, HEALTHY_PLASTICITY));
    expect(hamdRelief(0.5, 'M1')).toBe(0);
  });
});
