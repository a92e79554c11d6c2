// Plain-language names of the result series, in English and Simplified Chinese, for reports and
// the long CSV: read from the engine's one bilingual source (src-engine/series-names.ts, which the
// app reads too), with a scenario's own custom drugs named from the scenario; an unknown series
// keeps its id.
import type { ReportLang } from '../../src-engine/contract/reports.ts';
import { drugLookup, type Scenario } from '../../src-engine/index.ts';
import { builtInSpeciesName, seriesLabel, type NameLang } from '../../src-engine/series-names.ts';

const nameLang = (lang: ReportLang): NameLang => (lang === 'zh-CN' ? 'zh' : 'en');

/** A drug's or metabolite's name in the language (built-in, or the scenario's own custom drug). */
export function speciesName(id: string, lang: ReportLang, scenario?: Pick<Scenario, 'customDrugs'>): string {
  const drug = drugLookup(scenario ?? {})(id);
  if (drug) return drug.name[nameLang(lang)];
  return builtInSpeciesName(id, nameLang(lang)) ?? id;
}

/** The plain-language name of a series; its id where none is known. */
export function seriesName(name: string, lang: ReportLang, scenario?: Pick<Scenario, 'customDrugs'>): string {
  return seriesLabel(name, nameLang(lang), (id) => speciesName(id, lang, scenario)) ?? name;
}

/** Whether a series has a plain-language name (the reports test that the families are covered). */
export function isNamed(name: string): boolean {
  return seriesName(name, 'en') !== name;
}
