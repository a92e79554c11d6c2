// A seeded pseudo-random generator for the paradigms (xoshiro128**, Blackman & Vigna 2018), seeded
// through splitmix32 from the scenario seed and the task's index: the same seed gives the same
// numbers, bit for bit, in Node, a worker or a browser. Math.random is never used in the engine.

/** fmix32 of MurmurHash3 after a golden-ratio step: one splitmix32 output from `x`. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Low and high 32-bit words of a (possibly large or negative) integer seed; fractions are dropped. */
function words(seed: number): [number, number] {
  const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  const lo = s >>> 0;
  const hi = Math.floor(s / 4294967296) >>> 0;
  return [lo, hi];
}

/**
 * The seed of the `taskIndex`-th task of a scenario: two scenario seeds or two tasks never share a
 * stream by accident (each input word passes through splitmix32 before mixing).
 */
export function taskSeed(scenarioSeed: number, taskIndex: number): number {
  const [lo, hi] = words(scenarioSeed);
  const [ti] = words(taskIndex);
  return splitmix32(splitmix32(lo) ^ splitmix32(hi + 0x51ed270b) ^ splitmix32(ti + 0x2545f491)) >>> 0;
}

const TWO_POW_32 = 4294967296;

/**
 * Independent generators by stream number, all from one seed. Paradigms draw each simulated
 * subject (or item) from its own stream, so a change of state that changes how many numbers one
 * subject consumes does not shift the numbers of the next: two states compared with the same seed
 * meet the same subjects (common random numbers).
 */
export type RngFactory = (stream: number) => Rng;

/** The stream factory of a seed. */
export function streams(seed: number): RngFactory {
  return (stream: number) => new Rng(seed, stream);
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;

  /** A generator for `seed`; `stream` separates independent sequences drawn from the same seed. */
  constructor(seed: number, stream = 0) {
    const [lo, hi] = words(seed);
    let x = splitmix32(lo ^ splitmix32(hi ^ Math.imul(stream | 0, 0x632be5ab)));
    this.s0 = x = splitmix32(x);
    this.s1 = x = splitmix32(x);
    this.s2 = x = splitmix32(x);
    this.s3 = splitmix32(x);
    // xoshiro's all-zero state is a fixed point; splitmix32 makes it practically impossible, but be sure.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with the raw xoshiro128** state (for reference tests). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const r = new Rng(0);
    r.s0 = s0 >>> 0;
    r.s1 = s1 >>> 0;
    r.s2 = s2 >>> 0;
    r.s3 = s3 >>> 0;
    return r;
  }

  /** The next 32-bit unsigned output of xoshiro128**. */
  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u = this.float();
    while (u === 0) u = this.float();
    const v = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Exponential with mean 1. */
  exponential(): number {
    let u = this.float();
    while (u === 0) u = this.float();
    return -Math.log(u);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }
}
