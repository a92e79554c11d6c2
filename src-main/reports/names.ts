// Plain-language names of the result series, in English and Simplified Chinese, for reports and
// the long CSV: composed for the families with a pattern (pk.<drug>.plasma, target.<T>.occupancy,
// nt.<transmitter>.<region>), from a table for the rest; an unknown series keeps its id.
import type { ReportLang } from '../../src-engine/contract/reports.ts';
import { drugLookup, listDrugs, type Scenario } from '../../src-engine/index.ts';

type Pair = readonly [en: string, zh: string];

const TRANSMITTERS: Record<string, Pair> = {
  dopamine: ['Dopamine', '多巴胺'],
  serotonin: ['Serotonin', '血清素'],
  acetylcholine: ['Acetylcholine', '乙酰胆碱'],
  noradrenaline: ['Noradrenaline', '去甲肾上腺素'],
  glutamate: ['Glutamate', '谷氨酸'],
};

const REGIONS: Record<string, Pair> = {
  striatum: ['striatum', '纹状体'],
  pfc: ['prefrontal cortex', '前额叶皮层'],
  accumbens: ['nucleus accumbens', '伏隔核'],
  cortex: ['cortex', '皮层'],
  hippocampus: ['hippocampus', '海马'],
  amygdala: ['amygdala', '杏仁核'],
};

const NAMES: Record<string, Pair> = {
  'target.AChE_rbc.inhibition': ['Red-cell AChE inhibition', '红细胞 AChE 抑制率'],
  'target.AChE.occupancy': ['Brain AChE inhibition', '脑内 AChE 抑制率'],
  'target.BuChE.occupancy': ['BuChE inhibition', 'BuChE 抑制率'],
  'scale.hamd17': ['HAM-D-17 depression score', 'HAM-D-17 抑郁评分'],
  'scale.madrs': ['MADRS depression score', 'MADRS 抑郁评分'],
  'scale.updrs3': ['UPDRS-III motor score', 'UPDRS-III 运动评分'],
  'scale.adascog': ['ADAS-Cog cognition score', 'ADAS-Cog 认知评分'],
  'scale.panss_positive': ['PANSS positive score', 'PANSS 阳性症状评分'],
  'scale.ymrs': ['YMRS mania score', 'YMRS 躁狂评分'],
  'scale.caps5': ['CAPS-5 PTSD score', 'CAPS-5 创伤后应激评分'],
  'adverse.eps': ['Extrapyramidal signs', '锥体外系症状'],
  'adverse.prolactin': ['Hyperprolactinaemia', '高泌乳素血症'],
  'adverse.dyskinesia': ['Dyskinesia', '异动症'],
  'adverse.dissociation': ['Dissociation', '解离'],
  'adverse.nausea': ['Nausea', '恶心'],
  'adverse.mania_switch': ['Switch to (hypo)mania', '转为（轻）躁狂'],
  'adverse.serotonin_toxicity': ['Serotonin toxicity', '血清素毒性'],
  'adverse.abuse_liability': ['Abuse liability', '滥用倾向'],
  'adverse.cholinergic_crisis': ['Cholinergic crisis', '胆碱能危象'],
  'adverse.lithium_toxicity': ['Lithium toxicity', '锂中毒'],
  'adverse.anaesthesia': ['Anaesthesia', '麻醉'],
  'adverse.respiratory_depression': ['Respiratory depression', '呼吸抑制'],
  'adverse.nms_risk': ['Neuroleptic malignant syndrome risk', '抗精神病药恶性综合征风险'],
  'adverse.psychosis': ['Psychosis', '精神病性症状'],
  'adverse.stimulation_spread': ['Stimulation spread (capsular)', '刺激扩散（内囊）'],
  'adverse.seizure': ['Seizure risk (TMS)', '癫痫发作风险（TMS）'],
  'adverse.amnesia': ['Amnesia (ECT)', '遗忘（ECT）'],
  'plasticity.bdnf': ['BDNF', 'BDNF'],
  'plasticity.bdnf_pool': ['BDNF pool', 'BDNF 储备'],
  'plasticity.mtor': ['mTORC1 activity', 'mTORC1 活性'],
  'plasticity.synaptic_proteins': ['Synaptic proteins', '突触蛋白'],
  'plasticity.spines.pfc': ['Spines, prefrontal cortex', '树突棘（前额叶）'],
  'plasticity.spines.hippocampus': ['Spines, hippocampus', '树突棘（海马）'],
  'plasticity.spines.nascent': ['Nascent spines', '新生树突棘'],
  'plasticity.neurogenesis': ['Hippocampal neurogenesis', '海马神经发生'],
  'plasticity.gain': ['Plasticity gain (learning rate)', '可塑性增益（学习率）'],
  'plasticity.gain.hippocampus': ['Plasticity gain, hippocampus', '可塑性增益（海马）'],
  'plasticity.threshold': ['Sliding threshold (BCM)', '滑动阈值（BCM）'],
  'plasticity.scaling': ['Homeostatic scaling', '稳态缩放'],
  'plasticity.dlpfc.left': ['DLPFC potentiation, left', 'DLPFC 增强（左侧）'],
  'plasticity.dlpfc.right': ['DLPFC potentiation, right', 'DLPFC 增强（右侧）'],
  'receptor.5HT1A_auto.density': ['5-HT1A autoreceptors', '5-HT1A 自身受体'],
  'receptor.D2.signal': ['D2 signal, motor striatum', 'D2 信号（运动纹状体）'],
  'receptor.D2.signal.associative': ['D2 signal, associative striatum', 'D2 信号（联合纹状体）'],
  'receptor.D2.density': ['D2 receptor density', 'D2 受体密度'],
  'circuit.raphe.firing': ['Raphe firing', '中缝核放电'],
  'circuit.striatum.motor_drive': ['Striatal motor drive', '纹状体运动驱动'],
  'circuit.salience.aberrant': ['Aberrant salience', '异常显著性'],
  'circuit.thalamus.relay': ['Thalamic relay', '丘脑中继'],
  'circuit.cortex.excitability': ['Cortical excitability (tDCS)', '皮层兴奋性（tDCS）'],
  'adaptation.levodopa_ldr': ['Levodopa long-duration response', '左旋多巴长时程反应'],
  'adaptation.dyskinesia_priming': ['Dyskinesia priming', '异动症致敏'],
  'disease.nigral_neurons': ['Nigral dopamine neurons', '黑质多巴胺神经元'],
  'disease.cholinergic_neurons': ['Basal forebrain cholinergic neurons', '基底前脑胆碱能神经元'],
  'disease.synapses': ['Synapses left (Alzheimer)', '残存突触（阿尔茨海默）'],
  'disease.stress_load': ['Stress load (HPA axis)', '应激负荷（HPA 轴）'],
  'learning.therapy': ['Learned in therapy', '治疗中习得'],
  'learning.extinction': ['Extinction memory', '消退记忆'],
  'learning.episodic_recall': ['Episodic recall (attractor task)', '情景回忆（吸引子任务）'],
  'therapy.exposure.fear_therapy_context': ['Fear in the therapy room', '治疗室中的恐惧'],
  'therapy.exposure.fear_original_context': ['Fear in everyday places', '日常场所中的恐惧'],
  'therapy.exposure.session_gain': ['Exposure session: learning rate read', '暴露治疗：读取的学习率'],
  'therapy.exposure.session_learning': ['Exposure session: extinction learned', '暴露治疗：习得的消退'],
  'therapy.exposure.prediction_error': ['Exposure session: prediction error', '暴露治疗：预测误差'],
  'therapy.cbt.expectancy': ['Negative expectation (CBT)', '消极预期（认知行为治疗）'],
  'therapy.cbt.session_gain': ['CBT session: learning rate read', '认知行为治疗：读取的学习率'],
  'therapy.cbt.session_learning': ['CBT session: expectation corrected', '认知行为治疗：修正的预期'],
  'therapy.cbt.prediction_error': ['CBT session: prediction error', '认知行为治疗：预测误差'],
  'learning.delusional_belief': ['Delusional belief', '妄想信念'],
  'lfp.stn.beta': ['STN beta power', 'STN β 功率'],
  'lfp.stn.peak_hz': ['STN beta peak frequency', 'STN β 峰频率'],
  'stim.dbs.decoupling': ['DBS decoupling of the STN–GPe loop', 'DBS 对 STN–GPe 环路的去耦'],
  'stim.ect.mood': ['ECT mood effect', 'ECT 情绪效应'],
  'stim.ect.seizure_threshold': ['Seizure threshold (ECT)', '癫痫阈值（ECT）'],
  'stim.ect.trophic': ['Trophic support (ECT)', '营养支持（ECT）'],
  'eeg.delta': ['EEG delta power', '脑电 δ 功率'],
  'eeg.theta': ['EEG theta power', '脑电 θ 功率'],
  'eeg.alpha': ['EEG alpha power', '脑电 α 功率'],
  'eeg.beta': ['EEG beta power', '脑电 β 功率'],
  'eeg.gamma': ['EEG gamma power', '脑电 γ 功率'],
  'eeg.peak_hz': ['EEG peak frequency', '脑电峰频率'],
  'eeg.hippocampal_theta': ['Hippocampal theta', '海马 θ'],
};

const zh = (lang: ReportLang) => (lang === 'zh-CN' ? 1 : 0);

/** A drug's or metabolite's name in the language (built-in, or the scenario's own custom drug). */
export function speciesName(id: string, lang: ReportLang, scenario?: Pick<Scenario, 'customDrugs'>): string {
  const lookup = drugLookup(scenario ?? {});
  const drug = lookup(id);
  if (drug) return lang === 'zh-CN' ? drug.name.zh : drug.name.en;
  // Metabolites and companions (norketamine, carbidopa, ...).
  for (const d of listDrugs()) {
    const s = [...d.metabolites, ...(d.companion ? [d.companion] : [])].find((m) => m.id === id);
    if (s) return lang === 'zh-CN' ? s.name.zh : s.name.en;
  }
  return id;
}

/** The plain-language name of a series; its id where none is known. */
export function seriesName(name: string, lang: ReportLang, scenario?: Pick<Scenario, 'customDrugs'>): string {
  const fixed = NAMES[name];
  if (fixed) return fixed[zh(lang)];
  const parts = name.split('.');
  if (parts[0] === 'pk' && parts[2] === 'plasma' && parts.length === 3) {
    const species = speciesName(parts[1] as string, lang, scenario);
    return lang === 'zh-CN' ? `${species}血浆浓度` : `${species}, plasma concentration`;
  }
  if (parts[0] === 'target' && parts.length === 3) return lang === 'zh-CN' ? `${parts[1]} 占有率` : `${parts[1]} occupancy`;
  if (parts[0] === 'nt' && parts.length === 3) {
    const t = TRANSMITTERS[parts[1] as string];
    const r = REGIONS[parts[2] as string];
    if (t && r) return lang === 'zh-CN' ? `${t[1]}（${r[1]}）` : `${t[0]}, ${r[0]}`;
  }
  return name;
}

/** Whether a series has a plain-language name (the reports test that the families are covered). */
export function isNamed(name: string): boolean {
  return seriesName(name, 'en') !== name;
}
