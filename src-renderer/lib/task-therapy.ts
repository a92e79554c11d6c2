// Therapy as learning in the results panel: each session's plasticity multiplier, what it taught and
// its prediction error (the engine's per-session `therapy.<kind>.*` series), and the learned state at
// the end — for exposure the trauma memory's expression in the therapy room and in everyday
// contexts (renewal), for CBT the strength of the negative expectancy (pure, tested).
import type { Results } from '../../src-engine/results.ts';
import type { Point } from './chart-data.ts';

export const THERAPY_LEARNING_KINDS = ['exposure', 'cbt'] as const;
export type TherapyLearningKind = (typeof THERAPY_LEARNING_KINDS)[number];

export interface TherapySessionRow {
  /** Hours from the start. */
  t: number;
  /** Plasticity multiplier the session read (× healthy at rest). */
  gain: number;
  /** What the session taught (change of the learned state, 0–1). */
  learned: number;
  /** Mean prediction error over the session's trials (0–1). */
  predictionError: number;
}

export interface TherapyLearning {
  kind: TherapyLearningKind;
  sessions: TherapySessionRow[];
  /** End-of-run values of the learned state: series name and value. */
  final: Array<{ name: string; value: number }>;
  /** Exposure only: fear in everyday contexts over fear in the therapy room at the end (renewal; 1 = none). */
  renewal?: number;
}

/** Final values shown per kind (series names, DESIGN.md §4 scheme). */
export const THERAPY_FINAL: Record<TherapyLearningKind, readonly string[]> = {
  exposure: ['therapy.exposure.fear_therapy_context', 'therapy.exposure.fear_original_context'],
  cbt: ['therapy.cbt.expectancy'],
};

const last = (results: Results, name: string): number | undefined => results.series[name]?.v.at(-1);

/** The therapy kinds the run learned from, with their sessions; empty when the scenario has no sessions. */
export function therapyLearning(results: Results): TherapyLearning[] {
  const out: TherapyLearning[] = [];
  for (const kind of THERAPY_LEARNING_KINDS) {
    const taught = results.series[`therapy.${kind}.session_learning`];
    if (!taught || taught.t.length === 0) continue;
    const gain = results.series[`therapy.${kind}.session_gain`];
    const pe = results.series[`therapy.${kind}.prediction_error`];
    const sessions = taught.t.map((t, k) => ({ t, gain: gain?.v[k] ?? Number.NaN, learned: taught.v[k] as number, predictionError: pe?.v[k] ?? Number.NaN }));
    const final = THERAPY_FINAL[kind].flatMap((name) => {
      const value = last(results, name);
      return value === undefined ? [] : [{ name, value }];
    });
    const room = last(results, 'therapy.exposure.fear_therapy_context');
    const everyday = last(results, 'therapy.exposure.fear_original_context');
    out.push({ kind, sessions, final, ...(kind === 'exposure' && room !== undefined && everyday !== undefined && room > 0 ? { renewal: everyday / room } : {}) });
  }
  return out;
}

/** What each session taught (%) against the day of the session, for the chart. */
export function sessionPoints(x: TherapyLearning): Point[] {
  return x.sessions.map((s) => ({ x: s.t / 24, y: 100 * s.learned }));
}
