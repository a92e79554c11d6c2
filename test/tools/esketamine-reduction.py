"""Derives the esketamine drug file's reduced disposition (2 compartments) from the Perez-Ruixo et al.
2021 Clin Pharmacokinet 60:501 population model (Table 3, as transcribed in nlmixr2lib
PerezRuixo_2020_esketamine): typical non-Asian subject aged <= 60, nasal doses of 28 mg per spray.

The engine keeps the source's absorption structure (nasal depot ka_n with the per-dose nasal fraction;
swallowed share zero-order over Dsw into a gut depot ka_sw, bioavailability Fgut*(1-E), presystemic
noresketamine Fgut*E*kmet/(kel+kmet)) but has no hepato-portal compartment and at most two
disposition compartments, so V, Q, V2 and the nasal ka (which then also stands for the merged fast
distribution and liver transit) are fitted (CL fixed at the well-stirred value) to the source model's
56-mg esketamine profile. Run: python3 test/tools/esketamine-reduction.py
"""
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import least_squares

# Perez-Ruixo 2021 Table 3 typical values
FRn1, dose_eff, ka_n, Dsw, ka_sw, Fgut = 0.54, 0.62, 2.93, 0.53, 1.45, 0.64
Vc, Q1, Vp1, Q2, Vp2, Qh, Vh, kel, kmet = 192, 84.3, 143, 37.6, 417, 151, 101, 1.11, 2.77
Vcn, CLn, Vpn, Q3 = 70.0, 38.0, 115, 26.1

CLint = Vh * (kel + kmet)
E = CLint / (Qh + CLint)
CL = Qh * E
fmet = kmet / (kel + kmet)
F_sw = Fgut * (1 - E)
FP_sw = Fgut * E * fmet


def frn(n_sprays):
    return FRn1 * (1 + (n_sprays - 1) * dose_eff) / n_sprays


T = np.concatenate([np.arange(0, 6, 1 / 12), np.arange(6, 48.01, 0.5)])


def source(dose):
    f = frn(dose / 28)
    nasal, swallowed = f * dose, (1 - f) * Fgut * dose

    def rhs(t, y):
        dep, gut, c, p1, p2, h, cn, pn = y
        rate = swallowed / Dsw if t < Dsw else 0.0
        return [
            -ka_n * dep,
            rate - ka_sw * gut,
            ka_n * dep + Q1 / Vp1 * p1 + Q2 / Vp2 * p2 + Qh / Vh * h - (Q1 + Q2 + Qh) / Vc * c,
            Q1 / Vc * c - Q1 / Vp1 * p1,
            Q2 / Vc * c - Q2 / Vp2 * p2,
            ka_sw * gut + Qh / Vc * c - (Qh / Vh + kel + kmet) * h,
            kmet * h + Q3 / Vpn * pn - (CLn + Q3) / Vcn * cn,
            Q3 / Vcn * cn - Q3 / Vpn * pn,
        ]

    sol = solve_ivp(rhs, (0, 48), [nasal, 0, 0, 0, 0, 0, 0, 0], method="LSODA", t_eval=T, rtol=1e-10, atol=1e-12, max_step=0.01)
    return sol.y[2] / Vc * 1000, sol.y[6] / Vcn * 1000


def reduced(dose, V, Q, V2, f, ka=ka_n):
    nasal, swallowed = f * dose, (1 - f) * dose

    def rhs(t, y):
        dep, gut, c, p, cn, pn = y
        rate = swallowed / Dsw if t < Dsw else 0.0
        elim = CL * c / V
        return [
            -ka * dep,
            rate - ka_sw * gut,
            ka * dep + F_sw * ka_sw * gut - elim - Q * (c / V - p / V2),
            Q * (c / V - p / V2),
            fmet * elim + FP_sw * ka_sw * gut + Q3 / Vpn * pn - (CLn + Q3) / Vcn * cn,
            Q3 / Vcn * cn - Q3 / Vpn * pn,
        ]

    sol = solve_ivp(rhs, (0, 48), [nasal, 0, 0, 0, 0, 0], method="LSODA", t_eval=T, rtol=1e-10, atol=1e-12, max_step=0.01)
    return sol.y[2] / V * 1000, sol.y[4] / Vcn * 1000


if __name__ == "__main__":
    print(f"E {E:.4f}  CL {CL:.1f} L/h  fmet {fmet:.4f}  F_sw {F_sw:.4f}  firstPass_sw {FP_sw:.4f}")
    print(f"nasal fraction: 56 mg {frn(2):.4f}, 84 mg {frn(3):.4f}")
    ref, _ = source(56)
    mask = ref > 0.5

    def resid(x):
        V, Q, V2, ka = np.exp(x)
        c, _ = reduced(56, V, Q, V2, frn(2), ka)
        return np.log(c[mask]) - np.log(ref[mask])

    fit = least_squares(resid, np.log([250, 60, 450, ka_n]))
    V, Q, V2, ka = np.exp(fit.x)
    print(f"fit: V {V:.1f} L  Q {Q:.2f} L/h  V2 {V2:.1f} L  ka {ka:.2f} 1/h  rms log error {np.sqrt(np.mean(fit.fun ** 2)):.3f}")
    for dose in (56, 84):
        c_src, n_src = source(dose)
        c_red, n_red = reduced(dose, V, Q, V2, frn(2), ka)
        print(f"{dose} mg: source Cmax {c_src.max():.1f} (tmax {T[c_src.argmax()]:.2f} h), noresketamine {n_src.max():.1f}; "
              f"reduced (nasal fraction of 56 mg) Cmax {c_red.max():.1f} (tmax {T[c_red.argmax()]:.2f} h), noresketamine {n_red.max():.1f}")
