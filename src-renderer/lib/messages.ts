// The engine's validation and safety messages in Simplified Chinese where their pattern is known
// (ranges, durations, start/stop, task times, DBS charge, TMS seizure risk); anything else is shown as the engine wrote it.
import type { Lang } from './i18n.svelte.ts';

type Rule = [RegExp, (...m: string[]) => string];

/** Units the engine spells out in words. */
const UNIT: Record<string, string> = { '% of motor threshold': '% MT' };
const range = (min: string, max: string, unit: string | undefined) => `${min}–${max}${unit ? ` ${UNIT[unit] ?? unit}` : ''}`;
const side = (s: string) => (s === 'below' ? '低于下限' : '高于上限');

/** The limit part of a TMS safety message (Wassermann's table, or the theta-burst intensity tested in trials). */
function tmsLimit(text: string): string {
  let m = /^(\S+) s trains against a (\S+) s limit at (\S+) % MT$/.exec(text);
  if (m) return `每串 ${m[1]} s，${m[3]} % MT 时上限 ${m[2]} s`;
  m = /^(\S+) % MT against the (\S+) % MT tested in large trials$/.exec(text);
  if (m) return `${m[1]} % MT，大型试验检验至 ${m[2]} % MT`;
  return text;
}

const ZH: Rule[] = [
  [/^expected .+? from (-?[\d.]+) to (-?[\d.]+)(?: ([^,]+?))?, but it is missing$/, (min, max, unit) => `必填：${range(min!, max!, unit)}`],
  [/^expected .+? from (-?[\d.]+) to (-?[\d.]+)(?: ([^,]+?))? as a number, got (.+)$/, (min, max, unit, got) => `应为数字（${range(min!, max!, unit)}），当前为 ${got}`],
  [/^expected .+? from (-?[\d.]+) to (-?[\d.]+)(?: ([^,]+?))? as a whole number, got (.+)$/, (min, max, unit, got) => `应为整数（${range(min!, max!, unit)}），当前为 ${got}`],
  [/^expected .+? from (-?[\d.]+) to (-?[\d.]+)(?: ([^,]+?))?, got (.+) \((below|above) [-\d.]+\)$/, (min, max, unit, got, s) => `超出范围：应为 ${range(min!, max!, unit)}，当前为 ${got}（${side(s!)}）`],
  [/^expected .+? as a duration such as .+, got (.+)$/, (got) => `应为时长，例如 "40min"、"24h"、"3d" 或 "12w"（数字加 min、h、d 或 w），当前为 ${got}`],
  [/^expected .+? as a string such as "3d" or "6w"$/, () => '应为时长，例如 "3d" 或 "6w"'],
  [/^expected a stop time after start \((.+)\), got (.+)$/, (start, got) => `停止时间应晚于开始时间（${start}），当前为 ${got}`],
  [/^expected a start time before the end of the scenario \((.+)\), got (.+)$/, (end, got) => `开始时间应早于情景结束（${end}），当前为 ${got}`],
  [/^expected a task time within the scenario \((.+)\), got (.+)$/, (end, got) => `任务时间应在情景时长（${end}）以内，当前为 ${got}`],
  [/^expected an amplitude: .+$/, () => '需要幅度：电压 (V) 或电流 (mA)'],
  [/^expected either "amplitudeV" or "amplitudeMa", not both$/, () => '电压 (V) 与电流 (mA) 只能二选一'],
  [
    /^Shannon k = (\S+) exceeds the tissue-damage limit (\S+) \((\S+) µC\/phase, (\S+) µC\/cm²\/phase over (\S+) cm²\); lower \S+ or pulseWidthUs\.$/,
    (k, limit, q, d, a) => `Shannon k = ${k} 超过组织损伤上限 ${limit}（每相 ${q} µC，${a} cm² 触点上 ${d} µC/cm²/相）：请降低幅度或脉宽。`,
  ],
  [
    /^(interventions\[\d+\]: )?charge density (\S+) µC\/cm²\/phase is above the (\S+) µC\/cm² programming limit, though within Shannon's k ≤ (\S+) \(k = (\S+)\); consider lowering \S+ or pulseWidthUs\.$/,
    (at, d, lim, kmax, k) => `${at ?? ''}电荷密度 ${d} µC/cm²/相 高于 ${lim} µC/cm² 的程控上限，但仍在 Shannon k ≤ ${kmax} 以内（k = ${k}）；可考虑降低幅度或脉宽。`,
  ],
  [
    /^(interventions\[\d+\]: )?TMS outside the safety guidelines \((.+)\): seizure risk about 1 in (\d+) sessions\.$/,
    (at, limit, n) => `${at ?? ''}TMS 超出安全指南（${tmsLimit(limit!)}）：癫痫发作风险约每 ${n} 次治疗 1 次。`,
  ],
];

export function localise(message: string, lang: Lang): string {
  if (lang !== 'zh') return message;
  for (const [re, fn] of ZH) {
    const m = re.exec(message);
    if (m) return fn(...m.slice(1).map((x) => x as string));
  }
  return message;
}
