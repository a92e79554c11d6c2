// One self-contained HTML report per scenario or comparison: no script, no network, no external
// font; charts as inline SVG; the educational-use notice at the top and, in print, on every page
// with the page numbers (CSS @page margin boxes, which Chromium's PDF output honours).
import type { ComparisonRun, Paper, ReportLang } from '../../src-engine/contract/reports.ts';
import { parseScenario, type Scenario } from '../../src-engine/index.ts';
import { cssString, esc } from './escape.ts';
import { adverseSection, assumptionsSection, chainSection, chartsSection, findingsSection, peopleSection, validationSection } from './html-sections.ts';
import { strings } from './strings.ts';

export interface HtmlOptions {
  lang: ReportLang;
  /** Page size for print; none: the browser's default (the HTML file as exported). */
  paper?: Paper;
  /** When the report was made (ISO 8601); shown as a UTC date and time. */
  generatedAt: string;
  /** The comparison's base scenario, for describing each arm's variation. */
  base?: unknown;
}

/** "2026-12-01 14:05 UTC". */
export function dateText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

// System fonts only (nothing is downloaded). Chinese text needs a CJK font: Noto Sans CJK SC
// (Debian: fonts-noto-cjk), PingFang SC on macOS, Microsoft YaHei on Windows.
const CJK = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", "WenQuanYi Micro Hei"`;
const LATIN = `"Liberation Sans", Arial, "Helvetica Neue", Helvetica, "Noto Sans", "DejaVu Sans"`;

function css(lang: ReportLang, paper: Paper | undefined): string {
  const t = strings(lang);
  const FONTS = lang === 'zh-CN' ? `${CJK}, ${LATIN}, sans-serif` : `${LATIN}, ${CJK}, sans-serif`;
  const size = paper === 'letter' ? 'size: letter;' : paper === 'a4' ? 'size: A4;' : '';
  return `
@page { ${size} margin: 17mm 13mm 16mm 13mm;
  @top-center { content: ${cssString(t.notice)}; font: 7.5pt ${FONTS}; color: #8a1c1c; }
  @bottom-right { content: ${t.pageCss}; font: 7.5pt ${FONTS}; color: #444; }
  @bottom-left { content: "Modulon"; font: 7.5pt ${FONTS}; color: #777; } }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: ${FONTS}; font-size: 10pt; line-height: 1.45; color: #1b1b1b; margin: 0 auto; max-width: 200mm; padding: 8mm 6mm; background: #fff; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 17pt; margin: 4mm 0 1mm; line-height: 1.25; overflow-wrap: break-word; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #333; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; overflow-wrap: break-word; }
p, li { overflow-wrap: break-word; }
.notice { border: 1.5px solid #8a1c1c; color: #8a1c1c; font-weight: 600; padding: 1.5mm 3mm; margin: 0 0 3mm; text-align: center; }
.meta { color: #444; font-size: 9pt; }
.subtitle { font-size: 11pt; color: #333; margin: 0 0 1mm; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 1mm 0 3mm; }
thead { display: table-header-group; }
tr, tbody.keep { break-inside: avoid; }
.intro { break-after: avoid; break-inside: avoid; }
th.wide, td.wide { min-width: 27mm; }
th, td { border: 0.6px solid #bbb; padding: 1mm 1.4mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.nowrap { white-space: nowrap; }
th { background: #f0f0f0; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group td { background: #f7f7f7; font-weight: 600; }
.arm { white-space: nowrap; }
.arm-cell { min-width: 28mm; }
.swatch { width: 7mm; height: 2.6mm; vertical-align: middle; margin-right: 1.2mm; }
.legend { font-size: 8.5pt; margin: 0 0 1mm; display: flex; flex-wrap: wrap; gap: 1mm 5mm; }
figure { margin: 0 0 4mm; break-inside: avoid; }
figcaption { font-size: 8pt; color: #555; }
svg.chart { width: 100%; height: auto; display: block; font-family: ${FONTS}; }
svg.chart .grid { stroke: #e3e3e3; stroke-width: 0.8; }
svg.chart .frame { fill: none; stroke: #888; stroke-width: 0.8; }
svg.chart .zero { stroke: #555; stroke-width: 1; }
svg.chart .tick { font-size: 10px; fill: #444; }
svg.chart .axis { font-size: 11px; fill: #222; }
svg.chart .threshold { stroke: #777; stroke-width: 0.9; stroke-dasharray: 5 3; }
svg.chart .threshold-label { font-size: 9.5px; fill: #555; }
.small { font-size: 8.5pt; color: #444; }
.arm-block { break-inside: avoid; margin: 0 0 3mm; }
.arm-block ul { margin: 0.5mm 0 0 0; padding-left: 6mm; }
.band-good { color: #135e2a; } .band-near { color: #7a5a00; } .band-bad { color: #8a1c1c; }
footer { margin-top: 8mm; }
`;
}

/** The report as one HTML document (UTF-8). */
export function reportHtml(run: ComparisonRun, options: HtmlOptions): string {
  const { lang } = options;
  const t = strings(lang);
  const parsedBase = options.base === undefined ? undefined : parseScenario(options.base);
  const base: Scenario | undefined = parsedBase?.ok ? parsedBase.scenario : undefined;
  const comparison = run.arms.length > 1;
  const subtitle = comparison ? t.comparisonReport(run.arms.length) : t.scenarioReport;
  const body = [
    `<div class="notice">${esc(t.notice)}</div>`,
    `<header><p class="subtitle">${esc(subtitle)}</p><h1>${esc(run.name)}</h1>`,
    `<p class="meta">${esc(t.generated)}: ${esc(dateText(options.generatedAt))} · ${esc(t.engine)}: ${esc(run.engine)} · Modulon</p>`,
    run.description ? `<p>${esc(run.description)}</p>` : '',
    '</header>',
    peopleSection(run, base, lang),
    findingsSection(run, lang),
    chartsSection(run, lang),
    chainSection(run, lang),
    adverseSection(run, lang),
    validationSection(run, lang),
    assumptionsSection(run, lang),
    `<footer><div class="notice">${esc(t.notice)}</div></footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Modulon ${esc(run.engine)}">
<title>${esc(run.name)} — Modulon</title>
<style>${css(lang, options.paper)}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
