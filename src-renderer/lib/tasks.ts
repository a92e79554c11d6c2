// Learning-task rows of the editor (paradigm, time, options with the engine's ranges, units and
// defaults read from its zod schemas) and the mapping to and from a scenario's `tasks` (pure, tested).
import type { z } from 'zod';
import { TASK_IDS, TASK_OPTION_SCHEMAS, type TaskId } from '../../src-engine/learning/index.ts';
import type { ScenarioInput } from '../../src-engine/index.ts';

export { TASK_IDS, type TaskId };

type TaskInput = NonNullable<ScenarioInput['tasks']>[number];

/** One task of the scenario as the editor holds it: numbers as typed text, flags and menus as values. */
export interface TaskRow {
  task: TaskId;
  /** Time of the task from the start ("4w"). */
  at: string;
  /** Option values the user set; an absent or empty one is the engine's default. */
  options: Record<string, string | boolean>;
  /** Keys of an opened entry that the schema does not know (kept, and refused by the engine at their path). */
  extra?: Record<string, unknown>;
}

/** One option field of a task, from the engine's schema. */
export type TaskField =
  | { key: string; kind: 'number'; range: readonly [number, number]; unit: string; integer: boolean; default: number }
  | { key: string; kind: 'flag'; default: boolean }
  | { key: string; kind: 'choice'; choices: readonly string[]; default: string };

interface Def {
  type: string;
  innerType?: { def: Def; minValue?: number | null; maxValue?: number | null; isInt?: boolean; options?: readonly string[] };
  defaultValue?: unknown;
}

/** The unit the schema writes after a range in its description ("0–30 d (default 1)" → "d"). */
export function unitOf(description: string | undefined): string {
  return /–-?[\d.]+ ([^\s(]+) \(default/.exec(description ?? '')?.[1] ?? '';
}

/** The option fields of a paradigm in the schema's order, with ranges, units and defaults. */
export function taskFields(task: TaskId): TaskField[] {
  const shape = (TASK_OPTION_SCHEMAS[task] as z.ZodObject).shape as Record<string, { def: Def; description?: string }>;
  return Object.entries(shape).map(([key, schema]): TaskField => {
    const inner = schema.def.innerType;
    const def = schema.def.defaultValue;
    if (inner?.def.type === 'boolean') return { key, kind: 'flag', default: def as boolean };
    if (inner?.def.type === 'enum') return { key, kind: 'choice', choices: inner.options ?? [], default: def as string };
    return { key, kind: 'number', range: [inner?.minValue ?? 0, inner?.maxValue ?? 0], unit: unitOf(schema.description), integer: inner?.isInt === true, default: def as number };
  });
}

/** The paradigm a condition suggests first (what it is known for in the literature). */
export const SUGGESTED_TASK: Record<string, TaskId> = {
  healthy: 'spacing',
  alzheimers: 'episodic-memory',
  parkinsons: 'probabilistic-selection',
  depression: 'reversal-learning',
  schizophrenia: 'reversal-learning',
  ptsd: 'fear-conditioning',
  bipolar: 'reversal-learning',
};

/** A new task at the end of the scenario (a duration the user typed), with every option at its default. */
export function newTask(task: TaskId, duration: string): TaskRow {
  return { task, at: duration.trim() || '0d', options: {} };
}

/** A number as a number, anything else as typed (the validator says what it expected); empty leaves the key out. */
function num(text: string): number | string | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const x = Number(s);
  return Number.isFinite(x) ? x : s;
}

export function taskEntry(row: TaskRow): TaskInput {
  const out: Record<string, unknown> = { ...row.extra, task: row.task, at: row.at.trim() || '0d' };
  for (const f of taskFields(row.task)) {
    const v = row.options[f.key];
    if (v === undefined) continue;
    const value = typeof v === 'string' && f.kind === 'number' ? num(v) : v;
    if (value !== undefined && value !== '') out[f.key] = value;
  }
  return out as unknown as TaskInput;
}

/** A task of an opened document as a row. */
export function taskRowOf(entry: TaskInput): TaskRow {
  const { task, at, ...rest } = entry as unknown as Record<string, unknown> & { task: TaskId; at: string };
  const known = new Set(taskFields(task).map((f) => f.key));
  const options: TaskRow['options'] = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (!known.has(key)) extra[key] = value;
    else options[key] = typeof value === 'boolean' ? value : String(value);
  }
  return { task, at, options, ...(Object.keys(extra).length > 0 ? { extra } : {}) };
}

/** The value a field shows: what the user set, else the default (flags and menus always show one). */
export function optionValue(row: TaskRow, f: TaskField): string | boolean {
  const v = row.options[f.key];
  if (f.kind === 'number') return typeof v === 'string' ? v : '';
  return v ?? f.default;
}
