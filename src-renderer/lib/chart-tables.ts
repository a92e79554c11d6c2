// The columns of the data tables behind the compare panels and the task charts (pure, tested): a
// column per drawn line, headed with its unit, holding the drawn points; ChartFrame lays them out.
import type { ComparePanel } from './compare-data.ts';
import { CURVE_AXES, type TaskGroup } from './task-data.ts';
import { sessionPoints, type TherapyLearning } from './task-therapy.ts';
import type { TableColumn } from './time-axis.ts';

type Table = Record<string, string>;

/** The data table of a compare panel: a column per arm, headed with the unit (Δ on a difference chart). */
export function comparePanelColumns(panel: ComparePanel, t: { unitNames: Table; compareColumn: (arm: string, unit: string, diff: boolean) => string }, diff: boolean): TableColumn[] {
  const unit = t.unitNames[panel.unit] ?? panel.unit;
  return panel.lines.map((l) => ({ label: t.compareColumn(l.name, unit, diff), points: l.points }));
}

/** A curve's name, with its run's time when the task runs more than once (the chart's legend). */
export function curveLabel(group: TaskGroup, runT: number, curve: string, t: { curveNames: Table }, runLabel: (h: number) => string): string {
  const name = t.curveNames[curve] ?? curve;
  return group.runs.length > 1 ? `${runLabel(runT)} · ${name}` : name;
}

/** The data table of a paradigm's curves: a column per run and curve, headed with the unit of y. */
export function taskCurveColumns(group: TaskGroup, t: { curveNames: Table; curveUnits: Table }, runLabel: (h: number) => string): TableColumn[] {
  const axes = CURVE_AXES[group.task];
  const unit = axes ? t.curveUnits[axes.y] : undefined;
  return group.runs.flatMap((run) => run.curves.map((c) => ({ label: `${curveLabel(group, run.t, c.curve, t, runLabel)}${unit ? ` (${unit})` : ''}`, points: c.points })));
}

/** The data table of the therapy chart: a column per kind, what each session taught (%). */
export function therapyColumns(kinds: readonly TherapyLearning[], t: { therapyLearnKinds: Table }): TableColumn[] {
  return kinds.map((k) => ({ label: `${t.therapyLearnKinds[k.kind] ?? k.kind} (%)`, points: sessionPoints(k) }));
}
