// The engine's messages (field errors and run warnings are English sentences) in the reader's
// language: a typed catalogue of the engine's message patterns, each with its Chinese rendering.
// messages.test.ts runs scenarios that raise every warning the engine builds and fails on one
// without a pattern here; a message that matches no pattern is shown as the engine wrote it.
import type { Lang } from './i18n.svelte.ts';
import { DRUG_PATTERNS } from './messages-drugs.ts';

/** Where a pattern comes from: a run warning (results.warnings), a refusal of a field, or the app's frame around one. */
export type MessageKind = 'warning' | 'field' | 'app';

export interface MessagePattern {
  /** Stable name, used by the tests to check that each engine warning builder has its pattern. */
  id: string;
  kind: MessageKind;
  re: RegExp;
  zh: (...m: string[]) => string;
}

/** Patient profiles as the engine names them in a warning. */
const CONDITION: Record<string, string> = { healthy: '健康', alzheimers: '阿尔茨海默病', parkinsons: '帕金森病', depression: '抑郁症', schizophrenia: '精神分裂症', ptsd: 'PTSD', bipolar: '双相障碍' };
/** Units the engine spells out in words. */
const UNIT: Record<string, string> = { '% of motor threshold': '% MT' };
const range = (min: string, max: string, unit: string | undefined) => `${min}–${max}${unit ? ` ${UNIT[unit] ?? unit}` : ''}`;
const side = (s: string) => (s === 'below' ? '低于下限' : '高于上限');
/** A JSON path prefix such as "interventions[2]: " stays a path (it points at the row). */
const at = (p: string | undefined) => p ?? '';

/** What a duration field is, as the engine names it (scenario.ts durationString). */
const WHAT: Record<string, string> = {
  duration: '时长',
  dose: '剂量',
  'infusion duration': '输注时长',
  'start time': '开始时间',
  'stop time': '停止时间',
  'dosing interval': '给药间隔',
  'step time': '剂量调整时间',
  'missed dose time': '漏服时间',
  'session interval': '治疗间隔',
  'missed session time': '缺席治疗时间',
  'task time': '任务时间',
  'sampling interval': '采样间隔',
  'probe interval': '探针间隔',
  'probe time': '探针时间',
};
const what = (w: string) => WHAT[w] ?? w;

/** zod's type names in "expected number, got ..." messages. */
const TYPE: Record<string, string> = { number: '数字', string: '文本', object: '对象', array: '列表', boolean: '真或假', int: '整数' };
/** Values as the engine describes them ("an array", "an object", "boolean", "NaN"). */
const VALUE: Record<string, string> = { 'an array': '列表', 'an object': '对象', boolean: '真/假值', null: '空值', NaN: 'NaN' };
const got = (v: string) => VALUE[v] ?? v;

/** The limit part of a TMS safety message (Wassermann's table, or the theta-burst intensity tested in trials). */
function tmsLimit(text: string): string {
  let m = /^(\S+) s trains against a (\S+) s limit at (\S+) % MT$/.exec(text);
  if (m) return `每串 ${m[1]} s，${m[3]} % MT 时上限 ${m[2]} s`;
  m = /^no train-duration limit at (\S+) % MT$/.exec(text);
  if (m) return `${m[1]} % MT 时无刺激串时长上限`;
  m = /^(\S+) % MT against the (\S+) % MT tested in large trials$/.exec(text);
  if (m) return `${m[1]} % MT，大型试验检验至 ${m[2]} % MT`;
  return text;
}

const P = '(interventions\\[\\d+\\]: )?';

export const PATTERNS: readonly MessagePattern[] = [
  // Run warnings (results.warnings): one pattern per builder in the engine.
  {
    id: 'user-defined-drug',
    kind: 'warning',
    re: /^(\S+): user-defined, not validated \(its parameters come from the user, not from the literature\)$/,
    zh: (id) => `${id}：用户自定义，未经验证（参数来自用户而非文献）`,
  },
  {
    id: 'labelled-maximum',
    kind: 'warning',
    re: /^(\S+): (\S+) mg within 24 h exceeds the labelled maximum of (\S+) (\S+); source: (.+)$/,
    zh: (id, mg, max, unit, source) => `${id}：24 小时内 ${mg} mg，超过说明书最大剂量 ${max} ${unit === 'mg/day' ? 'mg/天' : unit}；来源：${source}`,
  },
  {
    id: 'records-steady-state',
    kind: 'warning',
    re: /^(\S+): the steady state of the record at (\S+) h was not reached within (\d+) dosing intervals; the state after them is used$/,
    zh: (drug, t, n) => `${drug}：${t} h 处记录的稳态在 ${n} 个给药间隔内未达到；采用这些间隔之后的状态`,
  },
  {
    id: 'dbs-charge-density',
    kind: 'warning',
    re: new RegExp(`^${P}charge density (\\S+) µC/cm²/phase is above the (\\S+) µC/cm² programming limit, though within Shannon's k ≤ (\\S+) \\(k = (\\S+)\\); consider lowering \\S+ or pulseWidthUs\\.$`),
    zh: (p, d, lim, kmax, k) => `${at(p)}电荷密度 ${d} µC/cm²/相 高于 ${lim} µC/cm² 的程控上限，但仍在 Shannon k ≤ ${kmax} 以内（k = ${k}）；可考虑降低幅度或脉宽。`,
  },
  {
    id: 'tms-seizure-risk',
    kind: 'warning',
    re: new RegExp(`^${P}TMS (outside|within) the safety guidelines \\((.+)\\): seizure risk (?:about 1 in (\\d+) sessions|(none))\\.$`),
    zh: (p, side, limit, n, none) =>
      `${at(p)}TMS ${side === 'outside' ? '超出' : '符合'}安全指南（${tmsLimit(limit!)}）：${none ? '无癫痫发作风险' : `癫痫发作风险约每 ${n} 次治疗 1 次`}。`,
  },
  {
    id: 'tdcs-beyond-trials',
    kind: 'warning',
    re: new RegExp(`^${P}tDCS beyond the doses tested in depression trials \\(at most (\\S+) mA, (\\S+) min, (\\S+) sessions a day; (.+)\\): the model extrapolates; longer or stronger sessions can reverse the after-effect \\((.+)\\), which it does not simulate\\.$`),
    zh: (p, ma, min, perDay, sources, reversal) =>
      `${at(p)}tDCS 超出抑郁症试验检验过的剂量（至多 ${ma} mA、${min} min、每日 ${perDay} 次；${sources}）：模型在此外推；更长或更强的刺激可能使后效应反转（${reversal}），模型未模拟这一点。`,
  },
  {
    id: 'exposure-without-trauma',
    kind: 'warning',
    re: new RegExp(`^${P}exposure sessions extinguish a conditioned trauma memory, and the (\\S+) profile carries none, so in this model they teach nothing here \\(CBT is the therapy modelled for depressive beliefs\\)$`),
    zh: (p, condition) => `${at(p)}暴露治疗消退的是条件化的创伤记忆，而${CONDITION[condition!] ?? condition}的患者档案中没有这种记忆，因此在本模型中这些治疗在此学不到任何东西（针对抑郁信念建模的治疗是认知行为治疗）`,
  },
  {
    id: 'ect-beyond-course',
    kind: 'warning',
    re: new RegExp(`^${P}ECT beyond a usual acute course \\(up to (\\S+) sessions, (\\S+) a week; (.+)\\): cognitive side effects accumulate, and the model's benefit past a usual course is an extrapolation\\.$`),
    zh: (p, n, perWeek, source) => `${at(p)}ECT 超出常规急性疗程（至多 ${n} 次、每周 ${perWeek} 次；${source}）：认知副作用会累积，模型对常规疗程之后疗效的估计是外推。`,
  },

  // Field errors of the custom drug and the dosing records (messages-drugs.ts), before the generic frames below.
  ...DRUG_PATTERNS,

  // Field errors: ranges of numbers (devices, tasks, patient).
  { id: 'range-missing', kind: 'field', re: /^expected .+? from (-?[\d.]+) to (-?[\d.]+)(?: ([^,]+?))?, but it is missing$/, zh: (min, max, unit) => `必填：${range(min!, max!, unit)}` },
  { id: 'range-number', kind: 'field', re: /^expected .+? from (-?[\d.]+) to (-?[\d.]+)(?: ([^,]+?))? as a number, got (.+)$/, zh: (min, max, unit, g) => `应为数字（${range(min!, max!, unit)}），当前为 ${got(g!)}` },
  { id: 'range-integer', kind: 'field', re: /^expected .+? from (-?[\d.]+) to (-?[\d.]+)(?: ([^,]+?))? as a whole number, got (.+)$/, zh: (min, max, unit, g) => `应为整数（${range(min!, max!, unit)}），当前为 ${got(g!)}` },
  { id: 'range-outside', kind: 'field', re: /^expected .+? from (-?[\d.]+) to (-?[\d.]+)(?: ([^,]+?))?, got (.+) \((below|above) [-\d.]+\)$/, zh: (min, max, unit, g, s) => `超出范围：应为 ${range(min!, max!, unit)}，当前为 ${g}（${side(s!)}）` },

  // Durations and times.
  { id: 'duration-format', kind: 'field', re: /^expected (?:.+? as )?a duration such as .+, got (.+)$/, zh: (g) => `应为时长，例如 "40min"、"24h"、"3d" 或 "12w"（数字加 min、h、d 或 w），当前为 ${g}` },
  { id: 'duration-string', kind: 'field', re: /^expected (.+?) as a string such as "24h"$/, zh: (w) => `${what(w!)}应写成带单位的文本，例如 "24h"` },
  { id: 'duration-weeks', kind: 'field', re: /^expected .+? as a string such as "3d" or "6w"$/, zh: () => '应为时长，例如 "3d" 或 "6w"' },
  { id: 'duration-zero', kind: 'field', re: /^expected a (.+?) greater than zero, got (.+)$/, zh: (w, g) => `${what(w!)}应大于零，当前为 ${g}` },
  { id: 'duration-min', kind: 'field', re: /^expected a (.+?) of at least (\S+) min, got (.+)$/, zh: (w, n, g) => `${what(w!)}至少为 ${n} min，当前为 ${g}` },
  { id: 'duration-max', kind: 'field', re: /^expected a (.+?) of at most 5 years, got (.+)$/, zh: (w, g) => `${what(w!)}至多为 5 年，当前为 ${g}` },
  { id: 'stop-after-start', kind: 'field', re: /^expected a stop time after start \((.+)\), got (.+)$/, zh: (start, g) => `停止时间应晚于开始时间（${start}），当前为 ${g}` },
  { id: 'start-before-end', kind: 'field', re: /^expected a start time before the end of the scenario \((.+)\), got (.+)$/, zh: (end, g) => `开始时间应早于情景结束（${end}），当前为 ${g}` },
  { id: 'task-time', kind: 'field', re: /^expected a task time within the scenario \((.+)\), got (.+)$/, zh: (end, g) => `任务时间应在情景时长（${end}）以内，当前为 ${g}` },
  { id: 'probe-time', kind: 'field', re: /^expected a probe time within the scenario \((.+)\), got (.+)$/, zh: (end, g) => `探针时间应在情景时长（${end}）以内，当前为 ${g}` },
  { id: 'every-needed', kind: 'field', re: /^expected "every" \(the interval\) when "(stop|count)" is given$/, zh: (k) => `填写了${k === 'stop' ? '“停止”' : '“次数”'}时，需要填写“间隔”` },

  // Doses.
  { id: 'dose-format', kind: 'field', re: /^expected a dose such as "10 mg", "0\.5 mg\/kg" or "200 µg" .*?, got (.+)$/, zh: (g) => `应为剂量，例如 "10 mg"、"0.5 mg/kg" 或 "200 µg"（数字加 µg、mg 或 g，可加 /kg），当前为 ${g}` },
  { id: 'dose-string', kind: 'field', re: /^expected a dose (?:as a string )?such as "10 mg"(?: \(or "records"\))?$/, zh: () => '需要剂量，例如 "10 mg"（或给药记录）' },
  { id: 'dose-ceiling', kind: 'field', re: /^expected a dose of at most (\S+) g, got (.+) \((\S+) mg\)$/, zh: (g1, g, mg) => `剂量至多为 ${g1} g，当前为 ${g}（${mg} mg）` },
  { id: 'dose-unit', kind: 'field', re: /^expected a dose in (\S+) \(the range's unit\), got (.+)$/, zh: (u, g) => `剂量单位应为 ${u}（与范围一致），当前为 ${g}` },
  { id: 'dose-labelled-range', kind: 'field', re: /^expected a dose inside the labelled range (\S+)–(\S+) (\S+), got (.+)$/, zh: (a, b, u, g) => `剂量应在说明书范围 ${a}–${b} ${u} 内，当前为 ${g}` },
  { id: 'route-of-drug', kind: 'field', re: /^expected a route of (\S+): (.+); got (.+)$/, zh: (d, list, g) => `${d} 的给药途径应为 ${list} 之一，当前为 ${g}` },
  { id: 'route', kind: 'field', re: /^expected a route of the drug \((.+)\), got (.+)$/, zh: (routes, g) => `应为该药物的给药途径（${routes}），当前为 ${g}` },
  { id: 'unknown-drug', kind: 'field', re: /^unknown drug (.+?); expected one of (.+) \(or a drug defined under "customDrugs"\)$/, zh: (d, list) => `未知药物 ${d}；应为 ${list} 之一（或在 "customDrugs" 中定义的药物）` },
  { id: 'formulation', kind: 'field', re: /^expected a formulation of (\S+) by (\S+): (.+); got (.+)$/, zh: (d, r, list, g) => `${d}（${r}）的剂型应为 ${list} 之一，当前为 ${g}` },
  { id: 'no-formulation', kind: 'field', re: /^expected no formulation \((\S+) has none by (\S+)\); got (.+)$/, zh: (d, r, g) => `${d}（${r}）没有剂型可选，当前为 ${g}` },
  { id: 'formulation-records', kind: 'field', re: /^expected "formulation" only with dose\/every regimens, not with "records"$/, zh: () => '“剂型”只能用于剂量/间隔方案，不能与给药记录同用' },
  { id: 'records-or', kind: 'field', re: /^expected either "records" or "(\S+)", not both \(records carry their own times, amounts, rates and intervals\)$/, zh: (k) => `给药记录与 "${k}" 只能二选一（记录自带时间、剂量、速率和间隔）` },
  { id: 'max-doses', kind: 'field', re: /^expected at most (\d+) doses and sessions in one scenario, got (\d+)$/, zh: (n, g) => `一个情景至多 ${n} 次给药和治疗，当前为 ${g}` },
  { id: 'max-samples', kind: 'field', re: /^expected at most (\d+) samples; (\S+) over (\S+) gives (\d+)$/, zh: (n, s, d, g) => `采样点至多 ${n} 个；${d} 内每 ${s} 采样得到 ${g} 个` },
  {
    id: 'max-output',
    kind: 'field',
    re: /^expected at most (\S+) output values; (\S+) over (\S+) gives (\S+) samples of about (\d+) series \((\d+) drugs?\): choose a sampling of at least (\d+) min or a shorter duration$/,
    zh: (n, s, d, samples, series, drugs, min) => `输出值至多 ${n} 个；${d} 内每 ${s} 采样得到 ${samples} 个采样点，约 ${series} 条序列（${drugs} 种药物）：请把采样间隔设为至少 ${min} min，或缩短时长`,
  },
  { id: 'max-probes', kind: 'field', re: /^expected at most (\d+) probes; (\S+) over (\S+) gives (\d+)$/, zh: (n, e, d, g) => `探针至多 ${n} 个；${d} 内每 ${e} 一次得到 ${g} 个` },

  // Devices.
  { id: 'amplitude-missing', kind: 'field', re: /^expected an amplitude: .+$/, zh: () => '需要幅度：电压 (V) 或电流 (mA)' },
  { id: 'amplitude-both', kind: 'field', re: /^expected either "amplitudeV" or "amplitudeMa", not both$/, zh: () => '电压 (V) 与电流 (mA) 只能二选一' },
  {
    id: 'dbs-shannon',
    kind: 'field',
    re: /^Shannon k = (\S+) exceeds the tissue-damage limit (\S+) \((\S+) µC\/phase, (\S+) µC\/cm²\/phase over (\S+) cm²\); lower \S+ or pulseWidthUs\.$/,
    zh: (k, limit, q, d, a) => `Shannon k = ${k} 超过组织损伤上限 ${limit}（每相 ${q} µC，${a} cm² 触点上 ${d} µC/cm²/相）：请降低幅度或脉宽。`,
  },

  // The patient and zod's generic frames (scenario.ts describeIssue).
  { id: 'severity', kind: 'field', re: /^expected "mild", "moderate", "severe" or a number from 0 to 1, got (.+)$/, zh: (g) => `应为 "mild"、"moderate"、"severe" 或 0 到 1 之间的数字，当前为 ${got(g!)}` },
  { id: 'choice', kind: 'field', re: /^expected .+?: one of (.+), (?:got (.+)|but it is missing)$/, zh: (list, g) => (g === undefined ? `必填：应为 ${list} 之一` : `应为 ${list} 之一，当前为 ${got(g)}`) },
  { id: 'one-of', kind: 'field', re: /^expected one of (.+), (?:got (.+)|but it is missing)$/, zh: (list, g) => (g === undefined ? `必填：应为 ${list} 之一` : `应为 ${list} 之一，当前为 ${got(g)}`) },
  { id: 'at-most', kind: 'field', re: /^expected at most (\S+)( items| characters)?, got (.+)$/, zh: (n, u, g) => `至多 ${n}${u === ' items' ? ' 项' : u === ' characters' ? ' 个字符' : ''}，当前为 ${got(g!)}` },
  { id: 'at-least', kind: 'field', re: /^expected at least (\S+)( items| characters)?, got (.+)$/, zh: (n, u, g) => `至少 ${n}${u === ' items' ? ' 项' : u === ' characters' ? ' 个字符' : ''}，当前为 ${got(g!)}` },
  { id: 'type-missing', kind: 'field', re: /^expected (number|string|object|array|boolean|int), but it is missing$/, zh: (t) => `必填：应为${TYPE[t!] ?? t}` },
  { id: 'type', kind: 'field', re: /^expected (number|string|object|array|boolean|int), got (.+)$/, zh: (t, g) => `应为${TYPE[t!] ?? t}，当前为 ${got(g!)}` },
  { id: 'unknown-key', kind: 'field', re: /^unknown keys? (.+)$/, zh: (keys) => `未知的键 ${keys}` },
  { id: 'scenario-schema', kind: 'field', re: /^expected "(modulon\.scenario\/\d+)", got (.+)$/, zh: (s, g) => `应为 "${s}"，当前为 ${g}` },
  { id: 'scenario-object', kind: 'field', re: /^expected a JSON object with "schema": "modulon\.scenario\/1"$/, zh: () => '应为带有 "schema": "modulon.scenario/1" 的 JSON 对象' },

  // The backend's and the import's frames around an engine message (the inner message is localised too).
  { id: 'in-scenario-file', kind: 'app', re: /^scenario file (\S+): (.+)$/, zh: (p, m) => `情景文件 ${p}：${inner(m!)}` },
  { id: 'in-scenario', kind: 'app', re: /^scenario (\S+): (.+)$/, zh: (p, m) => `情景 ${p}：${inner(m!)}` },
  { id: 'in-drug', kind: 'app', re: /^drug (\S+): (.+)$/, zh: (p, m) => `药物 ${p}：${inner(m!)}` },
  { id: 'in-csv-row', kind: 'app', re: /^row (\d+)(?:, column ([^:]*))?: (.+)$/, zh: (row, col, m) => `第 ${row} 行${col ? `，${col} 列` : ''}：${inner(m!)}` },
  { id: 'not-json', kind: 'app', re: /^not a JSON file \((.+)\)$/, zh: (why) => `不是 JSON 文件（${why}）` },
  { id: 'not-found', kind: 'app', re: /^(scenario|run|comparison) (\S+) does not exist$/, zh: (what, id) => `${({ scenario: '情景', run: '运行', comparison: '比较' } as Record<string, string>)[what!]} ${id} 不存在` },
  { id: 'run-cancelled', kind: 'app', re: /^(?:[\w:]+: )?the run was cancelled$/, zh: () => '运行已取消' },
  { id: 'engine-closed', kind: 'app', re: /^(?:[\w:]+: )?the engine was closed$/, zh: () => '引擎已关闭' },
  {
    id: 'run-timeout',
    kind: 'app',
    re: /^(?:[\w:]+: )?the run was stopped after (\S+) s \(the time limit\); shorten the duration, coarsen the sampling or use fewer drugs$/,
    zh: (s) => `运行在 ${s} s 后被停止（时间上限）；请缩短时长、加大采样间隔或减少药物`,
  },
  { id: 'internal', kind: 'app', re: /^internal error in (\S+): (.+)$/, zh: (m, why) => `${m} 内部错误：${why}` },
];

/** An engine message inside a frame, in Chinese (as the engine wrote it when unknown). */
const inner = (m: string): string => localise(m, 'zh');

/** The pattern an engine message matches, if any. */
export function patternOf(message: string): { pattern: MessagePattern; groups: string[] } | undefined {
  for (const pattern of PATTERNS) {
    const m = pattern.re.exec(message);
    if (m) return { pattern, groups: m.slice(1) as string[] };
  }
  return undefined;
}

export function localise(message: string, lang: Lang): string {
  if (lang !== 'zh') return message;
  const hit = patternOf(message);
  return hit ? hit.pattern.zh(...hit.groups) : message;
}
