// The data tables behind the compare panels and the task charts: a column per line, headed with the
// unit in both languages, holding the drawn points.
import { describe, expect, it } from 'vitest';
import { comparePanelColumns, taskCurveColumns, therapyColumns } from './chart-tables.ts';
import type { ComparePanel } from './compare-data.ts';
import { compareEn, compareZh } from './strings-compare.ts';
import type { TaskGroup } from './task-data.ts';
import { tasksEn, tasksZh } from './strings-tasks.ts';
import { devicesEn, devicesZh } from './strings-devices.ts';

const panel: ComparePanel = {
  series: 'scale.madrs',
  unit: 'points',
  thresholds: [],
  magnitude: 30,
  lines: [
    { arm: 0, name: 'Sertraline', colour: '#000', dash: [], points: [{ x: 0, y: 30 }, { x: 1, y: 28 }] },
    { arm: 1, name: 'Sertraline + CBT', colour: '#111', dash: [], points: [{ x: 0, y: 30 }] },
  ],
};

describe('data-table columns', () => {
  it('a compare panel: a column per arm with the unit, Δ on a difference chart', () => {
    const en = { ...devicesEn, ...compareEn };
    const zh = { ...devicesZh, ...compareZh };
    const cols = comparePanelColumns(panel, en, false);
    expect(cols.map((c) => c.label)).toEqual([`Sertraline (points)`, `Sertraline + CBT (points)`]);
    expect(cols[0]?.points).toBe(panel.lines[0]?.points);
    expect(comparePanelColumns(panel, en, true)[1]?.label).toBe('Sertraline + CBT, Δ (points)');
    expect(comparePanelColumns(panel, zh, true)[0]?.label).toBe('Sertraline，Δ (分)');
  });

  it('task curves: a column per run and curve with the unit of y; the therapy chart in percent', () => {
    const group = {
      task: 'probabilistic-selection',
      runs: [
        { t: 24, curves: [{ curve: 'accuracy', points: [{ x: 1, y: 55 }] }] },
        { t: 30 * 24, curves: [{ curve: 'accuracy', points: [{ x: 1, y: 60 }] }] },
      ],
    } as unknown as TaskGroup;
    expect(taskCurveColumns(group, tasksEn, tasksEn.taskWhen).map((c) => c.label)).toEqual(['at 24 h · Correct choices (%)', 'on day 30 · Correct choices (%)']);
    const one = { ...group, task: 'fear-conditioning', runs: [{ t: 24, curves: [{ curve: 'acquisition', points: [] }] }] } as unknown as TaskGroup;
    expect(taskCurveColumns(one, tasksZh, tasksZh.taskWhen)[0]?.label).toBe('条件化 (× 健康渐近值)');
    const cols = therapyColumns([{ kind: 'cbt', sessions: [{ t: 48, learned: 0.25 }] } as never], tasksEn);
    expect(cols[0]?.label).toBe(`${tasksEn.therapyLearnKinds.cbt} (%)`);
    expect(cols[0]?.points).toEqual([{ x: 2, y: 25 }]);
  });
});
