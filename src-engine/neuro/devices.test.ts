// The devices through the circuits, end to end: each effect measured against the untreated arm,
// and each vanishing when its mechanism is switched off (ablation).
import { describe, expect, it } from 'vitest';
import type { Results } from '../results.ts';
import { simulate } from '../simulate.ts';

type Iv = Record<string, unknown>;
function run(patient: Record<string, unknown>, interventions: Iv[], duration: string, extra: Record<string, unknown> = {}): Results {
  const out = simulate({ schema: 'modulon.scenario/1', name: 't', duration, patient, interventions, ...extra });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.results;
}
const at = (r: Results, name: string, h: number) => {
  const s = r.series[name];
  if (!s) throw new Error(`no series ${name}`);
  const k = s.t.findIndex((x) => Math.abs(x - h) < 1e-6);
  if (k < 0) throw new Error(`no sample of ${name} at ${h} h`);
  return s.v[k] as number;
};

const pd = { condition: 'parkinsons', severity: 'moderate' };
const dep = { condition: 'depression', severity: 'moderate' };
const dbs = (frequencyHz: number, extra: Iv = {}) => ({ type: 'dbs', target: 'STN', frequencyHz, pulseWidthUs: 60, amplitudeV: 2.5, start: '0d', ...extra });

describe('DBS through the basal-ganglia circuit', () => {
  const off = run(pd, [], '2d', { sampling: '15min' });
  const on = run(pd, [dbs(130, { stop: '1d' })], '2d', { sampling: '15min' });

  it('at 130 Hz improves UPDRS-III by about half (calibrated: Kleiner-Fisman 2006, 52 %) and brings beta near healthy', () => {
    const improvement = 1 - at(on, 'scale.updrs3', 12) / at(off, 'scale.updrs3', 12);
    expect(improvement).toBeGreaterThan(0.45);
    expect(improvement).toBeLessThan(0.58);
    expect(at(off, 'lfp.stn.beta', 12)).toBeGreaterThan(2);
    expect(at(on, 'lfp.stn.beta', 12)).toBeLessThan(1.5);
    expect(at(on, 'circuit.thalamus.relay', 12)).toBeGreaterThan(at(off, 'circuit.thalamus.relay', 12));
  });

  it('loses most of its benefit within 2 h of switching off (Temperli 2003), and all of it by 6 h', () => {
    const benefit = (h: number) => at(off, 'scale.updrs3', h) - at(on, 'scale.updrs3', h);
    const full = benefit(23);
    expect(benefit(24.25) / full).toBeGreaterThan(benefit(26) / full);
    expect(benefit(26) / full).toBeLessThan(0.25);
    expect(benefit(30) / full).toBeLessThan(0.02);
  });

  it('at 20 Hz gives no benefit (Rizzone 2001; Moro 2002)', () => {
    const low = run(pd, [dbs(20)], '1d');
    expect(at(low, 'scale.updrs3', 12)).toBeGreaterThanOrEqual(at(off, 'scale.updrs3', 12) - 0.1);
  });

  it('vanishes when the decoupling is switched off; with the relay path off, beta still falls but UPDRS-III does not', () => {
    // (5 decimals: the DBS edge adds fine steps to the drive grid, which moves progression in the 7th digit.)
    const noDbs = run(pd, [dbs(130)], '1d', { disable: ['dbs-decoupling'] });
    expect(at(noDbs, 'scale.updrs3', 12)).toBeCloseTo(at(off, 'scale.updrs3', 12), 5);
    expect(at(noDbs, 'lfp.stn.beta', 12)).toBeCloseTo(at(off, 'lfp.stn.beta', 12), 5);
    const noRelay = run(pd, [dbs(130)], '1d', { disable: ['beta-relay'] });
    expect(at(noRelay, 'scale.updrs3', 12)).toBeCloseTo(at(off, 'scale.updrs3', 12), 5);
    expect(at(noRelay, 'lfp.stn.beta', 12)).toBeLessThan(1.5);
  });

  it('does nothing to a healthy motor score, and levodopa lowers beta without a device', () => {
    const healthy = run({ condition: 'healthy' }, [dbs(130)], '1d');
    expect(at(healthy, 'scale.updrs3', 12)).toBe(0);
    const levodopa = run(pd, [{ type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' }], '2d');
    expect(at(levodopa, 'lfp.stn.beta', 25)).toBeLessThan(0.8 * at(off, 'lfp.stn.beta', 25));
  });

  it('reports the setting in events and warns nothing at standard settings', () => {
    expect(on.events.filter((e) => e.kind === 'device').map((e) => [e.t, e.label])).toEqual([
      [0, 'DBS STN on: 130 Hz, 60 µs, 2.5 V'],
      [24, 'DBS STN off'],
    ]);
    expect(on.warnings).toEqual([]);
    expect(at(on, 'stim.dbs.decoupling', 12)).toBeGreaterThan(0.5);
  });
});

describe('TMS, tDCS and ECT through DLPFC plasticity and the mood network', () => {
  const untreated = run(dep, [], '6w');
  const effect = (r: Results, h = 6 * 7 * 24 - 12) => at(r, 'scale.hamd17', h) - at(untreated, 'scale.hamd17', h);
  const tms = (protocol: string, target: string) => ({ type: 'tms', protocol, target, start: '0d', stop: '6w' });

  it('a 6-week course of left 10 Hz rTMS lowers HAM-D-17 by 1–4 points against no stimulation; iTBS does as much (Blumberger 2018)', () => {
    const ten = effect(run(dep, [tms('10hz', 'left-DLPFC')], '6w'));
    const itbs = effect(run(dep, [tms('itbs', 'left-DLPFC')], '6w'));
    expect(ten).toBeLessThan(-1);
    expect(ten).toBeGreaterThan(-4);
    expect(itbs / ten).toBeGreaterThan(0.8);
    expect(itbs / ten).toBeLessThan(1.25);
  });

  it('right 1 Hz helps, left 1 Hz (LTD where LTP helps) does not', () => {
    expect(effect(run(dep, [tms('1hz', 'right-DLPFC')], '6w'))).toBeLessThan(-0.5);
    expect(effect(run(dep, [tms('1hz', 'left-DLPFC')], '6w'))).toBeGreaterThanOrEqual(0);
  });

  it('vanishes when DLPFC plasticity is switched off', () => {
    const r = run(dep, [tms('10hz', 'left-DLPFC')], '6w', { disable: ['dlpfc-plasticity'] });
    expect(Math.abs(effect(r))).toBeLessThan(1e-9);
  });

  it('a session inside ketamine\'s plasticity window potentiates more than one without', () => {
    const ketamine = { type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', start: '0d' };
    const session = { type: 'tms', protocol: '10hz', target: 'left-DLPFC', start: '48h', stop: '49h', daysPerWeek: 1 };
    const trd = { ...dep, treatmentResistant: true };
    const alone = at(run(trd, [session], '3d'), 'plasticity.dlpfc.left', 49);
    const window = at(run(trd, [session, ketamine], '3d'), 'plasticity.dlpfc.left', 49);
    expect(alone).toBeGreaterThan(0);
    expect(window).toBeGreaterThan(1.1 * alone);
  });

  it('ECT: a 12-session course lowers HAM-D-17 by 7–12 points at 4 weeks; bitemporal brief pulses cost more memory than ultrabrief right-unilateral; the threshold rises', () => {
    const bt = run(dep, [{ type: 'ect', placement: 'bitemporal', pulseWidthMs: 1, start: '0d' }], '6w');
    const rul = run(dep, [{ type: 'ect', placement: 'right-unilateral', pulseWidthMs: 0.3, start: '0d' }], '6w');
    const d28 = effect(bt, 28 * 24);
    expect(d28).toBeLessThan(-7);
    expect(d28).toBeGreaterThan(-12);
    expect(at(bt, 'adverse.amnesia', 28 * 24)).toBeGreaterThan(2 * at(rul, 'adverse.amnesia', 28 * 24));
    expect(at(bt, 'stim.ect.seizure_threshold', 28 * 24)).toBeGreaterThan(1.2);
    const off = run(dep, [{ type: 'ect', placement: 'bitemporal', pulseWidthMs: 1, start: '0d' }], '6w', { disable: ['ect'] });
    expect(Math.abs(effect(off, 28 * 24))).toBeLessThan(1e-9);
  });

  it('tDCS leaves an excitability shift after each session (anodal up, cathodal down) that fades within hours', () => {
    const course = (polarity: string) => run(dep, [{ type: 'tdcs', polarity, currentMa: 1, minutes: 13, target: 'M1', start: '0d', stop: '1d' }], '1d', { sampling: '15min' });
    const anodal = course('anodal');
    const cathodal = course('cathodal');
    expect(at(anodal, 'circuit.cortex.excitability', 0.25)).toBeGreaterThan(0.2);
    expect(at(cathodal, 'circuit.cortex.excitability', 0.25)).toBeLessThan(-0.1);
    expect(Math.abs(at(anodal, 'circuit.cortex.excitability', 6))).toBeLessThan(0.05 * at(anodal, 'circuit.cortex.excitability', 0.25));
    // M1 carries no mood effect.
    expect(at(anodal, 'scale.hamd17', 12)).toBeCloseTo(at(run(dep, [], '1d', { sampling: '15min' }), 'scale.hamd17', 12), 9);
  });

  it('tDCS and ECT beyond what trials gave run with a warning naming the intervention; usual doses warn nothing', () => {
    const tdcs = run(dep, [{ type: 'tdcs', polarity: 'anodal', currentMa: 4, minutes: 40, target: 'left-DLPFC', sessionsPerDay: 10, start: '0d', stop: '1w' }], '1w');
    expect(tdcs.warnings.join(' ')).toMatch(/^interventions\[0\]: tDCS beyond the doses tested in depression trials/);
    const ect = run(dep, [{ type: 'ect', placement: 'bitemporal', pulseWidthMs: 1, sessionsPerWeek: 5, count: 100, start: '0d' }], '1w');
    expect(ect.warnings.join(' ')).toMatch(/^interventions\[0\]: ECT beyond a usual acute course/);
    expect(run(dep, [{ type: 'ect', placement: 'right-unilateral', pulseWidthMs: 0.3, start: '0d' }], '1w').warnings).toEqual([]);
    expect(run(dep, [{ type: 'tdcs', polarity: 'anodal', currentMa: 2, minutes: 30, target: 'left-DLPFC', start: '0d', stop: '1w' }], '1w').warnings).toEqual([]);
  });

  it('TMS outside the safety table is simulated with a warning naming it', () => {
    const r = run(dep, [{ type: 'tms', protocol: '10hz', target: 'left-DLPFC', intensityPctMT: 160, start: '0d', stop: '1w' }], '1w');
    expect(r.warnings.join(' ')).toMatch(/^interventions\[0\]: TMS outside the safety guidelines/);
    expect(at(r, 'adverse.seizure', 6 * 24)).toBeGreaterThan(at(run(dep, [tms('10hz', 'left-DLPFC')], '1w'), 'adverse.seizure', 6 * 24));
  });
});

describe('probes', () => {
  it('publish EEG at the requested interval or times, with a spectrum row per probe', () => {
    const every = run({ condition: 'alzheimers' }, [], '1d', { probes: { every: '6h' } });
    expect(every.series['eeg.alpha']!.t).toEqual([0, 6, 12, 18, 24]);
    expect(every.spectra!['eeg.cortex']!.power).toHaveLength(5);
    expect(every.spectra!['eeg.cortex']!.power[0]).toHaveLength(every.spectra!['eeg.cortex']!.f.length);
    const listed = run({ condition: 'alzheimers' }, [], '2d', { probes: { at: ['1d', '3h'] } });
    expect(listed.series['eeg.peak_hz']!.t).toEqual([3, 24]);
    expect(listed.spectra!['lfp.stn']!.t).toEqual([3, 24]);
  });

  it('by default look closer after an infusion, where ketamine raises gamma', () => {
    const r = run(dep, [{ type: 'drug', drug: 'ketamine', dose: '0.5 mg/kg', route: 'iv', infusion: '40min', start: '1d' }], '3d');
    const t = r.series['eeg.gamma']!.t;
    for (const h of [24.25, 25, 27]) expect(t).toContain(h);
    expect(at(r, 'eeg.gamma', 25)).toBeGreaterThan(1.3 * at(r, 'eeg.gamma', 24));
  });

  it('are refused when both or neither of every and at are given, or too many', () => {
    const refused = (probes: unknown) => simulate({ schema: 'modulon.scenario/1', name: 't', duration: '1w', patient: dep, probes });
    expect(refused({})).toMatchObject({ ok: false, errors: [{ path: 'probes' }] });
    expect(refused({ every: '1h', at: ['1d'] })).toMatchObject({ ok: false, errors: [{ path: 'probes' }] });
    expect(refused({ every: '1min' })).toMatchObject({ ok: false, errors: [{ path: 'probes.every', message: expect.stringMatching(/^expected at most 5000 probes/) }] });
    expect(refused({ at: ['2w'] })).toMatchObject({ ok: false, errors: [{ path: 'probes.at[0]' }] });
  });
});

describe('the motor circuit factor', () => {
  it('is 1 without DBS, below 1 with high-frequency DBS, and bounded above by the worsening cap at beta-band frequencies', async () => {
    const { motorCircuit } = await import('./devices.ts');
    const none = { dbsDecoupling: 0, dbsFrequencyHz: 0, dbsTarget: null };
    expect(motorCircuit(0.4, none, 0.52, 1.5).deficitFactor).toBe(1);
    const hf = motorCircuit(0.4, { dbsDecoupling: 0.85, dbsFrequencyHz: 130, dbsTarget: 'STN' }, 0.52, 1.5).deficitFactor;
    expect(hf).toBeGreaterThanOrEqual(1 - 0.52);
    expect(hf).toBeLessThan(0.6);
    const low = motorCircuit(0.4, { dbsDecoupling: 0.6, dbsFrequencyHz: 20, dbsTarget: 'STN' }, 0.52, 1.5).deficitFactor;
    expect(low).toBeGreaterThan(1);
    expect(low).toBeLessThanOrEqual(1 - 0.52 + 0.52 * 1.5 + 1e-12);
    // Healthy drive: no relay loss to give back.
    expect(motorCircuit(1, { dbsDecoupling: 0.85, dbsFrequencyHz: 130, dbsTarget: 'STN' }, 0.52, 1.5).deficitFactor).toBe(1);
  });
});

describe('the mechanism chain runs through the circuit', () => {
  it('DBS → STN beta → relay → UPDRS-III, and dose → striatal dopamine → beta → UPDRS-III', async () => {
    const { mechanismChain } = await import('./chain.ts');
    const r = run(pd, [dbs(130), { type: 'drug', drug: 'levodopa', dose: '100 mg', every: '8h' }], '1d');
    const chain = mechanismChain(r, 'scale.updrs3', 12);
    if (!chain.ok) throw new Error(chain.message);
    const names = chain.links.map((l) => l.name);
    const order = ['levodopa 100 mg oral', 'stim.dbs.decoupling', 'nt.dopamine.striatum', 'circuit.striatum.motor_drive', 'lfp.stn.beta', 'circuit.thalamus.relay', 'scale.updrs3'].map((n) => names.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(chain.links.find((l) => l.name === 'stim.dbs.decoupling')!.layer).toBe('dose');
  });
});

describe('every device on every patient', () => {
  const CONDITIONS = ['healthy', 'alzheimers', 'parkinsons', 'depression', 'schizophrenia', 'ptsd', 'bipolar'];
  const DEVICES: Record<string, Iv> = {
    dbs: dbs(130),
    tms: { type: 'tms', protocol: '10hz', target: 'left-DLPFC', start: '0d', stop: '4w' },
    tdcs: { type: 'tdcs', polarity: 'anodal', currentMa: 2, minutes: 30, target: 'left-DLPFC', start: '0d', stop: '4w' },
    ect: { type: 'ect', placement: 'right-unilateral', pulseWidthMs: 0.3, start: '0d' },
  };
  // What each device acts on; every other scale must not move.
  const ACTS_ON: Record<string, readonly string[]> = { dbs: ['scale.updrs3'], tms: ['scale.hamd17', 'scale.madrs'], tdcs: ['scale.hamd17', 'scale.madrs'], ect: ['scale.hamd17', 'scale.madrs'] };
  const SCALES = ['scale.hamd17', 'scale.madrs', 'scale.updrs3', 'scale.adascog', 'scale.panss_positive', 'scale.ymrs', 'scale.caps5'];

  it.each(CONDITIONS)('%s: each device moves only the scales its mechanism reaches, and never beyond the scale', (condition) => {
    const untreated = run({ condition }, [], '4w');
    for (const [device, iv] of Object.entries(DEVICES)) {
      const r = run({ condition }, [iv], '4w');
      for (const scale of SCALES) {
        const h = 27 * 24;
        const d = at(r, scale, h) - at(untreated, scale, h);
        if (!ACTS_ON[device]!.includes(scale)) expect(Math.abs(d), `${device} moved ${scale} in ${condition}`).toBeLessThan(0.05);
        else expect(d, `${device} worsened ${scale} in ${condition}`).toBeLessThanOrEqual(1e-9);
        expect(at(r, scale, h)).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
