// Episodic memory in a CA3-like attractor (reference/models.md §5.4–5.5): the dentate gyrus
// separates similar inputs (a sparse expansion code whose weight on the CA3 code grows with adult
// neurogenesis), acetylcholine sets encoding vs retrieval (Hasselmo & Schnell 1994: it suppresses
// the recurrent collaterals while a new item is stored, and must fall for pattern completion),
// Alzheimer's synapse loss dilutes the recurrent synapses at random, aberrant salience makes the
// attractors unstable (Rolls et al. 2008).
import { learningParam } from './data.ts';
import { Hopfield, capacityScan, corrupt, overlap, randomPattern, type RecallSettings } from './hopfield.ts';
import { achSuppression, clamp, hippocampalPlasticity } from './modulation.ts';
import type { Rng, RngFactory } from './random.ts';
import type { ModulatoryState, TaskOutcome } from './types.ts';

export interface EpisodicParams {
  neurons: number;
  backgroundLoad: number;
  dgExpansion: number;
  dgSparsity: number;
  dgFanIn: number;
  mfFanIn: number;
  separationWeight: number;
  neurogenesisExponent: number;
  encodingSuppression: number;
  retrievalSuppression: number;
  interferenceGain: number;
  cueWeight: number;
  recallThreshold: number;
  maxSweeps: number;
  salienceTemperature: number;
  capacityStep: number;
  capacityStartLoad: number;
  capacityMaxLoad: number;
  capacityTests: number;
  capacityCriterion: number;
}

export function episodicParams(): EpisodicParams {
  return {
    neurons: learningParam('episodic.neurons', 'neurons'),
    backgroundLoad: learningParam('episodic.backgroundLoad', 'patterns/neuron'),
    dgExpansion: learningParam('episodic.dgExpansion', 'granule cells/CA3 cell'),
    dgSparsity: learningParam('episodic.dgSparsity', 'fraction'),
    dgFanIn: learningParam('episodic.dgFanIn', 'synapses'),
    mfFanIn: learningParam('episodic.mfFanIn', 'synapses'),
    separationWeight: learningParam('episodic.separationWeight', '1'),
    neurogenesisExponent: learningParam('episodic.neurogenesisExponent', '1'),
    encodingSuppression: learningParam('ach.encodingSuppression', 'fraction'),
    retrievalSuppression: learningParam('ach.retrievalSuppression', 'fraction'),
    interferenceGain: learningParam('episodic.interferenceGain', '1'),
    cueWeight: learningParam('episodic.cueWeight', '1'),
    recallThreshold: learningParam('episodic.recallThreshold', 'overlap'),
    maxSweeps: learningParam('episodic.maxSweeps', 'sweeps'),
    salienceTemperature: learningParam('episodic.salienceTemperature', '1'),
    capacityStep: learningParam('episodic.capacityStep', 'patterns'),
    capacityStartLoad: learningParam('episodic.capacityStartLoad', 'patterns/neuron'),
    capacityMaxLoad: learningParam('episodic.capacityMaxLoad', 'patterns/neuron'),
    capacityTests: learningParam('episodic.capacityTests', 'patterns'),
    capacityCriterion: learningParam('episodic.capacityCriterion', 'fraction'),
  };
}

/** Streams: subjects use 0, 1, …; their synapse masks MASK_STREAM + subject; the capacity scan its own two. */
const MASK_STREAM = 500_000;
const CAPACITY_STREAM = 1_000_000;

export interface EpisodicOptions {
  /** Items studied (pairs of similar items). */
  items: number;
  /** Overlap of the entorhinal inputs of the two items of a pair, 0–1. */
  similarity: number;
  /** Fraction of the cue's units that are wrong at recall. */
  cueNoise: number;
  subjects: number;
}

/** One subject's random wiring: perforant path to CA3 (a signed permutation), EC→DG and DG→CA3 (mossy fibres). */
interface Wiring {
  perm: Uint16Array;
  sign: Int8Array;
  dgIn: Uint16Array;
  dgSign: Int8Array;
  mfIn: Uint16Array;
  /** Mossy-fibre synaptic weights, uniform in [0.5, 1.5]. */
  mfWeight: Float64Array;
  dgCells: number;
  dgActive: number;
}

function wire(n: number, p: EpisodicParams, rng: Rng): Wiring {
  const perm = new Uint16Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  rng.shuffle(perm);
  const sign = randomPattern(n, rng);
  const dgCells = Math.round(p.dgExpansion * n);
  const dgIn = new Uint16Array(dgCells * p.dgFanIn);
  for (let k = 0; k < dgIn.length; k++) dgIn[k] = rng.int(n);
  const dgSign = randomPattern(dgIn.length, rng);
  const mfIn = new Uint16Array(n * p.mfFanIn);
  for (let k = 0; k < mfIn.length; k++) mfIn[k] = rng.int(dgCells);
  const mfWeight = new Float64Array(mfIn.length);
  for (let k = 0; k < mfWeight.length; k++) mfWeight[k] = 0.5 + rng.float();
  return { perm, sign, dgIn, dgSign, mfIn, mfWeight, dgCells, dgActive: Math.max(1, Math.round(p.dgSparsity * dgCells)) };
}

/**
 * CA3 code of an entorhinal pattern x: ξ_i = sgn(σ_i·x_π(i) + w_DG·z_i), where z_i is the
 * standardised mossy-fibre drive from the k-winners-take-all dentate code (Treves & Rolls 1994).
 * With w_DG = 0 the code keeps the input's overlap; a larger w_DG decorrelates similar inputs.
 * Granule-cell drives are integers in [−fanIn, fanIn], so the k winners are found by counting;
 * ties at the threshold go to the lower-numbered cells.
 */
function ca3Code(x: Int8Array, wdg: number, wr: Wiring, p: EpisodicParams, scratch: DgScratch, out: Int8Array): Int8Array {
  const n = x.length;
  const { drive, hist, active } = scratch;
  const fan = p.dgFanIn;
  hist.fill(0);
  for (let g = 0; g < wr.dgCells; g++) {
    let acc = 0;
    const base = g * fan;
    for (let k = 0; k < fan; k++) acc += wr.dgSign[base + k]! * x[wr.dgIn[base + k]!]!;
    drive[g] = acc;
    hist[acc + fan] = hist[acc + fan]! + 1;
  }
  // Highest threshold v with at least dgActive cells at or above it.
  let above = 0;
  let v = 2 * fan;
  while (v > 0 && above + hist[v]! < wr.dgActive) above += hist[v--]!;
  let tiesLeft = wr.dgActive - above;
  for (let g = 0; g < wr.dgCells; g++) {
    const d = drive[g]! + fan;
    if (d > v) active[g] = 1;
    else if (d === v && tiesLeft > 0) {
      active[g] = 1;
      tiesLeft--;
    } else active[g] = 0;
  }
  // Mean and SD of the summed drive Σ u·[active], u ~ U(0.5, 1.5): E[u] = 1, E[u²] = 13/12.
  const a = wr.dgActive / wr.dgCells;
  const mean = p.mfFanIn * a;
  const sd = Math.sqrt(p.mfFanIn * a * (13 / 12 - a)) || 1;
  for (let i = 0; i < n; i++) {
    let on = 0;
    const base = i * p.mfFanIn;
    for (let k = 0; k < p.mfFanIn; k++) on += active[wr.mfIn[base + k]!]! * wr.mfWeight[base + k]!;
    const value = wr.sign[i]! * x[wr.perm[i]!]! + (wdg * (on - mean)) / sd;
    out[i] = value >= 0 ? 1 : -1;
  }
  return out;
}

interface DgScratch {
  drive: Int16Array;
  hist: Int32Array;
  active: Uint8Array;
}

/**
 * Per subject: a network diluted to the surviving synapses holds `backgroundLoad·n` older
 * memories; `items` new items (pairs of similar inputs) are encoded with strength
 * η = hippocampal plasticity (gain × ACh enhancement × NMDA). During encoding the recurrent field
 * leaks into the stored pattern in proportion to 1 − c_enc (c_enc: cholinergic suppression), so
 * low ACh stores blends of the new item and old attractors (Hasselmo 1994). Recall starts from a
 * corrupted cue kept on as afferent input, with recurrent gain 1 − c_ret; an item is recalled
 * when the fixed point's overlap with its code reaches the threshold. The capacity scan stores
 * dense random patterns in the same diluted network under the same retrieval noise.
 *
 * Measures: recall (fraction of items recalled), recall_overlap (mean final overlap),
 * encoding_fidelity (overlap of what was stored with the item's code), capacity_ratio (p_max/N;
 * 0.138 for a full network at zero noise). No curves.
 */
export function episodicMemory(o: EpisodicOptions, s: ModulatoryState, rngFor: RngFactory, p: EpisodicParams = episodicParams()): TaskOutcome {
  const n = p.neurons;
  const keep = clamp(s.hippocampalSynapses, 0, 1);
  const eta = hippocampalPlasticity(s);
  const cEnc = achSuppression(s.acetylcholine, p.encodingSuppression);
  const cRet = achSuppression(s.acetylcholine, p.retrievalSuppression);
  const wdg = p.separationWeight * Math.max(0, s.neurogenesis) ** p.neurogenesisExponent;
  const settings: RecallSettings = {
    recurrentGain: 1 - cRet,
    cueWeight: p.cueWeight,
    temperature: p.salienceTemperature * Math.max(0, s.salience),
    maxSweeps: p.maxSweeps,
  };
  const background = Math.round(p.backgroundLoad * n);
  const pairs = Math.max(1, Math.round(o.items / 2));
  const items = 2 * pairs;
  const ec = new Int8Array(n);
  const ecLure = new Int8Array(n);
  const dgCells = Math.round(p.dgExpansion * n);
  const scratch: DgScratch = { drive: new Int16Array(dgCells), hist: new Int32Array(2 * p.dgFanIn + 1), active: new Uint8Array(dgCells) };
  const field = new Float64Array(n);
  const stored = new Int8Array(n);
  const cue = new Int8Array(n);
  const state = new Int8Array(n);
  const codes: Int8Array[] = [];
  for (let k = 0; k < items; k++) codes.push(new Int8Array(n));
  const order = new Uint16Array(items);
  let recalled = 0;
  let overlapSum = 0;
  let storedFidelity = 0;

  for (let subj = 0; subj < o.subjects; subj++) {
    const rng = rngFor(subj);
    const net = new Hopfield(n, keep, rngFor(MASK_STREAM + subj));
    const wr = wire(n, p, rng);
    for (let b = 0; b < background; b++) net.store(randomPattern(n, rng, stored), 1);
    for (let k = 0; k < pairs; k++) {
      randomPattern(n, rng, ec);
      corrupt(ec, (1 - o.similarity) / 2, rng, ecLure);
      ca3Code(ec, wdg, wr, p, scratch, codes[2 * k]!);
      ca3Code(ecLure, wdg, wr, p, scratch, codes[2 * k + 1]!);
    }
    for (let k = 0; k < items; k++) order[k] = k;
    rng.shuffle(order);
    for (let k = 0; k < items; k++) {
      const xi = codes[order[k]!]!;
      net.field(xi, field);
      const leak = (1 - cEnc) * p.interferenceGain;
      for (let i = 0; i < n; i++) {
        const v = xi[i]! + leak * field[i]!;
        stored[i] = v >= 0 ? 1 : -1;
      }
      storedFidelity += overlap(stored, xi);
      net.store(stored, eta);
    }
    for (let k = 0; k < items; k++) {
      const xi = codes[k]!;
      corrupt(xi, o.cueNoise, rng, cue);
      state.set(cue);
      net.recall(state, cue, settings, rng);
      const m = overlap(state, xi);
      overlapSum += m;
      if (m >= p.recallThreshold) recalled++;
    }
  }
  // The storage capacity of a network of this state holding dense random patterns, on its own
  // stream: the same draws for every state, so capacities of two states differ only by the state.
  const capRng = rngFor(CAPACITY_STREAM);
  const capacity = capacityScan(new Hopfield(n, keep, rngFor(CAPACITY_STREAM + 1)), settings, capRng, {
    stepPatterns: p.capacityStep,
    startLoad: p.capacityStartLoad,
    maxLoad: p.capacityMaxLoad,
    tests: p.capacityTests,
    threshold: p.recallThreshold,
    criterion: p.capacityCriterion,
  }).capacity;
  const trials = items * o.subjects;
  return {
    measures: {
      recall: recalled / trials,
      recall_overlap: overlapSum / trials,
      encoding_fidelity: storedFidelity / trials,
      capacity_ratio: capacity,
    },
    curves: {},
  };
}

/**
 * Pattern separation by the dentate gyrus: the mean overlap of the CA3 codes of pairs of inputs
 * whose entorhinal overlap is `inputOverlap`, in one random wiring per stream (below the input
 * overlap means separation; O'Reilly & McClelland 1994). A teaching probe and a test of the hook.
 */
export function patternSeparation(inputOverlap: number, s: ModulatoryState, rngFor: RngFactory, pairs = 32, p: EpisodicParams = episodicParams()): number {
  const n = p.neurons;
  const rng = rngFor(0);
  const wr = wire(n, p, rng);
  const wdg = p.separationWeight * Math.max(0, s.neurogenesis) ** p.neurogenesisExponent;
  const dgCells = Math.round(p.dgExpansion * n);
  const scratch: DgScratch = { drive: new Int16Array(dgCells), hist: new Int32Array(2 * p.dgFanIn + 1), active: new Uint8Array(dgCells) };
  const x = new Int8Array(n);
  const y = new Int8Array(n);
  const cx = new Int8Array(n);
  const cy = new Int8Array(n);
  let acc = 0;
  for (let k = 0; k < pairs; k++) {
    randomPattern(n, rng, x);
    corrupt(x, (1 - inputOverlap) / 2, rng, y);
    acc += overlap(ca3Code(x, wdg, wr, p, scratch, cx), ca3Code(y, wdg, wr, p, scratch, cy));
  }
  return acc / pairs;
}
