// The errors Engine II used to teach (issue 10), each pinned by a test that fails if it returns;
// the drug × condition effects themselves are checked by the effect matrix (test/validation.test.ts).
import { describe, expect, it } from 'vitest';
import { DRUG_IDS, getDrug } from '../drugs/catalogue.ts';
import type { Results } from '../results.ts';
import { simulate } from '../simulate.ts';

type Iv = Record<string, unknown>;
function run(patient: Record<string, unknown>, interventions: Iv[], duration = '12w', sampling = '1h', disable: string[] = []): Results {
  // On the sampling grid only: runs with and without a drug are subtracted sample by sample.
  const out = simulate({ schema: 'modulon.scenario/1', name: 't', duration, sampling, patient, interventions, ...(disable.length ? { disable } : {}) }, { refine: false });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}
const at = (r: Results, name: string, h: number) => {
  const s = r.series[name]!;
  return s.v[s.t.findIndex((x) => Math.abs(x - h) < 1e-6)] as number;
};
const peakTime = (r: Results, name: string) => {
  const s = r.series[name]!;
  return s.t[s.v.indexOf(Math.max(...s.v))] as number;
};
const trd = { condition: 'depression', severity: 'moderate', treatmentResistant: true };
const ketamine = { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min' };

describe('the ketamine cascade', () => {
  it('needs substantial NMDA block: 10 mg intranasal every 12 h (about 13 % occupancy) brings no remission', () => {
    const low = [{ type: 'drug', drug: 'ketamine', dose: '10 mg', route: 'intranasal', every: '12h' }];
    const effect = at(run(trd, low, '2w'), 'scale.madrs', 14 * 24) - at(run(trd, [], '2w'), 'scale.madrs', 14 * 24);
    expect(Math.abs(effect)).toBeLessThan(1);
  });

  it('mTORC1 peaks within the first hour and a half and is gone by 3 h (Li et al. 2010)', () => {
    const r = run(trd, [ketamine], '1d', '10min');
    expect(peakTime(r, 'plasticity.mtor')).toBeGreaterThan(0.4);
    expect(peakTime(r, 'plasticity.mtor')).toBeLessThan(1.5);
    expect(at(r, 'plasticity.mtor', 3)).toBeLessThan(0.05 * Math.max(...r.series['plasticity.mtor']!.v));
  });

  it('a second burst hours after the first does less (the BDNF pool is spent), a few days later as much', () => {
    const mtorPeak = (gap: string) => {
      const r = run(trd, [{ ...ketamine, every: gap, count: 2 }], '8d', '10min');
      const s = r.series['plasticity.mtor']!;
      const second = Number.parseFloat(gap);
      return Math.max(...s.v.filter((_, k) => (s.t[k] as number) >= second));
    };
    expect(mtorPeak('6h')).toBeLessThan(0.8 * mtorPeak('84h'));
  });

  it('opens a bounded window 1–3 days after the infusion, not while the patient is dissociated', () => {
    const depressed = run(trd, [ketamine], '1w');
    const healthy = run({ condition: 'healthy' }, [ketamine], '1w');
    const t = peakTime(depressed, 'plasticity.gain');
    expect(t).toBeGreaterThanOrEqual(12);
    expect(t).toBeLessThanOrEqual(72);
    expect(Math.max(...depressed.series['plasticity.gain']!.v)).toBeLessThanOrEqual(1.5 * Math.max(...healthy.series['plasticity.gain']!.v));
  });
});

describe('depression has more than one route', () => {
  it('without spine loss a treatment-resistant patient is still depressed (stress and neurogenesis routes)', () => {
    expect(at(run(trd, [], '1d', '1h', ['synaptogenesis']), 'scale.madrs', 0)).toBeGreaterThan(20);
  });

  it('homeostatic scaling compensates partially, inside its ±30 % range, at every severity', () => {
    for (const severity of ['mild', 'moderate', 'severe']) {
      const scaling = at(run({ condition: 'depression', severity }, [], '1d'), 'plasticity.scaling', 0);
      expect(scaling, severity).toBeGreaterThan(1);
      expect(scaling, severity).toBeLessThan(1.29);
    }
  });

  it('what therapy teaches lowers the stress load (the sign of the relief)', () => {
    const dep = { condition: 'depression', severity: 'moderate' };
    const cbt = [{ type: 'therapy', kind: 'cbt', every: '7d', count: 12 }];
    expect(at(run(dep, cbt, '16w'), 'disease.stress_load', 16 * 168)).toBeLessThan(at(run(dep, [], '16w'), 'disease.stress_load', 16 * 168) - 0.05);
  });
});

describe('the bipolar switch', () => {
  const bp = { condition: 'bipolar', severity: 'moderate' };
  const sertraline = { type: 'drug', drug: 'sertraline', dose: '100 mg', every: '24h' };
  const venlafaxine = { type: 'drug', drug: 'venlafaxine', dose: '150 mg', every: '24h', formulation: 'xr' };
  it('does not start on day 1 of an antidepressant', () => {
    expect(at(run(bp, [sertraline], '1w'), 'scale.ymrs', 72) - at(run(bp, [], '1w'), 'scale.ymrs', 72)).toBeLessThan(0.3);
  });
  it('depends on drug class: venlafaxine switches about twice as often as sertraline (Leverich 2006)', () => {
    const sw = (iv: Iv[]) => at(run(bp, iv, '10w'), 'adverse.mania_switch', 10 * 168);
    expect(sw([venlafaxine])).toBeGreaterThan(1.5 * sw([sertraline]));
    expect(sw([sertraline])).toBeLessThan(0.1);
  });
});

/**
 * Single-SSRI overdoses rarely give severe serotonin toxicity (Isbister et al. 2004 J Toxicol Clin
 * Toxicol 42:277: 14 %, mostly mild); here its rise is limited by the SERT occupancy ceiling (0.9).
 */
const SSRI_OVERDOSE = 0.03;
/**
 * The condition in which each catalogue drug is mostly used, the readout its class toxicity shows
 * in, and the least that readout must reach at 10× the labelled maximum.
 */
const USE: Record<string, { condition: string; toxic: string | null; least?: number }> = {
  donepezil: { condition: 'alzheimers', toxic: 'adverse.cholinergic_crisis' },
  rivastigmine: { condition: 'alzheimers', toxic: 'adverse.cholinergic_crisis' },
  galantamine: { condition: 'alzheimers', toxic: 'adverse.cholinergic_crisis' },
  // Memantine's overdose (agitation, somnolence) is not modelled: its resting block stays weak by design.
  memantine: { condition: 'alzheimers', toxic: null },
  levodopa: { condition: 'parkinsons', toxic: 'adverse.psychosis' },
  // The agonist's maximal D2 effect is bounded (dopamine.agonistEfficacy): overdose saturates, and its
  // hallucinations in Parkinson's trials are not reproduced — an honest gap.
  pramipexole: { condition: 'parkinsons', toxic: null },
  sertraline: { condition: 'depression', toxic: 'adverse.serotonin_toxicity', least: SSRI_OVERDOSE },
  fluoxetine: { condition: 'depression', toxic: 'adverse.serotonin_toxicity', least: SSRI_OVERDOSE },
  escitalopram: { condition: 'depression', toxic: 'adverse.serotonin_toxicity', least: SSRI_OVERDOSE },
  venlafaxine: { condition: 'depression', toxic: 'adverse.serotonin_toxicity', least: SSRI_OVERDOSE },
  ketamine: { condition: 'depression', toxic: 'adverse.anaesthesia' },
  esketamine: { condition: 'depression', toxic: 'adverse.anaesthesia' },
  haloperidol: { condition: 'schizophrenia', toxic: 'adverse.nms_risk' },
  risperidone: { condition: 'schizophrenia', toxic: 'adverse.eps', least: 0.15 },
  lithium: { condition: 'bipolar', toxic: 'adverse.lithium_toxicity' },
};
const SCALES = ['scale.hamd17', 'scale.madrs', 'scale.updrs3', 'scale.adascog', 'scale.panss_positive', 'scale.ymrs', 'scale.caps5'];

describe('overdose is visible, never a cure', () => {
  it('covers every catalogue drug', () => {
    expect(Object.keys(USE).sort()).toEqual([...DRUG_IDS].sort());
  });

  it.each(Object.entries(USE))('%s at 10× and 100× its labelled maximum (at most 100 g): a toxicity appears and no scale improves beyond the labelled dose', (id, use) => {
    const drug = getDrug(id)!;
    const route = Object.keys(drug.routes)[0] as string;
    const max = drug.labelledMaxDailyDose.value;
    const iv = (mg: number) => [{ type: 'drug', drug: id, dose: `${mg} mg`, route, every: '24h', ...(route === 'iv' ? { infusion: '40min' } : {}) }];
    const patient = { condition: use.condition, severity: 'moderate' };
    const untreated = run(patient, [], '2w');
    const labelled = run(patient, iv(max), '2w');
    const best = (r: Results, s: string) => Math.min(...r.series[s]!.v.map((v, k) => v - (untreated.series[s]!.v[k] as number)));
    const ten = run(patient, iv(10 * max), '2w');
    const hundred = run(patient, iv(Math.min(100 * max, 100_000)), '2w'); // the scenario refuses doses above 100 g
    for (const s of SCALES) {
      // The mechanism saturates: 10× does at most a little more than the labelled dose, 100× nothing more than 10×.
      expect(best(ten, s), `${id} ×10 ${s}`).toBeGreaterThanOrEqual(1.5 * best(labelled, s) - 0.5);
      expect(best(hundred, s), `${id} ×100 ${s}`).toBeGreaterThanOrEqual(best(ten, s) - 1);
    }
    if (use.toxic) {
      const peak = (r: Results) => Math.max(...r.series[use.toxic as string]!.v);
      expect(peak(ten), `${id} ×10 ${use.toxic}`).toBeGreaterThan(peak(labelled));
      expect(peak(ten), `${id} ×10 ${use.toxic}`).toBeGreaterThanOrEqual(use.least ?? 0.5);
      expect(peak(hundred), `${id} ×100 ${use.toxic}`).toBeGreaterThanOrEqual(peak(ten) - 1e-9);
    }
  });
});
