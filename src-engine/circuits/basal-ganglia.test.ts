// The basal ganglia probe against published behaviour: no beta resonance in the healthy loop, a
// beta oscillation after dopamine loss, beta falling with levodopa (Kühn et al. 2006, 2009) and
// with high-frequency STN DBS (Kühn et al. 2008; Eusebio et al. 2011) but not with 20-Hz DBS
// (Chen et al. 2007), and thalamic relay failing as pallidal beta rises (Rubin & Terman 2004;
// Guo et al. 2008).
import { describe, expect, it } from 'vitest';
import { basalGanglia, basalGangliaSpectrum } from './index.ts';
import { BETA_BAND, basalGangliaParams, basalGangliaWith, loopState, quantise, relayOf } from './basal-ganglia.ts';
import type { BasalGangliaInput } from './types.ts';

const p = basalGangliaParams();
const off = (dopamine: number): BasalGangliaInput => ({ dopamine, dbsDecoupling: 0, dbsFrequencyHz: 0, dbsTarget: null });
const dbs = (dopamine: number, dbsFrequencyHz: number, dbsDecoupling: number, dbsTarget: 'STN' | 'GPi' = 'STN'): BasalGangliaInput => ({ dopamine, dbsDecoupling, dbsFrequencyHz, dbsTarget });
const HEALTHY = off(1);
/** Moderate Parkinson's off medication; the slow layer's untreated moderate striatal tone is 0.40. */
const PD_OFF = off(0.4);

/** Integral of a spectrum over [lo, hi] by the trapezoid rule on its grid. */
function integral(s: { f: number[]; power: number[] }, lo: number, hi: number): number {
  let sum = 0;
  for (let i = 0; i + 1 < s.f.length; i++) {
    const a = s.f[i] as number;
    const b = s.f[i + 1] as number;
    if (a >= lo - 1e-9 && b <= hi + 1e-9) sum += 0.5 * (b - a) * ((s.power[i] as number) + (s.power[i + 1] as number));
  }
  return sum;
}

describe('healthy and dopamine-depleted STN–GPe loop', () => {
  it('is damped and has no beta peak when healthy', () => {
    const s = loopState(p, HEALTHY);
    expect(s.sigma).toBeLessThan(-20);
    expect(s.omega / (2 * Math.PI)).toBeLessThan(BETA_BAND[0]);
    expect(basalGanglia(HEALTHY).beta).toBeCloseTo(1, 12);
    // The spectrum falls monotonically across the beta band: no local maximum inside it.
    const { f, power } = basalGangliaSpectrum(HEALTHY);
    for (let i = 1; i < f.length; i++) if ((f[i] as number) > BETA_BAND[0] && (f[i] as number) <= BETA_BAND[1]) expect(power[i] as number).toBeLessThan(power[i - 1] as number);
  });

  it('oscillates in beta when dopamine is depleted (moderate PD off)', () => {
    const s = loopState(p, PD_OFF);
    expect(s.sigma).toBeGreaterThan(0);
    const hz = s.omega / (2 * Math.PI);
    expect(hz).toBeGreaterThan(13);
    expect(hz).toBeLessThan(30);
    const out = basalGanglia(PD_OFF);
    expect(out.betaPeakHz).toBeGreaterThan(13);
    expect(out.betaPeakHz).toBeLessThan(30);
    // The spectrum has an interior maximum in the beta band.
    const { f, power } = basalGangliaSpectrum(PD_OFF);
    const k = power.indexOf(Math.max(...power.filter((_, i) => (f[i] as number) >= 13 && (f[i] as number) <= 30)));
    expect(f[k] as number).toBeGreaterThan(13);
    expect(f[k] as number).toBeLessThan(30);
    expect(power[k] as number).toBeGreaterThan(power[k - 4] as number);
    expect(power[k] as number).toBeGreaterThan(power[k + 4] as number);
  });

  it('crosses its Hopf bifurcation between the mild and moderate Parkinsonian tones', () => {
    expect(loopState(p, off(0.6)).sigma).toBeLessThan(0);
    expect(loopState(p, off(0.5)).sigma).toBeGreaterThan(0);
  });

  it('puts moderate PD off several-fold above healthy beta, severe above moderate', () => {
    const moderate = basalGanglia(PD_OFF).beta;
    expect(moderate).toBeGreaterThan(3);
    expect(moderate).toBeLessThan(8);
    expect(basalGanglia(off(0.25)).beta).toBeGreaterThan(moderate);
  });

  it('gives beta non-decreasing as dopamine falls, and relay non-increasing as beta rises', () => {
    const rows = [];
    for (let d = 3; d >= 0.05 - 1e-9; d -= 0.01) rows.push(basalGanglia(off(d)));
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.beta).toBeGreaterThanOrEqual(rows[i - 1]!.beta);
      expect(rows[i]!.relay).toBeLessThanOrEqual(rows[i - 1]!.relay);
    }
    // Strictly so once dopamine is below healthy.
    expect(basalGanglia(off(0.9)).beta).toBeGreaterThan(basalGanglia(off(1)).beta);
    expect(basalGanglia(off(0.9)).relay).toBeLessThan(basalGanglia(off(1)).relay);
  });

  it('keeps relay at its maximum when healthy and lowers it in PD off', () => {
    expect(basalGanglia(HEALTHY).relay).toBeCloseTo(p.relayMax, 12);
    expect(basalGanglia(PD_OFF).relay).toBeLessThan(0.75);
    expect(basalGanglia(PD_OFF).relay).toBeGreaterThan(p.relayMin);
    expect(relayOf(p, 0.5)).toBe(p.relayMax);
    expect(relayOf(p, 1 + p.relayHalf)).toBeCloseTo((p.relayMax + p.relayMin) / 2, 12);
  });
});

describe('levodopa', () => {
  it('reduces beta substantially as striatal dopamine rises (Kühn et al. 2006, 2009)', () => {
    const offBeta = basalGanglia(PD_OFF).beta;
    // Peak striatal tone of 100 mg and 200 mg levodopa three times a day in the slow layer.
    expect(basalGanglia(off(0.55)).beta).toBeLessThan(0.7 * offBeta);
    expect(basalGanglia(off(0.72)).beta).toBeLessThan(0.5 * offBeta);
    expect(basalGanglia(off(0.72)).relay).toBeGreaterThan(basalGanglia(PD_OFF).relay);
  });
});

describe('deep brain stimulation', () => {
  it('at 130 Hz with decoupling 0.6 lowers beta by more than half and restores relay (Kühn 2008; Eusebio 2011)', () => {
    const before = basalGanglia(PD_OFF);
    const on = basalGanglia(dbs(0.4, 130, 0.6));
    expect(on.beta).toBeLessThan(0.5 * before.beta);
    expect(on.relay).toBeGreaterThan(0.9);
  });

  it('at 20 Hz with the same decoupling does not lower beta, and does not restore relay', () => {
    const before = basalGanglia(PD_OFF);
    const on = basalGanglia(dbs(0.4, 20, 0.6));
    expect(on.beta).toBeGreaterThanOrEqual(before.beta);
    expect(on.betaPeakHz).toBeCloseTo(20, 6);
    expect(on.relay).toBeLessThanOrEqual(before.relay);
  });

  it('suppresses more with more decoupling at high frequency', () => {
    let prev = Infinity;
    for (let d = 0; d <= 1 + 1e-9; d += 0.1) {
      const b = basalGanglia(dbs(0.4, 130, d)).beta;
      expect(b).toBeLessThanOrEqual(prev);
      prev = b;
    }
  });

  it('at the GPi leaves STN beta as it is but improves relay', () => {
    const before = basalGanglia(PD_OFF);
    const gpi = basalGanglia(dbs(0.4, 130, 0.6, 'GPi'));
    expect(gpi.beta).toBeCloseTo(before.beta, 12);
    expect(gpi.relay).toBeGreaterThan(before.relay + 0.1);
  });

  it('does nothing without a target or a frequency', () => {
    expect(basalGanglia({ ...PD_OFF, dbsDecoupling: 0.6, dbsFrequencyHz: 130 })).toEqual(basalGanglia(PD_OFF));
    expect(basalGanglia(dbs(0.4, 0, 0.6))).toEqual(basalGanglia(PD_OFF));
  });
});

describe('spectrum and interface', () => {
  it('integrates over 13–30 Hz to the beta the fast call reports, with and without DBS lines', () => {
    for (const x of [HEALTHY, PD_OFF, dbs(0.4, 130, 0.6), dbs(0.4, 20, 0.6), dbs(0.4, 15, 0.6), dbs(0.4, 23.3, 0.5), dbs(0.4, 10, 0.6, 'GPi'), off(0.7)]) {
      expect(integral(basalGangliaSpectrum(x), 13, 30)).toBeCloseTo(basalGanglia(x).beta, 9);
    }
  });

  it('caches quantised inputs: the cached answer is the uncached one at the quantised input', () => {
    const fresh = basalGangliaWith(p);
    const x = dbs(0.41234, 129.96, 0.60049);
    const q = quantise(x);
    expect(q).toEqual({ dopamine: 0.412, dbsDecoupling: 0.6, dbsFrequencyHz: 130, dbsTarget: 'STN' });
    expect(basalGanglia(x)).toEqual(fresh.run(q));
    expect(basalGanglia(x)).toBe(basalGanglia(q));
  });

  it('treats non-finite inputs as healthy / off', () => {
    expect(quantise({ dopamine: Number.NaN, dbsDecoupling: Number.POSITIVE_INFINITY, dbsFrequencyHz: Number.NaN, dbsTarget: null })).toEqual(HEALTHY);
  });

  it('is finite and in range across every input', () => {
    for (const dopamine of [0.05, 0.1, 0.2, 0.3, 0.4, 0.55, 0.7, 1, 1.5, 3]) {
      for (const dbsDecoupling of [0, 0.3, 0.6, 0.9, 1]) {
        for (const dbsFrequencyHz of [0, 5, 10, 20, 30, 60, 130, 185]) {
          for (const dbsTarget of ['STN', 'GPi', null] as const) {
            const x = { dopamine, dbsDecoupling, dbsFrequencyHz, dbsTarget };
            const out = basalGanglia(x);
            expect(Number.isFinite(out.beta) && out.beta > 0, JSON.stringify(x)).toBe(true);
            expect(out.betaPeakHz).toBeGreaterThanOrEqual(5);
            expect(out.betaPeakHz).toBeLessThanOrEqual(35);
            expect(out.relay).toBeGreaterThanOrEqual(p.relayMin);
            expect(out.relay).toBeLessThanOrEqual(p.relayMax);
          }
        }
      }
    }
    const s = basalGangliaSpectrum(dbs(0.05, 10, 1));
    expect(s.power.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });
});
