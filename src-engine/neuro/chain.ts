// The mechanism chain behind a readout at a time (for the app's explanation view and
// `modulon explain`): dose → plasma → target → transmitter → receptor/circuit → adaptation and
// plasticity → readout, with each link's value now and at t = 0.
import type { Results, Series } from '../results.ts';

export const CHAIN_LAYERS = ['dose', 'plasma', 'target', 'transmitter', 'receptor', 'adaptation', 'plasticity', 'circuit', 'learning', 'disease', 'readout'] as const;
export type ChainLayer = (typeof CHAIN_LAYERS)[number];

export interface ChainLink {
  layer: ChainLayer;
  /** Series name, or the dose label for a dose link. */
  name: string;
  value: number;
  unit: string;
  /** Value at t = 0 (the untreated state, unless a dose or session falls at 0), where the link is a series. */
  start?: number;
  /** The drug given, for dose links (whose value is the hours since the dose). */
  drug?: string;
}

/** What each readout depends on, upstream of it (series names; targets and transmitters first). */
const UPSTREAM: Readonly<Record<string, readonly string[]>> = {
  mood: ['target.SERT.occupancy', 'target.NET.occupancy', 'target.NMDA.occupancy', 'stim.ect.mood', 'nt.serotonin.cortex', 'nt.noradrenaline.cortex', 'nt.glutamate.pfc', 'receptor.5HT1A_auto.density', 'circuit.raphe.firing', 'plasticity.bdnf', 'plasticity.mtor', 'plasticity.synaptic_proteins', 'plasticity.spines.pfc', 'plasticity.neurogenesis', 'plasticity.gain', 'plasticity.dlpfc.left', 'plasticity.dlpfc.right', 'learning.therapy', 'therapy.cbt.expectancy', 'disease.stress_load'],
  // Dose → striatal dopamine → drive → STN beta → thalamic relay → UPDRS-III; DBS enters at the loop.
  'scale.updrs3': ['target.D2.occupancy', 'stim.dbs.decoupling', 'nt.dopamine.striatum', 'receptor.D2.density', 'receptor.D2.signal', 'adaptation.levodopa_ldr', 'circuit.striatum.motor_drive', 'lfp.stn.beta', 'circuit.thalamus.relay', 'disease.nigral_neurons'],
  'lfp.stn.beta': ['target.D2.occupancy', 'stim.dbs.decoupling', 'nt.dopamine.striatum', 'circuit.striatum.motor_drive', 'disease.nigral_neurons'],
  'eeg.peak_hz': ['target.AChE.occupancy', 'target.NMDA.occupancy', 'nt.acetylcholine.cortex', 'circuit.cortex.excitability', 'disease.cholinergic_neurons', 'disease.synapses'],
  'eeg.gamma': ['target.NMDA.occupancy', 'nt.glutamate.pfc'],
  'adverse.stimulation_spread': ['stim.dbs.decoupling'],
  'adverse.amnesia': ['stim.ect.mood', 'stim.ect.seizure_threshold'],
  'scale.adascog': ['target.AChE.occupancy', 'target.BuChE.occupancy', 'nt.acetylcholine.hippocampus', 'plasticity.spines.hippocampus', 'disease.cholinergic_neurons', 'disease.synapses', 'learning.episodic_recall'],
  'scale.panss_positive': ['target.D2.occupancy', 'receptor.D2.density', 'receptor.D2.signal.associative', 'circuit.salience.aberrant', 'therapy.cbt.expectancy'],
  mania: ['target.SERT.occupancy', 'target.NET.occupancy', 'nt.serotonin.cortex', 'nt.noradrenaline.cortex', 'plasticity.gain', 'adverse.mania_switch'],
  'scale.caps5': ['nt.noradrenaline.amygdala', 'plasticity.gain.hippocampus', 'plasticity.spines.pfc', 'learning.extinction', 'therapy.exposure.fear_original_context', 'disease.stress_load'],
  'adverse.eps': ['target.D2.occupancy', 'receptor.D2.density', 'receptor.D2.signal', 'circuit.striatum.motor_drive'],
  'adverse.prolactin': ['target.D2.occupancy'],
  'adverse.dyskinesia': ['nt.dopamine.striatum', 'adaptation.dyskinesia_priming', 'disease.nigral_neurons'],
  'adverse.dissociation': ['target.NMDA.occupancy'],
  'adverse.nausea': ['target.SERT.occupancy', 'target.AChE_rbc.inhibition'],
  'adverse.serotonin_toxicity': ['target.SERT.occupancy', 'nt.serotonin.cortex'],
  'adverse.abuse_liability': ['target.NMDA.occupancy', 'nt.dopamine.accumbens'],
};
const ALIASES: Readonly<Record<string, string>> = { 'scale.hamd17': 'mood', 'scale.madrs': 'mood', 'scale.ymrs': 'mania', 'adverse.mania_switch': 'mania', 'eeg.theta': 'eeg.peak_hz', 'eeg.alpha': 'eeg.peak_hz' };

/** Readouts the chain can explain. */
export const EXPLAINABLE: readonly string[] = [...Object.keys(UPSTREAM).filter((k) => k.includes('.')), ...Object.keys(ALIASES)].sort();

const LAYER_OF: ReadonlyArray<readonly [string, ChainLayer]> = [
  // A device's setting in force is its "dose".
  ['stim.', 'dose'],
  ['pk.', 'plasma'],
  ['lfp.', 'circuit'],
  ['target.', 'target'],
  ['nt.', 'transmitter'],
  ['receptor.', 'receptor'],
  ['adaptation.', 'adaptation'],
  ['plasticity.', 'plasticity'],
  ['circuit.', 'circuit'],
  ['learning.', 'learning'],
  ['therapy.', 'learning'],
  ['disease.', 'disease'],
];
const layerOf = (name: string): ChainLayer => LAYER_OF.find(([p]) => name.startsWith(p))?.[1] ?? 'readout';

/** Linear interpolation of a series at t (clamped to its span). */
function valueAt(s: Series, t: number): number {
  const { t: ts, v } = s;
  if (t <= (ts[0] as number)) return v[0] as number;
  let hi = ts.findIndex((x) => x >= t);
  if (hi < 0) return v.at(-1) as number;
  if (ts[hi] === t) return v[hi] as number;
  const lo = hi - 1;
  const w = (t - (ts[lo] as number)) / ((ts[hi] as number) - (ts[lo] as number));
  return (v[lo] as number) * (1 - w) + (v[hi] as number) * w;
}

export type ChainOutcome = { ok: true; links: ChainLink[] } | { ok: false; message: string };

/** The causal chain for `readout` at `t` hours, from the run's own series and events. */
export function mechanismChain(results: Results, readout: string, t: number): ChainOutcome {
  const upstream = UPSTREAM[ALIASES[readout] ?? readout];
  if (!upstream || !results.series[readout]) return { ok: false, message: `expected a readout to explain, one of ${EXPLAINABLE.join(', ')}; got ${JSON.stringify(readout)}` };
  const end = (results.series[readout] as Series).t.at(-1) as number;
  if (!(t >= 0 && t <= end)) return { ok: false, message: `expected a time within the run (0–${end} h), got ${t}` };
  const links: ChainLink[] = [];
  // The last dose of each drug at or before t.
  const last = new Map<string, { label: string; t: number }>();
  for (const e of results.events) if (e.kind === 'dose' && e.drug && e.t <= t + 1e-9) last.set(e.drug, { label: e.label, t: e.t });
  for (const [drug, d] of last) {
    links.push({ layer: 'dose', name: d.label, value: t - d.t, unit: 'h ago', drug });
    for (const [name, s] of Object.entries(results.series)) {
      if (s.drug === drug && name.endsWith('.plasma')) links.push({ layer: 'plasma', name, value: valueAt(s, t), unit: s.unit, start: s.v[0] as number });
    }
  }
  for (const name of [...upstream, readout]) {
    const s = results.series[name];
    if (!s || links.some((l) => l.name === name)) continue;
    links.push({ layer: layerOf(name), name, value: valueAt(s, t), unit: s.unit, start: s.v[0] as number });
  }
  const order = (l: ChainLink) => CHAIN_LAYERS.indexOf(l.layer);
  links.sort((a, b) => order(a) - order(b));
  return { ok: true, links };
}
