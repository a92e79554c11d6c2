// English and Simplified Chinese strings, switchable at run time; units stay untranslated.
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
  exportNeedsSave: 'Save the scenario and run it to export its series',
  unsaved: 'unsaved changes',
  saved: 'Saved',
  preview: 'Preview run (not stored): save to keep it',
  storedRun: 'Stored run',
  engine: 'engine',
  seed: 'seed',
  plasma: 'Plasma concentration',
  inhibition: 'Target inhibition / occupancy',
  targetNames: { AChE: 'Brain AChE inhibition', AChE_rbc: 'Red-cell AChE inhibition' } as Record<string, string>,
  occupancyOf: 'occupancy',
  doses: 'Doses',
  days: 'Time (days)',
  chartEmpty: 'Press Run to simulate this scenario.',
  chartLabel: 'Chart of plasma concentration and brain acetylcholinesterase inhibition over time',
  warnings: 'Warnings',
  fixFields: 'Some fields need a fix',
  language: '中文',
  conditions: {
    healthy: 'Healthy', alzheimers: "Alzheimer's disease", parkinsons: "Parkinson's disease", depression: 'Depression',
    schizophrenia: 'Schizophrenia', ptsd: 'PTSD', bipolar: 'Bipolar disorder',
  } as Record<string, string>,
  conditionNote: 'Disease mechanisms arrive with the next engine layer; today the condition labels the patient.',
};

type Strings = typeof en;

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
  exportNeedsSave: '保存并运行情景后即可导出数据序列',
  unsaved: '有未保存的更改',
  saved: '已保存',
  preview: '预览运行（未存储）：保存以保留',
  storedRun: '已存储的运行',
  engine: '引擎',
  seed: '种子',
  plasma: '血浆浓度',
  inhibition: '靶点抑制 / 占有率',
  targetNames: { AChE: '脑内 AChE 抑制', AChE_rbc: '红细胞 AChE 抑制' },
  occupancyOf: '占有率',
  doses: '给药',
  days: '时间（天）',
  chartEmpty: '点击“运行”模拟此情景。',
  chartLabel: '血浆浓度与脑内乙酰胆碱酯酶抑制随时间变化的图表',
  warnings: '警告',
  fixFields: '部分字段需要修改',
  language: 'English',
  conditions: {
    healthy: '健康', alzheimers: '阿尔茨海默病', parkinsons: '帕金森病', depression: '抑郁症',
    schizophrenia: '精神分裂症', ptsd: '创伤后应激障碍', bipolar: '双相情感障碍',
  },
  conditionNote: '疾病机制将在下一层引擎中加入；目前“状况”仅作为患者标签。',
};

export type Lang = 'en' | 'zh';

class I18n {
  lang = $state<Lang>('en');
  t = $derived<Strings>(this.lang === 'zh' ? zh : en);

  toggle(): void {
    this.lang = this.lang === 'en' ? 'zh' : 'en';
  }
}

export const i18n = new I18n();
