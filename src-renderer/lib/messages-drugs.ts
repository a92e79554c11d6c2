// The messages of the custom-drug parser (src-engine/drugs/custom.ts) and of the dosing-record
// parsers (src-engine/pk/records.ts, records-csv.ts) in Chinese, naming the field as the form or
// the CSV column does and what was expected; plus zod's own default messages, which the backend's
// custom-drug save passes through unchanged. Part of the catalogue in messages.ts;
// messages-drugs.test.ts sweeps bad input through both parsers and counts their message literals.
import type { MessagePattern } from './messages.ts';

/** The fields and columns the parsers name, as the Chinese form and CSV help name them. */
const FIELD: Record<string, string> = {
  CL: 'CL（清除率）',
  V: 'V（中央室容积）',
  Q: 'Q（室间清除率）',
  V2: 'V2（外周室容积）',
  ka: 'ka（吸收速率常数）',
  F: 'F（生物利用度）',
  lag: 'lag（滞后时间）',
  transit: 'transit（转运室数）',
  ke0: 'ke0（效应室平衡速率常数）',
  wear: 'wear（贴剂佩戴时长）',
  maxDailyDose: 'maxDailyDose（每日最大剂量）',
  'potency (EC50/IC50/Ki)': '效价（EC50/IC50/Ki）',
  potency: '效价（EC50/IC50/Ki）',
  emax: 'Emax（最大效应）',
  hill: 'Hill 系数',
  'time (h)': 'time（时间，h）',
  'amt (mg)': 'amt（剂量，mg）',
  'rate (mg/h)': 'rate（输注速率，mg/h）',
  'dur (h)': 'dur（输注时长，h）',
  'ii (h)': 'ii（给药间隔，h）',
  'lag (h)': 'lag（滞后时间，h）',
  ii: 'ii（给药间隔）',
  addl: 'addl（追加给药次数）',
  f: 'f（生物利用度系数）',
  'CL/V': 'CL/V（消除速率常数）',
  'Q/V': 'Q/V',
  'Q/V2': 'Q/V2',
};
const field = (f: string) => FIELD[f] ?? f;
/** The field names as one regex alternation, longest first ("potency (EC50/IC50/Ki)" before "potency"). */
const F = `(${Object.keys(FIELD)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  .join('|')})`;
const re = (source: string) => new RegExp(`^${source}$`);
const or = (list: string) => list.replace(/ or /g, ' 或 ');

/** zod's type names in its default messages. */
const TYPE: Record<string, string> = { number: '数字', string: '文本', object: '对象', array: '列表', boolean: '真或假', int: '整数', nan: 'NaN', NaN: 'NaN', undefined: '空' };

export const DRUG_PATTERNS: readonly MessagePattern[] = [
  // The custom drug (custom.ts).
  { id: 'drug-id', kind: 'field', re: /^expected an id of lowercase letters, digits and dashes, starting with a letter$/, zh: () => '药物标识（由名称生成）应由小写字母、数字和连字符组成，并以字母开头：请在名称中用拉丁字母开头' },
  { id: 'drug-name', kind: 'field', re: /^expected a name$/, zh: () => '需要药物名称' },
  { id: 'drug-routes', kind: 'field', re: /^expected at least one route$/, zh: () => '至少选择一种给药途径' },
  { id: 'drug-route-once', kind: 'field', re: /^expected each route once$/, zh: () => '每种给药途径只能选一次' },
  { id: 'quantity-missing', kind: 'field', re: re(`expected ${F} \\(a number in (.+)\\)`), zh: (f, units) => `需要 ${field(f!)}：以 ${or(units!)} 为单位的数字` },
  { id: 'quantity-fraction', kind: 'field', re: re(`expected ${F} as a number from 0 to 1`), zh: (f) => `${field(f!)}应为 0 到 1 之间的数字` },
  { id: 'quantity-number', kind: 'field', re: re(`expected ${F} as a number`), zh: (f) => `${field(f!)}应为数字` },
  { id: 'quantity-shape', kind: 'field', re: re(`expected ${F} as \\{ value, unit \\}`), zh: (f) => `${field(f!)}应写成 { value, unit }（数值与单位）` },
  { id: 'quantity-unit', kind: 'field', re: re(`expected the unit of ${F} to be one of (.+)`), zh: (f, list) => `${field(f!)}的单位应为 ${list} 之一` },
  { id: 'quantity-positive', kind: 'field', re: re(`expected ${F} greater than 0, got (.+)`), zh: (f, g) => `${field(f!)}应大于 0，当前为 ${g}` },
  { id: 'quantity-non-negative', kind: 'field', re: re(`expected ${F} ≥ 0(?:, got (.+))?`), zh: (f, g) => `${field(f!)}应 ≥ 0${g === undefined ? '' : `，当前为 ${g}`}` },
  { id: 'quantity-max', kind: 'field', re: re(`expected ${F} of at most (\\S+)(?: (\\S+))?(?:, got (.+))?`), zh: (f, n, u, g) => `${field(f!)}至多为 ${n}${u ? ` ${u}` : ''}${g === undefined ? '' : `，当前为 ${g}`}` },
  { id: 'quantity-min', kind: 'field', re: re(`expected ${F} of at least (\\S+)(?: (\\S+))?`), zh: (f, n, u) => `${field(f!)}至少为 ${n}${u ? ` ${u}` : ''}` },
  { id: 'quantity-between', kind: 'field', re: re(`expected ${F} from (\\S+) to (\\S+)`), zh: (f, a, b) => `${field(f!)}应在 ${a} 到 ${b} 之间` },
  { id: 'drug-transit', kind: 'field', re: /^expected transit as a whole number of compartments from 0 to 20$/, zh: () => `${FIELD.transit}应为 0 到 20 之间的整数` },
  { id: 'rate-fast', kind: 'field', re: re(`${F} is (\\S+)/h; expected at most (\\S+)/h \\(faster than any built-in drug\\)`), zh: (f, k, max) => `${field(f!)}为 ${k}/h，已快于任何内置药物；应至多为 ${max}/h` },
  { id: 'rate-slow', kind: 'field', re: re(`${F} is (\\S+)/h \\(half-life (\\S+) days\\); expected at least (\\S+)/h`), zh: (f, k, days, min) => `${field(f!)}为 ${k}/h（半衰期 ${days} 天）；应至少为 ${min}/h` },
  { id: 'drug-ka-needed', kind: 'field', re: /^an oral or intranasal route needs ka \(absorption rate, 1\/h\)$/, zh: () => `口服或鼻内给药需要 ${FIELD.ka}，单位 1/h` },
  { id: 'drug-two-compartment', kind: 'field', re: /^a two-compartment model needs Q and V2$/, zh: () => `二室模型需要 ${FIELD.Q} 和 ${FIELD.V2}` },
  { id: 'drug-one-compartment', kind: 'field', re: /^Q and V2 belong to a two-compartment model$/, zh: () => 'Q 和 V2 只用于二室模型' },
  { id: 'drug-built-in', kind: 'field', re: /^(?:(".+") )?is a built-in drug(?:; choose another id)?$/, zh: (id) => `${id ? `${id} ` : ''}与内置药物重名：请换一个名称` },

  // One dosing record (records.ts).
  { id: 'record-cmt', kind: 'field', re: /^expected cmt "depot" or "central" \(1 or 2 in CSV\)$/, zh: () => 'cmt（给药部位）应为 "depot" 或 "central"（CSV 中为 1 或 2）' },
  { id: 'record-addl', kind: 'field', re: /^expected addl as a whole number$/, zh: () => `${FIELD.addl}应为整数` },
  { id: 'record-ss', kind: 'field', re: /^expected ss 0, 1 or 2$/, zh: () => 'ss（稳态标志）应为 0、1 或 2' },
  { id: 'record-evid', kind: 'field', re: /^expected evid 1 \(dose\), 3 \(reset\) or 4 \(reset and dose\)$/, zh: () => 'evid（事件类型）应为 1（给药）、3（重置）或 4（重置并给药）' },
  { id: 'record-rate-dur', kind: 'field', re: /^rate and dur both given; expected one of them$/, zh: () => 'rate（输注速率）与 dur（输注时长）同时给出：只能填其一' },
  { id: 'record-addl-ii', kind: 'field', re: /^addl without ii; expected ii > 0 with additional doses$/, zh: () => `有 addl 而无 ii：追加给药需要 ${FIELD.ii} > 0` },
  { id: 'record-reset', kind: 'field', re: /^a reset \(evid 3\) carries no dose; expected amt 0, ss 0, addl 0$/, zh: () => '重置记录（evid 3）不含剂量：amt、ss、addl 应为 0' },
  { id: 'record-ss-ii', kind: 'field', re: /^steady state needs ii > 0 \(or amt 0 with a rate for a constant infusion\)$/, zh: () => `稳态需要 ${FIELD.ii} > 0（恒速输注则 amt 为 0 并给出 rate）` },
  { id: 'record-amt', kind: 'field', re: /^a dose record needs amt > 0$/, zh: () => '给药记录需要 amt（剂量）> 0' },
  { id: 'record-ii-min', kind: 'field', re: /^expected ii of at least 1 min \((\S+) h\), got (\S+)$/, zh: (h, g) => `${FIELD.ii}至少为 1 min（${Number(h).toPrecision(3)} h），当前为 ${g}` },
  { id: 'record-ss-span', kind: 'field', re: /^at steady state, expected lag \+ infusion duration at most 50 × ii \((\S+) h\), got (\S+) h$/, zh: (max, g) => `稳态下，lag（滞后时间）加输注时长应至多为 50 × ii（${max} h），当前为 ${g} h` },

  // A CSV file of records (records-csv.ts; the row/column frame is in messages.ts).
  { id: 'csv-short', kind: 'field', re: /^expected a header row and at least one record$/, zh: () => '需要一行表头和至少一条记录' },
  { id: 'csv-rows', kind: 'field', re: /^expected at most (\S+) rows \(header included\), got (\S+); split the file, by ID, into smaller ones$/, zh: (n, g) => `至多 ${n} 行（含表头），当前为 ${g} 行：请按 ID 拆分为较小的文件` },
  { id: 'csv-time-column', kind: 'field', re: /^expected a "time" column \(hours\)$/, zh: () => '需要 "time" 列（时间，小时）' },
  { id: 'csv-number', kind: 'field', re: /^expected a number, got (.+)$/, zh: (g) => `应为数字，当前为 ${g}` },
  { id: 'csv-time', kind: 'field', re: /^expected a time \(hours\)$/, zh: () => '需要时间（小时）' },
  { id: 'csv-sorted', kind: 'field', re: /^time goes back \((\S+) after (\S+)\) within ID (.+); expected records sorted by time$/, zh: (a, b, id) => `时间倒退（ID ${id} 中 ${a} 出现在 ${b} 之后）：记录应按时间排序` },
  { id: 'csv-cmt', kind: 'field', re: /^expected 1 \(depot\), 2 \(central\), "depot" or "central", got (.+)$/, zh: (g) => `cmt 应为 1（储库）、2（中央室）、"depot" 或 "central"，当前为 ${g}` },
  { id: 'csv-rate', kind: 'field', re: /^expected a rate ≥ 0 \(give an infusion's duration in "dur" instead of NONMEM's rate (\S+)\)$/, zh: (r) => `rate 应 ≥ 0（输注时长请写在 "dur" 列，不用 NONMEM 的 rate ${r}）` },
  { id: 'csv-one-subject', kind: 'field', re: /^expected the records of one subject \(ID\), found (\d+)$/, zh: (n) => `应为一个受试者（ID）的记录，当前有 ${n} 个` },
  { id: 'csv-more', kind: 'field', re: /^and (\d+) more$/, zh: (n) => `另有 ${n} 处` },

  // zod's defaults, passed through unchanged by the backend's custom-drug save.
  {
    id: 'zod-size',
    kind: 'field',
    re: /^Too (big|small): expected (\w+) to (?:have|be) (<=|>=|<|>)(\S+)(?: (characters|items))?$/,
    zh: (side, _t, op, n, u) => `${side === 'big' ? '至多' : '至少'}${op === '<' || op === '>' ? '（不含）' : ''} ${n}${u === 'characters' ? ' 个字符' : u === 'items' ? ' 项' : ''}`,
  },
  { id: 'zod-option', kind: 'field', re: /^Invalid option: expected one of (.+)$/, zh: (list) => `应为 ${list!.split('|').join('、')} 之一` },
  { id: 'zod-type', kind: 'field', re: /^Invalid input: expected (\w+), received (\w+)$/, zh: (t, g) => `应为${TYPE[t!] ?? t}，当前为 ${TYPE[g!] ?? g}` },
  { id: 'zod-keys', kind: 'field', re: /^Unrecognized keys?: (.+)$/, zh: (keys) => `未知的键 ${keys}` },
];
