// The sections of the HTML report. Every user-supplied text passes through `esc`; every fixed
// text comes from strings.ts in the report's language.
import type { ComparisonRun, FindingsRow, ReportLang, SeriesFindings } from '../../src-engine/contract/reports.ts';
import { CHAIN_LAYERS, EXPLAINABLE, mechanismChain, type ChainLink, type Scenario } from '../../src-engine/index.ts';
import { esc } from './escape.ts';
import { DEFAULT_THRESHOLDS, differenceSeries } from './findings.ts';
import { seriesName, speciesName } from './names.ts';
import { ASSUMPTIONS, MECHANISM_NAMES, strings, word, WORDS } from './strings.ts';
import { lineChart, swatch, timeUnit } from './svg.ts';
import { citation, interventionWords, num, patientWords, signed, span, variationWords, warningWords, when, zhCitation } from './words.ts';
import { rowTitle, validationStatus } from './validation-status.ts';

type Arm = ComparisonRun['arms'][number];

const armLabel = (run: ComparisonRun, i: number, lang: ReportLang): string => {
  const a = run.arms[i] as Arm;
  const ref = run.arms.length > 1 && i === run.reference ? `<span class="small">${esc(strings(lang).paren(strings(lang).reference))}</span>` : '';
  return `<span><span class="arm">${swatch(a.colour, a.dash)}${esc(a.name)}</span>${ref}</span>`;
};

const nameOf = (run: ComparisonRun, series: string, lang: ReportLang) => seriesName(series, lang, run.arms[0]?.results.scenario);

export function peopleSection(run: ComparisonRun, base: Scenario | undefined, lang: ReportLang): string {
  const t = strings(lang);
  const blocks = run.arms.map((a, i) => {
    const s = a.results.scenario;
    const items = s.interventions.map((iv) => `<li>${esc(interventionWords(iv, s, lang))}</li>`).join('');
    const variation = variationWords(a.variation, base, s, lang);
    return `<div class="arm-block"><h3>${armLabel(run, i, lang)}</h3><p>${esc(patientWords(s, lang))}</p>${items ? `<ul>${items}</ul>` : `<p>${esc(t.noIntervention)}</p>`}${
      variation.length ? `<p class="small">${esc(t.variationFromBase + t.colon)}${variation.map(esc).join(esc(t.listSep))}</p>` : ''
    }</div>`;
  });
  return `<section><h2>${esc(t.patientAndInterventions)}</h2>${blocks.join('')}</section>`;
}

function thresholdsText(f: SeriesFindings, lang: ReportLang): string {
  const t = strings(lang);
  return f.thresholds
    .map((th) => {
      const mark = th.direction === 'above' ? t.thresholdAbove(num(th.level)) : t.thresholdBelow(num(th.level));
      return `${mark}${t.colon}${th.firstAt === null ? t.never : `${when(th.firstAt, lang)}${t.paren(span(th.hoursBeyond, lang))}`}`;
    })
    .map(esc)
    .join('<br>');
}

function findingsTable(run: ComparisonRun, rows: readonly FindingsRow[], lang: ReportLang, full: boolean): string {
  const t = strings(lang);
  const ref = run.arms[run.reference]?.name ?? '';
  const comparison = run.arms.length > 1;
  const head = [t.arm, t.start, t.peak, t.steady, ...(full ? [t.timeToEffect, ...run.at.map((h) => t.valueAt(when(h, lang))), t.thresholds] : []), ...(comparison ? [t.vsReference(ref)] : [])];
  const cols = head.length;
  const body = rows.map((row) => {
    const group = `<tr class="group"><td colspan="${cols}">${esc(nameOf(run, row.series, lang))} <span class="small">(${esc(row.unit)})</span></td></tr>`;
    // One tbody per quantity, kept on one page where it fits: its heading never ends a page.
    const lines = row.arms.map((f, i) => {
      if (!f) return `<tr><td class="arm-cell">${armLabel(run, i, lang)}</td><td colspan="${cols - 1}" class="small">${esc(t.noSeries)}</td></tr>`;
      const cells = [num(f.start), `${num(f.peak.value)}${t.paren(when(f.peak.t, lang))}`, num(f.steady)];
      if (full) cells.push(f.timeToEffect === null ? t.never : when(f.timeToEffect, lang), ...f.at.map((x) => (x === null ? '—' : num(x))));
      const tds = cells.map((c) => `<td class="num">${esc(c)}</td>`);
      if (full) tds.push(`<td class="small wide">${thresholdsText(f, lang) || '—'}</td>`);
      if (comparison) tds.push(`<td class="num">${f.vsReference ? esc(signed(f.vsReference.steady)) : '—'}</td>`);
      return `<tr><td class="arm-cell">${armLabel(run, i, lang)}</td>${tds.join('')}</tr>`;
    });
    return `<tbody class="keep">${group}${lines.join('')}</tbody>`;
  });
  const thresholdsAt = full ? head.indexOf(t.thresholds) : -1;
  return `<table><thead><tr>${head.map((h, k) => `<th${k === thresholdsAt ? ' class="wide"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>${body.join('')}</table>`;
}

export function findingsSection(run: ComparisonRun, lang: ReportLang): string {
  const t = strings(lang);
  return `<section><h2>${esc(t.keyFindings)}</h2><p class="small intro">${esc(t.definitions)}</p>${findingsTable(run, run.findings, lang, true)}</section>`;
}

function legend(run: ComparisonRun, lang: ReportLang): string {
  return `<div class="legend">${run.arms.map((_, i) => armLabel(run, i, lang)).join('')}</div>`;
}

export function chartsSection(run: ComparisonRun, lang: ReportLang): string {
  const t = strings(lang);
  const end = Math.max(...run.arms.flatMap((a) => Object.values(a.results.series).map((s) => s.t.at(-1) ?? 0)));
  const { scale, unit } = timeUnit(end);
  const xLabel = t.time(unit);
  const figures = run.series.map((name) => {
    const lines = run.arms.flatMap((a) => {
      const s = a.results.series[name];
      return s ? [{ colour: a.colour, dash: a.dash, t: s.t, v: s.v }] : [];
    });
    const unitText = lines.length ? (run.arms.find((a) => a.results.series[name])?.results.series[name]?.unit ?? '') : '';
    const th = run.thresholds[name];
    const thresholds = th?.levels.map((level) => ({ level, label: th.direction === 'above' ? t.thresholdAbove(num(level)) : t.thresholdBelow(num(level)) }));
    const title = nameOf(run, name, lang);
    const def = DEFAULT_THRESHOLDS[name];
    const caption = th && def && th.levels.join() === def.levels.join() ? `<figcaption>${esc(t.thresholdSource(`${word(WORDS.threshold, name, lang)}; ${def.source}`))}</figcaption>` : '';
    return `<figure><h3>${esc(title)} <span class="small">(${esc(unitText)})</span></h3>${run.arms.length > 1 ? legend(run, lang) : ''}${lineChart({ title, lines, timeScale: scale, xLabel, yLabel: unitText, ...(thresholds ? { thresholds } : {}) })}${caption}</figure>`;
  });
  const first = run.series[0];
  const ref = run.arms[run.reference];
  if (run.arms.length > 1 && first && ref?.results.series[first]) {
    const lines = run.arms.flatMap((a, i) => {
      const s = a.results.series[first];
      return i === run.reference || !s ? [] : [{ colour: a.colour, dash: a.dash, ...differenceSeries(s, ref.results.series[first] as NonNullable<typeof s>) }];
    });
    const title = t.differenceTitle(nameOf(run, first, lang), ref.name);
    const unitText = ref.results.series[first]?.unit ?? '';
    figures.push(`<figure><h3>${esc(title)} <span class="small">(Δ ${esc(unitText)})</span></h3>${legend(run, lang)}${lineChart({ title, lines, timeScale: scale, xLabel, yLabel: `Δ ${unitText}`, zeroLine: true })}</figure>`);
  }
  return `<section><h2>${esc(t.timeCourses)}</h2>${figures.join('')}</section>`;
}

export function chainSection(run: ComparisonRun, lang: ReportLang): string {
  const t = strings(lang);
  const readout = run.series.find((s) => EXPLAINABLE.includes(s));
  if (readout === undefined) return `<section><h2>${esc(t.mechanismChain)}</h2><p>${esc(t.chainNone)}</p></section>`;
  const tables = run.chainAt.map((h) => {
    const chains = run.arms.map((a) => {
      const c = mechanismChain(a.results, readout, h);
      return c.ok ? c.links : [];
    });
    const keys: string[] = [];
    const byKey = chains.map((links) => new Map(links.map((l) => [`${l.layer}|${l.drug ?? l.name}`, l])));
    for (const m of byKey) for (const k of m.keys()) if (!keys.includes(k)) keys.push(k);
    // Arms with other drugs or devices add links; each goes to its layer, dose first, readout last.
    const rank = (k: string) => CHAIN_LAYERS.indexOf(k.slice(0, k.indexOf('|')) as ChainLink['layer']);
    keys.sort((a, b) => rank(a) - rank(b));
    const scenario = run.arms[0]?.results.scenario;
    const rows = keys.map((k) => {
      const first = byKey.map((m) => m.get(k)).find((l) => l !== undefined) as ChainLink;
      const quantity = first.layer === 'dose' && first.drug ? t.doseLink(speciesName(first.drug, lang, scenario)) : seriesName(first.name, lang, scenario);
      const cells = byKey.map((m) => {
        const l = m.get(k);
        if (!l) return '—';
        // A dose link's value is the hours since that drug's last dose; a device's setting is a series value.
        if (l.layer === 'dose' && l.drug !== undefined) return t.hoursAgo(span(l.value, lang));
        return t.chainValue(`${num(l.value)} ${l.unit}`, num(l.start ?? 0));
      });
      return `<tr><td class="nowrap">${esc(word(WORDS.layer, first.layer, lang))}</td><td>${esc(quantity)}</td>${cells.map((c) => `<td class="num">${esc(c)}</td>`).join('')}</tr>`;
    });
    const head = [t.layer, t.quantity].map((x) => `<th>${esc(x)}</th>`).join('') + run.arms.map((_, i) => `<th>${armLabel(run, i, lang)}</th>`).join('');
    return `<h3>${esc(t.chainAt(when(h, lang)))}</h3><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  return `<section><h2>${esc(t.mechanismChain)}</h2><p class="small intro">${esc(t.chainIntro(nameOf(run, readout, lang)))}</p>${tables.join('')}</section>`;
}

export function adverseSection(run: ComparisonRun, lang: ReportLang): string {
  const t = strings(lang);
  if (run.adverse.length === 0) return `<section><h2>${esc(t.adverseEffects)}</h2><p>${esc(t.adverseNone)}</p></section>`;
  return `<section><h2>${esc(t.adverseEffects)}</h2><p class="small intro">${esc(t.adverseIntro)}</p>${findingsTable(run, run.adverse, lang, false)}</section>`;
}

const bandClass = (band: string) => (['in range', 'within 10 %', 'in band'].includes(band) ? 'band-good' : ['within 30 %', 'near'].includes(band) ? 'band-near' : 'band-bad');

export function validationSection(run: ComparisonRun, lang: ReportLang): string {
  const t = strings(lang);
  const shown = [...run.series, ...run.adverse.map((r) => r.series)];
  const rows = validationStatus(run.arms.map((a) => a.results), shown);
  if (rows.length === 0) return `<section><h2>${esc(t.validation)}</h2><p>${esc(t.validationNone)}</p></section>`;
  const head = [t.series, t.case, t.published, t.band, t.independence, t.source].map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => {
    const value = r.published.range ? `${num(r.published.value)} [${num(r.published.range[0])}–${num(r.published.range[1])}]` : num(r.published.value);
    return `<tr><td>${esc(nameOf(run, r.series, lang))}</td><td>${esc(rowTitle(r, lang))}</td><td class="num">${esc(`${value} ${r.published.unit}`)}</td><td class="${bandClass(r.band)} nowrap">${esc(word(WORDS.band, r.band, lang))}</td><td class="nowrap">${esc(word(WORDS.independence, r.independence, lang))}</td><td class="small cite">${esc(lang === 'zh-CN' ? zhCitation(r.source) : citation(r.source))}</td></tr>`;
  });
  return `<section><h2>${esc(t.validation)}</h2><p class="small intro">${esc(t.validationIntro(run.engine))}</p><table><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></section>`;
}

export function assumptionsSection(run: ComparisonRun, lang: ReportLang): string {
  const t = strings(lang);
  const zh = lang === 'zh-CN' ? 1 : 0;
  const items = ASSUMPTIONS.map((a) => `<li>${esc(a[zh])}</li>`);
  const perArm = run.arms.flatMap((a, i) => {
    const s = a.results.scenario;
    const notes: string[] = [];
    if (s.disable?.length) notes.push(`${t.disabled}${t.colon}${s.disable.map((m) => word(MECHANISM_NAMES, m, lang)).join(zh ? '、' : ', ')}`);
    const warnings = warningWords(a.results.warnings, s, lang);
    if (notes.length === 0 && warnings.length === 0) return [];
    const label = run.arms.length > 1 ? `${armLabel(run, i, lang)}${esc(t.colon)}` : '';
    const all = [...notes, ...(warnings.length ? [`${t.warnings}${t.colon}${warnings.join(t.listSep)}`] : [])];
    return [`<li>${label}${all.map(esc).join(esc(t.listSep))}</li>`];
  });
  return `<section><h2>${esc(t.assumptions)}</h2><ul>${items.join('')}${perArm.join('')}</ul></section>`;
}
