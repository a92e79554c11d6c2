// The shared time axis: ticks by span, labels in hours, clock time, days or weeks, distinct colours, data-table rows.
import { describe, expect, it } from 'vitest';
import { chartsEn } from './strings-charts.ts';
import { dayClock, lineStyle, LINE_COLOURS, tableRows, tickLabel, tickStyle, timeInWords, timeTicks } from './time-axis.ts';

describe('time axis', () => {
  it('chooses ticks on multiples of a step, at most ten intervals; whole weeks for a 12-week run', () => {
    expect(timeTicks(0, 2016)).toEqual([0, 336, 672, 1008, 1344, 1680, 2016]);
    expect(timeTicks(0, 24)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24]);
    expect(timeTicks(1.1, 3.3)).toEqual([1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25]);
    const t = timeTicks(339, 341);
    expect(t[0]).toBe(339);
    expect(t.length).toBeLessThanOrEqual(11);
  });

  it('labels a short run in hours, a day of a long run in clock time, weeks beyond eight', () => {
    expect(tickStyle(24, 24)).toBe('hours');
    expect(tickStyle(24, 2016)).toBe('clock');
    expect(tickStyle(7 * 24, 2016)).toBe('days');
    expect(tickStyle(2016, 2016)).toBe('weeks');
    expect(tickLabel(6, 'hours', chartsEn)).toBe('6 h');
    expect(tickLabel(24 * 14 + 6.5, 'clock', chartsEn)).toBe('day 15 06:30');
    expect(tickLabel(36, 'days', chartsEn)).toBe('1.5 d');
    expect(tickLabel(672, 'weeks', chartsEn)).toBe('4 w');
  });

  it('reads a time aloud as a day and a clock time, not as a number of hours', () => {
    expect(dayClock(0)).toEqual({ day: 1, clock: '00:00' });
    expect(dayClock(23.999)).toEqual({ day: 2, clock: '00:00' });
    expect(timeInWords(2016, 2016, chartsEn)).toBe('day 85, 00:00');
    expect(timeInWords(1.5, 24, chartsEn)).toBe('1.5 h');
  });

  it('never repeats a colour and dash within a chart', () => {
    const styles = Array.from({ length: 40 }, (_, i) => lineStyle(i));
    expect(new Set(styles.map((s) => `${s.colour}|${s.dash.join()}`)).size).toBe(40);
    expect(new Set(styles.slice(0, LINE_COLOURS.length).map((s) => s.colour)).size).toBe(LINE_COLOURS.length);
  });

  it('keeps the rows of the window, and the peaks when it thins them', () => {
    const points = Array.from({ length: 1001 }, (_, k) => ({ x: k, y: k === 437 ? 99 : Math.sin(k) }));
    const sparse = [{ x: 10, y: 5 }, { x: 2000, y: 6 }];
    const all = tableRows([{ label: 'a', points }, { label: 'b', points: sparse }], 0, 20);
    expect(all.total).toBe(21);
    expect(all.x).toHaveLength(21);
    expect(all.cells[10]).toEqual([Math.sin(10), 5]);
    expect(all.cells[11]![1]).toBeUndefined();
    const thin = tableRows([{ label: 'a', points }], 0, 1000, 50);
    expect(thin.total).toBe(1001);
    expect(thin.x.length).toBeLessThanOrEqual(53);
    expect(thin.x).toContain(437);
    expect(thin.x.at(-1)).toBe(1000);
  });
});
