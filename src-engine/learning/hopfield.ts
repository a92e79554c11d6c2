// A CA3-like Hopfield attractor network on typed arrays (Hopfield 1982; Amit, Gutfreund &
// Sompolinsky 1985; reference/models.md §5.4): ±1 units, Hebbian outer-product storage through a
// random symmetric dilution mask (synapse loss), asynchronous recall with an incremental local
// field, an optional persistent cue and Glauber noise, and a storage-capacity scan.
import type { Rng } from './random.ts';

export interface RecallSettings {
  /** Weight of the recurrent field (1 − cholinergic suppression). */
  recurrentGain: number;
  /** Weight of the persistent afferent cue. */
  cueWeight: number;
  /** Glauber temperature; 0 is deterministic sign dynamics run to a fixed point. */
  temperature: number;
  maxSweeps: number;
}

export class Hopfield {
  readonly n: number;
  /** Row-major n×n weights, symmetric, zero diagonal. */
  readonly w: Float64Array;
  /**
   * Row-major n×n 0/1 mask of the surviving synapses, symmetric, zero diagonal. Bytes, not doubles:
   * the product with a weight is the same number, and the matrix an eighth of the memory traffic.
   */
  readonly mask: Uint8Array;
  /** No synapse lost (the mask is all ones off the diagonal): storage skips the mask. */
  private readonly dense: boolean;
  private readonly h: Float64Array;
  /** The state as doubles, for the inner products. */
  private readonly sf: Float64Array;
  private readonly order: Uint16Array;
  /** Four states as doubles, for field4. */
  private readonly sf4: Float64Array;

  /**
   * A network of n units keeping each synapse pair with probability `keep`, drawn from `maskRng`
   * (not drawn at all when keep ≥ 1, so give the mask its own stream). Masks drawn from the same
   * stream are nested: a lower `keep` removes a superset of synapses.
   */
  constructor(n: number, keep: number, maskRng: Rng) {
    this.n = n;
    this.w = new Float64Array(n * n);
    this.mask = new Uint8Array(n * n);
    this.h = new Float64Array(n);
    this.sf = new Float64Array(n);
    this.order = new Uint16Array(n);
    this.sf4 = new Float64Array(4 * n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    const mask = this.mask;
    if (keep >= 1) {
      mask.fill(1);
      for (let i = 0; i < n; i++) mask[i * n + i] = 0;
      this.dense = true;
      return;
    }
    const threshold = Math.max(0, keep) * 4294967296;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let j = i + 1; j < n; j++) mask[row + j] = maskRng.nextUint32() < threshold ? 1 : 0;
    }
    for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) mask[i * n + j] = mask[j * n + i]!;
    this.dense = false;
  }

  clear(): void {
    this.w.fill(0);
  }

  /** Hebbian storage: w_ij += η·p_i·p_j/n on the surviving synapses. */
  store(p: Int8Array, eta: number): void {
    const { n, w, mask, sf } = this;
    const scale = eta / n;
    for (let j = 0; j < n; j++) sf[j] = p[j]!;
    for (let i = 0; i < n; i++) {
      const a = scale * sf[i]!;
      const row = i * n;
      if (this.dense) {
        for (let j = 0; j < n; j++) w[row + j] = w[row + j]! + a * sf[j]!;
        w[row + i] = 0;
      } else for (let j = 0; j < n; j++) w[row + j] = w[row + j]! + a * sf[j]! * mask[row + j]!;
    }
  }

  /** out = W·s. */
  field(s: Int8Array, out: Float64Array): void {
    const { n, w, sf } = this;
    for (let j = 0; j < n; j++) sf[j] = s[j]!;
    const even = n - (n % 2);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let a0 = 0;
      let a1 = 0;
      for (let j = 0; j < even; j += 2) {
        a0 += w[row + j]! * sf[j]!;
        a1 += w[row + j + 1]! * sf[j + 1]!;
      }
      if (even < n) a0 += w[row + even]! * sf[even]!;
      out[i] = a0 + a1;
    }
  }

  /**
   * out[v·n + i] = (W·s_v)_i for four states at once: one pass over W instead of four, each
   * product summed in the same order as `field` (even and odd columns apart), so the same numbers.
   */
  field4(states: readonly Int8Array[], out: Float64Array): void {
    const { n, w } = this;
    const f = this.sf4;
    for (let v = 0; v < 4; v++) {
      const st = states[v]!;
      for (let j = 0; j < n; j++) f[v * n + j] = st[j]!;
    }
    const even = n - (n % 2);
    const n1 = n;
    const n2 = 2 * n;
    const n3 = 3 * n;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let a0 = 0;
      let a1 = 0;
      let b0 = 0;
      let b1 = 0;
      let c0 = 0;
      let c1 = 0;
      let d0 = 0;
      let d1 = 0;
      for (let j = 0; j < even; j += 2) {
        const x = w[row + j]!;
        const y = w[row + j + 1]!;
        a0 += x * f[j]!;
        a1 += y * f[j + 1]!;
        b0 += x * f[n1 + j]!;
        b1 += y * f[n1 + j + 1]!;
        c0 += x * f[n2 + j]!;
        c1 += y * f[n2 + j + 1]!;
        d0 += x * f[n3 + j]!;
        d1 += y * f[n3 + j + 1]!;
      }
      if (even < n) {
        const x = w[row + even]!;
        a0 += x * f[even]!;
        b0 += x * f[n1 + even]!;
        c0 += x * f[n2 + even]!;
        d0 += x * f[n3 + even]!;
      }
      out[i] = a0 + a1;
      out[n1 + i] = b0 + b1;
      out[n2 + i] = c0 + c1;
      out[n3 + i] = d0 + d1;
    }
  }

  /**
   * Asynchronous recall from `s` (updated in place) under a persistent cue:
   * h_i = g·Σ_j w_ij s_j + c·cue_i;  s_i = sgn(h_i) (ties keep s_i), or +1 with probability
   * 1/(1 + e^{−2h_i/T}) when T > 0. Returns the sweeps run. `initial`, when given, is W·s computed
   * beforehand (by `field4`).
   */
  recall(s: Int8Array, cue: Int8Array | null, r: RecallSettings, rng: Rng, initial?: Float64Array): number {
    const { n, w, h, order } = this;
    if (initial) h.set(initial);
    else this.field(s, h);
    rng.shuffle(order);
    let sweeps = 0;
    // Settings read once into locals (the loop below is the hot path of every attractor task).
    const gain = r.recurrentGain;
    const cueWeight = r.cueWeight;
    const temperature = r.temperature;
    const maxSweeps = r.maxSweeps;
    for (; sweeps < maxSweeps; sweeps++) {
      let flips = 0;
      for (let k = 0; k < n; k++) {
        const i = order[k]!;
        const hi = gain * h[i]! + (cue === null ? 0 : cueWeight * cue[i]!);
        let next: number;
        if (temperature > 0) {
          const x = (-2 * hi) / temperature;
          next = rng.float() * (1 + (x > 700 ? Infinity : Math.exp(x))) < 1 ? 1 : -1;
        } else next = hi > 0 ? 1 : hi < 0 ? -1 : s[i]!;
        if (next !== s[i]) {
          s[i] = next;
          flips++;
          const d = 2 * next;
          const row = i * n;
          for (let j = 0; j < n; j++) h[j] = h[j]! + d * w[row + j]!;
        }
      }
      if (flips === 0 && temperature === 0) {
        sweeps++;
        break;
      }
    }
    return sweeps;
  }
}

/** Overlap m = (1/n)·Σ a_i b_i of two ±1 patterns. */
export function overlap(a: Int8Array, b: Int8Array): number {
  let acc = 0;
  for (let i = 0; i < a.length; i++) acc += a[i]! * b[i]!;
  return acc / a.length;
}

/** A random ±1 pattern. */
export function randomPattern(n: number, rng: Rng, out: Int8Array = new Int8Array(n)): Int8Array {
  for (let i = 0; i < n; i++) out[i] = rng.float() < 0.5 ? 1 : -1;
  return out;
}

/** Flip each unit of `p` with probability `noise` into `out`. */
export function corrupt(p: Int8Array, noise: number, rng: Rng, out: Int8Array = new Int8Array(p.length)): Int8Array {
  for (let i = 0; i < p.length; i++) out[i] = rng.float() < noise ? -p[i]! : p[i]!;
  return out;
}

export interface CapacityScan {
  /** Loads tested (patterns per neuron). */
  loads: number[];
  /** Fraction of the tested patterns retrieved at each load. */
  retrieved: number[];
  /** Interpolated load at which the retrieved fraction first falls below the criterion: p_max/n. */
  capacity: number;
}

export interface CapacityOptions {
  /** Patterns added between checkpoints. */
  stepPatterns: number;
  /** Load of the first checkpoint (patterns per neuron); the retrieved fraction is taken as 1 at zero load. */
  startLoad: number;
  /** Highest load scanned (patterns per neuron). */
  maxLoad: number;
  /** Patterns tested at each checkpoint (the most recently stored). */
  tests: number;
  /** Overlap a retrieved pattern keeps. */
  threshold: number;
  /** Fraction of the tested patterns that must be retrieved. */
  criterion: number;
}

/**
 * Storage capacity by a scan over the load: patterns are stored one by one (Hebb, strength 1); at
 * each checkpoint the last `tests` stored patterns start the dynamics exactly on themselves, with
 * no cue, and count as retrieved if the fixed point keeps overlap ≥ `threshold`. Below
 * α_c ≈ 0.138 (Amit, Gutfreund & Sompolinsky 1985) the retrieval state has m ≈ 0.97 and all
 * patterns pass; above it they melt into spurious mixtures. The capacity is the load where the
 * retrieved fraction first falls below `criterion` (finite networks melt gradually, so a
 * criterion near 1 reads the onset of failures, which is where α_c lies). The scan stops after two
 * failing checkpoints.
 */
export function capacityScan(net: Hopfield, settings: RecallSettings, rng: Rng, o: CapacityOptions): CapacityScan {
  const n = net.n;
  net.clear();
  const maxPatterns = Math.floor(o.maxLoad * n);
  const first = Math.max(1, Math.round(o.startLoad * n));
  const patterns: Int8Array[] = [];
  const s = new Int8Array(n);
  const fields = new Float64Array(Math.max(4, o.tests) * n);
  const loads: number[] = [];
  const retrieved: number[] = [];
  let failures = 0;
  for (let p = 1; p <= maxPatterns; p++) {
    const pat = randomPattern(n, rng);
    patterns.push(pat);
    net.store(pat, 1);
    if (p < first || (p - first) % o.stepPatterns !== 0) continue;
    let ok = 0;
    const k = Math.min(o.tests, p);
    // The weights do not change during a checkpoint: the tests' starting fields four at a time.
    const blocks = k - (k % 4);
    for (let t = 0; t < blocks; t += 4) net.field4([patterns[p - 1 - t]!, patterns[p - 2 - t]!, patterns[p - 3 - t]!, patterns[p - 4 - t]!], fields.subarray(t * n, (t + 4) * n));
    for (let t = 0; t < k; t++) {
      const target = patterns[p - 1 - t]!;
      s.set(target);
      net.recall(s, null, settings, rng, t < blocks ? fields.subarray(t * n, (t + 1) * n) : undefined);
      if (overlap(s, target) >= o.threshold) ok++;
    }
    loads.push(p / n);
    retrieved.push(ok / k);
    if (ok / k < o.criterion) {
      if (++failures >= 2) break;
    } else failures = 0;
  }
  return { loads, retrieved, capacity: crossing(loads, retrieved, o.criterion) };
}

/** The load where the retrieved fraction first falls below `level` (linear interpolation from the previous checkpoint, or from zero load). */
function crossing(loads: number[], retrieved: number[], level: number): number {
  let x0 = 0;
  let r0 = 1;
  for (let i = 0; i < loads.length; i++) {
    const x1 = loads[i]!;
    const r1 = retrieved[i]!;
    if (r1 < level) return x0 + ((x1 - x0) * (r0 - level)) / (r0 - r1);
    x0 = x1;
    r0 = r1;
  }
  return loads.length > 0 ? loads[loads.length - 1]! : 0;
}
