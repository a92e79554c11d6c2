// English and Simplified Chinese strings, switchable at run time; units stay untranslated.
import { compareEn, compareZh } from './strings-compare.ts';
import { tasksEn, tasksZh } from './strings-tasks.ts';
import { windowsEn, windowsZh } from './strings-windows.ts';
import { libraryEn, libraryZh } from './strings-library.ts';
import { settingsEn, settingsZh } from './strings-settings.ts';
import { seriesEn, seriesZh } from './strings-series.ts';
import { devicesEn, devicesZh } from './strings-devices.ts';
import { validationEn, validationZh } from './strings-validation.ts';
import { chartsEn, chartsZh } from './strings-charts.ts';
import { previewEn, previewZh } from './strings-preview.ts';

const en = {
  appTagline: 'What-if lab for the pharmacology of learning and memory',
  scenarios: 'Scenarios',
  scenario: 'Scenario',
  newScenario: 'New scenario',
  noScenarios: 'No saved scenarios yet.',
  name: 'Name',
  patient: 'Patient',
  condition: 'Condition',
  weight: 'Weight (kg)',
  age: 'Age (years)',
  duration: 'Duration',
  durationHint: 'e.g. 12w, 30d, 72h',
  interventions: 'Dosing',
  drug: 'Drug',
  route: 'Route',
  routes: { oral: 'oral', iv: 'IV', intranasal: 'intranasal', patch: 'patch' } as Record<string, string>,
  infusion: 'Infusion',
  over: 'over',
  infusionHint: 'infusion, e.g. 40min',
  dose: 'Dose',
  every: 'Every',
  start: 'Start',
  stop: 'Stop',
  optional: 'optional',
  labelledMax: 'labelled maximum',
  addSchedule: 'Add dose schedule',
  remove: 'Remove',
  run: 'Run',
  save: 'Save',
  exportCsv: 'Export CSV',
  exportJson: 'Export scenario',
  exportJsonHint: 'Save this scenario as a self-contained .modulon.json file (your own drugs included)',
  importJson: 'Import scenario',
  importJsonHint: 'Open a .modulon.json scenario file as a new, unsaved scenario',
  exportNeedsSave: 'Save the scenario and run it to export its series',
  unsaved: 'unsaved changes',
  saved: 'Saved',
  preview: 'Preview run (not stored): save to keep it',
  storedRun: 'Stored run',
  engine: 'engine',
  seed: 'seed',
  plasma: 'Plasma concentration',
  inhibition: 'Target inhibition / occupancy',
  targetNames: {
    AChE: 'Brain AChE inhibition', AChE_rbc: 'Red-cell AChE inhibition', BuChE: 'BuChE inhibition', AADC_peripheral: 'Peripheral AADC inhibition',
  } as Record<string, string>,
  occupancyOf: 'occupancy',
  doses: 'Doses',
  days: 'Time (days)',
  hours: 'Time (hours)',
  chartEmpty: 'Press Run to simulate this scenario.',
  noDrugs: 'No drugs in this scenario, so there is no plasma chart.',
  chartLabel: 'Chart of plasma concentrations and target engagement over time',
  brainChartLabel: 'Chart of brain and symptom series over time',
  warnings: 'Warnings',
  fixFields: 'Some fields need a fix',
  language: '中文',
  conditions: {
    healthy: 'Healthy', alzheimers: "Alzheimer's disease", parkinsons: "Parkinson's disease", depression: 'Depression',
    schizophrenia: 'Schizophrenia', ptsd: 'PTSD', bipolar: 'Bipolar disorder',
  } as Record<string, string>,
  severity: 'Severity',
  severities: { mild: 'mild', moderate: 'moderate', severe: 'severe' } as Record<string, string>,
  treatmentResistant: 'treatment-resistant',
  therapy: 'Psychotherapy',
  therapyKind: 'Sessions',
  therapyKinds: { cbt: 'CBT (cognitive-behavioural)', exposure: 'Exposure' } as Record<string, string>,
  sessionCount: 'Number',
  addSessions: 'Add therapy sessions',
  therapyHint: 'Each session is a learning event: what it teaches scales with the plasticity gain at that moment (higher for days after ketamine, lower in depression).',
  brainTitle: 'Brain and symptoms',
  seriesGroups: { scale: 'Symptom scales', adverse: 'Side effects', nt: 'Transmitters', plasticity: 'Plasticity', circuit: 'Receptors and circuits', disease: 'Disease and learning' } as Record<string, string>,
  group: 'Show',
  ratioAxis: 'Relative to healthy (× or fraction)',
  pointsAxis: 'Scale points',
  whyTitle: 'Why? The mechanism chain',
  whyIntro: 'From the doses to the readout at one moment: each link now, and at the start of the run.',
  whyReadout: 'Readout',
  whyAt: 'At',
  layers: { dose: 'dose', plasma: 'plasma', target: 'target', transmitter: 'transmitter', receptor: 'receptor', adaptation: 'adaptation', plasticity: 'plasticity', circuit: 'circuit', learning: 'learning', disease: 'disease', readout: 'readout' } as Record<string, string>,
  now: 'now',
  atStart: 'at start',
  hoursAgo: (h: number) => `${h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`} ago`,
  userDefined: 'user-defined, not validated',
  userDefinedShort: 'user-defined',
  userDefinedHint: 'You defined this drug: its parameters come from you, not from the literature, and no validation case checks them.',
  records: 'Dosing records',
  recordsHint: 'Paste or load dosing records as CSV: time (h), amt (mg), cmt (1 depot, 2 central), rate (mg/h) or dur (h), ii (h), addl, ss, evid, lag, f.',
  recordsCsv: 'Dosing records CSV',
  recordsCount: (n: number) => `${n} dosing record${n === 1 ? '' : 's'}`,
  editRecords: 'Edit',
  clearRecords: 'Clear',
  loadCsv: 'Load a CSV file',
  useRecords: 'Use records',
  cancel: 'Cancel',
  defineDrug: 'Define your own drug',
  defineDrugIntro: 'A drug you define runs through the whole engine like a built-in one. Units are fixed; leave a field empty if it does not apply.',
  drugName: 'Drug name',
  model: 'Model',
  models: { 'one-compartment': 'one compartment', 'two-compartment': 'two compartments' } as Record<string, string>,
  routesLabel: 'Routes',
  target: 'Target',
  none: 'none',
  potency: 'EC50 / IC50 / Ki',
  lag: 'Lag',
  transit: 'Transit compartments',
  saveDrug: 'Save drug',
  drugSaved: 'Drug saved: pick it in a dosing row.',
  myDrugs: 'My drugs',
  deleteDrug: 'Delete drug',
  validation: 'Validation',
  workbench: 'Workbench',
  ...tasksEn,
  ...windowsEn,
  ...libraryEn,
  ...settingsEn,
  ...seriesEn,
  ...devicesEn,
  ...validationEn,
  ...compareEn,
  ...chartsEn,
  ...previewEn,
};

export type Strings = typeof en;

const zh: Strings = {
  appTagline: '学习与记忆药理学的“假如”实验室',
  scenarios: '情景',
  scenario: '情景设置',
  newScenario: '新建情景',
  noScenarios: '尚无已保存的情景。',
  name: '名称',
  patient: '患者',
  condition: '状况',
  weight: '体重 (kg)',
  age: '年龄（岁）',
  duration: '时长',
  durationHint: '例如 12w、30d、72h',
  interventions: '给药',
  drug: '药物',
  route: '途径',
  routes: { oral: '口服', iv: '静脉', intranasal: '鼻内', patch: '贴剂' },
  infusion: '输注',
  over: '输注',
  infusionHint: '输注时长，例如 40min',
  dose: '剂量',
  every: '间隔',
  start: '开始',
  stop: '停止',
  optional: '可选',
  labelledMax: '说明书最大剂量',
  addSchedule: '添加给药方案',
  remove: '移除',
  run: '运行',
  save: '保存',
  exportCsv: '导出 CSV',
  exportJson: '导出情景',
  exportJsonHint: '将此情景保存为独立的 .modulon.json 文件（包含您自定义的药物）',
  importJson: '导入情景',
  importJsonHint: '将 .modulon.json 情景文件作为新的未保存情景打开',
  exportNeedsSave: '保存并运行情景后即可导出数据序列',
  unsaved: '有未保存的更改',
  saved: '已保存',
  preview: '预览运行（未存储）：保存以保留',
  storedRun: '已存储的运行',
  engine: '引擎',
  seed: '种子',
  plasma: '血浆浓度',
  inhibition: '靶点抑制 / 占有率',
  targetNames: { AChE: '脑内 AChE 抑制', AChE_rbc: '红细胞 AChE 抑制', BuChE: 'BuChE 抑制', AADC_peripheral: '外周 AADC 抑制' },
  occupancyOf: '占有率',
  doses: '给药',
  days: '时间（天）',
  hours: '时间（小时）',
  chartEmpty: '点击“运行”模拟此情景。',
  noDrugs: '此情景中没有药物，因此没有血浆浓度图。',
  chartLabel: '血浆浓度与靶点结合随时间变化的图表',
  brainChartLabel: '大脑与症状指标随时间变化的图表',
  warnings: '警告',
  fixFields: '部分字段需要修改',
  language: 'English',
  conditions: {
    healthy: '健康', alzheimers: '阿尔茨海默病', parkinsons: '帕金森病', depression: '抑郁症',
    schizophrenia: '精神分裂症', ptsd: '创伤后应激障碍', bipolar: '双相情感障碍',
  },
  severity: '严重程度',
  severities: { mild: '轻度', moderate: '中度', severe: '重度' },
  treatmentResistant: '难治性',
  therapy: '心理治疗',
  therapyKind: '疗程',
  therapyKinds: { cbt: '认知行为治疗（CBT）', exposure: '暴露治疗' },
  sessionCount: '次数',
  addSessions: '添加心理治疗',
  therapyHint: '每次治疗都是一次学习：所学多少取决于当时的可塑性增益（氯胺酮后数天更高，抑郁时更低）。',
  brainTitle: '大脑与症状',
  seriesGroups: { scale: '症状量表', adverse: '不良反应', nt: '神经递质', plasticity: '可塑性', circuit: '受体与环路', disease: '疾病与学习' },
  group: '显示',
  ratioAxis: '相对健康（倍数或比例）',
  pointsAxis: '量表分数',
  whyTitle: '为什么？机制链',
  whyIntro: '从给药到某一时刻的读数：每个环节的当前值与运行开始时的值。',
  whyReadout: '读数',
  whyAt: '时刻',
  layers: { dose: '给药', plasma: '血浆', target: '靶点', transmitter: '递质', receptor: '受体', adaptation: '适应', plasticity: '可塑性', circuit: '环路', learning: '学习', disease: '疾病', readout: '读数' },
  now: '当前',
  atStart: '开始时',
  hoursAgo: (h: number) => (h < 48 ? `${h.toFixed(1)} 小时前` : `${(h / 24).toFixed(1)} 天前`),
  userDefined: '用户自定义，未经验证',
  userDefinedShort: '自定义',
  userDefinedHint: '这是您定义的药物：参数来自您本人而非文献，没有任何验证案例对其进行检验。',
  records: '给药记录',
  recordsHint: '粘贴或载入 CSV 格式的给药记录：time (h)、amt (mg)、cmt（1 储库，2 中央室）、rate (mg/h) 或 dur (h)、ii (h)、addl、ss、evid、lag、f。',
  recordsCsv: '给药记录 CSV',
  recordsCount: (n: number) => `${n} 条给药记录`,
  editRecords: '编辑',
  clearRecords: '清除',
  loadCsv: '载入 CSV 文件',
  useRecords: '使用记录',
  cancel: '取消',
  defineDrug: '定义自己的药物',
  defineDrugIntro: '您定义的药物会像内置药物一样贯穿整个引擎。单位固定；不适用的字段请留空。',
  drugName: '药物名称',
  model: '模型',
  models: { 'one-compartment': '一室模型', 'two-compartment': '二室模型' },
  routesLabel: '给药途径',
  target: '靶点',
  none: '无',
  potency: 'EC50 / IC50 / Ki',
  lag: '滞后时间',
  transit: '转运室数',
  saveDrug: '保存药物',
  drugSaved: '药物已保存：可在给药行中选择。',
  myDrugs: '我的药物',
  deleteDrug: '删除药物',
  validation: '验证',
  workbench: '工作台',
  ...tasksZh,
  ...windowsZh,
  ...libraryZh,
  ...settingsZh,
  ...seriesZh,
  ...devicesZh,
  ...validationZh,
  ...compareZh,
  ...chartsZh,
  ...previewZh,
};

export type Lang = 'en' | 'zh';

/** Where the chosen language is kept between sessions (web mode and the Electron window alike). */
export const LANG_KEY = 'modulon.lang';

/** The stored language, if any and valid (no storage in workers and tests: English). */
function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(LANG_KEY);
    return v === 'zh' || v === 'en' ? v : 'en';
  } catch {
    return 'en';
  }
}

class I18n {
  lang = $state<Lang>(storedLang());
  t = $derived<Strings>(this.lang === 'zh' ? zh : en);

  /** Switches the language and keeps the choice for the next start. */
  set(lang: Lang): void {
    this.lang = lang;
    try {
      globalThis.localStorage?.setItem(LANG_KEY, lang);
    } catch {
      // Storage refused (private mode, quota): the choice holds for this session only.
    }
  }

  toggle(): void {
    this.set(this.lang === 'en' ? 'zh' : 'en');
  }
}

/** The two tables, for the test that every key has a non-empty value in both. */
export const TABLES = { en, zh } as const;

export const i18n = new I18n();
