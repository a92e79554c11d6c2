// Noisy-Hopf closure shared by the probes: the damping that a linear mode must be given so that
// its noise-driven power equals that of the saturating (Stuart–Landau) oscillator it stands for.
// It keeps a probe finite and meaningful when a knob pushes a linearised mode past its instability.

/** Standard normal density and distribution (erfc after Numerical Recipes' Chebyshev fit, relative error < 1.2e−7). */
function phi(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * g(x) = x + φ(x)/Φ(x): the mean of a unit-variance normal of mean x truncated to ≥ 0. Below −10
 * the asymptotic series (1/|x|)·(1 − 2/x² + 10/x⁴ − 74/x⁶) avoids the cancellation (next term
 * 706/x⁸ < 1e−5 there).
 */
export function truncatedMean(x: number): number {
  if (x < -10) {
    const y = 1 / (x * x);
    return (1 - y * (2 - y * (10 - 74 * y))) / -x;
  }
  return x + phi(x) / normalCdf(x);
}

/**
 * Noisy Hopf closure. Near its dominant mode the loop behaves as a Stuart–Landau oscillator
 * dz = ((σ + iω)z − ℓ|z|²z)dt + √(2D)·dW, whose stationary |z|² is a normal of mean σ/ℓ and
 * standard deviation √(2D/ℓ) truncated to ≥ 0. Its mean power equals that of a *linear* mode with
 * damping σ_eff = −σc / g(σ/σc), σc = √(2Dℓ): the linear spectrum at σ_eff is the noise-driven
 * spectrum below the bifurcation (σ_eff → σ) and a phase-diffusing limit cycle above it
 * (σ_eff → −σc²/σ, power ∝ σ as in the Hopf normal form). Returns σ_eff (1/s, always < 0).
 */
export function effectiveDamping(sigma: number, sigmaC: number): number {
  return -sigmaC / truncatedMean(sigma / sigmaC);
}
