// Overdose made visible: the class toxicities that appear beyond the labelled range, as readouts
// (0–1) of the drive and the transmitter tones. Thresholds and their sources are in
// data/neuro/parameters.json; these are indices of severity or risk, not incidences.
import type { NeuroParams } from './params.ts';

/** r^n, by multiplication for the exponents 2 and 4 that most readouts use (read at every sample). */
const power = (r: number, n: number) => (n === 2 ? r * r : n === 4 ? r * r * (r * r) : Math.pow(r, n));

/** Hill function x^n / (x^n + half^n), 0 for x ≤ 0. */
export const hill = (x: number, half: number, n: number) => (x <= 0 ? 0 : 1 / (1 + power(half / x, n)));

/** Plasma ketamine-equivalent (ng/mL) from the resting-weighted NMDA occupancy, via the catalogue c50. */
const KETAMINE_C50 = 117;
const ketamineEquivalent = (nmda: number) => (KETAMINE_C50 * Math.min(nmda, 0.9999)) / (1 - Math.min(nmda, 0.9999));

export interface Toxicity {
  cholinergicCrisis: number;
  lithiumToxicity: number;
  anaesthesia: number;
  respiratoryDepression: number;
  nmsRisk: number;
  psychosis: number;
}

/**
 * @param ach acetylcholine tone, × healthy
 * @param lithium plasma lithium, mmol/L
 * @param nmda resting-weighted NMDA occupancy (0–1)
 * @param d2 D2 occupancy by antagonists (0–1)
 * @param drugSalience associative D2 signal added by dopaminergic drugs above the salience margin, × healthy
 */
export function toxicity(p: NeuroParams, ach: number, lithium: number, nmda: number, d2: number, drugSalience: number, out: Toxicity): Toxicity {
  const ket = ketamineEquivalent(Math.max(0, nmda));
  out.cholinergicCrisis = hill(ach, p.crisisHalf, 6);
  out.lithiumToxicity = hill(lithium, p.liToxHalf, p.liToxHill);
  out.anaesthesia = hill(ket, p.anaesthesiaHalf, 4);
  out.respiratoryDepression = hill(ket, p.respHalf, 4);
  out.nmsRisk = hill(d2, p.nmsHalf, 20);
  out.psychosis = hill(drugSalience, p.psychosisHalf, 2);
  return out;
}
