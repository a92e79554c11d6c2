// DBS: closed-form charge and Shannon k, the refusal and its field, the activated volume, the
// frequency response of the decoupling, capsular spread, and onset/washout kinetics.
import { describe, expect, it } from 'vitest';
import {
  activatedVolumeMm3,
  activationRadiusMm,
  dbsCharge,
  dbsDecoupling,
  dbsEffect,
  dbsEffective,
  dbsEffectStep,
  dbsOnset,
  dbsSafety,
  dbsSpread,
  dbsWashout,
  DBS_KINETICS,
  equivalentVoltage,
  frequencyResponse,
  spatialCoverage,
  type DbsEffectState,
} from './dbs.ts';
import { resolveDbs, type DbsSetting } from './schema.ts';

const stn = (over: Partial<DbsSetting> = {}): DbsSetting => ({ ...resolveDbs({ target: 'STN', frequencyHz: 130, pulseWidthUs: 60, amplitudeV: 2.5 }), ...over });

describe('charge and the Shannon limit', () => {
  it('3 V, 60 µs, 1 kΩ: 3 mA, 0.18 µC/phase, 3 µC/cm² over 0.06 cm², k = log10(3) + log10(0.18)', () => {
    const c = dbsCharge(stn({ amplitudeV: 3 }));
    expect(c.currentMa).toBeCloseTo(3, 12);
    expect(c.chargeUc).toBeCloseTo(0.18, 12);
    expect(c.chargeDensityUcCm2).toBeCloseTo(3, 12);
    expect(c.shannonK).toBeCloseTo(Math.log10(3) + Math.log10(0.18), 12);
    expect(c.shannonK).toBeCloseTo(-0.2676, 4);
  });

  it('current-controlled: 2 mA × 90 µs = 0.18 µC whatever the impedance', () => {
    const c = dbsCharge(stn({ amplitudeV: undefined, amplitudeMa: 2, pulseWidthUs: 90, impedanceOhm: 3000 }));
    expect(c.chargeUc).toBeCloseTo(0.18, 12);
  });

  it('defaults are the Medtronic 3389 contact (0.06 cm²) and 1 kΩ', () => {
    const s = resolveDbs({ target: 'GPi', frequencyHz: 130, pulseWidthUs: 90, amplitudeMa: 3 });
    expect(s.contactAreaCm2).toBe(0.06);
    expect(s.impedanceOhm).toBe(1000);
    expect(s.amplitudeV).toBeUndefined();
  });

  it('k exactly at 1.85 is accepted (with a warning: above 30 µC/cm²); a hair above is refused', () => {
    // Q = 10 mA × 200 µs = 2 µC; choose the area so that Q²/A = 10^1.85.
    const area = 4 / Math.pow(10, 1.85);
    const at = dbsSafety(stn({ amplitudeV: undefined, amplitudeMa: 10, pulseWidthUs: 200, contactAreaCm2: area }));
    expect(at.shannonK).toBeCloseTo(1.85, 12);
    expect(at.verdict).toBe('warn');
    const above = dbsSafety(stn({ amplitudeV: undefined, amplitudeMa: 10.01, pulseWidthUs: 200, contactAreaCm2: area }));
    expect(above.verdict).toBe('refuse');
    expect(above.field).toBe('amplitudeMa');
  });

  it('refuses 10.5 V at 450 µs and names amplitudeV in the field and the sentence', () => {
    const s = dbsSafety(stn({ amplitudeV: 10.5, pulseWidthUs: 450 }));
    expect(s.chargeUc).toBeCloseTo(4.725, 12);
    expect(s.shannonK).toBeCloseTo(Math.log10(4.725 / 0.06) + Math.log10(4.725), 12);
    expect(s.verdict).toBe('refuse');
    expect(s.field).toBe('amplitudeV');
    expect(s.message).toMatch(/amplitudeV/);
    expect(s.message).toMatch(/1\.85/);
    expect(dbsEffect(stn({ amplitudeV: 10.5, pulseWidthUs: 450 })).decoupling).toBe(0);
  });

  it('warns between the 30 µC/cm² programming limit and Shannon k, accepts typical settings', () => {
    // 6 V, 330 µs: Q = 1.98 µC, D = 33 µC/cm², k = 1.815.
    const w = dbsSafety(stn({ amplitudeV: 6, pulseWidthUs: 330 }));
    expect(w.chargeDensityUcCm2).toBeCloseTo(33, 10);
    expect(w.verdict).toBe('warn');
    expect(w.field).toBe('amplitudeV');
    expect(w.message).toBe("charge density 33.0 µC/cm²/phase is above the 30 µC/cm² programming limit, though within Shannon's k ≤ 1.85 (k = 1.82); consider lowering amplitudeV or pulseWidthUs.");
    const ok = dbsSafety(stn());
    expect(ok.verdict).toBe('ok');
    expect(ok.field).toBeNull();
    expect(ok.message).toMatch(/^within limits: 0\.150 µC\/phase, 2\.5 µC\/cm²\/phase over 0\.06 cm², Shannon k = -?[0-9.]+ ≤ 1\.85\.$/);
  });

  it('zero amplitude: no charge, a finite k, accepted', () => {
    const s = dbsSafety(stn({ amplitudeV: 0 }));
    expect(s.chargeUc).toBe(0);
    expect(Number.isFinite(s.shannonK)).toBe(true);
    expect(s.verdict).toBe('ok');
  });
});

describe('activated volume', () => {
  it('Kuncel 2008: r = √((U − 0.1)/0.22) mm at the reference 60 µs and 1 kΩ', () => {
    expect(activationRadiusMm(stn({ amplitudeV: 2.5 }))).toBeCloseTo(Math.sqrt(2.4 / 0.22), 12);
    expect(activatedVolumeMm3(stn({ amplitudeV: 2.5 }))).toBeCloseTo((4 / 3) * Math.PI * Math.pow(2.4 / 0.22, 1.5), 9);
    expect(activationRadiusMm(stn({ amplitudeV: 0.05 }))).toBe(0);
  });

  it('longer pulses and lower impedance reach further; current control equals voltage at 1 kΩ', () => {
    expect(activationRadiusMm(stn({ pulseWidthUs: 120 }))).toBeGreaterThan(activationRadiusMm(stn()));
    expect(activationRadiusMm(stn({ impedanceOhm: 700 }))).toBeGreaterThan(activationRadiusMm(stn()));
    expect(equivalentVoltage(stn({ amplitudeV: undefined, amplitudeMa: 2.5 }))).toBeCloseTo(2.5, 12);
    // Strength–duration: (1 + 65/60)/(1 + 65/120) at 120 µs.
    expect(equivalentVoltage(stn({ pulseWidthUs: 120 }))).toBeCloseTo((2.5 * (1 + 65 / 60)) / (1 + 65 / 120), 12);
  });

  it('the typical STN setting covers the nucleus (0.9); the larger GPi needs more', () => {
    expect(spatialCoverage(stn())).toBeCloseTo(0.9, 2);
    expect(spatialCoverage(stn({ amplitudeV: 1 }))).toBeLessThan(0.5);
    expect(spatialCoverage(stn({ target: 'GPi' }))).toBeLessThan(spatialCoverage(stn()));
  });
});

describe('decoupling vs frequency (Rizzone 2001; Moro 2002)', () => {
  it('nothing at 10–20 Hz, little at 50 Hz, most of it by 130 Hz, a plateau to 185 Hz', () => {
    expect(frequencyResponse(10)).toBeLessThan(0.001);
    expect(frequencyResponse(20)).toBeLessThan(0.001);
    expect(frequencyResponse(50)).toBeLessThan(0.1);
    expect(frequencyResponse(90)).toBeGreaterThan(0.5);
    expect(frequencyResponse(130)).toBeGreaterThan(0.93);
    expect(frequencyResponse(185) - frequencyResponse(130)).toBeLessThan(0.06);
    expect(dbsDecoupling(stn({ frequencyHz: 20 }))).toBeLessThan(0.001);
    expect(dbsDecoupling(stn())).toBeGreaterThan(0.8);
  });

  it('rises with frequency and with amplitude', () => {
    let last = -1;
    for (let f = 2; f <= 250; f += 4) {
      const d = dbsDecoupling(stn({ frequencyHz: f }));
      expect(d).toBeGreaterThan(last);
      last = d;
    }
    last = -1;
    for (let v = 0.2; v <= 10.5; v += 0.2) {
      const d = dbsDecoupling(stn({ amplitudeV: v }));
      expect(d).toBeGreaterThan(last);
      last = d;
    }
  });
});

describe('capsular spread', () => {
  it('in STN at 60 µs: little at 2.5 V, about half at 4 V, nearly all at 5 V', () => {
    expect(dbsSpread(stn({ amplitudeV: 2.5 }))).toBeLessThan(0.02);
    expect(dbsSpread(stn({ amplitudeV: 3 }))).toBeCloseTo(0.05, 1);
    expect(dbsSpread(stn({ amplitudeV: 4 }))).toBeCloseTo(0.5, 6);
    expect(dbsSpread(stn({ amplitudeV: 5 }))).toBeGreaterThan(0.9);
    expect(dbsSpread(stn({ target: 'GPi', amplitudeV: 4 }))).toBeLessThan(dbsSpread(stn({ amplitudeV: 4 })));
  });
});

describe('onset and washout (Temperli 2003)', () => {
  it('90 % of the benefit is gone 2 h after switch-off; tremor-like fast part within minutes', () => {
    expect(dbsWashout(0)).toBe(1);
    expect(dbsWashout(2)).toBeCloseTo(0.1, 3);
    expect(dbsWashout(0.5)).toBeLessThan(1 - DBS_KINETICS.fastShare + 0.01);
    expect(dbsWashout(4)).toBeLessThan(0.03);
  });

  it('switching on is faster than switching off', () => {
    expect(dbsOnset(0)).toBe(0);
    expect(dbsOnset(1)).toBeGreaterThan(1 - dbsWashout(1));
    expect(dbsOnset(6)).toBeGreaterThan(0.99);
  });

  it('the two-component state reproduces the closed forms across an edge, in any step size', () => {
    const d = 0.85;
    let s: DbsEffectState = { fast: 0, slow: 0 };
    for (let k = 0; k < 30; k++) s = dbsEffectStep(s, d, 0.05);
    expect(dbsEffective(s)).toBeCloseTo(d * dbsOnset(1.5), 12);
    s = { fast: d, slow: d };
    s = dbsEffectStep(dbsEffectStep(s, 0, 0.7), 0, 1.3);
    expect(dbsEffective(s)).toBeCloseTo(d * dbsWashout(2), 12);
  });
});
