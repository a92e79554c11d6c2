// The pharmacokinetic layer: species (parent drugs, active metabolites, companions) with 1 or 2
// compartments and an effect site, absorption depots per route, zero-order inputs (infusions,
// patches), CYP2D6 inhibition and peripheral AADC block, assembled into one state vector.
import type { DrugFile, RouteData, SpeciesPkData, TargetData, TargetId } from '../drugs/schema.ts';
import { PERIPHERAL_TARGETS, speciesParams, type Covariates } from '../drugs/schema.ts';

export interface Species {
  /** Series id: `pk.<id>.plasma`. */
  id: string;
  /** Drug (catalogue id) this species belongs to. */
  drug: string;
  concentrationUnit: 'ng/mL' | 'mmol/L';
  CL: number;
  V: number;
  Q: number;
  V2: number;
  ke0: number;
  fm2d6: number;
  toConc: number;
  /** Index of the central amount in the state vector; peripheral and effect site follow if present. */
  iC: number;
  /** -1 when one-compartment. */
  iP: number;
  /** -1 when the brain follows plasma. The effect site holds a concentration, not an amount. */
  iE: number;
  /** Species forming this one (-1 for a parent) and the molar fraction × mass ratio. */
  parent: number;
  yieldFromParent: number;
  /** CYP2D6 inhibition constant in the species' concentration unit; 0 when it does not inhibit. */
  ki2d6: number;
  /** Share of CL carried by peripheral AADC (levodopa). */
  aadcFraction: number;
  targets: Partial<Record<TargetId, TargetData>>;
}

export interface Depot {
  /** State index of the depot amount. */
  i: number;
  ka: number;
  /** Species the depot empties into. */
  species: number;
}

/** How a dose of one drug by one route enters the model. */
export interface Entry {
  kind: 'depot' | 'central' | 'zero-order';
  /** Depot index (depot), or species index (central, zero-order). */
  target: number;
  F: number;
  lagH: number;
  /** Zero-order input duration for patches (wear time); infusions give theirs per dose. */
  durationH: number;
}

export interface DrugModel {
  drug: DrugFile;
  /** mg → model amount (mg, or mmol for lithium). */
  amountPerMg: number;
  /** Entry per route, for the drug and for its companion (given with every dose). */
  entries: Partial<Record<keyof RouteData, Entry>>;
  companionEntries: Partial<Record<keyof RouteData, Entry>>;
  companionRatio: number;
}

export class PkModel {
  readonly species: Species[] = [];
  readonly depots: Depot[] = [];
  readonly drugs = new Map<string, DrugModel>();
  size = 0;
  /** Species index whose AADC_peripheral target blocks AADC clearance; -1 if none. */
  private aadcBlockers: number[] = [];
  private readonly cov: Covariates;

  constructor(cov: Covariates) {
    this.cov = cov;
  }

  /** Adds a drug (once) with its metabolites and companion; returns its model. */
  add(drug: DrugFile): DrugModel {
    const known = this.drugs.get(drug.id);
    if (known) return known;
    const parent = this.addSpecies(drug.id, drug.id, drug.pk, drug.targets, -1, 0, drug.inhibits?.CYP2D6.ki.value ?? 0, drug.aadcFraction?.value ?? 0);
    for (const m of drug.metabolites) {
      this.addSpecies(m.id, drug.id, m.pk, m.targets, parent, m.formation.value * m.massRatio.value, m.inhibits?.CYP2D6.ki.value ?? 0, 0);
    }
    const model: DrugModel = {
      drug,
      amountPerMg: drug.doseAs?.perMg.value ?? 1,
      entries: this.entriesFor(drug.routes, parent),
      companionEntries: {},
      companionRatio: 0,
    };
    if (drug.companion) {
      const c = drug.companion;
      const ci = this.addSpecies(c.id, drug.id, c.pk, c.targets, -1, 0, 0, 0);
      model.companionEntries = this.entriesFor(c.routes, ci);
      model.companionRatio = c.ratio.value;
      if (c.targets.AADC_peripheral) this.aadcBlockers.push(ci);
    }
    this.drugs.set(drug.id, model);
    return model;
  }

  private addSpecies(
    id: string,
    drug: string,
    pk: SpeciesPkData,
    targets: Partial<Record<TargetId, TargetData>>,
    parent: number,
    yieldFromParent: number,
    ki2d6: number,
    aadcFraction: number,
  ): number {
    const p = speciesParams(pk, this.cov);
    const iC = this.size++;
    const iP = pk.model === 'two-compartment' ? this.size++ : -1;
    const iE = p.ke0 > 0 ? this.size++ : -1;
    this.species.push({ id, drug, concentrationUnit: pk.concentrationUnit, ...p, iC, iP, iE, parent, yieldFromParent, ki2d6, aadcFraction, targets });
    return this.species.length - 1;
  }

  private entriesFor(routes: RouteData, species: number): Partial<Record<keyof RouteData, Entry>> {
    const out: Partial<Record<keyof RouteData, Entry>> = {};
    for (const route of ['oral', 'intranasal'] as const) {
      const r = routes[route];
      if (!r) continue;
      this.depots.push({ i: this.size++, ka: r.ka.value, species });
      out[route] = { kind: 'depot', target: this.depots.length - 1, F: r.F.value, lagH: r.lag?.value ?? 0, durationH: 0 };
    }
    if (routes.iv) out.iv = { kind: 'central', target: species, F: 1, lagH: 0, durationH: 0 };
    if (routes.patch) out.patch = { kind: 'zero-order', target: species, F: routes.patch.F.value, lagH: 0, durationH: routes.patch.wear.value };
    return out;
  }

  /** Plasma concentration of a species in its unit. */
  concentration(y: Float64Array, s: Species): number {
    return ((y[s.iC] as number) / s.V) * s.toConc;
  }

  /**
   * The right-hand side. `rates[s]` is the current zero-order input into species s (amount/h).
   * Built once per run; the returned closure allocates nothing per call.
   */
  rhs(rates: Float64Array): (t: number, y: Float64Array, dy: Float64Array) => void {
    const { species, depots, aadcBlockers } = this;
    const elim = new Float64Array(species.length);
    const inhibitors = species.filter((s) => s.ki2d6 > 0);
    const aadc = aadcBlockers.map((i) => species[i] as Species);
    return (_t, y, dy) => {
      dy.fill(0);
      // CYP2D6 inhibition: competitive, Σ C/Ki over inhibitors present in plasma.
      let inhibition = 0;
      for (const s of inhibitors) inhibition += Math.max(0, this.concentration(y, s)) / s.ki2d6;
      // Peripheral AADC block by the companion (carbidopa), Emax on plasma.
      let aadcBlock = 0;
      for (const s of aadc) aadcBlock = Math.max(aadcBlock, emaxEffect(Math.max(0, this.concentration(y, s)), s.targets.AADC_peripheral as TargetData));
      for (const d of depots) {
        const absorbed = d.ka * (y[d.i] as number);
        dy[d.i] = -absorbed;
        dy[(species[d.species] as Species).iC] = (dy[(species[d.species] as Species).iC] as number) + absorbed;
      }
      for (let k = 0; k < species.length; k++) {
        const s = species[k] as Species;
        const a = y[s.iC] as number;
        const c = a / s.V;
        const cl = s.CL * (1 - s.fm2d6 + s.fm2d6 / (1 + inhibition)) * (1 - s.aadcFraction * aadcBlock);
        const e = cl * c;
        elim[k] = e;
        let d = (dy[s.iC] as number) + (rates[k] as number) - e;
        if (s.iP >= 0) {
          const flow = s.Q * (c - (y[s.iP] as number) / s.V2);
          d -= flow;
          dy[s.iP] = flow;
        }
        if (s.parent >= 0) d += s.yieldFromParent * (elim[s.parent] as number);
        dy[s.iC] = d;
        if (s.iE >= 0) dy[s.iE] = s.ke0 * (c * s.toConc - (y[s.iE] as number));
      }
    };
  }
}

/** Emax/Hill effect of one species alone: Emax·x/(1+x), x = (C/C50)^hill. */
export function emaxEffect(c: number, t: TargetData): number {
  const x = Math.pow(c / t.c50.value, t.hill.value);
  return (t.emax.value * x) / (1 + x);
}

/** Brain targets read the effect site where a species has one; peripheral targets read plasma. */
export function readsEffectSite(target: TargetId, s: Species): boolean {
  return s.iE >= 0 && !PERIPHERAL_TARGETS.has(target);
}
