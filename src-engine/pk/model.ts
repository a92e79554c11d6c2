// The pharmacokinetic layer: species (parent drugs, active metabolites, companions) with 1 or 2
// compartments and an effect site, absorption depots per route, zero-order inputs (infusions,
// patches), CYP2D6 inhibition and peripheral AADC block, assembled into one state vector.
import type { DrugFile, RouteData, SpeciesPkData, TargetData, TargetId } from '../drugs/schema.ts';
import { PERIPHERAL_TARGETS, speciesParams, type Covariates, type SpeciesParams } from '../drugs/schema.ts';

type Absorption = NonNullable<RouteData['oral']>;

/** A species' parameters for this patient (SpeciesParams) and its place in the state vector. */
export interface Species extends SpeciesParams {
  /** Series id: `pk.<id>.plasma`. */
  id: string;
  /** Drug (catalogue id) this species belongs to. */
  drug: string;
  concentrationUnit: 'ng/mL' | 'mmol/L';
  /** Index of the central amount in the state vector; peripheral and effect site follow if present. */
  iC: number;
  /** -1 when one-compartment. */
  iP: number;
  /** -1 when the brain follows plasma. The effect site holds a concentration, not an amount. */
  iE: number;
  /** Species forming this one (-1 for a parent) and the molar fraction × mass ratio. */
  parent: number;
  yieldFromParent: number;
  /** Formed from the parent's CYP2D6 elimination only (else from all of it). */
  viaCyp2d6: boolean;
  /** With viaCyp2d6: yield from the parent's other (non-CYP2D6) elimination (× mass ratio). */
  yieldFromOther: number;
  /** Molar mass ratio metabolite / parent (1 for a parent). */
  massRatio: number;
  /** CYP2D6 inhibition constant in the species' concentration unit; 0 when it does not inhibit. */
  ki2d6: number;
  /** Share of CL carried by peripheral AADC (levodopa). */
  aadcFraction: number;
  targets: Partial<Record<TargetId, TargetData>>;
}

export interface Depot {
  /** State index of the depot amount (the whole dose: bioavailability applies on the way out). */
  i: number;
  ka: number;
  /** Transit compartments after the depot (states i+1 … i+transit), each emptied at ka; absorption is from the last. */
  transit: number;
  /** Species the depot empties into. */
  species: number;
  /** Fraction of the absorbed flux reaching the species' central compartment unchanged. */
  F: number;
  /** Presystemic formation: metabolite species and its share of the absorbed flux (× mass ratio). */
  firstPass: Array<{ species: number; share: number }>;
}

/** How a dose of one drug by one route enters the model. */
export interface Entry {
  kind: 'depot' | 'central' | 'zero-order';
  /** Depot index (depot, or zero-order into a depot), or species index (central, zero-order). */
  target: number;
  /** Zero-order input into a depot (a patch's skin reservoir) rather than a central compartment. */
  intoDepot?: boolean;
  /** Further parts of the same dose (the swallowed share of a nasal spray), each with its own F. */
  parts?: Entry[];
  F: number;
  lagH: number;
  /** Zero-order input duration: patches (wear time), swallowed parts; infusions give theirs per dose. */
  durationH: number;
}

export interface DrugModel {
  drug: DrugFile;
  /** mg → model amount (mg, or mmol for lithium). */
  amountPerMg: number;
  /** Entry per route, for the drug and for its companion (given with every dose). */
  entries: Partial<Record<keyof RouteData, Entry>>;
  /** Entry per formulation id (the drug file's `formulations`), replacing its route's entry. */
  formulationEntries: Record<string, Entry>;
  companionEntries: Partial<Record<keyof RouteData, Entry>>;
  companionRatio: number;
  /** Species index of the parent (doses into "central" go there), and of the companion (-1: none). */
  parent: number;
  companion: number;
  /** The drug's block of the state vector: [start, end). */
  states: { start: number; end: number };
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
    const stateStart = this.size;
    const parent = this.addSpecies(drug.id, drug.id, drug.pk, drug.targets, -1, 0, drug.inhibits?.CYP2D6.ki.value ?? 0, drug.aadcFraction?.value ?? 0);
    for (const m of drug.metabolites) {
      const other = m.via === 'CYP2D6' ? (m.formationOther?.value ?? 0) * m.massRatio.value : 0;
      this.addSpecies(m.id, drug.id, m.pk, m.targets, parent, m.formation.value * m.massRatio.value, m.inhibits?.CYP2D6.ki.value ?? 0, 0, m.via === 'CYP2D6', m.massRatio.value, other);
    }
    const model: DrugModel = {
      drug,
      amountPerMg: drug.doseAs?.perMg.value ?? 1,
      entries: this.entriesFor(drug.routes, parent, drug.pk),
      formulationEntries: {},
      companionEntries: {},
      companionRatio: 0,
      parent,
      companion: -1,
      states: { start: stateStart, end: stateStart },
    };
    if (drug.companion) {
      const c = drug.companion;
      const ci = this.addSpecies(c.id, drug.id, c.pk, c.targets, -1, 0, 0, 0);
      model.companionEntries = this.entriesFor(c.routes, ci);
      model.companionRatio = c.ratio.value;
      model.companion = ci;
      if (c.targets.AADC_peripheral) this.aadcBlockers.push(ci);
    }
    for (const [id, f] of Object.entries(drug.formulations ?? {})) {
      // Without its own absorption a formulation is the product the route block describes.
      const entry = f.absorption ? this.absorbingEntry(f.absorption, parent, drug.pk) : model.entries[f.route];
      if (entry) model.formulationEntries[id] = entry;
    }
    model.states.end = this.size;
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
    viaCyp2d6 = false,
    massRatio = 1,
    yieldFromOther = 0,
  ): number {
    const p = speciesParams(pk, this.cov);
    const iC = this.size++;
    const iP = pk.model === 'two-compartment' ? this.size++ : -1;
    const iE = p.ke0 > 0 ? this.size++ : -1;
    this.species.push({ id, drug, concentrationUnit: pk.concentrationUnit, ...p, iC, iP, iE, parent, yieldFromParent, viaCyp2d6, yieldFromOther, massRatio, ki2d6, aadcFraction, targets });
    return this.species.length - 1;
  }

  /**
   * CYP2D6 activity of this patient relative to a normal metaboliser, for a drug's CYP2D6 pathway:
   * (m − p) / (1 − p) with p, m the poor and patient phenotype clearance ratios.
   */
  private cyp2d6Activity(pk: SpeciesPkData | undefined): number {
    const c = pk?.clearance?.cyp2d6;
    if (!c || this.cov.cyp2d6 === 'normal') return 1;
    return Math.max(0, (c[this.cov.cyp2d6].value - c.poor.value) / Math.max(1e-12, 1 - c.poor.value));
  }

  private entriesFor(routes: RouteData, species: number, pk?: SpeciesPkData): Partial<Record<keyof RouteData, Entry>> {
    const out: Partial<Record<keyof RouteData, Entry>> = {};
    for (const route of ['oral', 'intranasal'] as const) {
      const r = routes[route];
      if (r) out[route] = this.absorbingEntry(r, species, pk);
    }
    if (routes.iv) out.iv = { kind: 'central', target: species, F: 1, lagH: 0, durationH: 0 };
    const patch = routes.patch;
    if (patch) {
      // With a skin reservoir the patch releases into it, and it empties first-order into plasma.
      const skin = patch.skinRelease ? this.depot(species, pk, 1, patch.skinRelease.value, 0, []) : -1;
      out.patch = { kind: 'zero-order', target: skin >= 0 ? skin : species, intoDepot: skin >= 0, F: patch.F.value, lagH: 0, durationH: patch.wear.value };
    }
    return out;
  }

  /** A depot of `species`: its absorbed flux goes F to the species, first-pass shares to metabolites. */
  private depot(species: number, pk: SpeciesPkData | undefined, F: number, ka: number, transit: number, fps: Array<{ metabolite: string; fraction: { value: number } }> | undefined): number {
    // A first-pass pathway through CYP2D6 shrinks with the patient's CYP2D6 activity. The parent's
    // F stays: phenotype clearance ratios in the data are apparent oral ones (CL/F), which already
    // carry any change of F, and other enzymes (CYP3A4) take over part of the first pass.
    const firstPass = (fps ?? []).map((fp) => {
      const k = this.species.findIndex((m) => m.parent === species && m.id === fp.metabolite);
      const m = this.species[k] as Species;
      // Ultrarapid metabolisers cannot metabolise more than what F leaves over.
      const fraction = Math.min(1 - F, m.viaCyp2d6 ? fp.fraction.value * this.cyp2d6Activity(pk) : fp.fraction.value);
      return { species: k, share: fraction * m.massRatio };
    });
    this.depots.push({ i: this.size, ka, transit, species, F, firstPass });
    this.size += 1 + transit;
    return this.depots.length - 1;
  }

  /** The entry of an absorbing route (oral, intranasal) or of a formulation of one. */
  private absorbingEntry(r: Absorption, species: number, pk: SpeciesPkData | undefined): Entry {
    const lagH = r.lag?.value ?? 0;
    const transit = r.transit?.value ?? 0;
    const sw = r.swallowed;
    // With a swallowed share, F of the dose enters the absorbing site's depot and all of it is
    // absorbed; the swallowed share goes to a depot of its own (the gut), zero-order over its duration.
    const target = this.depot(species, pk, sw ? 1 : r.F.value, r.ka.value, transit, r.firstPass);
    const entry: Entry = { kind: 'depot', target, F: sw ? r.F.value : 1, lagH, durationH: 0 };
    if (sw) {
      entry.parts = [{ kind: 'depot', target: this.depot(species, pk, sw.F.value, sw.ka.value, 0, sw.firstPass), F: sw.fraction.value, lagH, durationH: sw.duration?.value ?? 0 }];
    }
    return entry;
  }

  /** Plasma concentration of a species in its unit. */
  concentration(y: Float64Array, s: Species): number {
    return ((y[s.iC] as number) / s.V) * s.toConc;
  }

  /**
   * The right-hand side. `rates[i]` is the current zero-order input into state i (amount/h:
   * infusions into central compartments or depots, patches). Built once per run from flat typed
   * arrays (this is the engine's hot loop); allocates nothing per call.
   */
  rhs(rates: Float64Array, withRates = true): (t: number, y: Float64Array, dy: Float64Array) => void {
    const { species, depots, size } = this;
    const n = species.length;
    const col = (f: (s: Species) => number) => Float64Array.from(species, f);
    const iC = Int32Array.from(species, (s) => s.iC);
    const iP = Int32Array.from(species, (s) => s.iP);
    const iE = Int32Array.from(species, (s) => s.iE);
    const parent = Int32Array.from(species, (s) => s.parent);
    const V = col((s) => s.V), CL = col((s) => s.CL), fm = col((s) => s.fm2d6), aadcShare = col((s) => s.aadcFraction);
    const Q = col((s) => s.Q), V2 = col((s) => s.V2), ke0 = col((s) => s.ke0), toConc = col((s) => s.toConc);
    const yieldFrom = col((s) => s.yieldFromParent);
    const yieldOther = col((s) => s.yieldFromOther);
    const viaCyp = Uint8Array.from(species, (s) => (s.viaCyp2d6 ? 1 : 0));
    const inhibitors = species.flatMap((s, k) => (s.ki2d6 > 0 ? [k] : []));
    const inhK = Int32Array.from(inhibitors);
    const inhScale = Float64Array.from(inhibitors, (k) => (species[k] as Species).toConc / ((species[k] as Species).ki2d6 * (species[k] as Species).V));
    const blockers = this.aadcBlockers;
    const blockK = Int32Array.from(blockers);
    const blockTarget = blockers.map((k) => (species[k] as Species).targets.AADC_peripheral as TargetData);
    const dI = Int32Array.from(depots, (d) => d.i);
    const dKa = Float64Array.from(depots, (d) => d.ka);
    const dTransit = Int32Array.from(depots, (d) => d.transit);
    // Where absorbed drug goes: F to the parent's central compartment, first-pass shares to metabolites.
    const routesTo = depots.map((d) => [{ i: (species[d.species] as Species).iC, share: d.F }, ...d.firstPass.map((fp) => ({ i: (species[fp.species] as Species).iC, share: fp.share }))]);
    const dStart = Int32Array.from({ length: depots.length + 1 }, (_, j) => routesTo.slice(0, j).reduce((a, r) => a + r.length, 0));
    const dTo = Int32Array.from(routesTo.flat(), (r) => r.i);
    const dShare = Float64Array.from(routesTo.flat(), (r) => r.share);
    const elim = new Float64Array(n);
    const elimCyp = new Float64Array(n);
    return (_t, y, dy) => {
      dy.fill(0);
      // CYP2D6 inhibition: competitive, Σ C/Ki over inhibitors in plasma.
      let inhibition = 0;
      for (let j = 0; j < inhK.length; j++) {
        const a = y[iC[inhK[j] as number] as number] as number;
        if (a > 0) inhibition += a * (inhScale[j] as number);
      }
      // Peripheral AADC block by the companion (carbidopa): Emax on plasma.
      let aadcBlock = 0;
      for (let j = 0; j < blockK.length; j++) {
        const k = blockK[j] as number;
        const c = Math.max(0, ((y[iC[k] as number] as number) / (V[k] as number)) * (toConc[k] as number));
        aadcBlock = Math.max(aadcBlock, emaxEffect(c, blockTarget[j] as TargetData));
      }
      for (let j = 0; j < dI.length; j++) {
        // The dose moves down the transit chain at ka; what leaves its last compartment is absorbed.
        const ka = dKa[j] as number;
        const first = dI[j] as number;
        const last = first + (dTransit[j] as number);
        dy[first] = -ka * (y[first] as number);
        for (let i = first + 1; i <= last; i++) dy[i] = ka * ((y[i - 1] as number) - (y[i] as number));
        const absorbed = ka * (y[last] as number);
        for (let r = dStart[j] as number; r < (dStart[j + 1] as number); r++) dy[dTo[r] as number] = (dy[dTo[r] as number] as number) + (dShare[r] as number) * absorbed;
      }
      const cypFactor = 1 / (1 + inhibition);
      for (let k = 0; k < n; k++) {
        const ic = iC[k] as number;
        const c = (y[ic] as number) / (V[k] as number);
        const f = fm[k] as number;
        const aadc = 1 - (aadcShare[k] as number) * aadcBlock;
        const e = (CL[k] as number) * (1 - f + f * cypFactor) * aadc * c;
        elim[k] = e;
        elimCyp[k] = (CL[k] as number) * f * cypFactor * aadc * c;
        let d = (dy[ic] as number) - e;
        const ip = iP[k] as number;
        if (ip >= 0) {
          const flow = (Q[k] as number) * (c - (y[ip] as number) / (V2[k] as number));
          d -= flow;
          dy[ip] = flow;
        }
        const par = parent[k] as number;
        if (par >= 0) {
          d += viaCyp[k]
            ? (yieldFrom[k] as number) * (elimCyp[par] as number) + (yieldOther[k] as number) * ((elim[par] as number) - (elimCyp[par] as number))
            : (yieldFrom[k] as number) * (elim[par] as number);
        }
        dy[ic] = d;
        const ie = iE[k] as number;
        if (ie >= 0) dy[ie] = (ke0[k] as number) * (c * (toConc[k] as number) - (y[ie] as number));
      }
      // Runs without infusions or patches skip this pass.
      if (withRates) for (let i = 0; i < size; i++) dy[i] = (dy[i] as number) + (rates[i] as number);
    };
  }
}

/** Emax/Hill effect of one species alone: Emax·x/(1+x), x = (C/C50)^hill. */
export function emaxEffect(c: number, t: TargetData): number {
  const x = hillTerm(c, t);
  return (t.emax.value * x) / (1 + x);
}

/** (C / C50)^hill, capped so that sums and ratios of such terms never overflow to Infinity/NaN. */
export function hillTerm(c: number, t: TargetData): number {
  const x = c / t.c50.value;
  return Math.min(1e150, t.hill.value === 1 ? x : Math.pow(x, t.hill.value));
}

/** Brain targets read the effect site where a species has one; peripheral targets read plasma. */
export function readsEffectSite(target: TargetId, s: Species): boolean {
  return s.iE >= 0 && !PERIPHERAL_TARGETS.has(target);
}
