// The validation status of the quantities a report shows: the validation cases and effect-matrix
// cells about the same series, drugs/devices and condition, with the band the suite recorded for
// this engine (src-engine/data/validation/baseline.json and effects-baseline.json, which
// test/validation.test.ts keeps equal to a fresh run), so a report runs no extra simulation.
import type { ReportLang } from '../../src-engine/contract/reports.ts';
import type { Results } from '../../src-engine/index.ts';
import { EFFECT_MATRIX, VALIDATION_CASES } from '../../src-engine/validation/cases.ts';
import baseline from '../../src-engine/data/validation/baseline.json' with { type: 'json' };
import effectsBaseline from '../../src-engine/data/validation/effects-baseline.json' with { type: 'json' };
import { seriesName, speciesName } from './names.ts';
import { word, WORDS } from './strings.ts';
import { conditionName, span } from './words.ts';
import { hoursOf } from '../../src-engine/index.ts';

export interface ValidationRow {
  id: string;
  series: string;
  /** Drug ids, device types or "therapy" the row is about. */
  agents: string[];
  /** The case's own title (English), for English reports. */
  title: string;
  /** What is measured, in structured form (for a title in any language). */
  measure: { kind: string; at?: string; express?: string; relative: boolean; condition?: string; comparator?: boolean };
  published: { value: number; range?: readonly [number, number]; unit: string };
  band: string;
  independence: string;
  source: string;
}

const BANDS = baseline as Record<string, string>;
const VERDICTS = effectsBaseline as Record<string, string>;

/** What each arm uses: drug ids, device types, "therapy". */
function agentsOf(r: Results): Set<string> {
  return new Set(r.scenario.interventions.map((iv) => (iv.type === 'drug' ? iv.drug : iv.type)));
}

const conditionOf = (doc: unknown): string | undefined => (doc as { patient?: { condition?: string } } | undefined)?.patient?.condition;

/** Rows for `shown` series, relevant to at least one arm; ordered as the series are. */
export function validationStatus(arms: readonly Results[], shown: readonly string[]): ValidationRow[] {
  const rows: ValidationRow[] = [];
  const wanted = new Set(shown);
  const uses = arms.map((r) => ({ agents: agentsOf(r), condition: r.scenario.patient.condition, trd: r.scenario.patient.treatmentResistant === true }));
  for (const c of VALIDATION_CASES) {
    if (!wanted.has(c.measure.series)) continue;
    const parts = c.drug.split('+');
    const caseCondition = conditionOf(c.scenario);
    const relevant = uses.some((u) => parts.every((p) => p === 'none' || u.agents.has(p)) && (c.layer === 'pk' || caseCondition === undefined || caseCondition === u.condition));
    if (!relevant) continue;
    rows.push({
      id: c.id,
      series: c.measure.series,
      agents: parts.filter((p) => p !== 'none'),
      title: c.title,
      measure: { kind: c.measure.kind, ...('at' in c.measure ? { at: c.measure.at } : {}), ...(c.express === 'level' ? {} : { express: c.express }), relative: c.baseline !== undefined || c.over !== undefined, ...(caseCondition ? { condition: caseCondition } : {}) },
      published: { value: c.published.value, ...(c.published.range ? { range: c.published.range } : {}), unit: c.published.unit },
      band: BANDS[c.id] ?? 'failed',
      independence: c.independence,
      source: c.published.source,
    });
  }
  for (const e of EFFECT_MATRIX.cells) {
    if (!wanted.has(e.readout)) continue;
    const relevant = uses.some((u) => u.agents.has(e.drug) && (e.condition === u.condition || (e.condition === 'depression-trd' && u.condition === 'depression' && u.trd)) && (e.condition !== 'depression' || !u.trd));
    if (!relevant) continue;
    rows.push({
      id: e.id,
      series: e.readout,
      agents: [e.drug],
      title: `${e.drug} in ${e.condition}: effect on ${e.readout} at ${e.at}`,
      measure: { kind: 'effect', at: e.at, relative: true, condition: e.condition, comparator: e.comparator !== undefined },
      published: { value: e.expected.value, range: e.expected.range, unit: e.expected.unit },
      band: VERDICTS[e.id] ?? 'failed',
      independence: e.independence,
      source: e.source,
    });
  }
  const order = (r: ValidationRow) => shown.indexOf(r.series);
  return rows.sort((a, b) => order(a) - order(b));
}

const DEVICES: Readonly<Record<string, string>> = { therapy: '心理治疗', dbs: 'DBS', tms: 'TMS', tdcs: 'tDCS', ect: 'ECT' };

/** The row's "what is checked" in the language: the case title in English, composed in Chinese. */
export function rowTitle(row: ValidationRow, lang: ReportLang): string {
  if (lang === 'en' && row.measure.kind !== 'effect') return row.title;
  if (lang === 'en') {
    const c = row.measure.condition ?? '';
    const cond = `${conditionName(c.replace('-trd', ''), lang)}${c.endsWith('-trd') ? ', treatment-resistant' : ''}`;
    return `${row.agents.map((a) => speciesName(a, lang)).join(' + ')} in ${cond}: effect on ${seriesName(row.series, lang)}${row.measure.at ? ` at ${span(hoursOf(row.measure.at), lang)}` : ''}, against ${row.measure.comparator ? 'the comparator alone (add-on)' : 'untreated'}`;
  }
  const who = row.agents.map((a) => DEVICES[a] ?? speciesName(a, lang)).join(' + ');
  const cond = row.measure.condition ? `，${conditionName(row.measure.condition.replace('-trd', ''), lang)}${row.measure.condition.endsWith('-trd') ? '（难治性）' : ''}` : '';
  const quantity = seriesName(row.series, lang);
  const at = row.measure.at ? `，${span(hoursOf(row.measure.at), lang)}时` : '';
  if (row.measure.kind === 'effect') return `${who}${cond}：相对${row.measure.comparator ? '仅用对照药物组（加用设计）' : '未治疗组'}对${quantity}的效应${at}`;
  const kind = word(WORDS.measure, row.measure.kind, lang);
  const express = row.measure.express ? `，${word(WORDS.express, row.measure.express, lang)}` : '';
  return `${who === '' ? '未治疗' : who}${cond}：${quantity}的${kind}${at}${express}${row.measure.relative ? '（与参照运行比较）' : ''}`;
}
