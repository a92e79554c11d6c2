// The compare view's arms and the `modulon.comparison/1` document made from them (pure, tested):
// an arm edited from the base is sent as the base's variation (patient, change, remove, add) when
// it can be written as one, else as a whole scenario; a saved scenario goes by its id while it is
// unchanged. And back: the arms of a saved comparison as scenarios to edit.
import { COMPARISON_SCHEMA, type AnalysisInput, type ArmInput, type ComparisonInput, type InterventionInput } from '../../src-engine/contract/reports.ts';
import type { ScenarioInput } from '../../src-engine/index.ts';

/** Where an arm came from: the base, a stored scenario (by id, with its document as stored), or its own scenario. */
export type ArmOrigin = { kind: 'base' } | { kind: 'stored'; scenarioId: string; stored: ScenarioInput } | { kind: 'own' };

export interface ArmSpec {
  /** The arm's scenario; its name is the arm's name. */
  doc: ScenarioInput;
  origin: ArmOrigin;
}

export type Variation = Pick<ArmInput, 'patient' | 'change' | 'remove' | 'add'>;

type Obj = Record<string, unknown>;

/** JSON with sorted keys and no undefined members: equal documents give equal text. */
export function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Obj).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** Keys of `to` that differ from `from` (null for a key `to` no longer has). */
function changedKeys(from: Obj, to: Obj): Obj {
  const out: Obj = {};
  for (const k of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (to[k] === undefined && from[k] !== undefined) out[k] = null;
    else if (to[k] !== undefined && canonical(to[k]) !== canonical(from[k])) out[k] = to[k];
  }
  return out;
}

/** Pairs of indices of equal items, in order (a longest common subsequence). */
function matches(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const L = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i]![j] = a[i] === b[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const out: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) out.push([i++, j++]);
    else if (L[i + 1]![j]! >= L[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

/**
 * The arm as a variation of the base, or undefined when it differs in something a variation cannot
 * say (duration, tasks, seed, sampling, user-defined drugs, ...). Interventions the two share are
 * matched first; between them, one of the same type is a change, the rest removals and additions.
 */
export function variationOf(base: ScenarioInput, arm: ScenarioInput): Variation | undefined {
  const { name: _bn, patient: bp, interventions: bi = [], ...bRest } = base;
  const { name: _an, patient: ap, interventions: ai = [], ...aRest } = arm;
  if (canonical(bRest) !== canonical(aRest)) return undefined;
  const out: Variation = {};
  const patient = changedKeys(bp as Obj, ap as Obj);
  if (Object.keys(patient).length > 0) out.patient = patient;
  const from = bi.map(canonical);
  const to = ai.map(canonical);
  const pairs = [...matches(from, to), [bi.length, ai.length] as [number, number]];
  const change: NonNullable<Variation['change']> = [];
  const remove: number[] = [];
  const add: InterventionInput[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of pairs) {
    const gone = Array.from({ length: mi - i }, (_, k) => i + k);
    const come = Array.from({ length: mj - j }, (_, k) => j + k);
    for (const k of gone) {
      const same = come.findIndex((c) => ai[c]?.type === bi[k]?.type);
      if (same < 0) {
        remove.push(k);
        continue;
      }
      const [c] = come.splice(same, 1) as [number];
      change.push({ intervention: k, set: changedKeys(bi[k] as Obj, ai[c] as Obj) });
    }
    for (const c of come) add.push(ai[c] as InterventionInput);
    i = mi + 1;
    j = mj + 1;
  }
  if (change.length > 0) out.change = change;
  if (remove.length > 0) out.remove = remove;
  if (add.length > 0) out.add = add;
  return out;
}

/** A variation applied to the base, as the backend resolves an arm (patient, change, remove, add). */
export function applyVariation(base: ScenarioInput, arm: ArmInput): ScenarioInput {
  const interventions = (base.interventions ?? []).map((iv) => ({ ...(iv as Obj) }));
  for (const ch of arm.change ?? []) {
    const target = interventions[ch.intervention];
    if (!target) continue;
    for (const [k, v] of Object.entries(ch.set)) {
      if (v === null) delete target[k];
      else target[k] = v;
    }
  }
  const removed = new Set(arm.remove ?? []);
  const kept = [...interventions.filter((_, k) => !removed.has(k)), ...(arm.add ?? []).map((iv) => ({ ...(iv as Obj) }))];
  const patient: Obj = { ...(base.patient as Obj) };
  for (const [k, v] of Object.entries(arm.patient ?? {})) {
    if (v === null) delete patient[k];
    else patient[k] = v;
  }
  return { ...base, name: arm.name.trim(), patient: patient as ScenarioInput['patient'], interventions: kept as ScenarioInput['interventions'] };
}

/** The comparison document of the view: the base (if an arm starts from it), each arm, the analysis. */
export function comparisonDoc(name: string, base: ScenarioInput | undefined, arms: readonly ArmSpec[], analysis: AnalysisInput = {}): ComparisonInput {
  const usesBase = base !== undefined && arms.some((a) => a.origin.kind === 'base');
  const armInput = (a: ArmSpec): ArmInput => {
    const armName = a.doc.name;
    if (a.origin.kind === 'stored' && canonical({ ...a.origin.stored, name: '' }) === canonical({ ...a.doc, name: '' })) return { name: armName, scenarioId: a.origin.scenarioId };
    if (a.origin.kind === 'base' && base !== undefined) {
      const v = variationOf(base, a.doc);
      if (v) return { name: armName, ...v };
    }
    return { name: armName, scenario: a.doc };
  };
  return {
    schema: COMPARISON_SCHEMA,
    name: name.trim() || arms.map((a) => a.doc.name).join(' vs '),
    ...(usesBase ? { base } : {}),
    arms: arms.map(armInput),
    ...analysis,
  };
}

/** The arms of a saved comparison, each as a scenario to edit (stored scenarios as the comparison copied them). */
export function armsOf(doc: ComparisonInput): ArmSpec[] {
  return doc.arms.map((arm): ArmSpec => {
    if (arm.scenario !== undefined) {
      const own = { ...arm.scenario, name: arm.name };
      return { doc: own, origin: arm.scenarioId !== undefined ? { kind: 'stored', scenarioId: arm.scenarioId, stored: arm.scenario } : { kind: 'own' } };
    }
    if (doc.base === undefined) return { doc: { schema: 'modulon.scenario/1', name: arm.name, duration: '1w', patient: { condition: 'healthy' } }, origin: { kind: 'own' } };
    return { doc: applyVariation(doc.base, arm), origin: { kind: 'base' } };
  });
}

/** A name not yet taken by another arm ("Ketamine alone (2)"). */
export function uniqueName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.trim().toLowerCase()));
  if (!lower.has(name.trim().toLowerCase())) return name;
  const stem = name.replace(/ \(\d+\)$/, '');
  for (let k = 2; ; k++) if (!lower.has(`${stem} (${k})`.toLowerCase())) return `${stem} (${k})`;
}

/** Times typed as "1d, 1w, 6w" (commas, semicolons or spaces); empty for the defaults. */
export function parseTimes(text: string): string[] {
  return text.split(/[\s,;，、]+/).map((s) => s.trim()).filter(Boolean);
}
