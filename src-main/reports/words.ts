// The scenario in words for reports: numbers, times, the patient, each intervention (drugs, doses,
// devices, therapy), an arm's variation and the engine's warnings, in English or Chinese.
import type { ArmRun, ReportLang } from '../../src-engine/contract/reports.ts';
import { CONDITION_PROFILES, getDrug, hoursOf, type Scenario } from '../../src-engine/index.ts';
import { speciesName } from './names.ts';
import { strings, word, WORDS } from './strings.ts';

const isZh = (lang: ReportLang) => lang === 'zh-CN';

/** Three significant digits ("≈0" below 1e-6), "−" for negatives. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  // Below a millionth the engine's numbers are washout tails, not quantities to read.
  if (a < 1e-6) return '≈0';
  const text = a >= 1000 ? String(Math.round(x)) : a < 1e-3 ? x.toExponential(1) : String(Number(x.toPrecision(3)));
  return text.replace(/^-/, '−');
}

const round1 = (x: number) => String(Number(x.toFixed(1)));

/** A difference with its sign ("+1.2", "−0.5", "≈0"). */
export function signed(x: number): string {
  const text = num(x);
  return x > 0 && text !== '≈0' ? `+${text}` : text;
}

/** A point in time from the start: "the start", "36 h", "day 14", "week 6", "day 15.3". */
export function when(h: number, lang: ReportLang): string {
  const zh = isZh(lang);
  if (h === 0) return zh ? '开始时' : 'the start';
  if (h < 48 && !(h % 24 === 0)) return zh ? `${round1(h)} 小时` : `${round1(h)} h`;
  if (h >= 672 && h % 168 === 0) return zh ? `第 ${h / 168} 周` : `week ${h / 168}`;
  return zh ? `第 ${round1(h / 24)} 天` : `day ${round1(h / 24)}`;
}

/** A length of time: "40 min", "24 h", "3 days", "6 weeks". */
export function span(h: number, lang: ReportLang): string {
  const zh = isZh(lang);
  if (h < 1) return zh ? `${round1(h * 60)} 分钟` : `${round1(h * 60)} min`;
  if (h < 48) return zh ? `${round1(h)} 小时` : `${round1(h)} h`;
  if (h < 14 * 24 || h % 168 !== 0) return zh ? `${round1(h / 24)} 天` : `${round1(h / 24)} days`;
  return zh ? `${h / 168} 周` : `${h / 168} weeks`;
}

export function conditionName(condition: string, lang: ReportLang): string {
  const p = CONDITION_PROFILES.get(condition);
  return p ? (isZh(lang) ? p.name.zh : p.name.en) : condition;
}

export function patientWords(s: Scenario, lang: ReportLang): string {
  const p = s.patient;
  const zh = isZh(lang);
  const parts: string[] = [conditionName(p.condition, lang)];
  if (p.condition !== 'healthy') {
    const sev = p.severity ?? 'moderate';
    parts.push(typeof sev === 'number' ? (zh ? `严重程度 ${sev}` : `severity ${sev}`) : word(WORDS.severity, sev, lang));
  }
  if (p.treatmentResistant) parts.push(zh ? '难治性' : 'treatment-resistant');
  const who = zh ? `${word(WORDS.sex, p.sex, lang)}，${p.age} 岁，${p.weightKg} kg` : `${word(WORDS.sex, p.sex, lang)}, ${p.age} years, ${p.weightKg} kg`;
  const cyp = zh ? `CYP2D6 ${word(WORDS.cyp2d6, p.cyp2d6, lang)}代谢型` : `CYP2D6 ${word(WORDS.cyp2d6, p.cyp2d6, lang)} metabolizer`;
  const renal = zh ? `肌酐清除率 ${p.crclMlMin} mL/min` : `creatinine clearance ${p.crclMlMin} mL/min`;
  return zh ? `${parts.join('，')}；${who}；${cyp}；${renal}` : `${parts.join(', ')}; ${who}; ${cyp}; ${renal}`;
}

interface Regimen {
  start?: string | undefined;
  every?: string | undefined;
  stop?: string | undefined;
  count?: number | undefined;
}

function schedule(r: Regimen, lang: ReportLang, unit: 'dose' | 'session'): string {
  const zh = isZh(lang);
  const start = when(hoursOf(r.start ?? '0d'), lang);
  if (r.every === undefined) return zh ? `${start}单次` : `once at ${start}`;
  const every = span(hoursOf(r.every), lang);
  const stop = r.stop === undefined ? '' : zh ? `，至${when(hoursOf(r.stop), lang)}` : ` to ${when(hoursOf(r.stop), lang)}`;
  const count = r.count === undefined ? '' : zh ? `，共 ${r.count} 次` : `, ${r.count} ${unit}s`;
  return zh ? `自${start}起每 ${every} 一次${stop}${count}` : `every ${every} from ${start}${stop}${count}`;
}

type Intervention = Scenario['interventions'][number];

/** One intervention as a sentence (drug names from the catalogue or the scenario's own drugs). */
export function interventionWords(iv: Intervention, s: Scenario, lang: ReportLang): string {
  const zh = isZh(lang);
  const sep = zh ? '，' : ', ';
  switch (iv.type) {
    case 'drug': {
      const custom = getDrug(iv.drug) === undefined;
      const name = `${speciesName(iv.drug, lang, s)}${custom ? (zh ? `（${strings(lang).userDefined}）` : ` (${strings(lang).userDefined})`) : ''}`;
      const route = iv.route === undefined ? '' : ` ${word(WORDS.route, iv.route, lang)}`;
      const form = iv.formulation === undefined ? '' : ` (${iv.formulation})`;
      if (iv.records !== undefined) return zh ? `${name}${route}：${iv.records.length} 条给药记录` : `${name}${route}: ${iv.records.length} dosing records`;
      const infusion = iv.infusion === undefined ? '' : zh ? `，输注 ${span(hoursOf(iv.infusion), lang)}` : `, infused over ${span(hoursOf(iv.infusion), lang)}`;
      const steps = (iv.steps ?? []).map((st) => (zh ? `；${when(hoursOf(st.at), lang)}起 ${st.dose}` : `; from ${when(hoursOf(st.at), lang)}: ${st.dose}`)).join('');
      const skip = iv.skip?.length ? (zh ? `；漏服 ${iv.skip.length} 次` : `; ${iv.skip.length} missed`) : '';
      return `${name} ${iv.dose ?? ''}${route}${form}${infusion}${sep}${schedule(iv, lang, 'dose')}${steps}${skip}`;
    }
    case 'therapy':
      return `${word(WORDS.therapy, iv.kind, lang)}${sep}${schedule(iv, lang, 'session')}`;
    case 'dbs': {
      const amp = iv.amplitudeV === undefined ? `${iv.amplitudeMa} mA` : `${iv.amplitudeV} V`;
      const on = when(hoursOf(iv.start), lang);
      const off = iv.stop === undefined ? '' : zh ? `，${when(hoursOf(iv.stop), lang)}关闭` : `, off at ${when(hoursOf(iv.stop), lang)}`;
      const site = word(WORDS.site, iv.target, lang);
      return zh ? `${site} 脑深部电刺激（DBS）：${iv.frequencyHz} Hz，${iv.pulseWidthUs} µs，${amp}，${on}开启${off}` : `Deep brain stimulation (DBS) of the ${site}: ${iv.frequencyHz} Hz, ${iv.pulseWidthUs} µs, ${amp}, on at ${on}${off}`;
    }
    case 'tms': {
      const site = word(WORDS.site, iv.target, lang);
      const extra = `${iv.intensityPctMT === undefined ? '' : zh ? `，${iv.intensityPctMT} % 运动阈值` : `, ${iv.intensityPctMT} % of motor threshold`}${iv.pulsesPerSession === undefined ? '' : zh ? `，每次 ${iv.pulsesPerSession} 个脉冲` : `, ${iv.pulsesPerSession} pulses a session`}`;
      const course = zh
        ? `每天 ${iv.sessionsPerDay} 次，每周 ${iv.daysPerWeek} 天，${when(hoursOf(iv.start), lang)}至${when(hoursOf(iv.stop), lang)}`
        : `${iv.sessionsPerDay} a day, ${iv.daysPerWeek} days a week, from ${when(hoursOf(iv.start), lang)} to ${when(hoursOf(iv.stop), lang)}`;
      return zh ? `${site} ${word(WORDS.tms, iv.protocol, lang)}${extra}，${course}` : `${word(WORDS.tms, iv.protocol, lang)} over the ${site}${extra}, ${course}`;
    }
    case 'tdcs': {
      const site = word(WORDS.site, iv.target, lang);
      const course = zh
        ? `每天 ${iv.sessionsPerDay} 次，每周 ${iv.daysPerWeek} 天，${when(hoursOf(iv.start), lang)}至${when(hoursOf(iv.stop), lang)}`
        : `${iv.sessionsPerDay} a day, ${iv.daysPerWeek} days a week, from ${when(hoursOf(iv.start), lang)} to ${when(hoursOf(iv.stop), lang)}`;
      return zh
        ? `${site}${word(WORDS.polarity, iv.polarity, lang)}经颅直流电刺激（tDCS）：${iv.currentMa} mA，${iv.minutes} 分钟，${course}`
        : `${word(WORDS.polarity, iv.polarity, lang)} tDCS over the ${site}: ${iv.currentMa} mA for ${iv.minutes} min, ${course}`;
    }
    case 'ect':
      return zh
        ? `电休克治疗（ECT），${word(WORDS.placement, iv.placement, lang)}电极放置，脉宽 ${iv.pulseWidthMs} ms，每周 ${iv.sessionsPerWeek} 次，共 ${iv.count} 次，自${when(hoursOf(iv.start), lang)}起`
        : `Electroconvulsive therapy (ECT), ${word(WORDS.placement, iv.placement, lang)} placement, pulse width ${iv.pulseWidthMs} ms, ${iv.sessionsPerWeek} sessions a week, ${iv.count} sessions, from ${when(hoursOf(iv.start), lang)}`;
  }
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A patient value in words where it is one of the known ones (a severity, a condition, yes/no). */
function patientValue(key: string, value: unknown, lang: ReportLang): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return word(WORDS.boolean, String(value), lang);
  if (typeof value !== 'string') return show(value);
  if (key === 'severity') return word(WORDS.severity, value, lang);
  if (key === 'sex') return word(WORDS.sex, value, lang);
  if (key === 'cyp2d6') return word(WORDS.cyp2d6, value, lang);
  if (key === 'condition') return conditionName(value, lang);
  return value;
}

/** An arm's variation of the base, in short phrases ("added: …", "changed intervention 1: dose → 1 mg/kg"). */
export function variationWords(v: ArmRun['variation'], base: Scenario | undefined, arm: Scenario, lang: ReportLang): string[] {
  if (v.from !== 'base') return [];
  const t = strings(lang);
  const zh = isZh(lang);
  const colon = zh ? '：' : ': ';
  const out: string[] = [];
  for (const [k, value] of Object.entries(v.patient ?? {})) out.push(`${t.patientChanged}${colon}${word(WORDS.patientKey, k, lang)} → ${patientValue(k, value, lang)}`);
  for (const ch of v.change ?? []) {
    const sets = Object.entries(ch.set).map(([k, value]) => `${k} → ${value === null ? '—' : show(value)}`).join(zh ? '，' : ', ');
    out.push(zh ? `${t.changed}干预 ${ch.intervention + 1}${colon}${sets}` : `${t.changed} intervention ${ch.intervention + 1}${colon}${sets}`);
  }
  for (const k of v.remove ?? []) {
    const iv = base?.interventions[k];
    out.push(`${t.removed}${colon}${iv ? interventionWords(iv, base as Scenario, lang) : k + 1}`);
  }
  const added = arm.interventions.slice(arm.interventions.length - (v.add?.length ?? 0));
  for (const iv of v.add ? added : []) out.push(`${t.added}${colon}${interventionWords(iv, arm, lang)}`);
  return out;
}

/** The short citation of a source: the text before its first bracket, colon or semicolon. */
export function citation(source: string): string {
  const cut = source.search(/\s*[(:;]/);
  return (cut > 0 ? source.slice(0, cut) : source).trim();
}

/**
 * The citation for a Chinese report: bibliographic (it names a year: authors, journal, year stay
 * as published), or "—" where the source field is a description in English.
 */
export function zhCitation(source: string): string {
  const c = citation(source);
  return /\b(19|20)\d\d\b/.test(c) ? c : '—';
}

/** Engine warnings in the language; Chinese knows the engine's patterns and counts the rest. */
export function warningWords(warnings: readonly string[], s: Scenario, lang: ReportLang): string[] {
  if (!isZh(lang)) return [...warnings];
  const out: string[] = [];
  let other = 0;
  for (const w of warnings) {
    const over = /^(\S+): ([\d.]+) mg within 24 h exceeds the labelled maximum of ([\d.]+) (\S+); source: (.*)$/.exec(w);
    const stim = /^interventions\[(\d+)\]: (TMS )?(.*)$/.exec(w);
    const custom = /^(\S+): user-defined, not validated\b/.exec(w);
    if (custom) out.push(`${speciesName(custom[1] as string, lang, s)}：${strings(lang).userDefined}`);
    else if (over) out.push(`${speciesName(over[1] as string, lang, s)}：24 小时内 ${over[2]} mg，超过说明书最大剂量 ${over[3]} ${over[4]}（${citation(over[5] as string)}）`);
    else if (stim && stim[2]) out.push(`干预 ${Number(stim[1]) + 1}：TMS 超出安全指南，癫痫发作风险升高`);
    else if (stim && /charge density/.test(stim[3] as string)) out.push(`干预 ${Number(stim[1]) + 1}：DBS 电荷密度高于程控上限（仍在 Shannon 安全限内）`);
    else other++;
  }
  if (other > 0) out.push(strings(lang).moreWarnings(other));
  return out;
}
