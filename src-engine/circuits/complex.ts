// Minimal complex arithmetic for the probes' transfer functions (immutable pairs; the probes
// evaluate a few hundred frequencies per call, so clarity wins over in-place updates).

export interface C {
  readonly re: number;
  readonly im: number;
}

export const c = (re: number, im = 0): C => ({ re, im });
export const add = (a: C, b: C): C => ({ re: a.re + b.re, im: a.im + b.im });
export const sub = (a: C, b: C): C => ({ re: a.re - b.re, im: a.im - b.im });
export const mul = (a: C, b: C): C => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
export const scale = (a: C, k: number): C => ({ re: a.re * k, im: a.im * k });
export const abs2 = (a: C): number => a.re * a.re + a.im * a.im;

export function div(a: C, b: C): C {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}

/** e^(−λT) for complex λ and real delay T. */
export function expNeg(l: C, T: number): C {
  const m = Math.exp(-l.re * T);
  return { re: m * Math.cos(l.im * T), im: -m * Math.sin(l.im * T) };
}
