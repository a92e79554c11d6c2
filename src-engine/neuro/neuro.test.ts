// The slow layer: untreated profiles in the ranges trials enrol, the mechanisms each time course
// rests on (switching one off removes the effect it explains), the mechanism chain, and the
// numerical independence of the output grid.
import { describe, expect, it } from 'vitest';
import { run as runEngine, simulate } from '../simulate.ts';
import { parseScenario, type Scenario } from '../scenario.ts';
import type { Results } from '../results.ts';
import { CONDITION_PROFILES, knobsFor, NEURO_PARAMETERS } from './data.ts';
import { MECHANISM_IDS, type MechanismId } from './model.ts';
import { mechanismChain } from './chain.ts';

type Iv = Record<string, unknown>;
function run(patient: Record<string, unknown>, interventions: Iv[], duration = '12w', sampling = '1h', disable: MechanismId[] = []): Results {
  const out = simulate({ schema: 'modulon.scenario/1', name: 't', duration, sampling, patient, interventions, ...(disable.length ? { disable } : {}) });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}
function at(r: Results, name: string, h: number): number {
  const s = r.series[name];
  if (!s) throw new Error(`no series ${name}`);
  const k = s.t.findIndex((x) => Math.abs(x - h) < 1e-6);
  if (k < 0) throw new Error(`no sample of ${name} at ${h}`);
  return s.v[k] as number;
}
const W = (w: number) => w * 168;
const dep = { condition: 'depression', severity: 'moderate' };
const trd = { ...dep, treatmentResistant: true };
const sertraline = { type: 'drug', drug: 'sertraline', dose: '50 mg', every: '24h' };
const ketamine = { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min' };
const cbt = { type: 'therapy', kind: 'cbt', start: '1d', every: '2d', count: 4 };

describe('data', () => {
  it('every parameter and knob carries a unit and a source', () => {
    for (const [name, q] of Object.entries(NEURO_PARAMETERS)) {
      expect(q.unit, name).not.toBe('');
      expect(q.source.length, name).toBeGreaterThan(20);
    }
    expect([...CONDITION_PROFILES.keys()].sort()).toEqual(['alzheimers', 'bipolar', 'depression', 'healthy', 'parkinsons', 'ptsd', 'schizophrenia']);
  });

  it('severity interpolates between the named levels', () => {
    const mild = knobsFor({ condition: 'parkinsons', severity: 'mild' }).nigralNeurons;
    const moderate = knobsFor({ condition: 'parkinsons', severity: 'moderate' }).nigralNeurons;
    expect(knobsFor({ condition: 'parkinsons', severity: 0.375 }).nigralNeurons).toBeCloseTo((mild + moderate) / 2, 12);
    expect(knobsFor({ condition: 'parkinsons', severity: 0 }).nigralNeurons).toBe(1);
    expect(knobsFor({ condition: 'parkinsons' }).nigralNeurons).toBe(moderate);
  });
});

describe('untreated condition profiles', () => {
  const start = (patient: Record<string, unknown>, series: string) => at(run(patient, [], '1d'), series, 0);
  it('sit in the ranges that trials enrol', () => {
    expect(start(dep, 'scale.hamd17')).toBeGreaterThanOrEqual(18);
    expect(start(dep, 'scale.hamd17')).toBeLessThanOrEqual(24);
    expect(start({ condition: 'parkinsons', severity: 'moderate' }, 'scale.updrs3')).toBeGreaterThanOrEqual(25);
    expect(start({ condition: 'parkinsons', severity: 'moderate' }, 'scale.updrs3')).toBeLessThanOrEqual(45);
    for (const severity of ['mild', 'moderate']) {
      const adas = start({ condition: 'alzheimers', severity }, 'scale.adascog');
      expect(adas).toBeGreaterThanOrEqual(15);
      expect(adas).toBeLessThanOrEqual(35);
    }
    expect(start({ condition: 'schizophrenia', severity: 'moderate' }, 'scale.panss_positive')).toBeGreaterThanOrEqual(20);
    expect(start({ condition: 'ptsd', severity: 'moderate' }, 'scale.caps5')).toBeGreaterThanOrEqual(33);
    expect(start({ condition: 'bipolar', severity: 'moderate' }, 'scale.madrs')).toBeGreaterThanOrEqual(20);
    expect(start({ condition: 'bipolar', severity: 'moderate' }, 'scale.ymrs')).toBeLessThan(12);
    expect(start(trd, 'scale.madrs')).toBeGreaterThan(start(dep, 'scale.madrs'));
  });

  it('Parkinson motor signs appear once about half the nigral neurons are gone (80 % of striatal terminals)', () => {
    const updrs = (severity: number) => at(run({ condition: 'parkinsons', severity }, [], '1d'), 'scale.updrs3', 0);
    expect(updrs(0.15)).toBeLessThan(5); // 30 % nigral loss: presymptomatic
    expect(updrs(0.25)).toBeGreaterThan(8); // 50 % nigral loss: diagnosable
  });

  it('a healthy adult scores in the normal range on every scale', () => {
    const r = run({ condition: 'healthy' }, [], '1d');
    expect(at(r, 'scale.hamd17', 0)).toBeLessThanOrEqual(7);
    expect(at(r, 'scale.updrs3', 0)).toBeLessThanOrEqual(5);
    expect(at(r, 'scale.adascog', 0)).toBeLessThanOrEqual(10);
    expect(at(r, 'scale.panss_positive', 0)).toBe(7);
    expect(at(r, 'plasticity.gain', 0)).toBeCloseTo(1, 6);
  });

  it('start at their steady state, and only the degenerative diseases progress', () => {
    const depression = run(dep, [], '12w');
    expect(at(depression, 'scale.hamd17', W(12))).toBeCloseTo(at(depression, 'scale.hamd17', 0), 4);
    const ad = run({ condition: 'alzheimers', severity: 'mild' }, [], '52w', '1d');
    expect(at(ad, 'scale.adascog', W(52)) - at(ad, 'scale.adascog', 0)).toBeGreaterThan(3);
    const frozen = run({ condition: 'alzheimers', severity: 'mild' }, [], '52w', '1d', ['disease-progression']);
    expect(at(frozen, 'scale.adascog', W(52))).toBeCloseTo(at(frozen, 'scale.adascog', 0), 4);
  });
});

describe('switching off one mechanism removes the effect it explains', () => {
  it('5-HT1A desensitisation: the rise of serotonin tone over weeks of SSRI', () => {
    const on = run(dep, [sertraline], '6w');
    const off = run(dep, [sertraline], '6w', '1h', ['autoreceptor-desensitisation']);
    // From day 7 (sertraline near its steady state) to week 4.
    expect(at(on, 'nt.serotonin.cortex', W(4)) / at(on, 'nt.serotonin.cortex', W(1))).toBeGreaterThan(1.2);
    expect(at(off, 'nt.serotonin.cortex', W(4)) / at(off, 'nt.serotonin.cortex', W(1))).toBeLessThan(1.01);
    expect(at(on, 'circuit.raphe.firing', W(4))).toBeGreaterThan(at(off, 'circuit.raphe.firing', W(4)) + 0.1);
    const untreated = at(run(dep, [], '6w'), 'scale.hamd17', W(6));
    expect(untreated - at(off, 'scale.hamd17', W(6))).toBeLessThan(0.75 * (untreated - at(on, 'scale.hamd17', W(6))));
  });

  it('BDNF → mTORC1: ketamine\'s antidepressant effect (its dissociation stays)', () => {
    const u = run(trd, [], '3d', '10min');
    const on = run(trd, [ketamine], '3d', '10min');
    const off = run(trd, [ketamine], '3d', '10min', ['bdnf-mtor']);
    expect(at(u, 'scale.madrs', 24) - at(on, 'scale.madrs', 24)).toBeGreaterThan(5);
    expect(at(u, 'scale.madrs', 24) - at(off, 'scale.madrs', 24)).toBeLessThan(0.5);
    expect(at(off, 'adverse.dissociation', 40 / 60)).toBeCloseTo(at(on, 'adverse.dissociation', 40 / 60), 9);
  });

  it('levodopa storage in surviving terminals: the longer response early in the disease', () => {
    const width = (severity: string, off: MechanismId[] = []) => {
      const u = run({ condition: 'parkinsons', severity }, [], '12h', '5min', off);
      const r = run({ condition: 'parkinsons', severity }, [{ type: 'drug', drug: 'levodopa', dose: '100 mg' }], '12h', '5min', off);
      const benefit = r.series['scale.updrs3']!.v.map((v, k) => (u.series['scale.updrs3']!.v[k] as number) - v);
      const peak = Math.max(...benefit);
      return benefit.filter((b) => b >= peak / 2).length * (5 / 60);
    };
    expect(width('mild') / width('severe')).toBeGreaterThan(2);
    // Storage lengthens the response much more where more terminals survive.
    const gainMild = width('mild') / width('mild', ['levodopa-storage']);
    const gainSevere = width('severe') / width('severe', ['levodopa-storage']);
    expect(gainMild).toBeGreaterThan(gainSevere + 0.5);
  });

  it('the long-duration response: what remains of the benefit after the last dose', () => {
    const regimen = [{ type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h', stop: '4w' }];
    const mild = { condition: 'parkinsons', severity: 'mild' };
    const u = at(run(mild, [], '5w'), 'scale.updrs3', W(4) + 24);
    expect(u - at(run(mild, regimen, '5w'), 'scale.updrs3', W(4) + 24)).toBeGreaterThan(1.5);
    expect(u - at(run(mild, regimen, '5w', '1h', ['long-duration-response']), 'scale.updrs3', W(4) + 24)).toBeLessThan(0.5);
  });

  it('dyskinesia priming: no peak-dose dyskinesia without it', () => {
    const regimen = [{ type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' }];
    const severe = { condition: 'parkinsons', severity: 'severe' };
    const peak = (r: Results) => Math.max(...r.series['adverse.dyskinesia']!.v);
    expect(peak(run(severe, regimen, '8w'))).toBeGreaterThan(0.02);
    expect(peak(run(severe, regimen, '8w', '1h', ['dyskinesia-priming']))).toBe(0);
  });

  it('gain-gated learning: the ketamine–therapy synergy', () => {
    const synergy = (off: MechanismId[]) => {
      const m = (iv: Iv[]) => at(run(trd, iv, '6w', '1h', off), 'scale.madrs', W(6));
      return (m([ketamine]) - m([ketamine, cbt])) / (m([]) - m([cbt]));
    };
    // The window is bounded (gain.max) and opens 1–2 days after the infusion: therapy learns more
    // there and keeps some of the spines the window built; each route alone gives a synergy, neither none.
    expect(synergy([])).toBeGreaterThan(1.3);
    expect(synergy(['spine-capture'])).toBeGreaterThan(1.1);
    expect(synergy(['gain-gated-learning'])).toBeGreaterThan(1.1);
    expect(synergy(['gain-gated-learning', 'spine-capture'])).toBeCloseTo(1, 1);
  });

  it('lithium protection: the lower mania-switch index with lithium', () => {
    const bp = { condition: 'bipolar', severity: 'moderate' };
    const ssri = { type: 'drug', drug: 'sertraline', dose: '100 mg', every: '24h' };
    const lithium = { type: 'drug', drug: 'lithium', dose: '450 mg', every: '12h' };
    const index = (iv: Iv[], off: MechanismId[] = []) => at(run(bp, iv, '6w', '1h', off), 'adverse.mania_switch', W(6));
    expect(index([ssri, lithium])).toBeLessThan(0.85 * index([ssri]));
    expect(index([ssri, lithium], ['lithium-protection'])).toBeCloseTo(index([ssri]), 2);
    // Ketamine on lithium (started two weeks before) also switches less than ketamine alone.
    const ket = { ...ketamine, start: '14d' };
    const peak = (iv: Iv[]) => Math.max(...run(bp, iv, '4w').series['adverse.mania_switch']!.v);
    expect(peak([ket, lithium])).toBeLessThan(0.8 * peak([ket]));
    expect(peak([])).toBe(0);
  });

  it('metaplasticity and scaling: repeated ketamine opens a smaller window each time', () => {
    const series = { ...ketamine, every: '2d', count: 6 };
    const fading = (off: MechanismId[]) => {
      const v = run(trd, [series], '3w', '1h', off).series['plasticity.gain']!.v;
      return Math.max(...v.slice(240, 288)) / Math.max(...v.slice(0, 48));
    };
    expect(fading([])).toBeLessThan(0.9 * fading(['metaplasticity', 'homeostatic-scaling']));
  });

  it('D2 up-regulation: receptors rise under chronic blockade and soften its motor cost', () => {
    const scz = { condition: 'schizophrenia', severity: 'moderate' };
    const halo = [{ type: 'drug', drug: 'haloperidol', dose: '5 mg', every: '24h' }];
    const on = run(scz, halo, '4w');
    const off = run(scz, halo, '4w', '1h', ['d2-upregulation']);
    expect(at(on, 'receptor.D2.density', W(4))).toBeGreaterThan(1.15);
    expect(at(off, 'receptor.D2.density', W(4))).toBe(1);
    expect(at(on, 'adverse.eps', W(4))).toBeLessThan(0.9 * at(off, 'adverse.eps', W(4)));
    // Denervation up-regulates too: untreated Parkinson's has more D2 receptors (Antonini 1994).
    expect(at(run({ condition: 'parkinsons', severity: 'moderate' }, [], '1d'), 'receptor.D2.density', 0)).toBeGreaterThan(1.1);
  });

  it('every mechanism can be switched off and the run stays finite', () => {
    const r = run(dep, [sertraline, ketamine, cbt], '2w', '1h', [...MECHANISM_IDS]);
    for (const [name, s] of Object.entries(r.series)) for (const v of s.v) expect(Number.isFinite(v), name).toBe(true);
  });
});

describe('readouts', () => {
  it('ketamine acts within hours, before new spines, and its effect peaks about a day later', () => {
    const u = run(trd, [], '2d', '10min');
    const r = run(trd, [ketamine], '2d', '10min');
    const effect = (h: number) => at(u, 'scale.madrs', h) - at(r, 'scale.madrs', h);
    expect(effect(4)).toBeGreaterThan(0.25 * effect(24));
    expect(effect(24)).toBeGreaterThan(effect(4));
    expect(at(r, 'plasticity.spines.pfc', 4) - at(u, 'plasticity.spines.pfc', 4)).toBeLessThan(0.2 * (at(r, 'plasticity.spines.pfc', 24) - at(u, 'plasticity.spines.pfc', 24)));
  });

  it('ketamine: dissociation peaks at the end of the infusion; spines are up at 24 h', () => {
    const u = run(trd, [], '2d', '10min');
    const r = run(trd, [ketamine], '2d', '10min');
    const d = r.series['adverse.dissociation']!;
    expect(d.t[d.v.indexOf(Math.max(...d.v))]).toBeCloseTo(40 / 60, 6);
    expect(at(r, 'adverse.dissociation', 4)).toBeLessThan(0.05);
    expect(at(r, 'plasticity.spines.pfc', 24)).toBeGreaterThan(at(u, 'plasticity.spines.pfc', 24));
    expect(at(r, 'nt.glutamate.pfc', 1)).toBeGreaterThan(1.3);
  });

  it('SSRI nausea comes early and fades as tolerance builds', () => {
    const r = run(dep, [sertraline], '4w');
    // An excess incidence: about 14 % more than placebo at first (Zoloft label 26 % vs 12 %), a few % by week 4.
    expect(at(r, 'adverse.nausea', 24)).toBeGreaterThan(0.08);
    expect(at(r, 'adverse.nausea', W(4))).toBeLessThan(0.03);
  });

  it('serotonin toxicity stays low on a usual SSRI dose and rises with stacked serotonergic drugs', () => {
    const usual = run(dep, [sertraline], '3w');
    const stacked = run(dep, [{ type: 'drug', drug: 'sertraline', dose: '200 mg', every: '24h' }, { type: 'drug', drug: 'venlafaxine', dose: '150 mg', every: '12h' }], '3w');
    expect(at(usual, 'adverse.serotonin_toxicity', W(3))).toBeLessThan(0.02);
    expect(at(stacked, 'adverse.serotonin_toxicity', W(3))).toBeGreaterThan(2 * at(usual, 'adverse.serotonin_toxicity', W(3)));
  });

  it('repeated high-dose ketamine sensitises the mesolimbic pathway; one clinical dose does not', () => {
    const once = run(dep, [ketamine], '4w');
    const abuse = run(dep, [{ type: 'drug', drug: 'ketamine', dose: '2 mg/kg', route: 'iv', infusion: '40min', every: '1d', count: 21 }], '4w');
    expect(Math.max(...once.series['adverse.abuse_liability']!.v)).toBeLessThan(0.02);
    expect(at(abuse, 'adverse.abuse_liability', W(3))).toBeGreaterThan(0.1);
  });

  it('pramipexole (an agonist) improves parkinsonism and lowers prolactin; haloperidol worsens both', () => {
    const pd = { condition: 'parkinsons', severity: 'moderate' };
    const u = at(run(pd, [], '2w'), 'scale.updrs3', W(2));
    expect(at(run(pd, [{ type: 'drug', drug: 'pramipexole', dose: '0.5 mg', every: '8h' }], '2w'), 'scale.updrs3', W(2))).toBeLessThan(u - 3);
    expect(at(run(pd, [{ type: 'drug', drug: 'haloperidol', dose: '2 mg', every: '24h' }], '2w'), 'scale.updrs3', W(2))).toBeGreaterThan(u + 3);
  });
});

describe('mechanism chain', () => {
  it('lists dose → plasma → target → transmitter → plasticity → readout with values', () => {
    const r = run(trd, [ketamine, cbt], '1w', '10min');
    const chain = mechanismChain(r, 'scale.madrs', 24);
    if (!chain.ok) throw new Error(chain.message);
    const layers = chain.links.map((l) => l.layer);
    expect(layers[0]).toBe('dose');
    expect(layers.at(-1)).toBe('readout');
    const names = chain.links.map((l) => l.name);
    for (const n of ['pk.ketamine.plasma', 'pk.norketamine.plasma', 'target.NMDA.occupancy', 'nt.glutamate.pfc', 'plasticity.synaptic_proteins', 'plasticity.spines.pfc', 'learning.therapy', 'scale.madrs']) expect(names).toContain(n);
    expect(names.indexOf('target.NMDA.occupancy')).toBeLessThan(names.indexOf('plasticity.spines.pfc'));
    const madrs = chain.links.at(-1)!;
    expect(madrs.value).toBeCloseTo(at(r, 'scale.madrs', 24), 9);
    expect(madrs.start).toBeGreaterThan(madrs.value);
    expect(chain.links[0]!.value).toBeCloseTo(24, 9); // hours since the dose
  });

  it('refuses an unknown readout or a time outside the run, saying what is expected', () => {
    const r = run(dep, [], '1d');
    const bad = mechanismChain(r, 'scale.nonsense', 1);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/expected a readout to explain, one of .*scale\.hamd17/);
    const late = mechanismChain(r, 'scale.hamd17', 100);
    expect(!late.ok && late.message).toMatch(/expected a time within the run \(0–24 h\)/);
  });
});

describe('numerics', () => {
  it('the output grid does not change the values (the drive grid is independent of sampling)', () => {
    const coarse = run(trd, [ketamine], '3d', '1h');
    const fine = run(trd, [ketamine], '3d', '5min');
    for (const name of ['scale.madrs', 'plasticity.spines.pfc', 'plasticity.gain']) {
      for (const h of [2, 24, 72]) expect(Math.abs(at(fine, name, h) / at(coarse, name, h) - 1)).toBeLessThan(5e-3);
    }
  });

  it('halving the drive steps changes the readouts by under 1 % (dyskinesia priming, a squared swing: under 3 %)', () => {
    const scenario = (patient: Record<string, unknown>, interventions: Iv[], duration: string) => {
      const p = parseScenario({ schema: 'modulon.scenario/1', name: 'c', duration, sampling: '1h', patient, interventions });
      if (!p.ok) throw new Error(JSON.stringify(p.errors));
      return p.scenario;
    };
    const change = (s: Scenario, name: string, h: number) => {
      const v = (step: number) => {
        const r = runEngine(s, { driveStepH: step });
        return at(r, name, h);
      };
      return Math.abs(v(0.05) / v(0.1) - 1);
    };
    expect(change(scenario(trd, [ketamine], '3d'), 'scale.madrs', 24)).toBeLessThan(0.01);
    expect(change(scenario({ condition: 'parkinsons', severity: 'mild' }, [{ type: 'drug', drug: 'levodopa', dose: '100 mg' }], '1d'), 'scale.updrs3', 1)).toBeLessThan(0.01);
    expect(change(scenario(dep, [sertraline], '8w'), 'scale.hamd17', W(8))).toBeLessThan(0.01);
    expect(change(scenario({ condition: 'parkinsons', severity: 'severe' }, [{ type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' }], '8w'), 'adaptation.dyskinesia_priming', W(8))).toBeLessThan(0.03);
  });

  it('therapy sessions land exactly at their times, between samples too', () => {
    const r = run(dep, [{ type: 'therapy', kind: 'cbt', start: '90min', every: '1d', count: 2 }], '3d', '1h');
    expect(r.events.filter((e) => e.kind === 'session').map((e) => e.t)).toEqual([1.5, 25.5]);
    expect(at(r, 'learning.therapy', 1)).toBe(0);
    expect(at(r, 'learning.therapy', 2)).toBeGreaterThan(0);
  });
});
