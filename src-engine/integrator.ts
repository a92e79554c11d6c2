// Adaptive Dormand–Prince 5(4) integrator for the engine's slow state vector.
// Coefficients: Dormand & Prince 1980, J Comput Appl Math 6:19; step control as in
// Hairer, Nørsett & Wanner, Solving ODEs I, §II.4 (safety 0.9, factor bounds 0.2–10).
// The caller integrates between discontinuities (doses, infusion edges, sample times), so the
// right-hand side is smooth inside every call; no allocation happens per step.

/** dy/dt written into `dy` for state `y` at time `t` (hours). Must not allocate. */
export type Rhs = (t: number, y: Float64Array, dy: Float64Array) => void;

export interface IntegratorOptions {
  /** Relative tolerance per component. */
  rtol: number;
  /** Absolute tolerance per component, in the state's own unit. */
  atol: number;
  /** Largest step, hours. */
  maxStep: number;
}

export type StepOutcome = { ok: true; steps: number } | { ok: false; reason: string };

const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
// Error coefficients: 5th-order minus embedded 4th-order weights.
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

// Dense output (continuous extension of order 4), Hairer, Nørsett & Wanner, Solving ODEs I, §II.6, as in dopri5.f (CONTD5).
const D1 = -12715105075 / 11282082432, D3 = 87487479700 / 32700410799, D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632, D6 = -1453857185 / 822651844, D7 = 69997945 / 29380423;

const MAX_STEPS_PER_CALL = 1_000_000;

/** Samples to take inside one `advance` call by dense output: `times[next..end)`, all in (t0, t1]. */
export interface DenseOutput {
  times: ArrayLike<number>;
  next: number;
  end: number;
  /** Receives the state at times[k]; the array is reused, copy what you keep. */
  record(k: number, y: Float64Array): void;
}

export class DormandPrince {
  readonly n: number;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private readonly k7: Float64Array;
  private readonly yt: Float64Array;
  private readonly ynew: Float64Array;
  private readonly ydense: Float64Array;
  /** Step size carried from one call to the next (hours); reset by `restart()`. */
  private h = 0;
  /** Time at which k1 holds f(t, y) from the previous call (first-same-as-last across calls); NaN if stale. */
  private k1At = Number.NaN;

  private readonly rhs: Rhs;
  private readonly opts: IntegratorOptions;

  constructor(n: number, rhs: Rhs, opts: IntegratorOptions) {
    this.n = n;
    this.rhs = rhs;
    this.opts = opts;
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.k5 = new Float64Array(n);
    this.k6 = new Float64Array(n);
    this.k7 = new Float64Array(n);
    this.yt = new Float64Array(n);
    this.ynew = new Float64Array(n);
    this.ydense = new Float64Array(n);
  }

  /** Forget the step size and the cached derivative, after a discontinuity (a dose, a rate change). */
  restart(): void {
    this.h = 0;
    this.k1At = Number.NaN;
  }

  /** Advances `y` in place from t0 to t1 (t1 ≥ t0), reporting `dense` samples on the way. */
  advance(y: Float64Array, t0: number, t1: number, dense?: DenseOutput): StepOutcome {
    const { n, k1, k2, k3, k4, k5, k6, k7, yt, ynew, ydense, rhs } = this;
    const { rtol, atol, maxStep } = this.opts;
    const span = t1 - t0;
    if (span <= 0) return { ok: true, steps: 0 };
    let t = t0;
    let h = this.h > 0 ? Math.min(this.h, maxStep) : Math.min(maxStep, span, initialStep(n, y, t0, rhs, k1, rtol, atol));
    let steps = 0;
    if (this.k1At !== t0) rhs(t, y, k1);
    while (t < t1) {
      if (steps++ > MAX_STEPS_PER_CALL) return { ok: false, reason: `integrator exceeded ${MAX_STEPS_PER_CALL} steps at t=${t} h` };
      const hWanted = h;
      const last = t + h >= t1 - 1e-12 * Math.max(1, Math.abs(t1));
      if (last) h = t1 - t;
      for (let i = 0; i < n; i++) yt[i] = y[i]! + h * A21 * k1[i]!;
      rhs(t + C2 * h, yt, k2);
      for (let i = 0; i < n; i++) yt[i] = y[i]! + h * (A31 * k1[i]! + A32 * k2[i]!);
      rhs(t + C3 * h, yt, k3);
      for (let i = 0; i < n; i++) yt[i] = y[i]! + h * (A41 * k1[i]! + A42 * k2[i]! + A43 * k3[i]!);
      rhs(t + C4 * h, yt, k4);
      for (let i = 0; i < n; i++) yt[i] = y[i]! + h * (A51 * k1[i]! + A52 * k2[i]! + A53 * k3[i]! + A54 * k4[i]!);
      rhs(t + C5 * h, yt, k5);
      for (let i = 0; i < n; i++) yt[i] = y[i]! + h * (A61 * k1[i]! + A62 * k2[i]! + A63 * k3[i]! + A64 * k4[i]! + A65 * k5[i]!);
      rhs(t + h, yt, k6);
      for (let i = 0; i < n; i++) ynew[i] = y[i]! + h * (B1 * k1[i]! + B3 * k3[i]! + B4 * k4[i]! + B5 * k5[i]! + B6 * k6[i]!);
      rhs(t + h, ynew, k7);
      let err = 0;
      for (let i = 0; i < n; i++) {
        const e = h * (E1 * k1[i]! + E3 * k3[i]! + E4 * k4[i]! + E5 * k5[i]! + E6 * k6[i]! + E7 * k7[i]!);
        const sc = atol + rtol * Math.max(Math.abs(y[i]!), Math.abs(ynew[i]!));
        const r = e / sc;
        err += r * r;
      }
      err = Math.sqrt(err / n);
      if (!Number.isFinite(err)) return { ok: false, reason: `non-finite state at t=${t} h` };
      if (err <= 1) {
        const tNew = last ? t1 : t + h;
        if (dense) {
          while (dense.next < dense.end && (dense.times[dense.next] as number) <= tNew) {
            const theta = ((dense.times[dense.next] as number) - t) / h;
            const rest = 1 - theta;
            for (let i = 0; i < n; i++) {
              const y0 = y[i]!;
              const ydiff = ynew[i]! - y0;
              const bspl = h * k1[i]! - ydiff;
              const r4 = ydiff - h * k7[i]! - bspl;
              const r5 = h * (D1 * k1[i]! + D3 * k3[i]! + D4 * k4[i]! + D5 * k5[i]! + D6 * k6[i]! + D7 * k7[i]!);
              ydense[i] = y0 + theta * (ydiff + rest * (bspl + theta * (r4 + rest * r5)));
            }
            dense.record(dense.next, ydense);
            dense.next++;
          }
        }
        t = tNew;
        y.set(ynew);
        k1.set(k7); // first-same-as-last
        const fac = err === 0 ? 10 : Math.min(10, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
        // A step shortened to land on t1 says nothing about the step the dynamics allow.
        h = Math.min(maxStep, last ? Math.max(hWanted, h * fac) : h * fac);
      } else {
        h *= Math.max(0.2, 0.9 * Math.pow(err, -0.2));
        if (h < 1e-12 * Math.max(1, Math.abs(t))) return { ok: false, reason: `step size underflow at t=${t} h` };
      }
    }
    this.h = h;
    this.k1At = t1;
    return { ok: true, steps };
  }
}

/** Starting step from Hairer–Nørsett–Wanner's heuristic (first part), hours. */
function initialStep(n: number, y: Float64Array, t: number, rhs: Rhs, f: Float64Array, rtol: number, atol: number): number {
  rhs(t, y, f);
  let d0 = 0, d1 = 0;
  for (let i = 0; i < n; i++) {
    const sc = atol + rtol * Math.abs(y[i]!);
    d0 += (y[i]! / sc) ** 2;
    d1 += (f[i]! / sc) ** 2;
  }
  d0 = Math.sqrt(d0 / n);
  d1 = Math.sqrt(d1 / n);
  return d0 < 1e-5 || d1 < 1e-5 ? 1e-3 : 0.01 * (d0 / d1);
}
