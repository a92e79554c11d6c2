// The plain-language names of the result series in English and Simplified Chinese: the one source
// read by the app (src-renderer/lib/strings-series.ts) and by reports and the long CSV
// (src-main/reports/names.ts). Fixed names from the table; pk.<species>.<site> and
// target.<T>.<effect> composed from the drug data. series-names.test.ts runs every example and the
// condition × drug matrix and fails on a series without a name in both languages.
import { listDrugs } from './drugs/catalogue.ts';

export type NameLang = 'en' | 'zh';
type Pair = readonly [en: string, zh: string];

/** Series with a fixed name (task measures as task.<task>.<measure>). */
export const SERIES_NAMES: Readonly<Record<string, Pair>> = {
  "adaptation.dyskinesia_priming": ["Dyskinesia priming", "异动症致敏"],
  "adaptation.levodopa_ldr": ["Levodopa long-duration response", "左旋多巴长时程反应"],
  "adverse.abuse_liability": ["Abuse liability", "滥用倾向"],
  "adverse.amnesia": ["Amnesia (ECT)", "遗忘（ECT）"],
  "adverse.anaesthesia": ["Anaesthesia", "麻醉"],
  "adverse.cholinergic_crisis": ["Cholinergic crisis", "胆碱能危象"],
  "adverse.dissociation": ["Dissociation", "解离"],
  "adverse.dyskinesia": ["Dyskinesia", "异动症"],
  "adverse.eps": ["Extrapyramidal signs", "锥体外系症状"],
  "adverse.lithium_toxicity": ["Lithium toxicity", "锂中毒"],
  "adverse.mania_switch": ["Switch to (hypo)mania", "转为（轻）躁狂"],
  "adverse.nausea": ["Nausea", "恶心"],
  "adverse.nms_risk": ["Neuroleptic malignant syndrome risk", "抗精神病药恶性综合征风险"],
  "adverse.prolactin": ["Hyperprolactinaemia", "高泌乳素血症"],
  "adverse.psychosis": ["Psychosis", "精神病性症状"],
  "adverse.respiratory_depression": ["Respiratory depression", "呼吸抑制"],
  "adverse.seizure": ["Seizure risk (TMS)", "癫痫发作风险（TMS）"],
  "adverse.serotonin_toxicity": ["Serotonin toxicity", "血清素毒性"],
  "adverse.stimulation_spread": ["Stimulation spread (capsular)", "刺激扩散（内囊）"],
  "circuit.cortex.excitability": ["Cortical excitability (tDCS)", "皮层兴奋性（tDCS）"],
  "circuit.raphe.firing": ["Raphe firing", "中缝核放电"],
  "circuit.salience.aberrant": ["Aberrant salience", "异常显著性"],
  "circuit.striatum.motor_drive": ["Striatal motor drive", "纹状体运动驱动"],
  "circuit.thalamus.relay": ["Thalamic relay", "丘脑中继"],
  "disease.cholinergic_neurons": ["Basal forebrain cholinergic neurons", "基底前脑胆碱能神经元"],
  "disease.nigral_neurons": ["Nigral dopamine neurons", "黑质多巴胺神经元"],
  "disease.stress_load": ["Stress load (HPA axis)", "应激负荷（HPA 轴）"],
  "disease.synapses": ["Synapses left (Alzheimer)", "残存突触（阿尔茨海默）"],
  "eeg.alpha": ["EEG alpha power", "脑电 α 功率"],
  "eeg.beta": ["EEG beta power", "脑电 β 功率"],
  "eeg.delta": ["EEG delta power", "脑电 δ 功率"],
  "eeg.gamma": ["EEG gamma power", "脑电 γ 功率"],
  "eeg.hippocampal_theta": ["Hippocampal theta", "海马 θ"],
  "eeg.peak_hz": ["EEG peak frequency", "脑电峰频率"],
  "eeg.theta": ["EEG theta power", "脑电 θ 功率"],
  "learning.delusional_belief": ["Delusional belief", "妄想信念"],
  "learning.episodic_recall": ["Episodic recall (attractor task)", "情景回忆（吸引子任务）"],
  "learning.extinction": ["Extinction memory", "消退记忆"],
  "learning.therapy": ["Learned in therapy", "治疗中习得"],
  "lfp.stn.beta": ["STN beta power", "STN β 功率"],
  "lfp.stn.peak_hz": ["STN beta peak frequency", "STN β 峰频率"],
  "nt.acetylcholine.cortex": ["Acetylcholine, cortex", "乙酰胆碱（皮层）"],
  "nt.acetylcholine.hippocampus": ["Acetylcholine, hippocampus", "乙酰胆碱（海马）"],
  "nt.dopamine.accumbens": ["Dopamine, nucleus accumbens", "多巴胺（伏隔核）"],
  "nt.dopamine.pfc": ["Dopamine, prefrontal cortex", "多巴胺（前额叶）"],
  "nt.dopamine.striatum": ["Dopamine, striatum", "多巴胺（纹状体）"],
  "nt.glutamate.pfc": ["Glutamate, prefrontal cortex", "谷氨酸（前额叶）"],
  "nt.noradrenaline.amygdala": ["Noradrenaline, amygdala", "去甲肾上腺素（杏仁核）"],
  "nt.noradrenaline.cortex": ["Noradrenaline, cortex", "去甲肾上腺素（皮层）"],
  "nt.serotonin.cortex": ["Serotonin, cortex", "血清素（皮层）"],
  "nt.serotonin.hippocampus": ["Serotonin, hippocampus", "血清素（海马）"],
  "plasticity.bdnf": ["BDNF", "BDNF"],
  "plasticity.bdnf_pool": ["BDNF pool", "BDNF 储备"],
  "plasticity.dlpfc.left": ["DLPFC potentiation, left", "DLPFC 增强（左侧）"],
  "plasticity.dlpfc.right": ["DLPFC potentiation, right", "DLPFC 增强（右侧）"],
  "plasticity.gain": ["Plasticity gain (learning rate)", "可塑性增益（学习率）"],
  "plasticity.gain.hippocampus": ["Plasticity gain, hippocampus", "可塑性增益（海马）"],
  "plasticity.mtor": ["mTORC1 activity", "mTORC1 活性"],
  "plasticity.neurogenesis": ["Hippocampal neurogenesis", "海马神经发生"],
  "plasticity.scaling": ["Homeostatic scaling", "稳态缩放"],
  "plasticity.spines.hippocampus": ["Spines, hippocampus", "树突棘（海马）"],
  "plasticity.spines.nascent": ["Nascent spines", "新生树突棘"],
  "plasticity.spines.pfc": ["Spines, prefrontal cortex", "树突棘（前额叶）"],
  "plasticity.synaptic_proteins": ["Synaptic proteins", "突触蛋白"],
  "plasticity.threshold": ["Sliding threshold (BCM)", "滑动阈值（BCM）"],
  "receptor.5HT1A_auto.density": ["5-HT1A autoreceptors", "5-HT1A 自身受体"],
  "receptor.D2.density": ["D2 receptor density", "D2 受体密度"],
  "receptor.D2.signal": ["D2 signal, motor striatum", "D2 信号（运动纹状体）"],
  "receptor.D2.signal.associative": ["D2 signal, associative striatum", "D2 信号（联合纹状体）"],
  "scale.adascog": ["ADAS-Cog cognition score", "ADAS-Cog 认知评分"],
  "scale.caps5": ["CAPS-5 PTSD score", "CAPS-5 创伤后应激评分"],
  "scale.hamd17": ["HAM-D-17 depression score", "HAM-D-17 抑郁评分"],
  "scale.madrs": ["MADRS depression score", "MADRS 抑郁评分"],
  "scale.panss_positive": ["PANSS positive score", "PANSS 阳性症状评分"],
  "scale.updrs3": ["UPDRS-III motor score", "UPDRS-III 运动评分"],
  "scale.ymrs": ["YMRS mania score", "YMRS 躁狂评分"],
  "stim.dbs.decoupling": ["DBS decoupling (STN–GPe loop)", "DBS 去耦（STN–GPe 环路）"],
  "stim.ect.mood": ["ECT mood effect", "ECT 情绪效应"],
  "stim.ect.seizure_threshold": ["Seizure threshold (ECT)", "癫痫阈值（ECT）"],
  "stim.ect.trophic": ["Trophic support (ECT)", "营养支持（ECT）"],
  "target.AADC_peripheral.inhibition": ["Peripheral AADC inhibition", "外周 AADC 抑制率"],
  "target.AChE.occupancy": ["Brain AChE inhibition", "脑内 AChE 抑制率"],
  "target.AChE_rbc.inhibition": ["Red-cell AChE inhibition", "红细胞 AChE 抑制率"],
  "target.BuChE.occupancy": ["BuChE inhibition", "BuChE 抑制率"],
  "task.episodic-memory.capacity_ratio": ["Network capacity", "网络容量"],
  "task.episodic-memory.encoding_fidelity": ["Encoding fidelity", "编码保真度"],
  "task.episodic-memory.recall": ["Items recalled", "回忆出的项目"],
  "task.episodic-memory.recall_overlap": ["Match of recall to the item", "回忆与原项目的吻合度"],
  "task.fear-conditioning.cr_acquisition": ["Fear at the end of conditioning", "条件化结束时的恐惧"],
  "task.fear-conditioning.cr_extinction": ["Fear at the end of extinction", "消退结束时的恐惧"],
  "task.fear-conditioning.extinction_retention": ["Extinction retained", "消退保持"],
  "task.fear-conditioning.reinstatement": ["Reinstatement after shocks", "电击后重建"],
  "task.fear-conditioning.spontaneous_recovery": ["Spontaneous recovery", "自发恢复"],
  "task.fear-conditioning.test_A": ["Fear back in context A (renewal)", "回到情境 A 的恐惧（复燃）"],
  "task.fear-conditioning.test_B": ["Fear in the extinction context", "消退情境中的恐惧"],
  "task.fear-conditioning.test_C": ["Fear in a new context C", "新情境 C 中的恐惧"],
  "task.probabilistic-selection.avoid_b": ["Avoid B (learning from punishment)", "回避 B（从惩罚中学习）"],
  "task.probabilistic-selection.choose_a": ["Choose A (learning from reward)", "选择 A（从奖励中学习）"],
  "task.probabilistic-selection.training_accuracy": ["Accuracy in training", "训练正确率"],
  "task.reversal-learning.acquisition_accuracy": ["Accuracy before the reversal", "反转前正确率"],
  "task.reversal-learning.perseverative_errors": ["Perseverative errors", "持续性错误"],
  "task.reversal-learning.reversal_accuracy": ["Accuracy after the reversal", "反转后正确率"],
  "task.sleep-consolidation.new_memory": ["New memories kept", "新记忆保持"],
  "task.sleep-consolidation.old_memory": ["Old memories kept", "旧记忆保持"],
  "task.spacing.retention": ["Recall at the test", "测验时的回忆"],
  "task.spacing.retention_immediate": ["Recall after the last session", "最后一次学习后的回忆"],
  "task.spatial-navigation.latency_day1": ["Escape latency, day 1", "逃避潜伏期（第 1 天）"],
  "task.spatial-navigation.latency_final": ["Escape latency, last day", "逃避潜伏期（最后一天）"],
  "task.spatial-navigation.probe_quadrant": ["Time in the target quadrant (probe)", "目标象限停留时间（探查）"],
  "therapy.cbt.expectancy": ["Negative expectation (CBT)", "消极预期（认知行为治疗）"],
  "therapy.cbt.prediction_error": ["CBT session: prediction error", "认知行为治疗：预测误差"],
  "therapy.cbt.session_gain": ["CBT session: learning rate read", "认知行为治疗：读取的学习率"],
  "therapy.cbt.session_learning": ["CBT session: expectation corrected", "认知行为治疗：修正的预期"],
  "therapy.exposure.fear_original_context": ["Fear in everyday places", "日常场所中的恐惧"],
  "therapy.exposure.fear_therapy_context": ["Fear in the therapy room", "治疗室中的恐惧"],
  "therapy.exposure.prediction_error": ["Exposure session: prediction error", "暴露治疗：预测误差"],
  "therapy.exposure.session_gain": ["Exposure session: learning rate read", "暴露治疗：读取的学习率"],
  "therapy.exposure.session_learning": ["Exposure session: extinction learned", "暴露治疗：习得的消退"],
};

/** Where a pk series' concentration is read (pk.<species>.<site>). */
const SITES: Record<string, Pair> = {
  plasma: ['plasma concentration', '血浆浓度'],
  brain: ['brain concentration', '脑内浓度'],
};

/** Effects a target series reads (target.<T>.<effect>). */
const EFFECTS: Record<string, Pair> = {
  occupancy: ['occupancy', '占有率'],
  inhibition: ['inhibition', '抑制率'],
};

const index = (lang: NameLang) => (lang === 'zh' ? 1 : 0);

/** A built-in drug's, metabolite's or companion's name (undefined when unknown). */
export function builtInSpeciesName(id: string, lang: NameLang): string | undefined {
  for (const d of listDrugs()) {
    if (d.id === id) return d.name[lang];
    const s = [...d.metabolites, ...(d.companion ? [d.companion] : [])].find((m) => m.id === id);
    if (s) return s.name[lang];
  }
  return undefined;
}

/**
 * The plain-language name of a series, or undefined where none is known. `species` names a drug
 * the caller knows beyond the built-in ones (a scenario's custom drug, say).
 */
export function seriesLabel(id: string, lang: NameLang, species?: (id: string) => string | undefined): string | undefined {
  const fixed = SERIES_NAMES[id];
  if (fixed) return fixed[index(lang)];
  const parts = id.split('.');
  if (parts.length !== 3) return undefined;
  const [family, key, last] = parts as [string, string, string];
  if (family === 'pk' && SITES[last]) {
    const name = species?.(key) ?? builtInSpeciesName(key, lang);
    if (name === undefined) return undefined;
    return lang === 'zh' ? `${name}${SITES[last][1]}` : `${name}, ${SITES[last][0]}`;
  }
  if (family === 'target' && EFFECTS[last]) return lang === 'zh' ? `${key} ${EFFECTS[last][1]}` : `${key} ${EFFECTS[last][0]}`;
  return undefined;
}

/** The fixed names in one language, as the app's string tables hold them. */
export function seriesNameTable(lang: NameLang): Record<string, string> {
  return Object.fromEntries(Object.entries(SERIES_NAMES).map(([id, pair]) => [id, pair[index(lang)]]));
}

/** The task measures' names in one language, keyed <task>.<measure> (the task panel's table). */
export function taskMeasureTable(lang: NameLang): Record<string, string> {
  return Object.fromEntries(Object.entries(SERIES_NAMES).filter(([id]) => id.startsWith('task.')).map(([id, pair]) => [id.slice('task.'.length), pair[index(lang)]]));
}
