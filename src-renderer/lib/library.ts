// The scenario library's pure parts: search and sort of the list, names of copies, the name a new
// scenario takes from its condition and interventions, and the autosaved working copy's format.
import type { DrugSummary, Result, ScenarioSummary, WorkingCopy as ContractWorkingCopy } from '../../src-engine/contract/app-api.ts';
import type { Example } from '../../src-engine/examples.ts';
import type { ScenarioInput } from '../../src-engine/index.ts';
import type { Draft } from './draft.ts';
import { libraryEn, libraryZh } from './strings-library.ts';

export type SortKey = 'updated' | 'name' | 'condition';
export const SORT_KEYS: readonly SortKey[] = ['updated', 'name', 'condition'];

/**
 * The list as shown: scenarios whose name or condition (as displayed) contains every word of the
 * query, case- and accent-insensitive; sorted by date modified (newest first), name or condition
 * (then name), in the language's collation.
 */
export function shownScenarios(list: readonly ScenarioSummary[], query: string, sort: SortKey, conditionLabel: (c: string) => string, locale: string): ScenarioSummary[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
  const words = fold(query).split(/\s+/).filter((w) => w !== '');
  const matches = list.filter((s) => {
    const text = fold(`${s.name} ${conditionLabel(s.condition)} ${s.condition}`);
    return words.every((w) => text.includes(w));
  });
  const byName = (a: ScenarioSummary, b: ScenarioSummary) => a.name.localeCompare(b.name, locale, { numeric: true, sensitivity: 'base' });
  const order: Record<SortKey, (a: ScenarioSummary, b: ScenarioSummary) => number> = {
    updated: (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : byName(a, b)),
    name: byName,
    condition: (a, b) => conditionLabel(a.condition).localeCompare(conditionLabel(b.condition), locale) || byName(a, b),
  };
  return [...matches].sort(order[sort]);
}

/** "Name (copy)", then "Name (copy 2)", ...: the first not taken. A copy of a copy copies the base name. */
export function copyName(name: string, taken: readonly string[], word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const base = name.replace(new RegExp(`\\s*\\(${escaped}(?: \\d+)?\\)$`), '');
  const names = new Set(taken);
  for (let n = 1; ; n++) {
    const candidate = `${base} (${word}${n === 1 ? '' : ` ${n}`})`;
    if (!names.has(candidate)) return candidate;
  }
}

type Lang = 'en' | 'zh';
type NamingDraft = Pick<Draft, 'condition' | 'treatmentResistant' | 'rows' | 'sessions' | 'devices'>;

/** What a generated name says: the condition and the interventions, in order, each once. */
function nameParts(draft: NamingDraft, drugs: readonly DrugSummary[], lang: Lang): string[] {
  const t = lang === 'zh' ? libraryZh : libraryEn;
  const parts = [
    ...draft.rows.map((r) => drugs.find((d) => d.id === r.drug)?.name[lang].replace(/\s*[（(].*[)）]$/, '') ?? r.drug),
    ...draft.sessions.map((s) => t.nameParts[s.kind] ?? s.kind),
    ...draft.devices.map((d) => t.nameParts[d.type === 'tms' && 'protocol' in d && d.protocol !== '10hz' && d.protocol !== '1hz' ? d.protocol : d.type] ?? d.type),
  ];
  return [...new Set(parts)];
}

/** The key of what a generated name depends on: the name follows when it changes. */
export function nameKey(draft: NamingDraft, lang: Lang): string {
  return JSON.stringify([lang, draft.condition, draft.condition === 'depression' && draft.treatmentResistant, draft.rows.map((r) => r.drug), draft.sessions.map((s) => s.kind), draft.devices.map((d) => d.type)]);
}

/** "Sertraline in depression", "Ketamine + CBT in treatment-resistant depression", "抑郁症：舍曲林". */
export function scenarioName(draft: NamingDraft, drugs: readonly DrugSummary[], lang: Lang): string {
  const t = lang === 'zh' ? libraryZh : libraryEn;
  const trd = draft.condition === 'depression' && draft.treatmentResistant;
  const condition = t.nameConditions[trd ? 'trd' : draft.condition] ?? draft.condition;
  const parts = nameParts(draft, drugs, lang);
  if (parts.length === 0) return draft.condition === 'healthy' ? t.nameHealthy : t.nameUntreated(lang === 'en' ? condition.charAt(0).toUpperCase() + condition.slice(1) : condition);
  const joined = parts.join(t.nameJoin);
  return t.nameIn(lang === 'en' ? joined.charAt(0).toUpperCase() + joined.slice(1) : joined, condition);
}

/** The unsaved editor state (kept by the backend in the data folder; this page's storage only when the backend refuses). */
export type WorkingCopy = ContractWorkingCopy;

/** The key of the page-storage fallback (per data folder). */
export function workingCopyKey(dataDir: string): string {
  return `modulon.workingCopy:${dataDir}`;
}

/** A stored working copy, or undefined if there is none or it cannot be read (then it is ignored). */
export function readWorkingCopy(text: string | null): WorkingCopy | undefined {
  if (text === null) return undefined;
  try {
    const w = JSON.parse(text) as Partial<WorkingCopy>;
    if (w.v !== 1 || typeof w.doc !== 'object' || w.doc === null || typeof w.savedAt !== 'string') return undefined;
    return w as WorkingCopy;
  } catch {
    return undefined;
  }
}

/** The copy to restore: the newer of the backend's and the page-storage fallback (the backend's on a tie). */
export function newestCopy(backend: WorkingCopy | undefined, fallback: WorkingCopy | undefined): WorkingCopy | undefined {
  if (!fallback) return backend;
  if (!backend) return fallback;
  return fallback.savedAt > backend.savedAt ? fallback : backend;
}

type ExampleDraft = NamingDraft & Pick<Draft, 'name' | 'autoName' | 'base'>;

/**
 * An example whose name and description are still its own follows a change of language: both are
 * written in `to`, and the generated-name key moves to `to` so the name is not regenerated. What
 * the user changed stays: a name typed or generated after a change of condition or drug, a
 * description changed in the document (the editor shows it not; it lives in `base`). Returns whether the draft still shows the example's own name or description
 * (false: the example's texts are gone, nothing more to follow).
 */
export function followExample(draft: ExampleDraft, example: Pick<Example, 'title' | 'summary'>, from: Lang, to: Lang): boolean {
  const ownName = draft.name === example.title[from] && (draft.autoName === undefined || draft.autoName === nameKey(draft, from));
  const ownDescription = draft.base?.description === example.summary[from];
  if (from === to) return ownName || ownDescription;
  if (ownName) {
    draft.name = example.title[to];
    if (draft.autoName !== undefined) draft.autoName = nameKey(draft, to);
  }
  if (ownDescription && draft.base) draft.base = { ...draft.base, description: example.summary[to] };
  return ownName || ownDescription;
}

/**
 * Makes a write until it is not refused as `busy` (a restore of a backup in progress): `waiting`
 * is told while it waits, `tries` bounds the attempts (then the busy refusal is returned).
 */
export async function untilNotBusy<T>(
  attempt: () => Promise<Result<T>>,
  options: { waitMs: number; tries: number; waiting: (on: boolean) => void; sleep?: (ms: number) => Promise<void> },
): Promise<Result<T>> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  try {
    for (let n = 1; ; n++) {
      const out = await attempt();
      if (out.ok || out.error.code !== 'busy' || n >= options.tries) return out;
      options.waiting(true);
      await sleep(options.waitMs);
    }
  } finally {
    options.waiting(false);
  }
}
